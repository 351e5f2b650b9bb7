package dev.wheelsh.shell.commands;

import dev.wheelsh.shell.TestRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.shell.io.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelsh lint}: findings as path:line:col, exit 1 on an error, 2 on a file it cannot check. */
class LintCommandTest {

    @Test
    void aMisspelledSelectorIsPrintedOneBasedAndExitsOne(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("pyproject.toml"), "[tool.cibuildwheel]\nskip = \"pp* *-manylinux_loong64\"\n");
        TestRuns.Run r = TestRuns.runCommand("lint", f.toString());
        assertEquals(ExitStatus.PROBLEM, r.status(), r.err());
        assertEquals(f + ":2:25: WH110 error: selector '*-manylinux_loong64' matches no build identifier: nothing fits 'loong64' here",
                r.out().strip());
    }

    @Test
    void aCleanFileExitsZeroAndWarningsAloneDoNotFail(@TempDir Path dir) throws IOException {
        Path clean = Files.writeString(dir.resolve("pip.conf"), "[global]\nindex-url = https://pypi.org/simple\n");
        assertEquals(ExitStatus.OK, TestRuns.runCommand("lint", clean.toString()).status());
        Path warn = Files.writeString(dir.resolve("pip.ini"), "[global]\ntimout = 5\n");
        TestRuns.Run r = TestRuns.runCommand("lint", warn.toString());
        assertEquals(ExitStatus.OK, r.status());
        assertTrue(r.out().contains(":2:1: WH202 warning: 'timout' is not a pip option; did you mean 'timeout'?"), r.out());
    }

    @Test
    void unknownAndUnreadableFilesExitTwoButTheOthersAreStillChecked(@TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("setup.cfg"), "[metadata]\n");
        Path bad = Files.writeString(dir.resolve("policy.json"), "[{\"name\": \"manylinux_2_17\", \"priority\": 80,}]");
        TestRuns.Run r = TestRuns.runCommand("lint", other.toString(), dir.resolve("missing.json").toString(), bad.toString());
        assertEquals(ExitStatus.USAGE, r.status());
        assertTrue(r.err().contains("setup.cfg: not a file wheelsh checks"), r.err());
        assertTrue(r.err().contains("missing.json: no such file"), r.err());
        assertTrue(r.out().contains("policy.json:1:44: WH600 error: JSON syntax error"), r.out());
    }

    @Test
    void aPyprojectIsJudgedByTheCibuildwheelItsWorkflowRuns(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/wheels.yml"), "jobs:\n  w:\n    steps:\n      - uses: pypa/cibuildwheel@v2.23.3\n");
        Path f = Files.writeString(dir.resolve("pyproject.toml"), "[tool.cibuildwheel]\ntest-sources = [\"tests\"]\n");
        TestRuns.Run r = TestRuns.runCommand("lint", f.toString());
        assertEquals(ExitStatus.PROBLEM, r.status(), r.err());
        assertEquals(f + ":2:1: WH116 error: cibuildwheel 2.23.3 (pinned in .github/workflows/wheels.yml) has no option 'test-sources' "
                + "(3.0 added it); pin such a release or drop it", r.out().strip());
    }

    @Test
    void jsonCarriesRangesAndFixes(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("pip.conf"), "[download]\nonly-binary = :all:\nplatform = manylinux2014_loong64\n");
        TestRuns.Run r = TestRuns.runCommand("lint", "--json", f.toString());
        assertEquals(ExitStatus.PROBLEM, r.status(), r.err());
        JsonNode finding = new ObjectMapper().readTree(r.out()).get("files").get(0).get("findings").get(0);
        assertEquals("WH191", finding.get("code").asText());
        assertEquals(26, finding.get("range").get("start_column").asInt());
        assertEquals("loongarch64", finding.get("fixes").get(0).get("edits").get(0).get("new_text").asText());
    }
}
