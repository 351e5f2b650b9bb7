package dev.wheelsh.shell;

import dev.wheelsh.shell.commands.Commands;
import dev.wheelsh.shell.io.Session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared contract of the commands: 0 when the check holds, 1 when it found a problem, 2 for
 * bad usage or input with one line on stderr and no stack trace; JSON that parses; no escape codes
 * when not on a terminal; `-c` returns the highest status.
 */
class CommandStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "tags --python 3.13 --arch loongarch64 --glibc 2.38|0",
            "simulate --profile debian-12|0",
            "target cp313t-glibc2.38-loongarch64|0",
            "explain numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl --target cp313-glibc2.38-loongarch64|0",
            "explain numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl --target cp310-glibc2.38-loongarch64|1",
            "explain linux_loongarch64|0",
            "version|0",
            "tags --python 3.x --arch x86_64 --glibc 2.38|2",
            "tags --python 3.13 --arch x86_64 --glibc 2.38 --musl 1.2|2",
            "simulate --profile debian-99|2",
            "simulate --target cp313-glibc2.x-x86_64|2",
            "explain not-a-wheel.whl --target cp313-glibc2.38-x86_64|2",
            "explain a-b-c-d --target cp313-glibc2.38-x86_64|2",
            "pick /nonexistent --target cp313-glibc2.38-x86_64|2",
            "check /nonexistent --target cp313-glibc2.38-x86_64|2",
            "check --target cp313-glibc2.38-x86_64 /nonexistent|2",
            "nosuchcommand|2",
            "tags --no-such-option|2",
    })
    void exitStatus(String line, int expected) {
        TestRuns.Run r = TestRuns.run(line.split(" "));
        assertEquals(expected, r.status(), () -> line + "\nout: " + r.out() + "\nerr: " + r.err());
        if (expected == 2) {
            assertEquals(1, r.err().strip().lines().count(), () -> "one line on stderr: " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        assertFalse(r.out().contains("\u001b[") || r.err().contains("\u001b["), "no escape codes when not on a terminal");
    }

    @Test
    void aScriptReturnsTheHighestStatusOfItsCommands() {
        assertEquals(1, TestRuns.run("-c", "version; explain numpy-2.2.4-cp313-cp313-win_amd64.whl --target cp313-glibc2.38-x86_64; version").status());
        assertEquals(2, TestRuns.run("-c", "explain numpy-2.2.4-cp313-cp313-win_amd64.whl --target cp313-glibc2.38-x86_64; tags --python x").status());
    }

    @Test
    void theSessionTargetCarriesFromOneCommandToTheNext() {
        TestRuns.Run r = TestRuns.run("-c", "target cp310-glibc2.38-loongarch64; explain numpy-2.2.4-cp310-cp310-linux_loongarch64.whl");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("verdict: installable"), r.out());
    }

    @Test
    void jsonOutputsParse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode tags = json.readTree(TestRuns.run("tags", "--python", "3.13", "--abi-flags", "t", "--arch", "loongarch64",
                "--glibc", "2.38", "--json").out());
        assertEquals(712, tags.get("count").asInt());
        assertEquals(tags.get("count").asInt(), tags.get("tags").size());
        JsonNode explain = json.readTree(TestRuns.run("explain", "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl",
                "--target", "cp310-glibc2.38-loongarch64", "--json").out());
        assertEquals("python_version", explain.get("closest_miss").get("component").asText());
        JsonNode simulate = json.readTree(TestRuns.run("simulate", "--profile", "openeuler-24.03", "--json").out());
        assertEquals("cp311-glibc2.38-loongarch64", simulate.get("target").asText());
    }

    @Test
    void pickReadsANameListAndExitsOneWhenAProjectHasNoWheel(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("names.txt");
        Files.writeString(list, "numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl\n"
                + "scipy-1.15.0-cp313-cp313-manylinux_2_17_x86_64.whl\n");
        TestRuns.Run r = TestRuns.run("pick", list.toString(), "--target", "cp313-glibc2.38-loongarch64", "--json");
        assertEquals(1, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("numpy", doc.get("projects").get(0).get("project").asText());
        assertEquals("arch", doc.get("projects").get(1).get("closest_miss").asText());
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String name : Commands.commandLine(new Session(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getSubcommands().keySet()) {
            TestRuns.Run r = TestRuns.run(name, "--help");
            assertEquals(0, r.status(), name + ": " + r.err());
            assertTrue(r.out().contains("Examples:"), name + " --help has examples:\n" + r.out());
        }
    }
}
