package dev.wheelsh.lsp;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless Neovim's built-in LSP client (vim.lsp) against the server process. */
class NeovimClientIT {

    private static final EditorScenarios.Editor NEOVIM = new EditorScenarios.Editor() {
        @Override
        public List<String> command(Path script, Path file) {
            Path nvim = EditorRun.requireExecutable("nvim");
            return List.of(nvim.toString(), "--headless", "-n", "-i", "NONE", "-u", script.toString());
        }

        @Override
        public String scriptName() {
            return "nvim-client.lua";
        }
    };

    @Test
    void scriptedChecksThroughNeovim(@TempDir Path dir) throws Exception {
        EditorScenarios.scriptedChecks(NEOVIM, dir);
    }

    @Test
    void realServerThroughNeovim(@TempDir Path dir) throws Exception {
        EditorScenarios.realServer(NEOVIM, dir);
    }
}
