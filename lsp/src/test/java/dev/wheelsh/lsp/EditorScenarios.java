package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every real editor must see, written once and run through each editor's client script.
 * Public for the shell module's LspCommandIT, which runs the real server as `wheelsh lsp`.
 */
public final class EditorScenarios {

    private EditorScenarios() {
    }

    /** Starts the editor on a file; {@code editor} gets the script path and gives the command. */
    public interface Editor {
        List<String> command(Path script, Path file);

        String scriptName();
    }

    /** Headless Neovim's built-in LSP client (vim.lsp), driven by e2e/nvim-client.lua. */
    public static final Editor NEOVIM = new Editor() {
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

    /** Emacs in batch mode with eglot (Debian: emacs-nox and elpa-eglot), driven by e2e/eglot-client.el. */
    public static final Editor EMACS = new Editor() {
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

    /**
     * The mechanics with scripted checks: diagnostics with exact ranges after open, a hover, the
     * quick fixes behind the diagnostics, an incremental edit answered by diagnostics of the
     * edited version, and a clean shutdown (exit code 0).
     */
    static void scriptedChecks(Editor editor, Path dir) throws Exception {
        Path file = dir.resolve("pip.conf");
        Files.writeString(file, "[install]\nplatform = manylinux2014_loong64\n", StandardCharsets.UTF_8);
        JsonObject result = EditorRun.run(dir, editor.command(EditorRun.script(dir, editor.scriptName()), file), Map.of(
                "WHEELSH_CMD", EditorRun.json(EditorRun.fakeServer()),
                "WHEELSH_FILE", file.toString(),
                "WHEELSH_HOVER", "{\"line\": 1, \"character\": 14}",
                "WHEELSH_EDIT", "{\"line\": 1, \"character\": 11, \"end_character\": 24, \"text\": \"manylinux_2_17\"}"));

        int opened = result.get("opened_version").getAsInt();
        assertEquals(List.of("WH192 1:11-1:24", "WH191 1:25-1:32"), EditorRun.diagnosticsOf(result, opened));
        assertEquals("word `manylinux2014_loong64`", EditorRun.hoverText(result).orElse("(no hover)"));
        assertEquals(List.of("Replace manylinux2014 with manylinux_2_17", "Replace manylinux2014 with manylinux_2_28",
                "Replace loong64 with loongarch64"), EditorRun.actionTitles(result));

        int edited = result.get("edited_version").getAsInt();
        assertTrue(edited > opened, "the edit made a new version");
        assertEquals("[install]\nplatform = manylinux_2_17_loong64", result.get("edited_text").getAsString().stripTrailing());
        assertEquals(List.of("WH191 1:26-1:33"), EditorRun.diagnosticsOf(result, edited));
        assertEquals(0, result.get("exit_code").getAsInt(), "the server exits with 0 after shutdown and exit");
    }

    /**
     * The real server with the real checks, started by {@code server} as an editor starts it
     * (`wheelsh lsp`): diagnostics for the opened version of a pip.conf (the misspelled arch
     * inside the platform tag), the hover of the legacy tag, and a clean exit.
     */
    public static void realServer(Editor editor, Path dir, List<String> server) throws Exception {
        Path file = dir.resolve("pip.conf");
        Files.writeString(file, "[install]\nonly-binary = :all:\nplatform = manylinux2014_loong64\n", StandardCharsets.UTF_8);
        JsonObject result = EditorRun.run(dir, editor.command(EditorRun.script(dir, editor.scriptName()), file), Map.of(
                "WHEELSH_CMD", EditorRun.json(server),
                "WHEELSH_FILE", file.toString(),
                "WHEELSH_HOVER", "{\"line\": 2, \"character\": 14}",
                "WHEELSH_EDIT", ""));
        int opened = result.get("opened_version").getAsInt();
        List<String> diagnostics = EditorRun.diagnosticsOf(result, opened);
        assertTrue(diagnostics.contains("WH191 2:25-2:32"), "the misspelled arch, on its exact component: " + diagnostics);
        assertTrue(EditorRun.hoverText(result).orElse("").contains("manylinux_2_17_loong64"),
                "the hover names the PEP 600 spelling: " + EditorRun.hoverText(result));
        assertFalse(EditorRun.published(result).isEmpty());
        assertEquals(0, result.get("exit_code").getAsInt(), "the server exits with 0 after shutdown and exit");
    }
}
