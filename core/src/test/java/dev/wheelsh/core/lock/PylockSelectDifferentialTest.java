package dev.wheelsh.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.testing.ReferencePython;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wheelsh lock} on a pylock.toml against packaging's own {@code Pylock.select} (packaging
 * 26.1+, run by scripts/golden/pylock_select.py): for every fixture, target and Python version,
 * the same package gets the same kind of file and the same filename, in the same order, or both
 * refuse the target. packaging stops at the first package with nothing; wheelsh names every such
 * package, so a target with one is a refusal on both sides. The tags and the marker environment
 * are wheelsh's own for the target. Skipped, with the reason, without a Python with packaging 26.
 */
class PylockSelectDifferentialTest {

    private static final Path FIXTURES = ReferencePython.repoRoot().resolve("core/src/test/resources/dev/wheelsh/core/lock");

    private static final List<String> FILES = List.of("pylock.toml", "pylock.forks.toml");

    /** Target and interpreter full version. */
    private static final List<String[]> TARGETS = List.of(
            new String[] {"cp312-glibc2.38-x86_64", "3.12.3"},
            new String[] {"cp312-glibc2.38-loongarch64", "3.12.3"},
            new String[] {"cp312-windows-amd64", "3.12.0"},
            new String[] {"cp312-musl1.2-aarch64", "3.12.8"},
            new String[] {"cp312-macos14.0-arm64", "3.12.1"},
            new String[] {"cp313-glibc2.39-x86_64", "3.13.1"},
            new String[] {"cp313t-glibc2.39-x86_64", "3.13.1"},
            new String[] {"cp313-musl1.2-aarch64", "3.13.0"},
            new String[] {"cp313-macos15.0-arm64", "3.13.2"},
            new String[] {"cp313-macos12.0-x86_64", "3.13.2"},
            new String[] {"cp313-windows-arm64", "3.13.0"},
            new String[] {"cp310-glibc2.17-x86_64", "3.10.12"},
            new String[] {"cp39-glibc2.28-x86_64", "3.9.0"},
            new String[] {"cp39-windows-amd64", "3.9.18"},
            new String[] {"pp310-glibc2.35-x86_64", "3.10.14"});

    @TempDir
    Path dir;

    @Test
    void everyPlanEqualsPackagingsSelect() throws Exception {
        Optional<Path> python = ReferencePython.withPackaging26();
        assumeTrue(python.isPresent(), "Python 3.11+ with packaging 26 not found (PATH or ~/.pyenv/versions/*): differential test skipped");
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> cases = new ArrayList<>();
        Map<String, LockPlan> ours = new LinkedHashMap<>();
        for (String file : FILES) {
            Path f = FIXTURES.resolve(file);
            LockFile lock = LockReader.read(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            for (String[] t : TARGETS) {
                for (Optional<Set<String>> groups : List.of(Optional.<Set<String>>empty(), Optional.of(Set.<String>of()))) {
                    Target target = TargetSpec.parse(t[0]);
                    Version full = Version.parse(t[1]);
                    String id = file + " " + t[0] + " " + t[1] + " groups=" + groups.map(Object::toString).orElse("default");
                    LockPlan plan = LockPlan.of(lock, target, PackagingRelease.V26_2, Optional.of(full),
                            new LockPlan.Request(groups, false, Set.of()));
                    ours.put(id, plan);
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("id", id);
                    c.put("file", f.toString());
                    c.put("tags", target.tags(PackagingRelease.V26_2).stream().map(Object::toString).toList());
                    c.put("environment", MarkerEnvironment.of(target, Optional.of(full), Set.of()).values());
                    c.put("dependency_groups", groups.map(List::copyOf).orElse(null));
                    cases.add(c);
                }
            }
        }
        Path request = dir.resolve("request.json");
        json.writeValue(request.toFile(), Map.of("cases", cases));
        Path script = ReferencePython.repoRoot().resolve("scripts/golden/pylock_select.py");
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), script.toString(), request.toString()), 120);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode answers = json.readTree(r.stdout());
        List<String> disagreements = new ArrayList<>();
        int refusals = 0;
        for (Map.Entry<String, LockPlan> e : ours.entrySet()) {
            JsonNode theirs = answers.get(e.getKey());
            List<String> mine = selection(e.getValue());
            if (theirs.has("error")) {
                refusals++;
                if (mine != null) {
                    disagreements.add(e.getKey() + ": packaging refuses (" + theirs.get("error").asText() + "), wheelsh installs " + mine);
                }
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (JsonNode s : theirs.get("selected")) {
                String kind = s.get(1).asText().replace("Package", "").toLowerCase(java.util.Locale.ROOT);
                expected.add(s.get(0).asText() + " " + kind + " " + (s.get(2).isNull() ? "-" : s.get(2).asText()));
            }
            if (!expected.equals(mine)) {
                disagreements.add(e.getKey() + ": packaging " + expected + ", wheelsh " + mine + e.getValue().refusal().map(x -> " (" + x + ")").orElse(""));
            }
        }
        assertEquals(List.of(), disagreements);
        // the fixtures reach every branch: refusals as well as selections
        assertEquals(true, refusals > 0 && refusals < ours.size(), refusals + " refusals of " + ours.size());
    }

    /** What the plan installs as packaging names it, or null when the target is refused or a package has nothing. */
    private static List<String> selection(LockPlan plan) {
        if (plan.refusal().isPresent()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (LockPlan.Entry e : plan.entries()) {
            LockPlan.Outcome o = e.outcome();
            if (o instanceof LockPlan.Wheel w) {
                out.add(e.pkg().name() + " wheel " + w.filename());
            } else if (o instanceof LockPlan.Sdist s) {
                out.add(e.pkg().name() + " sdist " + s.filename());
            } else if (o instanceof LockPlan.Direct d) {
                out.add(e.pkg().name() + " " + d.source().split(" ", 2)[0] + " -");
            } else if (o instanceof LockPlan.Nothing) {
                return null;
            }
        }
        return out;
    }
}
