package org.ecobugs.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** ecobugs needs nothing from the workspace yet: settings come with {@code initialize}. */
final class EcobugsWorkspaceService implements WorkspaceService {

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // Settings are read once, from the initialization options.
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // Files are analysed when opened, changed or saved in the editor.
    }
}
