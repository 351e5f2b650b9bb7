package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.config.Completion;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.config.ConfigFileKind;
import dev.wheelsh.core.config.DocumentPlace;
import dev.wheelsh.core.config.HoverText;
import dev.wheelsh.core.config.ParsedDocument;
import dev.wheelsh.core.vocabulary.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/**
 * One version of a document is parsed once, however many diagnostics, hovers, completions and
 * code actions ask for it; a newer version replaces that parse, and closing the document drops it.
 */
class ParsedDocumentCacheTest {

    private static final String PIP = "file:///project/pip.conf";

    /** Core's checks, counting the parses the server asks for and recording which parse each request got. */
    private static final class CountingAnalyzer implements DocumentAnalyzer {
        final DocumentAnalyzer core = DocumentAnalyzer.of(new ConfigAnalyzer(CheckSettings.defaults()));
        final AtomicInteger parses = new AtomicInteger();
        final List<ParsedDocument> used = new CopyOnWriteArrayList<>();

        @Override
        public ParsedDocument parse(ConfigFileKind kind, String text, DocumentPlace place) {
            parses.incrementAndGet();
            return core.parse(kind, text, place);
        }

        @Override
        public List<Finding> check(ParsedDocument document) {
            used.add(document);
            return core.check(document);
        }

        @Override
        public Optional<HoverText> hover(ParsedDocument document, int line, int column) {
            used.add(document);
            return core.hover(document, line, column);
        }

        @Override
        public List<Completion> complete(ParsedDocument document, int line, int column) {
            used.add(document);
            return core.complete(document, line, column);
        }

        Set<ParsedDocument> distinctUsed() {
            Set<ParsedDocument> out = ConcurrentHashMap.newKeySet();
            out.addAll(used);
            return out;
        }
    }

    private static void askEverything(LspSession s, int times) throws Exception {
        TextDocumentIdentifier doc = new TextDocumentIdentifier(PIP);
        for (int i = 0; i < times; i++) {
            s.server.getTextDocumentService().hover(new HoverParams(doc, new Position(1, 15))).get(10, TimeUnit.SECONDS);
            s.server.getTextDocumentService().completion(new CompletionParams(doc, new Position(1, 29))).get(10, TimeUnit.SECONDS);
            s.server.getTextDocumentService().codeAction(new CodeActionParams(doc, new Range(new Position(1, 30), new Position(1, 30)),
                    new CodeActionContext(List.of()))).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void oneVersionIsParsedOnceForDiagnosticsHoversCompletionsAndCodeActions() throws Exception {
        CountingAnalyzer counting = new CountingAnalyzer();
        try (LspSession s = LspSession.started(settings -> counting, 0)) {
            s.open(PIP, 1, "[install]\nplatform = manylinux_2_17_loong64\n");
            assertTrue(s.awaitVersion(PIP, 1).getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("WH191")));
            askEverything(s, 5);
            assertEquals(1, counting.parses.get(), "parses of version 1");
            assertEquals(1 + 5 * 3, counting.used.size(), "one check and fifteen requests");
            assertEquals(1, counting.distinctUsed().size(), "all of them got the same parse");
            ParsedDocument v1 = counting.used.get(0);
            assertSame(v1.findings(), counting.core.check(v1), "the code actions reused the diagnostics' findings");
            assertEquals(1, s.impl.store().parseCount());
        }
    }

    @Test
    void aNewerVersionReplacesTheParseAndClosingDropsIt() throws Exception {
        CountingAnalyzer counting = new CountingAnalyzer();
        try (LspSession s = LspSession.started(settings -> counting, 0)) {
            s.open(PIP, 1, "[install]\nplatform = manylinux_2_17_loong64\n");
            s.awaitVersion(PIP, 1);
            askEverything(s, 2);
            s.change(PIP, 2, new TextDocumentContentChangeEvent(
                    new Range(new Position(1, 26), new Position(1, 33)), "loongarch64"));
            assertTrue(s.awaitVersion(PIP, 2).getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("WH191")));
            int before = counting.used.size();
            askEverything(s, 3);
            assertEquals(2, counting.parses.get(), "one parse per version");
            assertEquals(1, s.impl.store().parseCount(), "only the newest version's parse is kept");
            List<ParsedDocument> afterChange = counting.used.subList(before, counting.used.size());
            assertTrue(afterChange.stream().allMatch(d -> d.text().contains("manylinux_2_17_loongarch64")), "requests read version 2");
            assertEquals(1, Set.copyOf(afterChange).size());

            s.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(PIP)));
            s.await(PIP, p -> p.getVersion() == null && p.getDiagnostics().isEmpty(), Duration.ofSeconds(10));
            assertEquals(0, s.impl.store().parseCount(), "a closed document keeps nothing");
        }
    }

    @Test
    void newSettingsMakeANewParseWithTheNewChecks() throws Exception {
        CountingAnalyzer first = new CountingAnalyzer();
        CountingAnalyzer second = new CountingAnalyzer();
        Iterator<CountingAnalyzer> builds = List.of(first, second).iterator(); // at start, then for the new settings
        try (LspSession s = LspSession.started(settings -> builds.next(), 0)) {
            s.open(PIP, 1, "[install]\nplatform = manylinux_2_17_x86_64\n");
            s.awaitVersion(PIP, 1);
            int published = s.publishedFor(PIP).size();
            s.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    JsonParser.parseString("{\"wheelsh\": {\"defaultTargets\": [\"--arch x86_64\"]}}")));
            s.await(PIP, p -> s.publishedFor(PIP).size() > published, Duration.ofSeconds(10));
            askEverything(s, 1);
            assertEquals(1, first.parses.get());
            assertEquals(1, second.parses.get(), "the same version parsed again, once, for the new checks");
        }
    }
}
