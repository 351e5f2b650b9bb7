package dev.wheelsh.core.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.PythonVersion;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.testing.ReferencePython;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip's words for a target (--platform, --python-version, --implementation, --abi) against pip's
 * own get_supported, run from the pip source tree that {@value #PIP_TREE} names (pip's main
 * branch, which vendors packaging 26.3): the same tags in the same order, repeats included. The
 * tree is never part of this repository; without it the test says so and skips.
 */
class PipPlatformOptionsDifferentialTest {

    static final String PIP_TREE = "WHEELSH_PIP_TREE";

    /** platforms (comma-separated), python version, implementation, abis (comma-separated, or "" for pip's default). */
    private static final List<String[]> CASES = List.of(
            new String[] {"macosx_11_0_arm64", "3.13", "cp", ""},
            new String[] {"macosx_10_9_x86_64", "3.8", "cp", ""},
            new String[] {"macosx_14_0_universal2", "3.12", "cp", "cp312"},
            new String[] {"manylinux2014_x86_64", "3.12", "cp", ""},
            new String[] {"manylinux2014_aarch64", "3.12", "cp", ""},
            new String[] {"manylinux2010_i686", "3.9", "cp", ""},
            new String[] {"manylinux_2_28_x86_64", "3.12", "cp", ""},
            new String[] {"manylinux_2_28_x86_64,manylinux_2_17_x86_64,manylinux2014_x86_64", "3.11", "cp", ""},
            new String[] {"musllinux_1_2_aarch64", "3.13", "cp", "cp313t"},
            new String[] {"manylinux_2_38_loongarch64", "3.12", "cp", ""},
            new String[] {"win_amd64", "3.12", "cp", "cp312,abi3,none"},
            new String[] {"win_arm64,win_amd64", "3.13", "cp", ""},
            new String[] {"ios_13_0_arm64_iphoneos", "3.13", "cp", ""},
            new String[] {"android_24_arm64_v8a", "3.13", "cp", ""},
            new String[] {"manylinux2014_x86_64", "3.7", "cp", ""},
            new String[] {"manylinux_2_17_x86_64", "3.10", "pp", "pypy310_pp73"},
            new String[] {"linux_x86_64", "3.11", "graalpy", "graalpy311_graalpy242_311_native"},
            new String[] {"any", "3.12", "cp", "none"});

    @TempDir
    Path dir;

    @Test
    void tagsEqualPipsGetSupported() throws Exception {
        String tree = System.getenv(PIP_TREE);
        boolean present = tree != null && Files.isRegularFile(Path.of(tree, "src", "pip", "_internal", "utils", "compatibility_tags.py"));
        if (!present) {
            System.err.println("SKIPPED: " + PIP_TREE + " does not name a pip source tree (git clone https://github.com/pypa/pip)");
        }
        assumeTrue(present, PIP_TREE + " does not name a pip source tree");
        Optional<Path> python = ReferencePython.candidates().stream().filter(p -> {
            try {
                return ReferencePython.run(List.of("env", "PYTHONPATH=" + Path.of(tree, "src"), p.toString(), "-c",
                        "import pip._internal.utils.compatibility_tags"), 60).exitCode() == 0;
            } catch (Exception e) {
                return false;
            }
        }).findFirst();
        assumeTrue(python.isPresent(), "no Python runs pip from " + tree);
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> cases = new ArrayList<>();
        Map<String, List<String>> ours = new LinkedHashMap<>();
        for (String[] c : CASES) {
            String id = String.join(" ", c);
            List<String> platforms = List.of(c[0].split(","));
            List<String> abis = c[3].isEmpty() ? List.of() : List.of(c[3].split(","));
            PythonVersion version = PythonVersion.parse(c[1]);
            PipPlatformOptions options = new PipPlatformOptions(platforms, version, c[2], abis);
            ours.put(id, options.tags(PackagingRelease.V26_3).stream().map(Tag::toString).toList());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", id);
            one.put("platforms", platforms);
            one.put("version", version.nodot());
            one.put("implementation", c[2]);
            one.put("abis", abis.isEmpty() ? null : abis);
            cases.add(one);
        }
        Path request = dir.resolve("request.json");
        json.writeValue(request.toFile(), Map.of("cases", cases));
        Path script = ReferencePython.repoRoot().resolve("scripts/golden/pip_supported.py");
        ReferencePython.ProcessResult r = ReferencePython.run(List.of("env", "PYTHONPATH=" + Path.of(tree, "src"),
                python.get().toString(), script.toString(), request.toString()), 120);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode answer = json.readTree(r.stdout());
        assertEquals("26.3", answer.get("packaging").asText(), "the tree's vendored packaging");
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : ours.entrySet()) {
            List<String> theirs = new ArrayList<>();
            answer.get("cases").get(e.getKey()).forEach(t -> theirs.add(t.asText()));
            if (!theirs.equals(e.getValue())) {
                int i = 0;
                while (i < theirs.size() && i < e.getValue().size() && theirs.get(i).equals(e.getValue().get(i))) {
                    i++;
                }
                disagreements.add(e.getKey() + ": pip " + theirs.size() + " tags, wheelsh " + e.getValue().size()
                        + "; first difference at #" + (i + 1) + ": pip " + (i < theirs.size() ? theirs.get(i) : "-")
                        + ", wheelsh " + (i < e.getValue().size() ? e.getValue().get(i) : "-"));
            }
        }
        assertEquals(List.of(), disagreements);
    }
}
