package org.ecobugs.lsp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ecobugs.rules.Finding;

/** The open documents: their current text and the findings of their last analysis. */
final class Documents {

    /** An open document; {@code languageId} as the editor named it when opening it. */
    record Document(String uri, String languageId, int version, String text) {}

    /** The findings of the analysis of one version of a document. */
    record Analysed(
            int version, String text, java.util.List<Finding> findings, org.ecobugs.rules.meta.RuleCatalog catalog) {}

    private final Map<String, Document> open = new ConcurrentHashMap<>();
    private final Map<String, Analysed> analysed = new ConcurrentHashMap<>();

    void open(String uri, String languageId, int version, String text) {
        open.put(uri, new Document(uri, languageId, version, text));
    }

    void change(String uri, int version, String text) {
        open.computeIfPresent(uri, (key, document) -> new Document(uri, document.languageId(), version, text));
    }

    void close(String uri) {
        open.remove(uri);
        analysed.remove(uri);
    }

    Optional<Document> get(String uri) {
        return Optional.ofNullable(open.get(uri));
    }

    void analysed(String uri, Analysed result) {
        analysed.put(uri, result);
    }

    Optional<Analysed> lastAnalysis(String uri) {
        return Optional.ofNullable(analysed.get(uri));
    }
}
