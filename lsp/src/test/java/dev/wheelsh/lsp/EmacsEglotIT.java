package dev.wheelsh.lsp;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emacs in batch mode with eglot (Debian: emacs-nox and elpa-eglot) against the server with scripted
 * checks; the real server, started as `wheelsh lsp`, is the shell module's LspCommandIT.
 */
class EmacsEglotIT {

    @Test
    void scriptedChecksThroughEglot(@TempDir Path dir) throws Exception {
        EditorScenarios.scriptedChecks(EditorScenarios.EMACS, dir);
    }
}
