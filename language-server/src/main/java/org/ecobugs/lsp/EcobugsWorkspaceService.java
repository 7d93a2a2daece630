package org.ecobugs.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Hands the project model the files changed outside the editor; settings come with {@code initialize}. */
final class EcobugsWorkspaceService implements WorkspaceService {

    private final EcobugsTextDocumentService textDocuments;

    EcobugsWorkspaceService(EcobugsTextDocumentService textDocuments) {
        this.textDocuments = textDocuments;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // Settings are read once, from the initialization options.
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        textDocuments.filesChanged(params.getChanges());
    }
}
