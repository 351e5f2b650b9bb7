package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.testing.ReferencePython;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bionic-versions.tsv is the output of scripts/facts/generate_bionic_versions.py on bionic's symbol
 * maps at the commit its header names. The regeneration needs a git directory of bionic
 * (aosp-mirror/platform_bionic) in WHEELSH_BIONIC_GIT; it is skipped, saying so, otherwise.
 */
class BionicVersionsTest {

    private static String table() throws Exception {
        try (InputStream in = BionicCode.class.getResourceAsStream("bionic-versions.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String commit() throws Exception {
        Matcher m = Pattern.compile("at commit ([0-9a-f]{40})").matcher(table());
        assertTrue(m.find(), "the header names bionic's commit");
        return m.group(1);
    }

    @Test
    void theTableNamesItsSourceAndHoldsEachAndroidRelease() throws Exception {
        assertEquals(40, commit().length());
        assertEquals(OptionalInt.of(24), BionicCode.versionLevel("libc.so", "LIBC_N", "arm64"));
        assertEquals(OptionalInt.of(26), BionicCode.versionLevel("libm.so", "LIBC_O", "x86_64"));
        assertEquals(OptionalInt.of(27), BionicCode.versionLevel("libdl.so", "LIBC_OMR1", "arm"));
        assertEquals(OptionalInt.empty(), BionicCode.versionLevel("libc.so", "LIBC", "arm64"), "the base version sets no floor");
        assertEquals(OptionalInt.empty(), BionicCode.versionLevel("libc.so", "LIBC_PRIVATE", "arm64"), "not for apps");
    }

    @Test
    void theGeneratorWritesTheCommittedTable(@TempDir Path out) throws Exception {
        String git = System.getenv("WHEELSH_BIONIC_GIT");
        assumeTrue(git != null && Files.isDirectory(Path.of(git)),
                "WHEELSH_BIONIC_GIT does not name a bionic git directory: regeneration test skipped");
        Path script = ReferencePython.repoRoot().resolve("scripts/facts/generate_bionic_versions.py");
        Path written = out.resolve("bionic-versions.tsv");
        ReferencePython.ProcessResult r = ReferencePython.run(List.of("python3", script.toString(), git, commit(), written.toString()), 120);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(table(), Files.readString(written));
    }
}
