package org.ecobugs.rules.project;

import java.util.List;

/**
 * A type the project declares.
 *
 * @param name its fully qualified name (nested types joined with dots)
 * @param outer the type it is nested in, or null
 * @param supertypes the types it extends or implements, named as {@link CallSite.Receiver#type} names types
 */
public record TypeSummary(String name, String outer, boolean isInterface, List<String> supertypes) {}
