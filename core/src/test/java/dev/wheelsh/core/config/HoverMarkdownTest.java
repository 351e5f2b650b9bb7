package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.words.Glossary;
import dev.wheelsh.core.words.Glossary.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hovers are Markdown an editor renders: what comes from the user's file or from the shared words
 * shows as written (a selector's {@code *} is never emphasis), identifiers sit in code spans, and
 * where a hover speaks of a tool's option or group it names the release its facts are from.
 */
class HoverMarkdownTest {

    private static final ConfigFacts F = ConfigFacts.INSTANCE;
    private final ConfigAnalyzer analyzer = new ConfigAnalyzer(CheckSettings.defaults());

    private String hover(ConfigFileKind kind, String text, int line, int col) {
        return analyzer.hover(kind, text, line, col).orElseThrow(() -> new AssertionError("no hover at " + line + ":" + col)).markdown();
    }

    private static void assertRendersCleanly(String md) {
        assertEquals(List.of(), MarkdownCheck.problems(md), md);
    }

    // --- the helper ---

    @Test
    void textEscapesWhatWouldBeMarkupAndLeavesIntrawordUnderscores() {
        assertEquals("cp3\\*-manylinux\\_\\*", Markdown.text("cp3*-manylinux_*"));
        assertEquals("manylinux_2_28_x86_64 and GLIBC_2.38", Markdown.text("manylinux_2_28_x86_64 and GLIBC_2.38"));
        assertEquals("\\_private", Markdown.text("_private"));
        assertEquals("a \\`b\\` \\[c\\](d) \\<e\\> f\\|g \\\\ h \\~\\~i\\~\\~ \\&amp; & j", Markdown.text("a `b` [c](d) <e> f|g \\ h ~~i~~ &amp; & j"));
        assertEquals("\\# heading\n\\- item\n  \\+ item\n3\\. item\n\\> quote\n\\=== rule", Markdown.text("# heading\n- item\n  + item\n3. item\n> quote\n=== rule"));
        assertEquals("see #3 - and 1. then", Markdown.text("see #3 - and 1. then"), "markers only count at the start of a line");
    }

    @Test
    void codeSpansFenceBackticksInsideThem() {
        assertEquals("`cp3*-manylinux_*`", Markdown.code("cp3*-manylinux_*"));
        assertEquals("``a`b``", Markdown.code("a`b"));
        assertEquals("```a``b```", Markdown.code("a``b"));
        assertEquals("`` `x ``", Markdown.code("`x"));
        assertEquals("`  two  `", Markdown.code(" two "), "content with a space at both ends keeps them");
        assertEquals("`a b`", Markdown.code("a\nb"));
        assertEquals("", Markdown.code(""));
        for (String s : List.of("cp3*-manylinux_*", "a`b", "a``b", "`x", "x`", "``", " two ", "*", "_x_", "\\`")) {
            assertEquals(s, MarkdownCheck.visible(Markdown.code(s)), s);
            assertRendersCleanly(Markdown.code(s));
            assertEquals(s, MarkdownCheck.visible(Markdown.text(s)), s);
            assertRendersCleanly(Markdown.text(s));
        }
    }

    @Test
    void theCheckerSeesWhatAnEditorWouldRenderAsMarkup() {
        assertFalse(MarkdownCheck.problems("**cp3*-manylinux_***").isEmpty(), "the old selector hover");
        assertFalse(MarkdownCheck.problems("*-musllinux_*").isEmpty());
        assertFalse(MarkdownCheck.problems("`a").isEmpty());
        assertFalse(MarkdownCheck.problems("see [x](y)").isEmpty());
        assertEquals(List.of(), MarkdownCheck.problems("**bold** and `code*` and snake_case and 2 * 3"));
        assertEquals("bold and code* and snake_case", MarkdownCheck.visible("**bold** and `code*` and snake\\_case"));
    }

    // --- every hover of every fixture ---

    @Test
    void everyHoverOverEveryFixtureFileRendersCleanly() throws Exception {
        Set<String> hovers = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path dir : FixtureTest.cases().toList()) {
            Path file = FixtureTest.configFile(dir);
            files.add(file);
            ConfigFileKind kind = ConfigFileKind.ofFileName(file.getFileName().toString()).orElseThrow();
            ParsedDocument doc = analyzer.parse(kind, Files.readString(file, StandardCharsets.UTF_8), DocumentPlace.NOWHERE);
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\r\n|\n|\r", -1);
            for (int line = 0; line < lines.length; line++) {
                for (int col = 0; col <= lines[line].length(); col++) {
                    analyzer.hover(doc, line, col).ifPresent(h -> hovers.add(h.markdown()));
                }
            }
        }
        assertTrue(files.size() >= 40, "the fixtures: " + files.size());
        assertTrue(hovers.size() >= 150, "distinct hovers over the fixtures: " + hovers.size());
        List<String> bad = hovers.stream().filter(h -> !MarkdownCheck.problems(h).isEmpty())
                .map(h -> MarkdownCheck.problems(h).get(0)).toList();
        assertEquals(List.of(), bad);
    }

    @Test
    void everyCompletionDocumentOverEveryFixtureFileRendersCleanly() throws Exception {
        Set<String> docs = new LinkedHashSet<>();
        for (Path dir : FixtureTest.cases().toList()) {
            Path file = FixtureTest.configFile(dir);
            ConfigFileKind kind = ConfigFileKind.ofFileName(file.getFileName().toString()).orElseThrow();
            ParsedDocument doc = analyzer.parse(kind, Files.readString(file, StandardCharsets.UTF_8), DocumentPlace.NOWHERE);
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\r\n|\n|\r", -1);
            for (int line = 0; line < lines.length; line++) {
                for (int col = 0; col <= lines[line].length(); col++) {
                    analyzer.complete(doc, line, col).forEach(c -> docs.add(c.documentation()));
                }
            }
        }
        // a selector's Python part is documented in words about the interpreter: its * and _ must not become emphasis
        ParsedDocument selector = analyzer.parse(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel]\nbuild = \"\"\n", DocumentPlace.NOWHERE);
        analyzer.complete(selector, 1, 9).forEach(c -> docs.add(c.documentation()));
        assertTrue(docs.size() >= 20, "distinct completion documents over the fixtures: " + docs.size());
        List<String> bad = docs.stream().filter(d -> !MarkdownCheck.problems(d).isEmpty())
                .map(d -> MarkdownCheck.problems(d).get(0) + " in " + d).toList();
        assertEquals(List.of(), bad);
    }

    @Test
    void aSelectorsPythonCompletionIsDocumentedAsPlainText() {
        ParsedDocument doc = analyzer.parse(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel]\nbuild = \"\"\n", DocumentPlace.NOWHERE);
        List<Completion> items = analyzer.complete(doc, 1, 9);
        Completion any = items.stream().filter(c -> c.label().equals("*-")).findFirst().orElseThrow();
        assertEquals("any Python", any.documentation());
        Completion free = items.stream().filter(c -> c.label().matches("cp3\\d+t-")).findFirst().orElseThrow();
        assertTrue(free.documentation().endsWith(", free-threaded"), free.label() + " is the free-threaded build: " + free.documentation());
        items.stream().filter(c -> c.label().startsWith("gp")).forEach(c ->
                assertTrue(c.documentation().startsWith("GraalPy "), c.label() + " is cibuildwheel's GraalPy: " + c.documentation()));
    }

    // --- specific cases ---

    @Test
    void aSelectorWithStarsAndUnderscoresShowsAsWritten() {
        String t = "[tool.cibuildwheel]\nskip = \"cp3*-manylinux_* *-musllinux_*\"\n";
        String first = hover(ConfigFileKind.PYPROJECT, t, 1, 10);
        String second = hover(ConfigFileKind.PYPROJECT, t, 1, 28);
        for (String[] c : List.of(new String[] {first, "cp3*-manylinux_*"}, new String[] {second, "*-musllinux_*"})) {
            assertRendersCleanly(c[0]);
            assertTrue(c[0].startsWith("`" + c[1] + "`: "), c[0]);
            assertTrue(MarkdownCheck.visible(c[0]).startsWith(c[1] + ": a cibuildwheel build selector"), c[0]);
        }
    }

    @Test
    void aSelectorsExamplesAreIdentifiersTheStatedReleaseBuilds() {
        String md = hover(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel]\nbuild = \"cp3*-manylinux_x86_64\"\n", 1, 12);
        String visible = MarkdownCheck.visible(md);
        assertTrue(visible.contains("build identifiers of cibuildwheel " + F.cibwVersion + ", e.g. "), visible);
        String examples = visible.substring(visible.indexOf("e.g. ") + 5, visible.indexOf(';') > 0 ? visible.indexOf("; and") : visible.length());
        for (String id : examples.replace(".", " ").split(",\\s*")) {
            if (!id.isBlank()) {
                assertTrue(F.cibwIdentifiers.contains(id.strip()), id + " in " + visible);
            }
        }
        assertTrue(visible.contains("that only older releases built, e.g. cp36-manylinux_x86_64"),
                "identifiers of older releases are said to be so: " + visible);
    }

    @Test
    void aValueWithABacktickStaysInsideItsCodeSpan() {
        String conf = "[global]\nabi = cp3`13\n";
        String md = hover(ConfigFileKind.PIP_CONF, conf, 1, 8);
        assertRendersCleanly(md);
        assertTrue(md.startsWith("``cp3`13``: "), md);
        assertEquals("cp3`13: the ABI 'cp3`13'", MarkdownCheck.visible(md));

        String toml = "[tool.cibuildwheel]\narchs = \"x86_64 `weird*`\"\n";
        String arch = hover(ConfigFileKind.PYPROJECT, toml, 1, 18);
        assertRendersCleanly(arch);
        assertTrue(MarkdownCheck.visible(arch).startsWith("`weird*`: not an architecture name of cibuildwheel " + F.cibwVersion), arch);
    }

    @Test
    void optionHoversNameTheReleaseTheirFactsHoldFor() {
        String build = hover(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel]\nbuild = \"cp313-*\"\n", 1, 2);
        assertTrue(build.startsWith("`tool.cibuildwheel.build` (cibuildwheel " + F.cibwVersion + ")"), build);
        assertTrue(build.contains("not in overrides"), "build is read in platform tables: " + build);
        String pip = hover(ConfigFileKind.PIP_CONF, "[install]\nonly-binary = :all:\n", 1, 3);
        assertTrue(pip.startsWith("`only-binary` (`--only-binary`, pip " + F.pipSource.tag() + "): "), pip);
        String section = hover(ConfigFileKind.PIP_CONF, "[install]\nonly-binary = :all:\n", 0, 2);
        assertEquals("`[install]`: options for `pip install` (they override \\[global\\]; pip " + F.pipSource.tag() + ")", section);
        String uv = hover(ConfigFileKind.PYPROJECT, "[tool.uv]\npython-platform = \"x86_64-manylinux_2_28\"\n", 1, 3);
        assertTrue(uv.startsWith("`tool.uv.python-platform` (uv " + F.uvSource.tag() + ")"), uv);
    }

    @Test
    void enableGroupsAreThoseOfTheStatedRelease() {
        String t = "[tool.cibuildwheel]\nenable = \"pypy cpython-freethreading\"\n";
        String key = MarkdownCheck.visible(hover(ConfigFileKind.PYPROJECT, t, 1, 2));
        assertTrue(key.endsWith("The groups of cibuildwheel " + F.cibwVersion + ": " + String.join(", ", F.cibwEnableGroups)), key);
        String pypy = MarkdownCheck.visible(hover(ConfigFileKind.PYPROJECT, t, 1, 11));
        assertTrue(pypy.startsWith("pypy: Opt-in groups"), pypy);
        String gone = MarkdownCheck.visible(hover(ConfigFileKind.PYPROJECT, t, 1, 20));
        ConfigFacts.Span had = F.cibwEnableHistory.get("cpython-freethreading");
        assertEquals("cpython-freethreading: not a group of cibuildwheel " + F.cibwVersion + " (cibuildwheel " + had.first()
                + " to " + had.last() + " had it); its groups are " + String.join(", ", F.cibwEnableGroups) + ", all", gone);
    }

    @Test
    void anImageHoverSaysWhetherTheStatedReleaseShipsIt() {
        String t = "[tool.cibuildwheel]\nmanylinux-x86_64-image = \"manylinux_2_28\"\nmanylinux-i686-image = \"manylinux2010\"\n";
        String now = MarkdownCheck.visible(hover(ConfigFileKind.PYPROJECT, t, 1, 30));
        assertTrue(now.contains("cibuildwheel " + F.cibwVersion + " pins manylinux_2_28 for x86_64"), now);
        String old = MarkdownCheck.visible(hover(ConfigFileKind.PYPROJECT, t, 2, 28));
        assertTrue(old.contains("has no image manylinux2010 for i686 (cibuildwheel "), old);
    }

    @Test
    void aLowerCaseArchIsReadAsCibuildwheelReadsIt() {
        String md = MarkdownCheck.visible(hover(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel.windows]\narchs = \"amd64\"\n", 1, 11));
        assertTrue(md.startsWith("amd64: cibuildwheel " + F.cibwVersion + " reads it as AMD64"), md);
    }

    @Test
    void anArchCibuildwheelDoesNotKnowStillGetsAHoverNamingTheOnesItDoes() {
        String md = MarkdownCheck.visible(hover(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel.linux]\narchs = \"aarch32\"\n", 1, 11));
        assertTrue(md.startsWith("aarch32: not an architecture name of cibuildwheel " + F.cibwVersion + "; it knows "), md);
        assertTrue(md.contains("armv7l") && md.contains("auto64"), md);
    }

    // --- the shared words ---

    /**
     * The glossary is plain text (the shell prints it; hovers escape it at their edge), and its
     * examples are current: no image, enable group or build identifier the stated cibuildwheel
     * release no longer has.
     */
    @Test
    void theGlossaryIsPlainTextWithCurrentExamples() throws IOException {
        Properties words = new Properties();
        try (InputStream in = Glossary.class.getResourceAsStream("glossary.properties")) {
            words.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> retired = new LinkedHashSet<>();
        F.cibwImageHistory.keySet().stream().filter(i -> F.cibwImagesPerArch.values().stream().noneMatch(l -> l.contains(i))).forEach(retired::add);
        F.cibwEnableHistory.keySet().stream().filter(g -> !F.cibwEnableGroups.contains(g)).forEach(retired::add);
        F.cibwIdentifierHistory.keySet().stream().filter(i -> !F.cibwIdentifiers.contains(i)).forEach(retired::add);
        assertTrue(retired.containsAll(List.of("manylinux1", "manylinux2010", "cpython-freethreading", "cp36-manylinux_x86_64")), retired.toString());
        for (String key : words.stringPropertyNames()) {
            String v = words.getProperty(key);
            assertFalse(v.contains("`") || v.contains("**"), key + " is Markdown: " + v);
            if (key.startsWith("cibw.")) {
                for (String token : v.split("[\\s,;:()]+")) {
                    assertFalse(retired.contains(token), key + " names " + token + ", which cibuildwheel " + F.cibwVersion + " no longer has");
                }
            }
        }
        assertTrue(Glossary.lookup(Topic.CIBW, "enable").isPresent());
    }
}
