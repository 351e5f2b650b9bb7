package dev.wheelsh.core.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.tags.Architectures.Os;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The architecture table: Python's spelling per OS, what people write instead, the floors. */
class ArchitecturesTest {

    @ParameterizedTest(name = "{1} on {0} is {2}")
    @CsvSource({
        "LINUX, loong64, loongarch64",
        "LINUX, amd64, x86_64",
        "LINUX, AMD64, x86_64",
        "LINUX, arm64, aarch64",
        "LINUX, ppc64el, ppc64le",
        "LINUX, armhf, armv7l",
        "WINDOWS, x86_64, amd64",
        "WINDOWS, aarch64, arm64",
        "WINDOWS, win32, x86",
        "MACOS, aarch64, arm64",
        "ANDROID, aarch64, arm64_v8a",
    })
    void aMisspellingNamesPythonsSpellingOnThatOs(Os os, String written, String python) {
        assertEquals(Optional.of(python), Architectures.spellingOf(os, written));
        assertEquals(Optional.of("'" + written + "' is not an architecture " + os.word()
                + " platform tags use; Python spells it " + python), Architectures.problem(os, written));
    }

    @Test
    void pythonsOwnSpellingsAreNoProblem() {
        for (Os os : Os.values()) {
            for (String arch : Architectures.names(os)) {
                assertEquals(Optional.empty(), Architectures.problem(os, arch), arch + " on " + os);
            }
        }
        // arm64 is right on macOS and Windows, wrong on Linux; x86_64 right on Linux, wrong on Windows.
        assertEquals(Optional.empty(), Architectures.problem(Os.MACOS, "arm64"));
        assertTrue(Architectures.problem(Os.LINUX, "arm64").isPresent());
        assertTrue(Architectures.problem(Os.WINDOWS, "x86_64").isPresent());
    }

    @Test
    void aWordFarFromEveryArchitectureGetsNoGuess() {
        String why = Architectures.problem(Os.LINUX, "potato").orElseThrow();
        assertEquals("'potato' is not an architecture Linux platform tags use", why);
    }

    @Test
    void aTypoGetsTheNearestArchitectureOfThatSystem() {
        assertEquals("'aarch46' is not an architecture Linux platform tags use; did you mean aarch64?",
                Architectures.problem(Os.LINUX, "aarch46").orElseThrow());
        assertEquals("'loongarh64' is not an architecture Linux platform tags use; did you mean loongarch64?",
                Architectures.problem(Os.LINUX, "loongarh64").orElseThrow());
        // another tool's spelling is answered by the table, not by distance
        assertEquals("'amd64' is not an architecture Linux platform tags use; Python spells it x86_64",
                Architectures.problem(Os.LINUX, "amd64").orElseThrow());
    }

    @Test
    void eachAliasMeansOneArchitecturePerOs() {
        for (Os os : Os.values()) {
            Set<String> seen = new HashSet<>();
            for (Architectures.Arch a : Architectures.of(os)) {
                for (String alias : a.aliases()) {
                    assertTrue(seen.add(alias.toLowerCase(Locale.ROOT)), alias + " twice on " + os);
                }
            }
        }
    }

    @Test
    void theFloorsAreThoseOfTheFirstBaselines() {
        assertEquals(Optional.of(new LibcVersion(2, 36)), Architectures.find(Os.LINUX, "loongarch64").orElseThrow().manylinuxFloor());
        assertEquals(Optional.of(new LibcVersion(2, 31)), Architectures.find(Os.LINUX, "riscv64").orElseThrow().manylinuxFloor());
        assertEquals(Optional.empty(), Architectures.find(Os.LINUX, "armv8l").orElseThrow().manylinuxFloor());
    }

    @Test
    void packagingEmitsManylinuxWithoutTheElfHeaderForTheseArchitectures() {
        List<String> unconditional = Architectures.of(Os.LINUX).stream()
                .filter(Architectures.Arch::packagingManylinux).map(Architectures.Arch::name).toList();
        assertEquals(List.of("x86_64", "aarch64", "ppc64le", "ppc64", "s390x", "riscv64", "loongarch64"), unconditional);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cp313-glibc2.38-loong64|target 'cp313-glibc2.38-loong64': at column 17: 'loong64' is not an architecture Linux platform tags use; Python spells it loongarch64",
        "cp313-windows-x86_64|target 'cp313-windows-x86_64': at column 15: 'x86_64' is not an architecture Windows platform tags use; Python spells it amd64",
        "cp313-macos14.0-aarch64|target 'cp313-macos14.0-aarch64': at column 17: 'aarch64' is not an architecture macOS platform tags use; Python spells it arm64",
    })
    void aTargetWithAMisspeltArchitectureIsRefusedWithTheFix(String spec, String message) {
        Executable parse = () -> TargetSpec.parse(spec);
        InputException e = assertThrows(InputException.class, parse);
        assertEquals(message, e.getMessage());
    }
}
