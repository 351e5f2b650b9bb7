package dev.wheelsh.shell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.shell.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lock in the shell: a summary per target, exit 1 when a package has nothing, one line and exit 2 for a bad file. */
class LockCommandTest {

    private static final Path FIXTURES = Path.of("").toAbsolutePath().getParent()
            .resolve("core/src/test/resources/dev/wheelsh/core/lock");

    @Test
    void aSummaryPerTargetAndExitOneWhenAPackageHasNothing() throws Exception {
        TestRuns.Run r = TestRuns.run("lock", FIXTURES.resolve("pylock.toml").toString(),
                "--target", "cp312-windows-amd64", "--target", "cp312-glibc2.38-loongarch64");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().contains("  summary: 5 packages: 4 install as wheels, 0 build from source, 0 have nothing, "
                + "1 from a direct source (localtool)\n"), r.out());
        assertTrue(r.out().contains("  numpy 2.2.4: builds from numpy-2.2.4.tar.gz: no wheel fits (closest: "
                + "numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl, the arch"), r.out());
        assertTrue(r.out().contains("1 has nothing (zstd-native)"), r.out());
    }

    @Test
    void everyPackageWithAFileIsExitZero() throws Exception {
        TestRuns.Run r = TestRuns.run("lock", FIXTURES.resolve("uv.lock").toString(), "--target", "cp312-glibc2.38-loongarch64",
                "--group", "docs", "--verbose");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  mkdocs 1.6.1: installs mkdocs-1.6.1-py3-none-any.whl"), r.out());
        assertTrue(r.out().contains("  ruff 0.9.2: not installed here"), "--group docs replaces dev: " + r.out());
    }

    @Test
    void aMalformedLockFileIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("pylock.toml"), "lock-version = '1.0'\ncreated-by = 'x'\n[[packages]]\n"
                + "name = 'numpy'\nwheels = [{ name = 'numpy-2.2.4-cp312.whl', url = 'https://x/y', hashes = { sha256 = 'ab' } }]\n");
        TestRuns.Run r = TestRuns.run("lock", bad.toString(), "--target", "cp312-glibc2.38-x86_64");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("wheelsh: " + bad + ": packages[0].wheels[0].name: invalid wheel filename: "), r.err());
    }
}
