package dev.wheelsh.lsp;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emacs in batch mode with eglot (Debian: emacs-nox and elpa-eglot) against the server process. */
class EmacsEglotIT {

    private static final EditorScenarios.Editor EMACS = new EditorScenarios.Editor() {
        @Override
        public List<String> command(Path script, Path file) {
            Path emacs = EditorRun.requireExecutable("emacs");
            return List.of(emacs.toString(), "--batch", "--no-init-file", "-l", script.toString());
        }

        @Override
        public String scriptName() {
            return "eglot-client.el";
        }
    };

    @Test
    void scriptedChecksThroughEglot(@TempDir Path dir) throws Exception {
        EditorScenarios.scriptedChecks(EMACS, dir);
    }

    @Test
    void realServerThroughEglot(@TempDir Path dir) throws Exception {
        EditorScenarios.realServer(EMACS, dir);
    }
}
