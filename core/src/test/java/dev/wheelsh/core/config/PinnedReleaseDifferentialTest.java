package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project that pins an older cibuildwheel ({@code [tool.wheelsh] cibuildwheel = "2.23"}) is
 * judged as that release reads its options: each fixture that pins one is read by the newest
 * patch release of that x.y, from its source, over and over; each time it stops on an entry,
 * wheelsh must have reported an error on that entry, and the entry is taken out. When it reads
 * the file, every error wheelsh reported about the option tables (WH111, WH112, WH113, WH115,
 * WH116) must have been one it stopped on (an image error, WH114, may or may not stop it). Needs WHEELSH_CIBUILDWHEEL_GIT, WHEELSH_BRACEX_GIT and
 * WHEELSH_BASHLEX_GIT (as FixesThroughToolsDifferentialTest) and a Python 3.11 or newer; skipped,
 * saying which is missing, otherwise.
 */
class PinnedReleaseDifferentialTest {

    /** The codes for what cibuildwheel's option reader refuses: options per table, archs, groups. */
    private static final Set<String> READER_CODES = Set.of("WH111", "WH112", "WH113", "WH115", "WH116");
    /** How cibuildwheel names what it stops on: quoted ('test-sources'), or after "Unknown enable group: ". */
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'|Unknown enable group: ([\\w-]+)");

    private final ConfigAnalyzer analyzer = new ConfigAnalyzer(CheckSettings.defaults());
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachPinnedFixtureIsRefusedWhereThatReleaseRefusesIt(@TempDir Path dir) throws IOException, URISyntaxException {
        Map<String, String> clones = Map.of("WHEELSH_CIBUILDWHEEL_GIT", "cibuildwheel", "WHEELSH_BRACEX_GIT", "bracex",
                "WHEELSH_BASHLEX_GIT", "bashlex");
        for (String variable : clones.keySet()) {
            String git = System.getenv(variable);
            assumeTrue(git != null && Files.isDirectory(Path.of(git)),
                    variable + " does not name a git directory: pinned-release differential test skipped");
        }
        Optional<Path> python = ReferencePython.candidates().stream().filter(PinnedReleaseDifferentialTest::python311).findFirst();
        assumeTrue(python.isPresent(), "no Python 3.11 or newer: pinned-release differential test skipped");
        Path script = dir.resolve("cibuildwheel_meaning.py");
        try (InputStream in = getClass().getResourceAsStream("reference/cibuildwheel_meaning.py")) {
            Files.write(script, in.readAllBytes());
        }
        int fixtures = 0;
        int stops = 0;
        for (Path fixture : FixtureTest.cases().toList()) {
            Path file = FixtureTest.configFile(fixture);
            String text = Files.readString(file);
            Matcher pin = Pattern.compile("(?m)^cibuildwheel\\s*=\\s*\"(\\d+\\.\\d+)").matcher(text);
            if (!file.getFileName().toString().equals("pyproject.toml") || !pin.find()) {
                continue;
            }
            String release = pin.group(1);
            Path src = unpack(dir.resolve("src-" + release), newestPatch(release), clones);
            List<String> platforms = ConfigFacts.INSTANCE.cibwTablesFor(release).platforms();
            List<Finding> findings = analyzer.check(ConfigFileKind.PYPROJECT, text);
            Set<Integer> flagged = new LinkedHashSet<>();
            findings.stream().filter(f -> f.severity() == Severity.ERROR && READER_CODES.contains(f.code().id()))
                    .forEach(f -> flagged.add(f.range().orElseThrow().startLine()));
            // an image name the release does not ship (WH114) may stop it too (3.x refuses retired images); an unknown one it pulls
            Set<Integer> mayStop = new LinkedHashSet<>(flagged);
            findings.stream().filter(f -> f.severity() == Severity.ERROR && f.code().id().equals("WH114"))
                    .forEach(f -> mayStop.add(f.range().orElseThrow().startLine()));
            List<String> lines = new ArrayList<>(text.lines().toList());
            Set<Integer> stoppedOn = new LinkedHashSet<>();
            for (int round = 0; ; round++) {
                assertTrue(round < 20, fixture.getFileName() + ": cibuildwheel " + release + " keeps stopping");
                Optional<String> error = firstError(python.get(), script, src, dir.resolve("p-" + fixture.getFileName() + "-" + round),
                        String.join("\n", lines) + "\n", platforms);
                if (error.isEmpty()) {
                    break;
                }
                int line = lineNamed(lines, error.get()).orElseThrow(() -> new AssertionError(fixture.getFileName()
                        + ": cibuildwheel " + release + " stops on something wheelsh cannot place: " + error.get()));
                assertTrue(mayStop.contains(line), fixture.getFileName() + ": cibuildwheel " + release + " stops on line " + (line + 1)
                        + " (" + error.get() + ") but wheelsh reports no error there: " + findings);
                stoppedOn.add(line);
                lines.set(line, ""); // keep the numbering: the findings' lines stay valid
                stops++;
            }
            for (int line : flagged) {
                if (!stoppedOn.contains(line)) {
                    fail(fixture.getFileName() + ": wheelsh reports an error on line " + (line + 1) + " that cibuildwheel " + release
                            + " reads: " + lines.get(line));
                }
            }
            fixtures++;
        }
        System.out.println("pinned fixtures: " + fixtures + ", entries cibuildwheel stopped on: " + stops);
        assertTrue(fixtures >= 2, "fixtures that pin a release: " + fixtures);
        assertTrue(stops >= 3, "entries the pinned releases stopped on: " + stops);
    }

