package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wheelsh.core.config.CheckSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fixtures: each folder under {@code src/test/resources/fixtures/<set>/} holds one document
 * (named as the editor would name it: {@code pyproject.toml}, {@code pip.conf}, {@code *.json})
 * with the cursor marked {@code <|>}, and {@code expect.txt}, one expectation per line:
 * <pre>
 * diagnostic CODE SEVERITY L:C-L:C [message]   every diagnostic, in order; none listed = none expected
 * hover TEXT                                   the hover at the cursor contains TEXT
 * no-hover                                     there is no hover at the cursor
 * completion LABEL L:C-L:C                     a candidate at the cursor, replacing that range
 * action TITLE => FILE                         a quick fix at the cursor; applied, it gives FILE
 * </pre>
 * The {@code scripted} set runs against {@link FakeAnalyzer} and pins the protocol mapping; the
 * {@code real} set runs against core's checks.
 */
class FixtureTest {

    static final String CURSOR = "<|>";

    @TestFactory
    Stream<DynamicTest> scriptedFixtures() throws Exception {
        return fixtures("scripted", settings -> new FakeAnalyzer(false));
    }

    @TestFactory
    Stream<DynamicTest> realFixtures() throws Exception {
        return fixtures("real", DocumentAnalyzer.coreFactory());
    }

    private Stream<DynamicTest> fixtures(String set, Function<CheckSettings, DocumentAnalyzer> analyzers)
            throws IOException, URISyntaxException {
        var url = getClass().getResource("/fixtures/" + set);
        if (url == null) {
            return Stream.empty();
        }
        Path root = Path.of(url.toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(dir -> DynamicTest.dynamicTest(set + "/" + dir.getFileName(), () -> run(dir, analyzers)));
    }

    private static void run(Path dir, Function<CheckSettings, DocumentAnalyzer> analyzers) throws Exception {
        Path document;
        try (Stream<Path> s = Files.list(dir)) {
            document = s.filter(p -> !p.getFileName().toString().equals("expect.txt")
                            && !p.getFileName().toString().endsWith(".fixed"))
                    .findFirst().orElseThrow(() -> new AssertionError("no document in " + dir));
        }
        String marked = Files.readString(document, StandardCharsets.UTF_8);
        int at = marked.indexOf(CURSOR);
        String text = at < 0 ? marked : marked.substring(0, at) + marked.substring(at + CURSOR.length());
        Position cursor = DocumentText.positionOf(text, Math.max(at, 0));
        List<String> expect = Files.readAllLines(dir.resolve("expect.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        String uri = dir.resolve(document.getFileName()).toUri().toString();

        try (LspSession s = LspSession.started(analyzers, 0)) {
            s.open(uri, 1, text);
            List<Diagnostic> diagnostics = s.awaitVersion(uri, 1).getDiagnostics();
            List<String> wantDiagnostics = new ArrayList<>();
            for (String line : expect) {
                String[] w = line.split("\\s+", 2);
                String rest = w.length > 1 ? w[1] : "";
                switch (w[0]) {
                    case "diagnostic" -> wantDiagnostics.add(rest);
                    case "hover" -> {
                        Hover h = s.server.getTextDocumentService()
                                .hover(new HoverParams(new TextDocumentIdentifier(uri), cursor)).get(10, TimeUnit.SECONDS);
                        assertTrue(h != null && h.getContents().getRight().getValue().contains(rest),
                                "hover at " + show(cursor) + " should contain \"" + rest + "\" but was " + h);
                    }
                    case "no-hover" -> assertEquals(null, s.server.getTextDocumentService()
                            .hover(new HoverParams(new TextDocumentIdentifier(uri), cursor)).get(10, TimeUnit.SECONDS));
                    case "completion" -> {
                        String[] c = rest.split("\\s+");
                        List<CompletionItem> items = s.server.getTextDocumentService()
                                .completion(new CompletionParams(new TextDocumentIdentifier(uri), cursor))
                                .get(10, TimeUnit.SECONDS).getRight().getItems();
                        CompletionItem item = items.stream().filter(i -> i.getLabel().equals(c[0])).findFirst()
                                .orElseThrow(() -> new AssertionError("no completion " + c[0] + " at " + show(cursor)
                                        + " among " + items.stream().map(CompletionItem::getLabel).toList()));
                        assertEquals(c[1], show(item.getTextEdit().getLeft().getRange()), "range replaced by " + c[0]);
                    }
                    case "action" -> {
                        String[] a = rest.split("\\s*=>\\s*");
                        List<Diagnostic> here = diagnostics.stream()
                                .filter(d -> WheelshTextDocumentService.overlaps(d.getRange(), new Range(cursor, cursor))).toList();
                        List<CodeAction> actions = s.server.getTextDocumentService()
                                .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), new Range(cursor, cursor),
                                        new CodeActionContext(here)))
                                .get(10, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
                        CodeAction action = actions.stream().filter(x -> x.getTitle().equals(a[0])).findFirst()
                                .orElseThrow(() -> new AssertionError("no action \"" + a[0] + "\" at " + show(cursor)
                                        + " among " + actions.stream().map(CodeAction::getTitle).toList()));
                        String fixed = applyAll(text, action.getEdit().getChanges().get(uri));
                        assertEquals(Files.readString(dir.resolve(a[1]), StandardCharsets.UTF_8), fixed, "after " + a[0]);
                    }
                    default -> fail("unknown expectation in " + dir + ": " + line);
                }
            }
            List<String> got = diagnostics.stream().map(FixtureTest::describe).toList();
            assertEquals(wantDiagnostics.size(), got.size(), "diagnostics of " + dir.getFileName() + ": " + got);
            for (int i = 0; i < got.size(); i++) {
                String want = wantDiagnostics.get(i);
                assertTrue(got.get(i).startsWith(want), "diagnostic " + i + ": expected \"" + want + "\", got \"" + got.get(i) + "\"");
            }
        }
    }

    /** "CODE severity L:C-L:C message", the way expect.txt writes it. */
    static String describe(Diagnostic d) {
        String code = d.getCode() == null ? "-" : d.getCode().getLeft();
        return code + " " + severity(d.getSeverity()) + " " + show(d.getRange()) + " " + d.getMessage();
    }

    private static String severity(DiagnosticSeverity s) {
        return switch (s) {
            case Error -> "error";
            case Warning -> "warning";
            case Information -> "info";
            case Hint -> "hint";
        };
    }

    static String show(Position p) {
        return p.getLine() + ":" + p.getCharacter();
    }

    static String show(Range r) {
        return show(r.getStart()) + "-" + show(r.getEnd());
    }

    /** Applies edits that do not overlap, last first, so earlier ranges stay valid. */
    private static String applyAll(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
        String result = text;
        for (TextEdit e : sorted) {
            result = DocumentText.apply(result, new TextDocumentContentChangeEvent(e.getRange(), e.getNewText()));
        }
        return result;
    }
}
