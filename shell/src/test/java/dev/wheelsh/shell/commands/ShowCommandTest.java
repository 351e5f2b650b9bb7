package dev.wheelsh.shell.commands;

import dev.wheelsh.shell.TestRuns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.shell.io.ExitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelsh show}: exit 0 for a consistent wheel, 1 when a check fails, 2 for a broken one. */
class ShowCommandTest {

    static Path wheel(Path dir, String filename, String tag, byte[] elf) throws IOException {
        Path whl = dir.resolve(filename);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(whl))) {
            zip.putNextEntry(new ZipEntry("demo-1.0.dist-info/WHEEL"));
            zip.write(("Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: " + tag + "\n").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("demo/bin/tool"));
            zip.write(elf);
        }
        return whl;
    }

    @Test
    void aConsistentWheelIsShownWithItsNativeMemberAndExitsZero(@TempDir Path dir) throws IOException {
        Path java = TestRuns.javaLauncher();
        String arch = new ObjectMapper().readTree(TestRuns.runCommand("elf", java.toString(), "--json").out())
                .get("machine").get("arch").asText();
        Path whl = wheel(dir, "demo-1.0-py3-none-linux_" + arch + ".whl", "py3-none-linux_" + arch, Files.readAllBytes(java));
        TestRuns.Run r = TestRuns.runCommand("show", whl.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("demo/bin/tool  " + arch), r.out());
        assertTrue(r.out().contains("contents match the wheel's claims"), r.out());

        JsonNode j = new ObjectMapper().readTree(TestRuns.runCommand("show", whl.toString(), "--json").out());
        assertEquals("demo", j.get("name").asText());
        assertEquals("demo/bin/tool", j.get("native_members").get(0).get("member").asText());
        assertTrue(j.get("external_libraries").isArray());
        assertEquals(0, j.get("findings").size());
    }

    @Test
    void aMemberOfAnotherArchitectureMakesTheCheckFailWithExitOne(@TempDir Path dir) throws IOException {
        Path java = TestRuns.javaLauncher();
        Path whl = wheel(dir, "demo-1.0-py3-none-linux_s390x.whl", "py3-none-linux_s390x", Files.readAllBytes(java));
        TestRuns.Run r = TestRuns.runCommand("show", whl.toString());
        assertEquals(ExitStatus.PROBLEM, r.status(), r.out());
        assertTrue(r.out().contains("WH304 error: demo/bin/tool is "), r.out());
    }

    @Test
    void aZipBombMemberIsAUsageErrorOnOneLine(@TempDir Path dir) throws IOException {
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(TestRuns.javaLauncher()), 4096);
        byte[] bomb = java.util.Arrays.copyOf(head, 80 << 20);
        Path whl = wheel(dir, "demo-1.0-py3-none-linux_x86_64.whl", "py3-none-linux_x86_64", bomb);
        TestRuns.Run r = TestRuns.runCommand("show", whl.toString());
        assertEquals(ExitStatus.USAGE, r.status(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("demo/bin/tool: inflates") && r.err().contains("zip bomb"), r.err());
    }

    @Test
    void aBrokenWheelIsAUsageErrorOnOneLine(@TempDir Path dir) throws IOException {
        Path whl = dir.resolve("demo-1.0-py3-none-any.whl");
        Files.writeString(whl, "not a zip");
        TestRuns.Run r = TestRuns.runCommand("show", whl.toString());
        assertEquals(ExitStatus.USAGE, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("wheelsh: demo-1.0-py3-none-any.whl: not a readable zip archive"), r.err());
    }

    /**
     * rollup's 32-bit ARM musl build (scripts/fetch.d/20-npm-native.sh; skipped, saying so, when not
     * fetched) in a wheel tagged musllinux_1_1: it imports musl 1.2's __clock_gettime64, and it needs
     * plain libc.so, where auditwheel answers otherwise; show says both, in text and in JSON.
     */
    @Test
    void muslCodeShowsTheMuslItNeedsAndWhyAuditwheelDiffers(@TempDir Path dir) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assumeTrue(root != null, "no mvnw above the working directory");
        Path node = root.resolve(".corpus/npm/@rollup_rollup-linux-arm-musleabihf/package/rollup.linux-arm-musleabihf.node");
        assumeTrue(Files.isRegularFile(node), "rollup's armhf musl build was not fetched (scripts/fetch.d/20-npm-native.sh)");
        Path whl = wheel(dir, "demo-1.0-py3-none-musllinux_1_1_armv7l.whl", "py3-none-musllinux_1_1_armv7l", Files.readAllBytes(node));
        TestRuns.Run r = TestRuns.runCommand("show", whl.toString());
        assertEquals(ExitStatus.PROBLEM, r.status(), r.out());
        assertTrue(r.out().contains("consistent with musllinux_1_2_armv7l"), r.out());
        assertTrue(r.out().contains("    demo/bin/tool needs musl 1.2: imports __clock_gettime64 (added in musl 1.2.0)\n"), r.out());
        assertTrue(r.out().contains("    auditwheel answers linux_armv7l here, wheelsh musllinux_1_2_armv7l: demo/bin/tool needs plain libc.so"), r.out());

        JsonNode v = new ObjectMapper().readTree(TestRuns.runCommand("show", whl.toString(), "--json").out()).get("baseline");
        assertEquals("musl-floor", v.get("notes").get(0).get("kind").asText());
        assertEquals("auditwheel-differs", v.get("notes").get(1).get("kind").asText());
        JsonNode obstacle = v.get("blocked").get(0).get("obstacles").get(0);
        assertEquals("musl-symbol", obstacle.get("kind").asText());
        assertEquals("__clock_gettime64", obstacle.get("symbol").asText());
        assertEquals("1.2.0", obstacle.get("release").asText());
    }
}
