package dev.wheelsh.shell.commands;

import dev.wheelsh.shell.TestRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.policy.PolicyJson;
import dev.wheelsh.core.policy.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelsh baseline}, the baseline verdict of {@code show}, and baselines in {@code check}. */
class BaselineCommandTest {

    @Test
    void listNamesTheBaselinesOfAnArchitectureMostWidelyInstallableFirst() throws Exception {
        TestRuns.Run r = TestRuns.runCommand("baseline", "list", "--arch", "loongarch64", "--json");
        assertEquals(0, r.status(), r.err());
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).get("baselines").forEach(b -> names.add(b.get("name").asText()));
        assertEquals(List.of("musllinux_1_2", "manylinux_2_36", "manylinux_2_37", "manylinux_2_38", "manylinux_2_39",
                "manylinux_2_40", "manylinux_2_41", "linux"), names);
        assertTrue(TestRuns.runCommand("baseline", "list").out().contains("manylinux_2_17 (manylinux2014)"));
    }

    @Test
    void showPrintsABaselineFileThatReadsBack(@TempDir Path dir) throws Exception {
        TestRuns.Run r = TestRuns.runCommand("baseline", "show", "manylinux2014", "--arch", "aarch64", "--json");
        assertEquals(0, r.status(), r.err());
        PolicySet back = PolicyJson.read("shown.json", r.out());
        assertEquals(List.of("2.0", "2.17", "2.18"), back.find("manylinux_2_17").orElseThrow().allowed("aarch64", "GLIBC").orElseThrow());
        Path file = Files.writeString(dir.resolve("one.json"), r.out());
        assertEquals(0, TestRuns.runCommand("baseline", "validate", file.toString()).status());
        assertEquals(2, TestRuns.runCommand("baseline", "show", "manylinux_2_17", "--arch", "loongarch64").status(),
                "manylinux_2_17 does not define loongarch64");
        assertEquals(2, TestRuns.runCommand("baseline", "show", "nothing").status());
        assertEquals(2, TestRuns.runCommand("baseline", "frobnicate").status());
    }

    @Test
    void validateReportsPositionedFindingsAndExitsOne(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad-policy.json"), "[{\"name\": \"manylinux_2_38\", \"priority\": 54, \"symbol_versions\": "
                + "{\"loongarch64\": {\"GLIBC\": [\"2.38\", \"two\"]}}, \"lib_whitelist\": [\"libc.so.6\"]}]\n");
        TestRuns.Run r = TestRuns.runCommand("baseline", "validate", bad.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith(bad + ":1:"), r.out());
        assertEquals(2, TestRuns.runCommand("baseline", "validate", dir.resolve("missing.json").toString()).status());
    }

    @Test
    void deriveReadsAReferenceSystemsLibraries(@TempDir Path dir) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root.getParent() != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        Path tree = root.resolve(".corpus/elf/arm64");
        assumeTrue(Files.isDirectory(tree), "no Debian arm64 libraries: run scripts/fetch-test-inputs.sh");
        Path out = dir.resolve("derived.json");
        TestRuns.Run r = TestRuns.runCommand("baseline", "derive", tree.toString(), "--name", "debian12_aarch64", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("GLIBC_2.36, GLIBCXX_3.4.30, CXXABI_1.3.13, GCC_11.0"), r.out());
        PolicySet derived = PolicyJson.read(out);
        assertEquals(1, derived.find("debian12_aarch64").orElseThrow().priority(), "an unknown name gets the lowest priority above linux");
        assertEquals(2, TestRuns.runCommand("baseline", "derive", dir.resolve("nowhere").toString()).status());
    }

    @Test
    void showGivesTheVerdictAndAWheelWhoseCodeNeedsAnUnlistedLibraryBreaksItsTagsPromise(@TempDir Path dir) throws Exception {
        Path java = TestRuns.javaLauncher();
        String arch = new ObjectMapper().readTree(TestRuns.runCommand("elf", java.toString(), "--json").out()).get("machine").get("arch").asText();
        assumeTrue(arch.equals("x86_64"), "the built-in baseline names used here are x86_64's");
        Path whl = ShowCommandTest.wheel(dir, "demo-1.0-py3-none-manylinux_2_17_x86_64.whl", "py3-none-manylinux_2_17_x86_64",
                Files.readAllBytes(java));
        TestRuns.Run r = TestRuns.runCommand("show", whl.toString(), "--json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        List<String> needed = new ArrayList<>();
        j.get("external_libraries").forEach(n -> needed.add(n.asText()));
        boolean outsideWhitelist = needed.stream().anyMatch(l -> l.startsWith("libjli"));
        assumeTrue(outsideWhitelist, "this JDK's launcher needs " + needed);
        assertEquals(1, r.status(), r.err());
        assertEquals("linux_x86_64", j.get("baseline").get("consistent_with").asText());
        boolean wh311 = false;
        for (JsonNode f : j.get("findings")) {
            wh311 |= f.get("code").asText().equals("WH311") && f.get("message").asText().contains("libjli.so");
        }
        assertTrue(wh311, r.out());
    }

    @Test
    void checkReadsTheBaselinesThatPyprojectNames(@TempDir Path dir) throws Exception {
        Path pyproject = Files.writeString(dir.resolve("pyproject.toml"),
                "[tool.wheelsh]\ntargets = [\"cp313-glibc2.38-loongarch64\"]\nbaselines = [\"policies/broken.json\"]\n");
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/broken.json"), "{\"policies\": 3}");
        Files.createDirectories(dir.resolve("dist"));
        TestRuns.Run r = TestRuns.runCommand("check", dir.resolve("dist").toString(), "--config", pyproject.toString());
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("broken.json:1:"), r.err());
    }
}