    /** The first error cibuildwheel gives on any platform, if any. */
    private Optional<String> firstError(Path python, Path script, Path src, Path project, String text, List<String> platforms)
            throws IOException {
        Files.createDirectories(project);
        Files.writeString(project.resolve("pyproject.toml"), text);
        Path in = project.resolve("in.json");
        Path out = project.resolve("out.json");
        json.writeValue(in.toFile(), Map.of("projects", List.of(project.toString()), "platforms", platforms, "patterns", List.of()));
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.toString(), script.toString(), src.toString(),
                in.toString(), out.toString()), 300);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode result = json.readTree(out.toFile()).get("projects").get(0);
        for (String p : platforms) {
            if (result.get(p).has("error")) {
                return Optional.of(result.get(p).get("error").asText());
            }
        }
        return Optional.empty();
    }

    /** The line an error names: the first whose key or value is a quoted name of the message. */
    private static Optional<Integer> lineNamed(List<String> lines, String error) {
        Matcher m = QUOTED.matcher(error);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith(name + " ") || l.startsWith(name + "=") || l.contains("\"" + name + "\"")) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    /** The newest vX.Y.Z tag of a release line. */
    private static String newestPatch(String release) throws IOException {
        ReferencePython.ProcessResult r = ReferencePython.run(List.of("git", "--git-dir=" + System.getenv("WHEELSH_CIBUILDWHEEL_GIT"),
                "tag", "--sort=-v:refname", "--list", "v" + release + ".*"), 60);
        return r.stdout().lines().filter(t -> t.matches("v\\d+\\.\\d+\\.\\d+")).findFirst()
                .orElseThrow(() -> new AssertionError("no tag of cibuildwheel " + release));
    }

    private static Path unpack(Path src, String tag, Map<String, String> clones) throws IOException {
        if (Files.isDirectory(src)) {
            return src;
        }
        Files.createDirectories(src);
        for (Map.Entry<String, String> clone : clones.entrySet()) {
            String git = System.getenv(clone.getKey());
            String at = clone.getValue().equals("cibuildwheel") ? tag : "";
            ReferencePython.ProcessResult r = ReferencePython.run(List.of("sh", "-c",
                    "t=\"$2\"; [ -n \"$t\" ] || t=\"$(git --git-dir=\"$0\" tag --sort=-v:refname | head -1)\"; "
                            + "git --git-dir=\"$0\" archive \"$t\" \"$1\" | tar -x -C \"$3\"",
                    git, clone.getValue(), at, src.toString()), 120);
            assertEquals(0, r.exitCode(), clone.getKey() + ": " + r.stderr());
        }
        return src;
    }

    private static boolean python311(Path p) {
        try {
            return ReferencePython.run(List.of(p.toString(), "-c", "import sys, tomllib; sys.exit(sys.version_info < (3, 11))"), 30).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
