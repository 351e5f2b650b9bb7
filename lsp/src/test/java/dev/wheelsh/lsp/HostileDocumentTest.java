package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Documents no one should write, through the server with the real checks: each is checked and
 * published (no check throws), and hover, completion and code actions anywhere answer.
 */
class HostileDocumentTest {

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    private static String binary() {
        byte[] bytes = new byte[4096];
        new Random(1).nextBytes(bytes);
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            b.append((char) (x & 0xff));
        }
        return b.toString();
    }

    private static final Map<String, String> DOCUMENTS = Map.ofEntries(
            Map.entry("empty/pyproject.toml", ""),
            Map.entry("binary/pyproject.toml", binary()),
            Map.entry("binary/pip.conf", binary()),
            Map.entry("binary/policy.json", binary()),
            Map.entry("long-line/pyproject.toml", "[tool.cibuildwheel]\nbuild = \"" + repeat("cp3?? ", 50_000) + "\"\n"),
            Map.entry("deep-inline/pyproject.toml", "a = " + repeat("{b = ", 5_000) + "1" + repeat("}", 5_000) + "\n"),
            Map.entry("deep-arrays/pyproject.toml", "a = " + repeat("[", 5_000) + repeat("]", 5_000) + "\n"),
            Map.entry("unterminated/pyproject.toml", "[tool.uv]\nenvironments = [\"sys_platform == 'linux\n[[[\n\"\"\"\n"),
            Map.entry("deep/policy.json", repeat("[", 100_000) + repeat("]", 100_000)),
            Map.entry("truncated/policy.json", "[{\"name\": \"manylinux_2_17\", \"priority\": 80, \"symbol_versions\": {\"x86_64\": {\"GLIBC\": [\"2.5\""),
            Map.entry("wrong-shape/policy.json", "{\"name\": 7, \"symbol_versions\": [null, true, {\"x\": {}}]}"),
            Map.entry("many-sections/pip.conf", repeat("[s]\nk = v\n  continued\n", 20_000)),
            Map.entry("only-continuations/pip.ini", repeat("    \t  indented\n", 1000)),
            Map.entry("nul-and-surrogates/pip.conf", "[install]\nplatform = \u0000\uD800\uDFFF\uDC00manylinux\n"));

    @Test
    void everyHostileDocumentIsCheckedAndEveryRequestAnswered() throws Exception {
        try (LspSession s = LspSession.started(DocumentAnalyzer.coreFactory(), 0)) {
            for (var e : DOCUMENTS.entrySet()) {
                String uri = "file:///hostile/" + e.getKey();
                s.open(uri, 1, e.getValue());
                for (Diagnostic d : s.awaitVersion(uri, 1).getDiagnostics()) {
                    assertFalse(d.getMessage().startsWith("wheelsh could not check"), e.getKey() + ": " + d.getMessage()
                            + "\n" + s.serverLog);
                }
                for (Position p : List.of(new Position(0, 0), new Position(0, 7), new Position(1, 12), new Position(50, 3))) {
                    var doc = new TextDocumentIdentifier(uri);
                    s.server.getTextDocumentService().hover(new HoverParams(doc, p)).get(30, TimeUnit.SECONDS);
                    assertNotNull(s.server.getTextDocumentService().completion(new CompletionParams(doc, p)).get(30, TimeUnit.SECONDS));
                    assertNotNull(s.server.getTextDocumentService().codeAction(
                            new CodeActionParams(doc, new Range(p, p), new CodeActionContext(List.of()))).get(30, TimeUnit.SECONDS));
                }
            }
        }
    }
}
