package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/**
 * The editor's commands, over the protocol: "Explain tag at cursor" and "Show the target's tags"
 * ask the server (workspace/executeCommand), which answers in the words the shell prints.
 */
class ServerCommandsTest {

    private static LspSession withTargets(String... targets) throws Exception {
        JsonObject options = new JsonObject();
        JsonObject wheelsh = new JsonObject();
        JsonArray list = new JsonArray();
        for (String t : targets) {
            list.add(t);
        }
        wheelsh.add("defaultTargets", list);
        options.add("wheelsh", wheelsh);
        return LspSession.started(s -> new FakeAnalyzer(false), 20, init -> init.setInitializationOptions(options));
    }

    private static Object run(LspSession s, String command, String... arguments) throws Exception {
        List<Object> args = new ArrayList<>();
        for (String a : arguments) {
            args.add(new JsonPrimitive(a));
        }
        ExecuteCommandParams p = new ExecuteCommandParams(command, args);
        return s.server.getWorkspaceService().executeCommand(p).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theServerOffersItsCommands() throws Exception {
        try (LspSession s = new LspSession(c -> new FakeAnalyzer(false), 20)) {
            InitializeResult r = s.server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
            assertEquals(List.of("wheelsh.server.explain", "wheelsh.server.targetTags"),
                    r.getCapabilities().getExecuteCommandProvider().getCommands());
        }
    }

    @Test
    void explainGivesTheMeaningAndTheVerdictForEachDefaultTarget() throws Exception {
        try (LspSession s = withTargets("cp310-glibc2.38-loongarch64", "cp313-glibc2.38-x86_64")) {
            String text = (String) run(s, "wheelsh.server.explain", "\"numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl\"");
            assertTrue(text.contains("  cp313") && text.contains("CPython 3.13"), text);
            assertTrue(text.contains("PyPI: accepts these platform tags"), text);
            assertTrue(text.contains("target: CPython 3.10 on Linux loongarch64"), text);
            assertTrue(text.contains("verdict: not installable"), text);
            assertTrue(text.contains("verdict: installable: pip matches cp313-cp313-manylinux_2_17_x86_64"), text);
        }
    }

    @Test
    void targetTagsListsPipsOrderForTheTarget() throws Exception {
        try (LspSession s = withTargets("cp313-glibc2.38-loongarch64")) {
            List<String> lines = ((String) run(s, "wheelsh.server.targetTags", "cp313-glibc2.38-x86_64")).lines().toList();
            assertTrue(lines.get(0).endsWith("tags, the most preferred first"), lines.get(0));
            assertEquals("cp313-cp313-manylinux_2_38_x86_64", lines.get(1));
            // without an argument: the first default target
            List<String> first = ((String) run(s, "wheelsh.server.targetTags")).lines().toList();
            assertEquals("cp313-cp313-manylinux_2_38_loongarch64", first.get(1));
        }
    }

    @Test
    void aBadArgumentIsOneLineTheEditorShows() throws Exception {
        try (LspSession s = withTargets()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> run(s, "wheelsh.server.targetTags", "cp313-glibc2.38-x86-64"));
            ResponseErrorException r = assertInstanceOf(ResponseErrorException.class, e.getCause());
            assertTrue(r.getMessage().contains("x86-64") && !r.getMessage().contains("\n"), r.getMessage());
            assertThrows(ExecutionException.class, () -> run(s, "wheelsh.server.explain", ""));
        }
    }
}
