package dev.wheelsh.core.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfMachine;
import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelChecksTest {

    static final String NAME = "foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl";

    static String wheelText(boolean purelib, String... tags) {
        StringBuilder sb = new StringBuilder("Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: " + purelib + "\n");
        for (String t : tags) {
            sb.append("Tag: ").append(t).append('\n');
        }
        return sb.toString();
    }

    static byte[] x86Module() {
        return new TestElf().needed("libc.so.6").needs("libc.so.6", "GLIBC_2.17").imports("memcpy", 2)
                .exports("PyInit__speedups", 0, false).build();
    }

    static List<Finding> findings(Path dir, String filename, TestWheel t, boolean record) throws Exception {
        try (WheelArchive w = WheelArchive.open(t.write(dir.resolve(filename)))) {
            return WheelChecks.check(w, record).findings();
        }
    }

    static List<String> codes(List<Finding> f) {
        return f.stream().map((Finding x) -> x.code().id()).toList();
    }

    @Test
    void aConsistentWheelHasNoFindings(@TempDir Path dir) throws Exception {
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(false, "cp312-cp312-manylinux_2_17_x86_64"))
                .add("foo/_speedups.cpython-312-x86_64-linux-gnu.so", x86Module(), false);
        assertEquals(List.of(), findings(dir, NAME, t, true));
    }

    @Test
    void wheelTagLinesThatDifferFromTheFilenameAreNamed(@TempDir Path dir) throws Exception {
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(false, "cp312-cp312-linux_x86_64"));
        List<Finding> f = findings(dir, NAME, t, false);
        assertEquals(List.of("WH301"), codes(f));
        assertEquals("foo-1.0.dist-info/WHEEL Tag lines differ from the filename's tags: only in the filename:"
                + " cp312-cp312-manylinux_2_17_x86_64; only in WHEEL: cp312-cp312-linux_x86_64", f.get(0).message());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void nativeCodeUnderAPurelibRootIsWarned(@TempDir Path dir) throws Exception {
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(true, "cp312-cp312-manylinux_2_17_x86_64"))
                .add("foo/_speedups.cpython-312-x86_64-linux-gnu.so", x86Module(), false);
        List<Finding> f = findings(dir, NAME, t, false);
        assertEquals(List.of("WH302"), codes(f));
        assertTrue(f.get(0).message().contains("Root-Is-Purelib: true but the wheel holds 1 native object"));
    }

    @Test
    void anExtensionForAnotherCPythonIsInvisibleToTheTaggedOne(@TempDir Path dir) throws Exception {
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(false, "cp312-cp312-manylinux_2_17_x86_64"))
                .add("foo/_speedups.cpython-311-x86_64-linux-gnu.so", x86Module(), false)
                .add("foo/_ft.cpython-312t-x86_64-linux-gnu.so", x86Module(), false);
        List<Finding> f = findings(dir, NAME, t, false);
        assertEquals(List.of("WH303", "WH303"), codes(f));
        assertEquals("foo/_speedups.cpython-311-x86_64-linux-gnu.so is built for CPython 3.11 only, but the wheel's"
                + " tags claim cp312", f.get(0).message());
        assertTrue(f.get(1).message().contains("CPython 3.12 free-threaded only"));
        assertEquals(Severity.ERROR, f.get(0).severity());
    }

    @Test
    void aVersionSpecificModuleInAnAbi3WheelIsAnError(@TempDir Path dir) throws Exception {
        String name = "foo-1.0-cp39-abi3-manylinux_2_17_x86_64.whl";
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(false, "cp39-abi3-manylinux_2_17_x86_64"))
                .add("foo/_rust.cpython-39-x86_64-linux-gnu.so", x86Module(), false)
                .add("foo/_ok.abi3.so", x86Module(), false);
        assertEquals(List.of("WH303"), codes(findings(dir, name, t, false)));
    }

    @Test
    void aMemberOfAnotherArchitectureIsAnError(@TempDir Path dir) throws Exception {
        byte[] arm64 = new TestElf().machine(ElfMachine.EM_AARCH64, true, false, 0).needed("libc.so.6").build();
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(false, "cp312-cp312-manylinux_2_17_x86_64"))
                .add("foo/_speedups.cpython-312-x86_64-linux-gnu.so", arm64, false);
        List<Finding> f = findings(dir, NAME, t, false);
        assertEquals(List.of("WH304"), codes(f));
        assertEquals("foo/_speedups.cpython-312-x86_64-linux-gnu.so is aarch64 code, but the wheel's platform tags"
                + " are for x86_64", f.get(0).message());
    }

    @Test
    void softFloatArmInAnArmv7lWheelIsAnErrorButHardFloatIsNot(@TempDir Path dir) throws Exception {
        String name = "foo-1.0-cp312-cp312-manylinux_2_17_armv7l.whl";
        byte[] hard = new TestElf().machine(ElfMachine.EM_ARM, false, false, 0x05000400).build();
        byte[] soft = new TestElf().machine(ElfMachine.EM_ARM, false, false, 0x05000200).build();
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(false, "cp312-cp312-manylinux_2_17_armv7l"))
                .add("foo/a.so", hard, false).add("foo/b.so", soft, false);
        List<Finding> f = findings(dir, name, t, false);
        assertEquals(List.of("WH304"), codes(f));
        assertTrue(f.get(0).message().startsWith("foo/b.so is arm code"), f.get(0).message());
    }

    @Test
    void anOldWorldLoongArchModuleIsAnError(@TempDir Path dir) throws Exception {
        String name = "foo-1.0-cp312-cp312-manylinux_2_38_loongarch64.whl";
        byte[] old = new TestElf().machine(ElfMachine.EM_LOONGARCH, true, false, 0x3).needed("libc.so.6")
                .needs("libc.so.6", "GLIBC_2.27").imports("memcpy", 2).build();
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(false, "cp312-cp312-manylinux_2_38_loongarch64"))
                .add("foo/_speedups.cpython-312-loongarch64-linux-gnu.so", old, false);
        List<Finding> f = findings(dir, name, t, false);
        assertEquals(List.of("WH305"), codes(f));
        assertTrue(f.get(0).message().contains("built for the old world (ABI1.0"), f.get(0).message());
    }

    @Test
    void recordMismatchesAreFoundOnlyWhenAskedFor(@TempDir Path dir) throws Exception {
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(false, "cp312-cp312-manylinux_2_17_x86_64"))
                .add("foo/__init__.py", "x = 1\n".getBytes(StandardCharsets.UTF_8), false);
        Path whl = t.write(dir.resolve(NAME), t.record().replace("foo/__init__.py,sha256=", "foo/__init__.py,sha256=Z"));
        try (WheelArchive w = WheelArchive.open(whl)) {
            assertEquals(List.of(), WheelChecks.check(w, false).findings());
            assertEquals(List.of("WH306"), codes(WheelChecks.check(w, true).findings()));
        }
    }

    @Test
    void platformArchOfEachLinuxFamily() {
        assertEquals(Optional.of("x86_64"), WheelChecks.platformArch("manylinux_2_17_x86_64"));
        assertEquals(Optional.of("x86_64"), WheelChecks.platformArch("manylinux2014_x86_64"));
        assertEquals(Optional.of("i686"), WheelChecks.platformArch("manylinux1_i686"));
        assertEquals(Optional.of("loongarch64"), WheelChecks.platformArch("musllinux_1_2_loongarch64"));
        assertEquals(Optional.of("armv7l"), WheelChecks.platformArch("linux_armv7l"));
        assertEquals(Optional.empty(), WheelChecks.platformArch("any"));
        assertEquals(Optional.empty(), WheelChecks.platformArch("macosx_11_0_arm64"));
    }

    @Test
    void anUnparseableFilenameIsAnInputError(@TempDir Path dir) throws Exception {
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", wheelText(false, "py3-none-any"));
        try (WheelArchive w = WheelArchive.open(t.write(dir.resolve("foo.whl")))) {
            org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> WheelChecks.check(w, false));
        }
    }
}
