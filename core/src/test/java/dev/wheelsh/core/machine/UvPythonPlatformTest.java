package dev.wheelsh.core.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** uv's python-platform names (uv-facts.json, from uv 0.12.5's TargetTriple) as targets. */
class UvPythonPlatformTest {

    private static String compact(String name, String interp) throws InputException {
        return UvPythonPlatform.target(name, interp).compact();
    }

    @Test
    void namesMeanWhatUvsPlatformSays() throws InputException {
        assertEquals("cp312-glibc2.28-x86_64", compact("x86_64-unknown-linux-gnu", "cp312"));
        assertEquals("cp312-glibc2.28-x86_64", compact("linux", "cp312"));
        assertEquals("cp313-glibc2.28-aarch64", compact("aarch64-unknown-linux-gnu", "cp313"));
        assertEquals("cp313t-musl1.2-aarch64", compact("aarch64-unknown-linux-musl", "cp313t"));
        assertEquals("cp312-glibc2.17-x86_64", compact("x86_64-manylinux2014", "cp312"));
        assertEquals("cp312-glibc2.40-aarch64", compact("aarch64-manylinux_2_40", "cp312"));
        assertEquals("cp312-glibc2.39-riscv64", compact("riscv64-unknown-linux", "cp312"));
        assertEquals("cp312-macos13.0-arm64", compact("aarch64-apple-darwin", "cp312"));
        assertEquals("cp312-macos13.0-x86_64", compact("x86_64-apple-darwin", "cp312"));
        assertEquals("cp312-windows-amd64", compact("x86_64-pc-windows-msvc", "cp312"));
        assertEquals("cp312-windows-arm64", compact("aarch64-pc-windows-msvc", "cp312"));
        assertEquals("cp312-windows-x86", compact("i686-pc-windows-msvc", "cp312"));
        assertEquals("cp313-android24-arm64_v8a", compact("aarch64-linux-android", "cp313"));
        assertEquals("cp313-ios13.0-arm64_iphonesimulator", compact("arm64-apple-ios-simulator", "cp313"));
    }

    @Test
    void aliasesAreTheSameTargets() throws InputException {
        assertEquals(compact("x86_64-manylinux_2_28", "cp312"), compact("manylinux_2_28_x86_64", "cp312"));
        assertEquals(compact("x86_64-manylinux_2_28", "cp312"), compact("x8664-manylinux228", "cp312"));
        assertEquals(compact("aarch64-pc-windows-msvc", "cp312"), compact("arm64-pc-windows-msvc", "cp312"));
    }

    @Test
    void everyNameIsATargetButPyodide() {
        List<String> refused = new ArrayList<>();
        for (String name : UvPythonPlatform.names()) {
            try {
                UvPythonPlatform.target(name, "cp313");
            } catch (InputException e) {
                refused.add(name);
                assertTrue(e.getMessage().contains("Pyodide"), e.getMessage());
            }
        }
        assertEquals(List.of("wasm32-pyodide2024", "wasm32-pyodide2025"), refused);
    }

    @Test
    void uvHasNoLoongarch64NameAndSaysWhichNamesItHas() {
        assertFalse(UvPythonPlatform.known("loongarch64-unknown-linux-gnu"));
        InputException e = assertThrows(InputException.class, () -> UvPythonPlatform.target("loongarch64-unknown-linux-gnu", "cp312"));
        assertEquals("--python-platform 'loongarch64-unknown-linux-gnu': not one of uv 0.12.5's python-platform names "
                + "(e.g. x86_64-manylinux_2_28, aarch64-unknown-linux-gnu, x86_64-pc-windows-msvc)", e.getMessage());
    }
}
