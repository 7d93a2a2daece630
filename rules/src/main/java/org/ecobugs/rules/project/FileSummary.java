package org.ecobugs.rules.project;

import java.util.List;

/** What one source file tells about the project: the types and the methods it declares. */
public record FileSummary(List<TypeSummary> types, List<MethodSummary> methods) {

    public static final FileSummary EMPTY = new FileSummary(List.of(), List.of());
}
