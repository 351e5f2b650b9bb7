package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wheelsh.core.config.CheckSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Registration;
import java.nio.file.Path;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** The protocol mechanics, with scripted findings (see {@link FakeAnalyzer}). */
class ServerProtocolTest {

    private static final String PIP = "file:///project/pip.conf";
    private static final String PYPROJECT = "file:///project/pyproject.toml";

    private static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }

    @Test
    void aFindingIsPublishedAsADiagnosticWithCodeSeveritySourceRangeAndExplanation() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.open(PIP, 1, "[install]\nplatform = manylinux_2_17_loong64\n");
            PublishDiagnosticsParams p = s.awaitVersion(PIP, 1);
            assertEquals(1, p.getDiagnostics().size());
            Diagnostic d = p.getDiagnostics().get(0);
            assertEquals("WH191", d.getCode().getLeft());
            assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
            assertEquals("wheelsh", d.getSource());
            assertEquals(range(1, 26, 1, 33), d.getRange());
            assertEquals("unknown architecture loong64", d.getMessage());
            assertEquals("Python spells this architecture loongarch64 in platform tags.",
                    d.getRelatedInformation().get(0).getMessage());
            JsonObject data = JsonParser.parseString(d.getData().toString()).getAsJsonObject();
            assertEquals("Python spells this architecture loongarch64 in platform tags.", data.get("explanation").getAsString());
        }
    }

    @Test
    void filesWheelshDoesNotCheckGetNoDiagnostics() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.open("file:///project/setup.cfg", 1, "loong64");
            s.open(PIP, 1, "x");
            s.awaitVersion(PIP, 1);
            assertTrue(s.publishedFor("file:///project/setup.cfg").stream().allMatch(p -> p.getDiagnostics().isEmpty()));
        }
    }

    @Test
    void anIncrementalChangeIsCheckedAndTheNewVersionPublished() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.open(PIP, 1, "[install]\nplatform = x\n");
            assertTrue(s.awaitVersion(PIP, 1).getDiagnostics().isEmpty());
            s.change(PIP, 2, new TextDocumentContentChangeEvent(range(1, 11, 1, 12), "manylinux2014_loong64"));
            List<Diagnostic> ds = s.awaitVersion(PIP, 2).getDiagnostics();
            assertEquals(List.of("WH192", "WH191"), ds.stream().map(d -> d.getCode().getLeft()).toList());
            assertEquals(range(1, 11, 1, 24), ds.get(0).getRange());
            assertEquals(range(1, 25, 1, 32), ds.get(1).getRange());
        }
    }

    @Test
    void hoverAnswersForTheWordUnderTheCursorWithItsRange() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.open(PYPROJECT, 1, "[tool.cibuildwheel]\narchs = [\"loongarch64\"]\n");
            Hover h = s.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(PYPROJECT), new Position(1, 14)))
                    .get(10, TimeUnit.SECONDS);
            assertEquals("markdown", h.getContents().getRight().getKind());
            assertEquals("word `loongarch64`", h.getContents().getRight().getValue());
            assertEquals(range(1, 10, 1, 21), h.getRange());
            Hover none = s.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(PYPROJECT), new Position(1, 6)))
                    .get(10, TimeUnit.SECONDS);
            assertNull(none);
        }
    }

    @Test
    void completionItemsCarryATextEditForTheTypedPrefix() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.open(PYPROJECT, 1, "[tool.cibuildwheel.linux]\narchs = [\"loo\"]\n");
            List<CompletionItem> items = s.server.getTextDocumentService()
                    .completion(new CompletionParams(new TextDocumentIdentifier(PYPROJECT), new Position(1, 13)))
                    .get(10, TimeUnit.SECONDS).getRight().getItems();
            assertEquals(List.of("loongarch64", "x86_64"), items.stream().map(CompletionItem::getLabel).toList());
            TextEdit edit = items.get(0).getTextEdit().getLeft();
            assertEquals(range(1, 10, 1, 13), edit.getRange());
            assertEquals("loongarch64", edit.getNewText());
            assertTrue(items.get(0).getSortText().compareTo(items.get(1).getSortText()) < 0, "core's order is kept");
        }
    }

    @Test
    void quickFixesAreTheFixesOfTheFindingBehindTheDiagnosticPreferredFirst() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.open(PIP, 1, "[install]\nplatform = manylinux2014_loong64\n");
            List<Diagnostic> ds = s.awaitVersion(PIP, 1).getDiagnostics();
            Diagnostic alias = ds.get(0);
            CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(PIP), alias.getRange(),
                    new CodeActionContext(List.of(alias)));
            List<CodeAction> actions = s.server.getTextDocumentService().codeAction(params).get(10, TimeUnit.SECONDS)
                    .stream().map(Either::getRight).toList();
            assertEquals(List.of("Replace manylinux2014 with manylinux_2_17", "Replace manylinux2014 with manylinux_2_28"),
                    actions.stream().map(CodeAction::getTitle).toList());
            assertEquals("quickfix", actions.get(0).getKind());
            assertTrue(actions.get(0).getIsPreferred());
            assertFalse(actions.get(1).getIsPreferred());
            assertEquals(List.of(alias), actions.get(0).getDiagnostics());
            TextEdit edit = actions.get(0).getEdit().getChanges().get(PIP).get(0);
            assertEquals(range(1, 11, 1, 24), edit.getRange());
            assertEquals("manylinux_2_17", edit.getNewText());
        }
    }

    @Test
    void withoutDiagnosticsInTheRequestTheFixesOfFindingsInTheRangeAreOffered() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.open(PIP, 1, "[install]\nplatform = manylinux_2_17_loong64\nabi = loong64\n");
            s.awaitVersion(PIP, 1);
            CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(PIP), range(2, 8, 2, 8),
                    new CodeActionContext(List.of()));
            List<CodeAction> actions = s.server.getTextDocumentService().codeAction(params).get(10, TimeUnit.SECONDS)
                    .stream().map(Either::getRight).toList();
            assertEquals(1, actions.size());
            assertEquals(range(2, 6, 2, 13), actions.get(0).getEdit().getChanges().get(PIP).get(0).getRange());
            CodeActionParams onlyRefactor = new CodeActionParams(new TextDocumentIdentifier(PIP), range(2, 8, 2, 8),
                    new CodeActionContext(List.of(), List.of("refactor")));
            assertTrue(s.server.getTextDocumentService().codeAction(onlyRefactor).get(10, TimeUnit.SECONDS).isEmpty());
        }
    }

    @Test
    void closingADocumentClearsItsDiagnostics() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.open(PIP, 1, "loong64");
            assertEquals(1, s.awaitVersion(PIP, 1).getDiagnostics().size());
            s.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(PIP)));
            s.await(PIP, p -> p.getVersion() == null && p.getDiagnostics().isEmpty(), Duration.ofSeconds(10));
        }
    }

    @Test
    void aSettingsChangeRebuildsTheChecksWithTheNewSettingsAndChecksOpenDocumentsAgain() throws Exception {
        List<CheckSettings> built = new CopyOnWriteArrayList<>();
        try (LspSession s = LspSession.started(settings -> {
            built.add(settings);
            return new FakeAnalyzer(false);
        }, 20)) {
            s.open(PIP, 1, "loong64");
            s.awaitVersion(PIP, 1);
            int before = s.publishedFor(PIP).size();
            s.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(JsonParser.parseString(
                    "{\"wheelsh\": {\"baselines\": [\"/b/loong.json\"], \"defaultTargets\": [\"--arch loongarch64\"]}}")));
            s.await(PIP, p -> s.publishedFor(PIP).size() > before, Duration.ofSeconds(10));
            CheckSettings last = built.get(built.size() - 1);
            assertEquals(List.of("--arch loongarch64"), last.defaultTargets());
            assertEquals(1, last.extraBaselineFiles().size());
            assertTrue(last.extraBaselineFiles().get(0).endsWith("loong.json"));
        }
    }

    @Test
    void theExtraBaselineFilesAreWatchedAndAChangeToOneChecksOpenDocumentsAgain() throws Exception {
        List<CheckSettings> built = new CopyOnWriteArrayList<>();
        try (LspSession s = LspSession.started(settings -> {
            built.add(settings);
            return new FakeAnalyzer(false);
        }, 20)) {
            s.open(PIP, 1, "loong64");
            s.awaitVersion(PIP, 1);
            Path baseline = Path.of("/b/loong.json").toAbsolutePath();
            s.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(JsonParser.parseString(
                    "{\"wheelsh\": {\"baselines\": [" + new com.google.gson.JsonPrimitive(baseline.toString()) + "]}}")));
            long deadline = System.currentTimeMillis() + 10_000;
            while (s.registrations.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            Registration r = s.registrations.get(0).getRegistrations().get(0);
            assertEquals("workspace/didChangeWatchedFiles", r.getMethod());
            JsonObject options = (JsonObject) r.getRegisterOptions(); // as it arrived over the wire
            assertEquals(baseline.toString().replace('\\', '/'),
                    options.getAsJsonArray("watchers").get(0).getAsJsonObject().get("globPattern").getAsString());

            int builds = built.size();
            int before = s.publishedFor(PIP).size();
            s.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent("file:///elsewhere/other.json", FileChangeType.Changed))));
            s.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(baseline.toUri().toString(), FileChangeType.Changed))));
            s.await(PIP, p -> s.publishedFor(PIP).size() > before, Duration.ofSeconds(10));
            assertEquals(builds + 1, built.size(), "rebuilt once, for the baseline file only");
        }
    }

    @Test
    void aCheckThatThrowsBecomesOneDiagnosticAndTheServerGoesOn() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.open(PIP, 1, "[install]\nBOOM\n");
            Diagnostic d = s.awaitVersion(PIP, 1).getDiagnostics().get(0);
            assertTrue(d.getMessage().startsWith("wheelsh could not check this file"), d.getMessage());
            s.change(PIP, 2, new TextDocumentContentChangeEvent(range(1, 0, 1, 4), "loong64"));
            assertEquals("WH191", s.awaitVersion(PIP, 2).getDiagnostics().get(0).getCode().getLeft());
            assertTrue(s.serverLog.toString(StandardCharsets.UTF_8).contains("scripted failure"));
        }
    }

    @Test
    void malformedAndUnexpectedMessagesLeaveTheServerAnswering() throws Exception {
        try (LspSession s = LspSession.fake()) {
            s.sendRaw(frame("{ this is not json"));
            s.sendRaw(frame("{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":5}}"));
            s.sendRaw(frame("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":"
                    + "{\"textDocument\":{\"uri\":\"file:///nope/pip.conf\",\"version\":3},\"contentChanges\":[{\"text\":\"x\"}]}}"));
            s.sendRaw(frame("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{}}"));
            s.sendRaw(frame("{\"jsonrpc\":\"2.0\",\"id\":78,\"method\":\"no/such/method\",\"params\":[]}"));
            s.sendRaw(frame("{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeConfiguration\",\"params\":{\"settings\":[1,2]}}"));
            s.open("not a uri at all \u0000", 1, "loong64");
            s.change(PIP, 9, new TextDocumentContentChangeEvent(range(0, 0, 0, 0), "x"));
            Hover h = s.server.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier("file:///unknown/pip.conf"), new Position(-5, 1_000_000)))
                    .get(10, TimeUnit.SECONDS);
            assertNull(h);
            s.open(PIP, 1, "loong64");
            assertEquals(1, s.awaitVersion(PIP, 1).getDiagnostics().size(), "still checking after the garbage");
        }
    }

    @Test
    void exitAfterShutdownReportsSuccessAndWithoutShutdownFailure() throws Exception {
        LspSession polite = LspSession.fake();
        polite.server.shutdown().get(10, TimeUnit.SECONDS);
        polite.server.exit();
        assertEquals(0, awaitExit(polite));
        polite.close();
        LspSession abrupt = LspSession.fake();
        abrupt.server.exit();
        assertEquals(1, awaitExit(abrupt));
        abrupt.close();
    }

    private static int awaitExit(LspSession s) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (s.exitCode == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertNotNull(s.exitCode, "no exit within 10 s");
        return s.exitCode;
    }

    @Test
    void diagnosticsOfAnOldVersionAreNeverPublishedAfterANewerOne() throws Exception {
        try (LspSession s = LspSession.started(settings -> new FakeAnalyzer(true), 0)) {
            s.open(PIP, 1, "");
            for (int v = 2; v <= 300; v++) {
                s.change(PIP, v, new TextDocumentContentChangeEvent(range(0, 0, 0, 0), v % 7 == 0 ? "loong64 " : "x"));
            }
            s.awaitVersion(PIP, 300);
            List<PublishDiagnosticsParams> all = s.publishedFor(PIP);
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i - 1).getVersion() <= all.get(i).getVersion(), "versions went backwards: " + all);
            }
            assertNotNull(all.get(all.size() - 1).getVersion());
            assertEquals(300, all.get(all.size() - 1).getVersion());
        }
    }

    private static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }
}
