package dev.wheelsh.lsp;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless Neovim's built-in LSP client (vim.lsp) against the server with scripted checks; the real
 * server, started as `wheelsh lsp`, is the shell module's LspCommandIT.
 */
class NeovimClientIT {

    @Test
    void scriptedChecksThroughNeovim(@TempDir Path dir) throws Exception {
        EditorScenarios.scriptedChecks(EditorScenarios.NEOVIM, dir);
    }
}
