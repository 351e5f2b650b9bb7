package dev.wheelsh.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.SpecifierSet;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.wheel.IndexPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pick against pip's own PackageFinder, live: scripts/golden/pip_finder.py builds a PackageFinder
 * over the saved index in test resources (finder-index: sdists newer than wheels, requires-python,
 * yanked files, pre-releases, build tags, abi3, free-threaded, musl, loongarch64, legacy sdist
 * names, a PEP 691 page), for each target with the tags wheelsh computes (in packaging 26.2's
 * order and in 26.3's), in the three modes default, --prefer-binary and --only-binary :all:. Every project must get the same file, or the
 * same nothing. Skipped, with the reason, when no Python with pip is found; run a second time
 * against pip's source when {@value #PIP_TREE} names a checkout (pip's main branch vendors
 * packaging 26.3; the tree is never part of this repository).
 */
class PipFinderDifferentialTest {

    private static final Path INDEX = ReferencePython.repoRoot()
            .resolve("core/src/test/resources/dev/wheelsh/core/explain/finder-index");

    /** Target and the interpreter's full version (what requires-python is held against). */
    private static final List<String[]> TARGETS = List.of(
            new String[] {"cp312-glibc2.38-loongarch64", "3.12.3"},
            new String[] {"cp311-glibc2.36-x86_64", "3.11.7"},
            new String[] {"cp311-glibc2.36-x86_64", "3.11.2"},
            new String[] {"cp313-glibc2.39-aarch64", "3.13.1"},
            new String[] {"cp313t-glibc2.39-x86_64", "3.13.1"},
            new String[] {"cp312-musl1.2-x86_64", "3.12.8"},
            new String[] {"cp310-glibc2.17-x86_64", "3.10.12"},
            new String[] {"cp313-macos14.0-arm64", "3.13.0"},
            new String[] {"cp312-windows-amd64", "3.12.0"},
            new String[] {"pp310-glibc2.35-x86_64", "3.10.14"},
            new String[] {"cp39-glibc2.28-x86_64", "3.9.18"});

    private static final List<String> MODES = List.of("default", "prefer-binary", "only-binary");

    @TempDir
    static Path work;

    private static Optional<Path> python;

    @BeforeAll
    static void findPip() throws Exception {
        python = Optional.empty();
        for (Path candidate : ReferencePython.candidates()) {
            ReferencePython.ProcessResult r = ReferencePython.run(List.of(candidate.toString(), "-c",
                    "import pip, pip._internal.index.package_finder; print(pip.__version__)"), 60);
            if (r.exitCode() == 0) {
                python = Optional.of(candidate);
                System.err.println("pip finder reference: pip " + r.stdout().strip() + " in " + candidate);
                return;
            }
        }
        System.err.println("SKIPPED: no Python with pip found (python3 on PATH, pyenv versions)");
    }

    /** A checkout of pip's source (such as its main branch, which vendors packaging 26.3), run from its src. */
    static final String PIP_TREE = "WHEELSH_PIP_TREE";

    @Test
    void everyProjectGetsTheFilePipChooses() throws Exception {
        assumeTrue(python.isPresent(), "no Python with pip found");
        assertSameChoices(List.of(python.get().toString()), "installed pip");
    }

    @Test
    void everyProjectGetsTheFileThePipOfASourceTreeChooses() throws Exception {
        String tree = System.getenv(PIP_TREE);
        boolean present = tree != null && Files.isRegularFile(Path.of(tree, "src", "pip", "_internal", "index", "package_finder.py"));
        if (!present) {
            System.err.println("SKIPPED: " + PIP_TREE + " does not name a pip source tree (git clone https://github.com/pypa/pip)");
        }
        assumeTrue(present, PIP_TREE + " does not name a pip source tree");
        Optional<Path> interpreter = ReferencePython.candidates().stream().filter(p -> {
            try {
                return ReferencePython.run(List.of("env", "PYTHONPATH=" + Path.of(tree, "src"), p.toString(), "-c",
                        "import pip._internal.index.package_finder"), 60).exitCode() == 0;
            } catch (Exception e) {
                return false;
            }
        }).findFirst();
        assumeTrue(interpreter.isPresent(), "no Python runs pip from " + tree);
        assertSameChoices(List.of("env", "PYTHONPATH=" + Path.of(tree, "src"), interpreter.get().toString()), "pip from " + tree);
    }

