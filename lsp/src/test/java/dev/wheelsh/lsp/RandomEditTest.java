package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random incremental edits (fixed seed, so a failure repeats): the server never
 * stops, publishes versions only forwards, its last publication is for the last version, and it
 * checked exactly the text the client holds (the client keeps its own copy, edited by a separate
 * line-list model rather than the server's code).
 */
class RandomEditTest {

    private static final String URI = "file:///random/pyproject.toml";
    private static final String[] INSERTS = {
        "", "x", "loong64", "manylinux2014", "\n", "\r\n", "\r", "\uD83D\uDE00", "=", "\"", "[", "]",
        "[tool.cibuildwheel]\n", "archs = [\"loongarch64\", \"x86_64\"]\n", "skip = \"cp3??t-*\"\n", "#", " ", "\t",
        "environments = [\"sys_platform == 'linux'\"]\n", "é", "\u0000",
    };
    private static final String START = """
            [project]
            name = "demo"
            requires-python = ">=3.9"

            [tool.cibuildwheel]
            build = "cp39-* cp313t-*"
            skip = "*-musllinux_i686"
            archs = ["x86_64", "loong64"]
            manylinux-x86_64-image = "manylinux2014"

            [tool.uv]
            environments = ["sys_platform == 'linux' and platform_machine == 'loongarch64'"]
            """;

    @Test
    void thousandsOfRandomEditsWithScriptedChecks() throws Exception {
        try (LspSession s = LspSession.started(settings -> new FakeAnalyzer(true), 3)) {
            String model = run(s, new Random(20260601L), 3000);
            PublishDiagnosticsParams last = s.awaitVersion(URI, 3001);
            Diagnostic digest = last.getDiagnostics().get(0);
            assertEquals("WH099", digest.getCode().getLeft());
            assertEquals(FakeAnalyzer.digestOf(model), digest.getMessage(), "the server checked the client's text");
            assertLastIsNewestAndNeverBackwards(s, 3001);
        }
    }

    @Test
    void thousandsOfRandomEditsWithTheRealChecks() throws Exception {
        try (LspSession s = LspSession.started(DocumentAnalyzer.coreFactory(), 3)) {
            run(s, new Random(7L), 2000);
            s.awaitVersion(URI, 2001);
            assertLastIsNewestAndNeverBackwards(s, 2001);
            for (PublishDiagnosticsParams p : s.publishedFor(URI)) {
                for (Diagnostic d : p.getDiagnostics()) {
                    assertFalse(d.getMessage().startsWith("wheelsh could not check"),
                            "a check threw on version " + p.getVersion() + ":\n" + s.serverLog);
                }
            }
        }
    }

    /** Opens the document, sends {@code edits} random changes (versions 2..edits+1); returns the client's text. */
    private static String run(LspSession s, Random random, int edits) throws Exception {
        String model = START;
        s.open(URI, 1, model);
        for (int v = 2; v <= edits + 1; v++) {
            List<String> lines = lines(model);
            int l1 = random.nextInt(lines.size() + 1);
            int c1 = random.nextInt(lineLength(lines, l1) + 2);
            int l2 = l1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
            int c2 = l2 == l1 ? c1 + random.nextInt(6) : random.nextInt(lineLength(lines, l2) + 2);
            // Never split a surrogate pair: JSON cannot carry half a character, so no editor sends one.
            c1 = outsidePair(model, lines, l1, c1);
            c2 = outsidePair(model, lines, l2, c2);
            String insert = INSERTS[random.nextInt(INSERTS.length)];
            Range range = new Range(new Position(l1, c1), new Position(l2, c2));
            if (random.nextInt(200) == 0) {
                // Now and then the client sends the whole text instead.
                model = model + insert;
                s.change(URI, v, new TextDocumentContentChangeEvent(model));
            } else {
                model = applyByLines(model, l1, c1, l2, c2, insert);
                s.change(URI, v, new TextDocumentContentChangeEvent(range, insert));
            }
            if (v == edits / 2 + 1) {
                // Halfway, wait for that version's diagnostics: at least one check certainly ran
                // before the last, however fast or slow this machine is.
                s.awaitVersion(URI, v);
            }
            if (random.nextInt(100) == 0) {
                // Let some checks run in between, so that checks and changes overlap.
                Thread.sleep(random.nextInt(10));
            }
            if (random.nextInt(500) == 0) {
                s.server.getTextDocumentService()
                        .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(l1, c1)))
                        .get(10, TimeUnit.SECONDS);
            }
        }
        return model;
    }

    private static void assertLastIsNewestAndNeverBackwards(LspSession s, int lastVersion) throws Exception {
        Thread.sleep(100); // anything still in flight would arrive now
        List<PublishDiagnosticsParams> all = s.publishedFor(URI);
        assertTrue(all.size() >= 2, "several checks ran");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).getVersion() <= all.get(i).getVersion(),
                    "version " + all.get(i).getVersion() + " published after " + all.get(i - 1).getVersion());
        }
        assertEquals(lastVersion, all.get(all.size() - 1).getVersion());
    }

    private static int outsidePair(String text, List<String> lines, int line, int column) {
        int i = index(lines, line, column);
        boolean inside = i > 0 && i < text.length()
                && Character.isHighSurrogate(text.charAt(i - 1)) && Character.isLowSurrogate(text.charAt(i));
        return inside ? column + 1 : column;
    }

    /** The lines of a text, each with its terminator. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    private static int lineLength(List<String> lines, int line) {
        return line < lines.size() ? lines.get(line).replaceAll("[\r\n]+$", "").length() : 0;
    }

    /** Position to index by summing whole lines, clamping as the protocol says. */
    private static int index(List<String> lines, int line, int column) {
        if (line >= lines.size()) {
            return lines.stream().mapToInt(String::length).sum();
        }
        int before = 0;
        for (int i = 0; i < line; i++) {
            before += lines.get(i).length();
        }
        return before + Math.min(column, lineLength(lines, line));
    }

    private static String applyByLines(String text, int l1, int c1, int l2, int c2, String insert) {
        List<String> lines = lines(text);
        int a = index(lines, l1, c1);
        int b = index(lines, l2, c2);
        return text.substring(0, Math.min(a, b)) + insert + text.substring(Math.max(a, b));
    }
}
