package dev.wheelsh.core.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The extension-module suffixes CPython imports, as importlib.machinery.EXTENSION_SUFFIXES lists them. */
class ExtensionSuffixTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "numpy/_core/_multiarray_umath.cpython-313-x86_64-linux-gnu.so, VERSIONED, cp313",
            "pkg/_speedups.cpython-313t-aarch64-linux-musl.so, VERSIONED, cp313t",
            "pkg/_debug.cpython-312d-x86_64-linux-gnu.so, VERSIONED, cp312",
            "pkg/_old.cpython-39-loongarch64-linux-gnu.so, VERSIONED, cp39",
            "cryptography/hazmat/bindings/_rust.abi3.so, ABI3, ",
            "pkg/_ft.abi3t.so, ABI3T, ",
            "pkg/_plain.so, PLAIN, ",
            "numpy.libs/libscipy_openblas64_-ff651d7f.so, PLAIN, ",
    })
    void readsWhatTheNameSays(String name, ExtensionSuffix.Kind kind, String abi) {
        ExtensionSuffix s = ExtensionSuffix.of(name).orElseThrow();
        assertEquals(kind, s.kind());
        if (abi != null) {
            assertEquals(abi, s.cpythonAbi());
        }
    }

    @ParameterizedTest
    @CsvSource({"pkg/__init__.py", "pkg/lib.so.6", "pkg/_x.pyd", "pkg/so"})
    void otherFilesHaveNoSuffix(String name) {
        assertEquals(Optional.empty(), ExtensionSuffix.of(name));
    }
}
