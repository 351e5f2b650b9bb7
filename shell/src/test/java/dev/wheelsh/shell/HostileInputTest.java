package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.machine.TargetMatrix;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What hostile input does to the commands: one line and exit 2, or output with every untrusted byte escaped. */
class HostileInputTest {

    private static final String ESC = "\u001b";

    /** The JVM launcher with its libc.so.6 renamed, in place, to a name that starts with an escape sequence. */
    private static byte[] launcherNeedingAnEscapeSequence() throws IOException {
        byte[] b = Files.readAllBytes(TestRuns.javaLauncher());
        byte[] from = "libc.so.6\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] to = (ESC + "[31mlibc\0").getBytes(StandardCharsets.ISO_8859_1);
        int replaced = 0;
        for (int i = 0; i + from.length <= b.length; i++) {
            int k = 0;
            while (k < from.length && b[i + k] == from[k]) {
                k++;
            }
            if (k == from.length) {
                System.arraycopy(to, 0, b, i, to.length);
                replaced++;
            }
        }
        assumeTrue(replaced > 0, "this JVM launcher does not name libc.so.6");
        return b;
    }

    private static String arch() throws IOException {
        return new ObjectMapper().readTree(TestRuns.runCommand("elf", TestRuns.javaLauncher().toString(), "--json").out())
                .get("machine").get("arch").asText();
    }

    @Test
    void escapeBytesFromElfStringsNeverReachTheTerminal(@TempDir Path dir) throws Exception {
        Path elf = Files.write(dir.resolve("tool"), launcherNeedingAnEscapeSequence());
        TestRuns.Run r = TestRuns.runCommand("elf", elf.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\\x1b[31mlibc"), r.out());
        assertFalse(r.out().contains(ESC), "elf's text, the versions table included, is escaped:\n" + r.out());

        String arch = arch();
        Path whl = dir.resolve("demo-1.0-py3-none-manylinux_2_17_" + arch + ".whl");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(whl))) {
            zip.putNextEntry(new ZipEntry("demo-1.0.dist-info/WHEEL"));
            zip.write(("Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: py3-none-manylinux_2_17_" + arch + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("demo/bin/tool"));
            zip.write(Files.readAllBytes(elf));
        }
        r = TestRuns.runCommand("check", "--target", "cp312-glibc2.17-" + arch, whl.toString());
        assertTrue(r.out().contains("\\x1b[31mlibc"), "a finding names the library:\n" + r.out());
        assertFalse(r.out().contains(ESC), "check's findings are escaped:\n" + r.out());
    }

    @Test
    void aTargetMatrixLargerThanTheBoundIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("[tool.wheelsh]\ntargets = [");
        for (int i = 0; i <= TargetMatrix.MAX_TARGETS; i++) {
            sb.append(i == 0 ? "" : ", ").append("\"cp313-glibc2.").append(17 + i % 20).append("-x86_64\"");
        }
        Path pyproject = Files.writeString(dir.resolve("pyproject.toml"), sb.append("]\n").toString());
        Files.createDirectories(dir.resolve("dist"));
        TestRuns.Run r = TestRuns.runCommand("check", "--config", pyproject.toString(), dir.resolve("dist").toString());
        assertEquals("", r.out(), "refused before judging any target");
        assertEquals(2, r.status(), r.out());
        assertEquals("wheelsh: check: " + (TargetMatrix.MAX_TARGETS + 1) + " targets, more than the " + TargetMatrix.MAX_TARGETS
                + " one run judges (docs/limits.md)\n", r.err());
    }

    @Test
    void aPyprojectLargerThanLintReadsIsNotReadByCheckEither(@TempDir Path dir) throws Exception {
        Path pyproject = Files.writeString(dir.resolve("pyproject.toml"),
                "[tool.wheelsh]\ntargets = [\"cp313-glibc2.38-x86_64\"]\n# " + "x".repeat(ConfigAnalyzer.MAX_CHARS) + "\n");
        TestRuns.Run r = TestRuns.runCommand("check", "--config", pyproject.toString(), dir.toString());
        assertEquals(2, r.status(), r.out());
        assertEquals("wheelsh: " + pyproject + ": larger than " + ConfigAnalyzer.MAX_CHARS
                + " characters; wheelsh does not read it (docs/limits.md)\n", r.err());
    }

    @Test
    void aCorruptMemberIsExitTwoWithOneLineThatNamesIt(@TempDir Path dir) throws Exception {
        Path whl = dir.resolve("demo-1.0-py3-none-any.whl");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(whl))) {
            zip.putNextEntry(new ZipEntry("demo-1.0.dist-info/WHEEL"));
            zip.write("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("demo/__init__.py"));
            zip.write("x = 1\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        }
        byte[] b = Files.readAllBytes(whl);
        // the last data byte of the second member's deflate stream, just before the central directory's data descriptor
        int cd = indexOf(b, new byte[] {'P', 'K', 1, 2});
        b[cd - 17] ^= 0x01;
        Files.write(whl, b);
        TestRuns.Run r = TestRuns.runCommand("show", whl.toString());
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().startsWith("wheelsh: demo-1.0-py3-none-any.whl!demo/__init__.py: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= b.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (b[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void aNonFileIsNamedForWhatItIs(@TempDir Path dir) throws Exception {
        Path d = Files.createDirectory(dir.resolve("demo-1.0-py3-none-any.whl"));
        TestRuns.Run r = TestRuns.runCommand("show", d.toString());
        assertEquals(2, r.status());
        assertEquals("wheelsh: " + d + ": a directory, not a wheel file\n", r.err());
    }

    @Test
    void deriveIntoADirectorySaysNothingWasWritten(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out.json"));
        TestRuns.Run r = TestRuns.runCommand("baseline", "derive", dir.toString(), "-o", out.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void anErrorOfTheJvmIsOneLineThatSaysWhatToDo() {
        StringWriter s = new StringWriter();
        assertEquals(2, Main.internalError(new PrintWriter(s), new OutOfMemoryError("Java heap space")));
        assertTrue(s.toString().matches("wheelsh: internal error: out of memory \\(the heap is \\d+ MiB; give more with "
                + "WHEELSH_JAVA_OPTS=-Xmx\\.\\.\\., or see docs/limits.md\\)\n"), s.toString());
        s = new StringWriter();
        Main.internalError(new PrintWriter(s), new StackOverflowError());
        assertEquals("wheelsh: internal error: input nested too deeply (stack overflow; docs/limits.md)\n", s.toString());
    }
}