    /** Requirements with a version, as `pip install 'NAME==X'` gives them: pins of yanked files, ranges, pre-release pins. */
    private static final Map<String, String> REQUIREMENTS = Map.of(
            "yankee", "==1.2", "yankfinal", "==1.0", "prerel", "==2.0rc1", "demo", "<3", "stable", "===1.0",
            "numpy", "==2.2.*", "dragon", ">=1.4");

    @Test
    void pinnedRequirementsGetTheFilePipChooses() throws Exception {
        assumeTrue(python.isPresent(), "no Python with pip found");
        Map<String, List<IndexPage.File>> pages = pages();
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> cases = new ArrayList<>();
        Map<String, Map<String, Optional<String>>> ours = new LinkedHashMap<>();
        Map<String, SpecifierSet> specs = new LinkedHashMap<>();
        for (Map.Entry<String, String> r : REQUIREMENTS.entrySet()) {
            specs.put(r.getKey(), SpecifierSet.parse(r.getValue()));
        }
        for (String[] t : TARGETS) {
            Target target = TargetSpec.parse(t[0]);
            TagRanking ranking = TagRanking.of(target, PackagingRelease.V26_2);
            for (String mode : MODES) {
                String id = t[0] + "@" + t[1] + "/" + mode + "/pinned";
                WheelPick.Options options = new WheelPick.Options(false, mode.equals("prefer-binary"),
                        mode.equals("only-binary") ? FormatControl.DEFAULT.withOnlyBinary(":all:") : FormatControl.DEFAULT,
                        Optional.of(Version.parse(t[1])), PackagingRelease.V26_2).withRequirements(specs);
                Map<String, Optional<String>> chosen = new LinkedHashMap<>();
                for (String project : REQUIREMENTS.keySet()) {
                    chosen.put(project, WheelPick.chooseFor(project, pages.get(project), ranking, options)
                            .chosen().map(WheelPick.Candidate::filename));
                }
                ours.put(id, chosen);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", id);
                c.put("tags", ranking.supported().stream().map(Tag::toString).toList());
                c.put("python", t[1]);
                c.put("mode", mode);
                c.put("projects", new ArrayList<>(REQUIREMENTS.keySet()));
                c.put("requirements", REQUIREMENTS);
                cases.add(c);
            }
        }
        Path request = work.resolve("pinned.json");
        Files.writeString(request, json.writeValueAsString(Map.of("index", INDEX.toString(), "cases", cases)));
        Path script = ReferencePython.repoRoot().resolve("scripts/golden/pip_finder.py");
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), script.toString(), request.toString()), 600);
        assertEquals(0, r.exitCode(), "pip_finder.py failed: " + r.stderr());
        JsonNode theirs = json.readTree(r.stdout());
        List<String> differences = new ArrayList<>();
        int yanked = 0;
        for (Map.Entry<String, Map<String, Optional<String>>> c : ours.entrySet()) {
            for (Map.Entry<String, Optional<String>> p : c.getValue().entrySet()) {
                JsonNode pip = theirs.get(c.getKey()).get(p.getKey());
                Optional<String> pipChoice = pip.isNull() ? Optional.empty() : Optional.of(pip.asText());
                if (!pipChoice.equals(p.getValue())) {
                    differences.add(c.getKey() + " " + p.getKey() + ": pip " + pipChoice.orElse("nothing")
                            + ", wheelsh " + p.getValue().orElse("nothing"));
                }
                yanked += pipChoice.filter(f -> f.startsWith("yank")).isPresent() ? 1 : 0;
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(yanked > 0, "a pin takes a yanked file somewhere");
        System.err.println("pip finder differential, pinned requirements: " + ours.size() * REQUIREMENTS.size()
                + " choices equal (" + yanked + " yanked files taken for a pin)");
    }

    private void assertSameChoices(List<String> pythonCommand, String label) throws Exception {
        Map<String, List<IndexPage.File>> pages = pages();
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> cases = new ArrayList<>();
        Map<String, Map<String, Optional<String>>> ours = new LinkedHashMap<>();
        for (String[] t : TARGETS) {
          for (PackagingRelease release : PackagingRelease.values()) {
            Target target = TargetSpec.parse(t[0]);
            TagRanking ranking = TagRanking.of(target, release);
            for (String mode : MODES) {
                String id = t[0] + "@" + t[1] + "/" + mode + "/packaging-" + release.version();
                WheelPick.Options options = new WheelPick.Options(false, mode.equals("prefer-binary"),
                        mode.equals("only-binary") ? FormatControl.DEFAULT.withOnlyBinary(":all:") : FormatControl.DEFAULT,
                        Optional.of(Version.parse(t[1])), release);
                Map<String, Optional<String>> chosen = new LinkedHashMap<>();
                for (Map.Entry<String, List<IndexPage.File>> page : pages.entrySet()) {
                    chosen.put(page.getKey(), WheelPick.chooseFor(page.getKey(), page.getValue(), ranking, options)
                            .chosen().map(WheelPick.Candidate::filename));
                }
                ours.put(id, chosen);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", id);
                c.put("tags", ranking.supported().stream().map(Tag::toString).toList());
                c.put("python", t[1]);
                c.put("mode", mode);
                c.put("projects", new ArrayList<>(pages.keySet()));
                cases.add(c);
            }
          }
        }
        Path request = work.resolve("request.json");
        Files.writeString(request, json.writeValueAsString(Map.of("index", INDEX.toString(), "cases", cases)));
        Path script = ReferencePython.repoRoot().resolve("scripts/golden/pip_finder.py");
        List<String> command = new ArrayList<>(pythonCommand);
        command.add(script.toString());
        command.add(request.toString());
        ReferencePython.ProcessResult r = ReferencePython.run(command, 600);
        assertEquals(0, r.exitCode(), "pip_finder.py failed: " + r.stderr());
        JsonNode theirs = json.readTree(r.stdout());
        int compared = 0;
        int sdists = 0;
        int nothing = 0;
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Map<String, Optional<String>>> c : ours.entrySet()) {
            for (Map.Entry<String, Optional<String>> p : c.getValue().entrySet()) {
                JsonNode pip = theirs.get(c.getKey()).get(p.getKey());
                Optional<String> pipChoice = pip.isNull() ? Optional.empty() : Optional.of(pip.asText());
                if (!pipChoice.equals(p.getValue())) {
                    differences.add(c.getKey() + " " + p.getKey() + ": pip " + pipChoice.orElse("nothing")
                            + ", wheelsh " + p.getValue().orElse("nothing"));
                }
                compared++;
                sdists += pipChoice.filter(f -> !f.endsWith(".whl")).isPresent() ? 1 : 0;
                nothing += pipChoice.isEmpty() ? 1 : 0;
            }
        }
        assertEquals(List.of(), differences);
        // The two tag orders lead pip to different files somewhere (a linux_* wheel against a manylinux one).
        long releaseMatters = ours.keySet().stream().filter(id -> id.endsWith("/packaging-26.2"))
                .filter(id -> !ours.get(id).equals(ours.get(id.replace("/packaging-26.2", "/packaging-26.3")))).count();
        assertTrue(releaseMatters >= 1, "no choice depends on the packaging release");
        // The fixture exercises every outcome: wheels, builds from source, nothing at all.
        assertTrue(compared >= 10 * 10 * 3 * 2, "compared " + compared);
        assertTrue(sdists >= 20, "sdist choices: " + sdists);
        assertTrue(nothing >= 10, "nothing found: " + nothing);
        System.err.println("pip finder differential, " + label + ": " + compared + " choices equal (" + sdists
                + " sdists, " + nothing + " nothing)");
    }

    /** Each project page of the saved index, under its directory's (canonical) name. */
    static Map<String, List<IndexPage.File>> pages() throws Exception {
        Map<String, List<IndexPage.File>> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(INDEX)) {
            for (Path dir : s.sorted().toList()) {
                Path page = Files.isRegularFile(dir.resolve("index.json")) ? dir.resolve("index.json") : dir.resolve("index.html");
                out.put(dir.getFileName().toString(), IndexPage.files(page.toString(), Files.readString(page, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }
}
