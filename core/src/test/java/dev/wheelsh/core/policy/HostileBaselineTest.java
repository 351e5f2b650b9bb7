package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.vocabulary.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baseline files and library trees as an attacker or a broken disk makes them: every one is either
 * read or refused with one line, never another exception.
 */
class HostileBaselineTest {

    private static final String GOOD = PolicyJson.write(BuiltinPolicies.all().policies());

    private static void readOrRefuse(String text) {
        try {
            PolicyJson.read("hostile.json", text);
        } catch (InputException e) {
            assertTrue(e.getMessage().startsWith("hostile.json"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void everyTruncationOfARealBaselineFileIsReadOrRefusedInOneLine() {
        for (int cut = 0; cut < GOOD.length(); cut += 97) {
            readOrRefuse(GOOD.substring(0, cut));
        }
    }

    @Test
    void randomEditsOfARealBaselineFileAreReadOrRefusedInOneLine() {
        Random random = new Random(20261201);
        String alphabet = "[]{}\",:0123456789-.e \\nabcXYZ";
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder(GOOD);
            for (int edit = 0; edit < 1 + random.nextInt(8); edit++) {
                int at = random.nextInt(b.length());
                b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            readOrRefuse(b.toString());
        }
    }

    @Test
    void randomBytesDeepNestingAndAbsurdNumbersAreRefused() {
        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        readOrRefuse(new String(noise, StandardCharsets.ISO_8859_1));
        readOrRefuse("[".repeat(100_000));
        readOrRefuse("[{\"name\": \"manylinux_99999999999999999999_1\", \"priority\": 99999999999999999999, \"symbol_versions\": {}, \"lib_whitelist\": []}]");
        readOrRefuse("[{\"name\": \"manylinux_99999999999999999999_1\", \"priority\": 3, \"symbol_versions\": {}, \"lib_whitelist\": []}]");
        readOrRefuse("{\"policies\": {\"not\": \"a list\"}}");
        readOrRefuse("");
    }

    @Test
    void aHugeNumberInAPolicyNameIsNotAGlibcVersion() throws Exception {
        PolicySet s = PolicyJson.read("n.json",
                "[{\"name\": \"manylinux_99999999999999999999_1\", \"priority\": 3, \"symbol_versions\": {}, \"lib_whitelist\": []}]");
        assertEquals(LibcFamily.NONE, s.find("manylinux_99999999999999999999_1").orElseThrow().libc());
    }

    @Test
    void aTruncatedLibraryNamedAfterAWhitelistedSonameIsReportedNotSkipped(@TempDir Path root) throws Exception {
        Path lib = Files.createDirectories(root.resolve("usr/lib"));
        byte[] libc = new TestElf().soname("libc.so.6").defines(1, 1, "libc.so.6").defines(2, 0, "GLIBC_2.17").build();
        Files.write(lib.resolve("libc.so.6"), libc);
        byte[] cxx = new TestElf().soname("libstdc++.so.6").defines(1, 1, "libstdc++.so.6").defines(2, 0, "GLIBCXX_3.4").build();
        Files.write(lib.resolve("libstdc++.so.6.0.32"), java.util.Arrays.copyOf(cxx, cxx.length / 2));
        InputException e = assertThrows(InputException.class, () -> BaselineDerivation.derive(root, Optional.empty(), Optional.empty(),
                List.of("libc.so.6", "libstdc++.so.6"), Map.of()));
        assertTrue(e.getMessage().contains("libstdc++.so.6.0.32"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the only libstdc++.so.6 in " + root
                + "; a baseline derived without it would not know its versions)"), e.getMessage());

        // a whole copy elsewhere in the tree is the one read; the broken one no longer matters
        Files.write(Files.createDirectories(root.resolve("opt/lib")).resolve("libstdc++.so.6"), cxx);
        BaselineDerivation.Derived d = BaselineDerivation.derive(root, Optional.empty(), Optional.empty(),
                List.of("libc.so.6", "libstdc++.so.6"), Map.of());
        assertEquals(List.of(), d.missing().values().iterator().next());
    }

    @Test
    void deriveReportsFakeLibrariesAndDoesNotFollowLinks(@TempDir Path root) throws Exception {
        Path lib = Files.createDirectories(root.resolve("usr/lib"));
        byte[] fake = new byte[64];
        fake[0] = 0x7f;
        fake[1] = 'E';
        fake[2] = 'L';
        fake[3] = 'F';
        Files.write(lib.resolve("libc.so.6"), fake);
        Files.createSymbolicLink(lib.resolve("loop"), root);
        InputException e = assertThrows(InputException.class, () -> BaselineDerivation.derive(root, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("the only libc.so.6 in"), e.getMessage());
        Files.delete(lib.resolve("libc.so.6"));
        e = assertThrows(InputException.class, () -> BaselineDerivation.derive(root, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("no whitelisted library"), e.getMessage());
        Files.write(lib.resolve("libc.so.6"), fake);
        assertThrows(InputException.class, () -> BaselineDerivation.derive(root.resolve("usr/lib/libc.so.6"), Optional.empty(), Optional.empty(),
                List.of("libc.so.6"), Map.of()));
    }
}
