package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text is read once into a parsed document; its findings, hovers and completions come from that one value. */
class ParsedDocumentTest {

    private final ConfigAnalyzer analyzer = new ConfigAnalyzer(CheckSettings.defaults());

    @Test
    void eachKindIsReadIntoTheTreeOfItsFormat() {
        assertInstanceOf(ParsedDocument.TomlTree.class, analyzer.parse(ConfigFileKind.PYPROJECT, "[project]\n").tree());
        assertInstanceOf(ParsedDocument.IniTree.class, analyzer.parse(ConfigFileKind.PIP_CONF, "[global]\n").tree());
        assertInstanceOf(ParsedDocument.JsonTree.class, analyzer.parse(ConfigFileKind.BASELINE_JSON, "[]").tree());
    }

    @Test
    void theFindingsAreComputedOnceAndAreThoseOfTheTextChecks() {
        String conf = "[install]\nplatform = manylinux_2_17_loong64\n";
        ParsedDocument d = analyzer.parse(ConfigFileKind.PIP_CONF, conf);
        List<?> first = d.findings();
        assertSame(first, d.findings(), "the second call returns the kept list");
        assertSame(first, analyzer.check(d));
        assertEquals(analyzer.check(ConfigFileKind.PIP_CONF, conf), first);
        assertTrue(d.findings().stream().anyMatch(f -> f.code() == Code.WH191), d.findings().toString());
    }

    @Test
    void hoversAndCompletionsOfTheParsedDocumentAreThoseOfTheText() {
        String t = "[tool.cibuildwheel]\nbuild = \"cp313t-manylinux_aarch64\"\narchs = [\"\"]\n";
        ParsedDocument d = analyzer.parse(ConfigFileKind.PYPROJECT, t);
        assertEquals(analyzer.hover(ConfigFileKind.PYPROJECT, t, 1, 14), analyzer.hover(d, 1, 14));
        assertTrue(analyzer.hover(d, 1, 14).isPresent());
        assertEquals(analyzer.complete(ConfigFileKind.PYPROJECT, t, 2, 10), analyzer.complete(d, 2, 10));
        assertTrue(!analyzer.complete(d, 2, 10).isEmpty());
    }

    @Test
    void aTextTooLargeToReadHasOneFindingAndNoHoversOrCompletions() {
        String huge = "x".repeat(ConfigAnalyzer.MAX_CHARS + 1);
        ParsedDocument d = analyzer.parse(ConfigFileKind.PIP_CONF, huge);
        assertInstanceOf(ParsedDocument.Unread.class, d.tree());
        assertEquals(List.of(Code.WH099), d.findings().stream().map(f -> f.code()).toList());
        assertTrue(analyzer.hover(d, 0, 0).isEmpty());
        assertTrue(analyzer.complete(d, 0, 0).isEmpty());
    }
}
