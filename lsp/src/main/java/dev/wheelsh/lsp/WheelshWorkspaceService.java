package dev.wheelsh.lsp;

import java.nio.file.Path;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings from the editor, and changes to the extra baseline files on disk. */
final class WheelshWorkspaceService implements WorkspaceService {

    private final WheelshLanguageServer server;

    WheelshWorkspaceService(WheelshLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        try {
            server.applySettings(params.getSettings());
        } catch (Throwable t) {
            server.log().failure("didChangeConfiguration", t);
        }
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        try {
            // A baseline file named in the settings changed on disk: its policies may be different now.
            for (FileEvent event : params.getChanges()) {
                Path changed = WheelshLanguageServer.pathOf(event.getUri()).map(Path::normalize).orElse(null);
                if (changed != null && server.settings().extraBaselineFiles().contains(changed)) {
                    server.rebuildAnalyzer();
                    return;
                }
            }
        } catch (Throwable t) {
            server.log().failure("didChangeWatchedFiles", t);
        }
    }
}
