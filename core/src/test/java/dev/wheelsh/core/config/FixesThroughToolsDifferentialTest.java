package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.document.TomlReader;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every quick fix on every fixture, applied and read again by the tool the file is for: a fix
 * may change only what its finding is about, and the fixed text must mean what the fix says.
 *
 * <ul>
 * <li>pyproject.toml: cibuildwheel's own option reader and build selection, from its source at
 * the release cibuildwheel-facts.json names (reference/cibuildwheel_meaning.py), on each of its
 * platforms. Needs WHEELSH_CIBUILDWHEEL_GIT, WHEELSH_BRACEX_GIT and WHEELSH_BASHLEX_GIT (git
 * directories of github.com/pypa/cibuildwheel, facelessuser/bracex and idank/bashlex; their
 * newest tags are read) and a Python 3.11 or newer.</li>
 * <li>pip.conf and pip.ini: pip 23.2.1's ConfigOptionParser for every command, and the tags pip
 * accepts with the file's target options (reference/pip_meaning.py). Needs a Python with pip
 * 23.2.1 (pyenv's 3.11.7 has it).</li>
 * </ul>
 *
 * <p>The rules, for each fix and each platform or command: where the tool read the file before,
 * it reads the fixed one; what it reads differs only in the option the fixed entry sets (a
 * hint's fix is a rewording: nothing may differ); where the tool stopped on the text the fix
 * replaces, it no longer does; and the option now holds the fix's text. Each part skips, saying
 * what is missing, when its tool is absent (CI has neither the clones nor pip 23.2.1).
 */
class FixesThroughToolsDifferentialTest {

    private static final List<String> CIBW_PLATFORMS = List.of("linux", "macos", "windows", "ios", "android", "pyodide");

    private final ConfigAnalyzer analyzer = new ConfigAnalyzer(CheckSettings.defaults());
    private final ObjectMapper json = new ObjectMapper();

    /** One fix on one fixture: the texts before and after, and what it was offered for. */
    record Case(String fixture, Finding finding, Fix fix, String before, String after) {
        String name() {
            return fixture + ": '" + fix.title() + "' (" + finding.code().id() + ")";
        }

        Edit edit() {
            return fix.edits().get(0);
        }

        /** The text the fix replaces. */
        String replaced() {
            SourceRange r = edit().range();
            List<String> lines = before.lines().toList();
            return r.startLine() == r.endLine() && r.startLine() < lines.size()
                    ? lines.get(r.startLine()).substring(r.startColumn(), Math.min(r.endColumn(), lines.get(r.startLine()).length()))
                    : "";
        }
    }

    private List<Case> cases(Predicate<String> fileName) throws IOException, URISyntaxException {
        List<Case> out = new ArrayList<>();
        for (Path dir : FixtureTest.cases().toList()) {
            Path file = FixtureTest.configFile(dir);
            if (!fileName.test(file.getFileName().toString())) {
                continue;
            }
            ConfigFileKind kind = ConfigFileKind.ofFileName(file.getFileName().toString()).orElseThrow();
            String text = Files.readString(file);
            for (Finding f : analyzer.check(kind, text)) {
                for (Fix fix : f.fixes()) {
                    assertEquals(1, fix.edits().size(), "a config fix is one edit: " + fix.title());
                    out.add(new Case(dir.getFileName().toString(), f, fix, text, FixesTest.apply(text, fix)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- cibuildwheel

    @Test
    void cibuildwheelReadsEachFixedPyprojectAsTheFixSays(@TempDir Path dir) throws IOException, URISyntaxException {
        Optional<Path> src = cibuildwheelSource(dir.resolve("src"));
        Optional<Path> python = ReferencePython.candidates().stream().filter(FixesThroughToolsDifferentialTest::python311).findFirst();
        assumeTrue(python.isPresent(), "no Python 3.11 or newer: cibuildwheel fix differential test skipped");
        List<Case> cases = cases(n -> n.equals("pyproject.toml")).stream()
                .filter(c -> c.before().contains("[tool.cibuildwheel") || c.before().contains("tool.cibuildwheel")).toList();
        List<String> projects = new ArrayList<>();
        List<String> befores = new ArrayList<>();
        for (Case c : cases) {
            if (!befores.contains(c.before())) {
                befores.add(c.before());
                projects.add(project(dir, "before-" + befores.size(), c.before()).toString());
            }
        }
        for (int i = 0; i < cases.size(); i++) {
            projects.add(project(dir, "after-" + i, cases.get(i).after()).toString());
        }
        for (int i = 0; i < cases.size(); i++) {
            projects.add(project(dir, "isolated-" + i, isolated(cases.get(i))).toString());
        }
        Path in = dir.resolve("in.json");
        List<String> patterns = cases.stream().map(FixesThroughToolsDifferentialTest::fixedPattern).flatMap(Optional::stream).toList();
        json.writeValue(in.toFile(), Map.of("projects", projects, "platforms", CIBW_PLATFORMS, "patterns", patterns));
        JsonNode reference = runReference(List.of(python.get().toString(), script(dir, "cibuildwheel_meaning.py").toString(),
                src.get().toString(), in.toString(), dir.resolve("out.json").toString()), dir.resolve("out.json"));
        JsonNode out = reference.get("projects");
        int compared = 0;
        int saidWhatItSays = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            JsonNode before = out.get(befores.indexOf(c.before()));
            JsonNode after = out.get(befores.size() + i);
            Toml.Entry entry = entryAt(c);
            Set<String> touched = cibuildwheelFields(entry, c);
            boolean holds = false;
            Optional<String> pattern = fixedPattern(c);
            if (pattern.isPresent()) {
                // a selector's fix must make the pattern select what cibuildwheel builds, and select only by it
                assertTrue(reference.get("matches").get(pattern.get()).size() > 0,
                        c.name() + ": cibuildwheel's selector_matches finds no identifier for '" + pattern.get() + "'");
            }
            for (String platform : CIBW_PLATFORMS) {
                JsonNode b = before.get(platform);
                JsonNode a = after.get(platform);
                if (!b.has("error")) {
                    assertTrue(!a.has("error"), c.name() + ": cibuildwheel read the file on " + platform + " but stops on the fixed one: "
                            + a.path("error").asText() + "\n" + c.after());
                    assertSameExcept(b, a, touched, c, platform);
                    if (pattern.isPresent()) {
                        assertSelectsBy(b, a, pattern.get(), entry.name(), reference.get("matches").get(pattern.get()), c, platform);
                    }
                    compared++;
                } else if (!a.has("error")) {
                    compared++;
                } else if (!c.replaced().isEmpty() && b.get("error").asText().contains(c.replaced())) {
                    assertTrue(!a.get("error").asText().contains("'" + c.replaced() + "'"),
                            c.name() + ": cibuildwheel still stops on '" + c.replaced() + "' on " + platform + ": " + a.get("error").asText());
                }
                if (!a.has("error") && appliesTo(entry, platform)) {
                    holds |= holdsFixText(a, touched, entry, c);
                }
            }
            JsonNode isolated = out.get(befores.size() + cases.size() + i);
            for (String platform : CIBW_PLATFORMS) {
                // the fixed file without the other errors' entries: where those stopped cibuildwheel, this one shows the fix
                JsonNode a = isolated.get(platform);
                if (!holds && !a.has("error") && appliesTo(entry, platform)) {
                    holds = holdsFixText(a, touched, entry, c);
                }
            }
            if (holds) {
                saidWhatItSays++;
            } else if (allFail(after, entry) && allFail(isolated, entry)) {
                // another finding of the same fixture stops cibuildwheel on every platform the entry is for
                System.out.println("not seen (cibuildwheel stops on the fixed file, and without its other errors): " + c.name());
                continue;
            } else {
                fail(c.name() + ": cibuildwheel's reading of the fixed file does not hold '" + c.edit().newText() + "' in "
                        + touched + "\n" + c.after());
            }
        }
        System.out.println("cibuildwheel " + ConfigFacts.INSTANCE.cibwSource.tag() + ": " + cases.size() + " fixes, " + compared
                + " platform readings compared, " + saidWhatItSays + " seen to hold their text");
        assertTrue(cases.size() >= 10, "cibuildwheel fixes: " + cases.size());
        assertTrue(saidWhatItSays >= cases.size() / 2, "fixes whose text cibuildwheel was seen to read: " + saidWhatItSays + " of " + cases.size());
        assertTrue(compared > 30, "platforms compared: " + compared);
    }

    /** The pattern of a selector (build, skip, test-skip, select) a fix edits, as it reads after the fix. */
    static Optional<String> fixedPattern(Case c) {
        if (c.finding().code() != Code.WH110) {
            return Optional.empty();
        }
        SourceRange r = c.edit().range();
        String line = c.after().lines().toList().get(r.startLine());
        int at = Math.min(r.startColumn(), line.length());
        int from = at;
        while (from > 0 && !Character.isWhitespace(line.charAt(from - 1)) && line.charAt(from - 1) != '"' && line.charAt(from - 1) != '\'') {
            from--;
        }
        int to = at;
        while (to < line.length() && !Character.isWhitespace(line.charAt(to)) && line.charAt(to) != '"' && line.charAt(to) != '\'') {
            to++;
        }
        String pattern = line.substring(from, to).replaceFirst(":(arm64|x86_64)$", "");
        return pattern.isEmpty() ? Optional.empty() : Optional.of(pattern);
    }

    /** A build pattern's fix adds exactly builds the new pattern matches; a skip pattern's removes only such builds. */
    private static void assertSelectsBy(JsonNode before, JsonNode after, String pattern, String key, JsonNode matches, Case c, String platform) {
        Set<String> b = new LinkedHashSet<>();
        before.get("identifiers").forEach(n -> b.add(n.asText()));
        Set<String> a = new LinkedHashSet<>();
        after.get("identifiers").forEach(n -> a.add(n.asText()));
        Set<String> matched = new LinkedHashSet<>();
        matches.forEach(n -> matched.add(n.asText()));
        Set<String> gained = new LinkedHashSet<>(a);
        gained.removeAll(b);
        Set<String> lost = new LinkedHashSet<>(b);
        lost.removeAll(a);
        String where = c.name() + " on " + platform + ": ";
        if (key.equals("build")) {
            assertTrue(lost.isEmpty(), where + "the build fix drops " + lost);
            assertTrue(matched.containsAll(gained), where + "builds gained that '" + pattern + "' does not match: " + gained);
        } else if (key.equals("skip")) {
            assertTrue(gained.isEmpty(), where + "the skip fix adds " + gained);
            assertTrue(matched.containsAll(lost), where + "builds dropped that '" + pattern + "' does not match: " + lost);
        } else {
            assertEquals(b, a, where + "a " + key + " fix changed the builds");
        }
    }

    /**
     * The fixed text with every other one-line entry an error is reported on blanked out (the
     * lines keep their numbers), so that cibuildwheel reads the fixed entry even where another
     * error of the fixture stopped it.
     */
    private String isolated(Case c) {
        Toml.Document doc = TomlReader.read(c.after());
        Toml.Entry fixed = entryAt(c);
        List<String> lines = new ArrayList<>(c.after().lines().toList());
        for (Finding f : analyzer.check(ConfigFileKind.PYPROJECT, c.after())) {
            if (f.severity() != Severity.ERROR || f.range().isEmpty()) {
                continue;
            }
            int line = f.range().get().startLine();
            for (Toml.Entry e : doc.entries()) {
                SourceRange w = e.wholeRange();
                if (w.startLine() == line && w.endLine() == line && line != fixed.keyRange().startLine() && line < lines.size()) {
                    lines.set(line, "");
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static boolean allFail(JsonNode after, Toml.Entry entry) {
        return CIBW_PLATFORMS.stream().filter(p -> appliesTo(entry, p)).allMatch(p -> after.get(p).has("error"));
    }

    /** Whether an entry of [tool.cibuildwheel] matters on a platform: the top table's everywhere, a platform table's there. */
    private static boolean appliesTo(Toml.Entry entry, String platform) {
        List<String> rel = entry.path().subList(PyprojectChecks.CIBW.size(), entry.path().size());
        return rel.size() < 2 || !ConfigFacts.INSTANCE.cibwPlatformTables.contains(rel.get(0)) || rel.get(0).equals(platform);
    }

    /** The fields of cibuildwheel's reading an entry sets (its BuildOptions and GlobalOptions names). */
    static Set<String> cibuildwheelFields(Toml.Entry entry, Case c) {
        String key = entry.name();
        if (keyEdited(entry, c)) {
            key = c.edit().newText();
        }
        Set<String> out = new LinkedHashSet<>();
        switch (key) {
            case "build", "skip", "enable" -> out.addAll(List.of("build_selector", "identifiers"));
            case "archs" -> out.addAll(List.of("architectures", "identifiers"));
            case "test-skip" -> out.add("test_selector");
            case "dependency-versions" -> out.add("dependency_constraints");
            case "repair-wheel-command" -> out.add("repair_command");
            case "select", "inherit" -> out.add("*");
            default -> {
                if (key.matches("(many|musl)linux-.+-image")) {
                    out.add(key.substring(0, key.indexOf('-')) + "_images");
                } else {
                    out.add(key.replace('-', '_'));
                }
            }
        }
        return out;
    }

    private static boolean keyEdited(Toml.Entry entry, Case c) {
        return contains(entry.keyRange(), c.edit().range());
    }

    private void assertSameExcept(JsonNode before, JsonNode after, Set<String> touched, Case c, String platform) {
        if (touched.contains("*")) {
            return; // an override's selector decides which builds its options reach: any option may differ
        }
        boolean hint = c.finding().severity() == Severity.HINT;
        for (String global : List.of("build_selector", "test_selector", "architectures", "identifiers")) {
            if (hint || !touched.contains(global)) {
                assertEquals(before.get(global), after.get(global), c.name() + " changed cibuildwheel's " + global + " on " + platform);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> ids = before.get("options").fields();
        while (ids.hasNext()) {
            Map.Entry<String, JsonNode> id = ids.next();
            JsonNode afterOptions = after.get("options").get(id.getKey());
            if (afterOptions == null) {
                continue; // a build the fix deselects: the identifiers' comparison judged that
            }
            Iterator<Map.Entry<String, JsonNode>> fields = id.getValue().fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (hint || !touched.contains(f.getKey())) {
                    assertEquals(f.getValue(), afterOptions.get(f.getKey()),
                            c.name() + " changed " + f.getKey() + " of " + id.getKey() + " on " + platform);
                }
            }
        }
    }

    /** Whether the fixed reading holds the fix's text: a replaced value in its option, a renamed key's value under the new name. */
    private static boolean holdsFixText(JsonNode after, Set<String> touched, Toml.Entry entry, Case c) {
        List<String> wanted = new ArrayList<>();
        if (keyEdited(entry, c)) {
            PyprojectChecks.strings(entry.value()).forEach(s -> wanted.add(s.value()));
            if (wanted.isEmpty() && entry.value() instanceof Toml.Scalar sc) {
                wanted.add(sc.text());
            }
        } else {
            wanted.add(c.edit().newText());
        }
        StringBuilder seen = new StringBuilder();
        for (String field : touched) {
            if (field.equals("*")) {
                seen.append(after);
            } else if (after.has(field)) {
                seen.append(after.get(field));
            }
            after.get("options").forEach(o -> {
                if (o.has(field)) {
                    seen.append(o.get(field));
                }
            });
        }
        String text = seen.toString().toLowerCase(Locale.ROOT);
        return !wanted.isEmpty() && wanted.stream().allMatch(w -> text.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static Toml.Entry entryAt(Case c) {
        SourceRange edit = c.edit().range();
        for (Toml.Entry e : TomlReader.read(c.before()).entries()) {
            if (contains(e.keyRange(), edit) || contains(e.value().range(), edit)) {
                return e;
            }
        }
        throw new AssertionError(c.name() + ": the fix edits no entry");
    }

    private static boolean contains(SourceRange outer, SourceRange inner) {
        boolean startsAfter = inner.startLine() > outer.startLine()
                || inner.startLine() == outer.startLine() && inner.startColumn() >= outer.startColumn();
        boolean endsBefore = inner.endLine() < outer.endLine() || inner.endLine() == outer.endLine() && inner.endColumn() <= outer.endColumn();
        return startsAfter && endsBefore;
    }

    private static Path project(Path dir, String name, String text) throws IOException {
        Path p = Files.createDirectories(dir.resolve(name));
        Files.writeString(p.resolve("pyproject.toml"), text);
        return p;
    }

    /** cibuildwheel at the facts' release with bracex and bashlex at their newest tags, unpacked under src; or skipped. */
    private Optional<Path> cibuildwheelSource(Path src) throws IOException {
        Map<String, String> clones = Map.of("WHEELSH_CIBUILDWHEEL_GIT", "cibuildwheel", "WHEELSH_BRACEX_GIT", "bracex",
                "WHEELSH_BASHLEX_GIT", "bashlex");
        for (String variable : clones.keySet()) {
            String git = System.getenv(variable);
            assumeTrue(git != null && Files.isDirectory(Path.of(git)),
                    variable + " does not name a git directory: cibuildwheel fix differential test skipped");
        }
        Files.createDirectories(src);
        for (Map.Entry<String, String> clone : clones.entrySet()) {
            String git = System.getenv(clone.getKey());
            String tag = clone.getValue().equals("cibuildwheel") ? ConfigFacts.INSTANCE.cibwSource.tag() : "";
            ReferencePython.ProcessResult r = ReferencePython.run(List.of("sh", "-c",
                    "t=\"$2\"; [ -n \"$t\" ] || t=\"$(git --git-dir=\"$0\" tag --sort=-v:refname | head -1)\"; "
                            + "git --git-dir=\"$0\" archive \"$t\" \"$1\" | tar -x -C \"$3\"",
                    git, clone.getValue(), tag, src.toString()), 120);
            assertEquals(0, r.exitCode(), clone.getKey() + ": " + r.stderr());
        }
        return Optional.of(src);
    }

    private static boolean python311(Path p) {
        try {
            return ReferencePython.run(List.of(p.toString(), "-c", "import sys, tomllib; sys.exit(sys.version_info < (3, 11))"), 30).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- pip

    @Test
    void pipReadsEachFixedPipConfAsTheFixSays(@TempDir Path dir) throws IOException, URISyntaxException {
        Optional<Path> python = ReferencePython.candidates().stream().filter(FixesThroughToolsDifferentialTest::pip23).findFirst();
        assumeTrue(python.isPresent(), "no Python with pip 23.2.1 (PATH or ~/.pyenv/versions/*): pip fix differential test skipped");
        List<Case> cases = cases(n -> n.equals("pip.conf") || n.equals("pip.ini"));
        List<String> files = new ArrayList<>();
        List<String> befores = new ArrayList<>();
        for (Case c : cases) {
            if (!befores.contains(c.before())) {
                befores.add(c.before());
                files.add(Files.writeString(dir.resolve("before-" + befores.size() + ".conf"), c.before()).toString());
            }
        }
        for (int i = 0; i < cases.size(); i++) {
            files.add(Files.writeString(dir.resolve("after-" + i + ".conf"), cases.get(i).after()).toString());
        }
        Path in = dir.resolve("in.json");
        json.writeValue(in.toFile(), Map.of("files", files));
        JsonNode out = runReference(List.of(python.get().toString(), script(dir, "pip_meaning.py").toString(), in.toString(),
                dir.resolve("out.json").toString()), dir.resolve("out.json"));
        int compared = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            JsonNode before = out.get(befores.indexOf(c.before()));
            JsonNode after = out.get(befores.size() + i);
            if (!before.has("error")) {
                assertTrue(!after.has("error"), c.name() + ": pip read the file but stops on the fixed one: " + after.path("error").asText());
            }
            if (after.has("error")) {
                continue;
            }
            Set<String> touched = pipDests(c, after);
            boolean hint = c.finding().severity() == Severity.HINT;
            Iterator<Map.Entry<String, JsonNode>> commands = after.get("commands").fields();
            while (commands.hasNext() && !before.has("error")) {
                Map.Entry<String, JsonNode> command = commands.next();
                Iterator<Map.Entry<String, JsonNode>> options = command.getValue().fields();
                while (options.hasNext()) {
                    Map.Entry<String, JsonNode> o = options.next();
                    if (hint || !touched.contains(o.getKey())) {
                        assertEquals(before.get("commands").get(command.getKey()).get(o.getKey()), o.getValue(),
                                c.name() + " changed pip " + command.getKey() + "'s " + o.getKey());
                    }
                }
                compared++;
            }
            if (hint && !before.has("error")) {
                // a hint's fix rewords: pip must accept the same wheels, in the same order
                assertEquals(before.get("tags"), after.get("tags"), c.name() + " changed the tags pip accepts");
            }
            if (!isSectionRename(c)) {
                String words = String.join(" ", c.edit().newText().split("[\\s,]+"));
                StringBuilder seen = new StringBuilder();
                after.get("commands").forEach(cmd -> touched.forEach(t -> seen.append(cmd.path(t).asText()).append(' ')));
                for (String w : keyRename(c) ? List.<String>of() : List.of(words.split(" "))) {
                    assertTrue(seen.toString().contains(w), c.name() + ": pip's " + touched + " does not hold '" + w + "': " + seen);
                }
                if (keyRename(c)) {
                    assertTrue(touched.stream().noneMatch(t -> t == null || t.equals("null")),
                            c.name() + ": pip takes no option '" + c.edit().newText() + "'");
                }
            }
        }
        System.out.println("pip 23.2.1: " + cases.size() + " fixes, " + compared + " command readings compared");
        assertTrue(cases.size() >= 8, "pip fixes: " + cases.size());
        assertTrue(compared > 50, "commands compared: " + compared);
    }

    private static boolean isSectionRename(Case c) {
        String line = c.before().lines().toList().get(c.edit().range().startLine()).strip();
        return line.startsWith("[");
    }

    private static boolean keyRename(Case c) {
        String line = c.before().lines().toList().get(c.edit().range().startLine());
        int eq = line.indexOf('=');
        return !Character.isWhitespace(line.isEmpty() ? ' ' : line.charAt(0)) && eq > c.edit().range().startColumn();
    }

    /** The options (pip's dests) the edited lines set: the key of the edited line, or every key of a renamed section. */
    private static Set<String> pipDests(Case c, JsonNode after) {
        List<String> lines = c.after().lines().toList();
        int line = c.edit().range().startLine();
        Set<String> keys = new LinkedHashSet<>();
        // walk back from the edited line to the key it continues
        int k = line;
        while (k > 0 && !lines.get(k).isEmpty() && Character.isWhitespace(lines.get(k).charAt(0))) {
            k--;
        }
        String section = "";
        for (int i = 0; i <= k; i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("[") && l.contains("]")) {
                section = l.substring(1, l.indexOf(']')).strip();
            }
        }
        if (isSectionRename(c)) {
            for (int i = line + 1; i < lines.size() && !lines.get(i).strip().startsWith("["); i++) {
                String l = lines.get(i);
                if (l.contains("=") && !Character.isWhitespace(l.charAt(0)) && !l.strip().startsWith("#")) {
                    keys.add(section + "." + l.substring(0, l.indexOf('=')).strip());
                }
            }
        } else {
            String l = lines.get(k);
            keys.add(section + "." + l.substring(0, Math.max(0, l.indexOf('='))).strip());
        }
        Set<String> dests = new LinkedHashSet<>();
        for (String key : keys) {
            dests.add(after.get("dests").path(key).asText("null"));
        }
        return dests;
    }

    private static boolean pip23(Path p) {
        try {
            ReferencePython.ProcessResult r = ReferencePython.run(List.of(p.toString(), "-c", "import pip; print(pip.__version__)"), 30);
            return r.exitCode() == 0 && r.stdout().trim().equals("23.2.1");
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- both

    private Path script(Path dir, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("reference/" + name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    private JsonNode runReference(List<String> command, Path out) throws IOException {
        ReferencePython.ProcessResult r = ReferencePython.run(command, 600);
        assertEquals(0, r.exitCode(), r.stderr());
        return json.readTree(out.toFile());
    }
}
