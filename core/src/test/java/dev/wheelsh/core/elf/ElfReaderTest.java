package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ElfReaderTest {

    static TestElf extensionModule() {
        return new TestElf()
                .needed("libm.so.6", "libc.so.6")
                .soname("_speedups.cpython-312-x86_64-linux-gnu.so")
                .runpath("$ORIGIN/../lib")
                .needs("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.14", "~GLIBC_2.34")
                .needs("libm.so.6", "GLIBC_2.29")
                .imports("free", 2)
                .imports("memcpy", 3)
                .imports("__libc_start_main", 4)
                .imports("exp", 5)
                .imports("PyLong_FromLong", 0)
                .exports("PyInit__speedups", 1, false);
    }

    @ParameterizedTest(name = "64-bit={0} big-endian={1} sections={2}")
    @CsvSource({"true,false,false", "true,false,true", "false,false,false", "false,true,false", "true,true,true",
        "false,true,true"})
    void readsTheSameFactsInEveryClassByteOrderAndWithOrWithoutSectionHeaders(boolean is64, boolean be,
                                                                             boolean sections) throws InputException {
        TestElf t = extensionModule().machine(ElfMachine.EM_PPC64, is64, be, 2);
        if (sections) {
            t.withSections();
        }
        ElfFile f = ElfReader.read("ext.so", t.build());

        assertEquals(is64, f.header().is64());
        assertEquals(be, f.header().bigEndian());
        assertEquals(ElfHeader.ET_DYN, f.header().type());
        assertEquals(List.of("libm.so.6", "libc.so.6"), f.needed());
        assertEquals(Optional.of("_speedups.cpython-312-x86_64-linux-gnu.so"), f.soname());
        assertEquals(Optional.of("$ORIGIN/../lib"), f.dynamic().orElseThrow().runpath());
        assertEquals(Optional.empty(), f.dynamic().orElseThrow().rpath());
        assertEquals(sections ? 7 : 0, f.sections().size(), "null, .dynstr, .dynsym, .gnu.version, .gnu.version_r, .dynamic, .shstrtab");

        assertEquals(2, f.versionNeeds().size());
        VersionNeed libc = f.versionNeeds().get(0);
        assertEquals("libc.so.6", libc.file());
        assertEquals(List.of("GLIBC_2.2.5", "GLIBC_2.14", "GLIBC_2.34"),
                libc.entries().stream().map(VersionNeed.Entry::name).toList());
        assertEquals(List.of(false, false, true), libc.entries().stream().map(VersionNeed.Entry::weak).toList());
        assertEquals(TestElf.ElfHash.of("GLIBC_2.14"), libc.entries().get(1).hash());

        assertEquals(7, f.symbols().size(), "null symbol plus six");
        DynamicSymbol memcpy = f.symbols().get(2);
        assertEquals("memcpy", memcpy.name());
        assertFalse(memcpy.defined());
        assertEquals("GLIBC_2.14", memcpy.version().orElseThrow().name());
        assertEquals(Optional.of("libc.so.6"), memcpy.version().orElseThrow().library());
        assertEquals("GLIBC_2.29", f.symbols().get(4).version().orElseThrow().name());
        assertEquals(Optional.empty(), f.symbols().get(5).version(), "index 0 is unversioned");
        assertEquals(List.of("PyInit__speedups"), f.pyInitSymbols());
        assertEquals(5, f.importedSymbols().size());
        assertEquals(new MachineAbi.Ppc64(2), f.machineAbi());
    }

    @Test
    void aLibraryThatDefinesVersionsListsThemWithTheirParentsAndMarksHiddenSymbols() throws InputException {
        byte[] b = new TestElf()
                .soname("libfoo.so.1")
                .defines(1, VersionDefinition.VER_FLG_BASE, "libfoo.so.1")
                .defines(2, 0, "FOO_1.0")
                .defines(3, 0, "FOO_2.0", "FOO_1.0")
                .exports("foo", 3, false)
                .exports("foo_old", 2, true)
                .build();
        ElfFile f = ElfReader.read("libfoo.so.1", b);
        assertEquals(3, f.versionDefinitions().size());
        assertTrue(f.versionDefinitions().get(0).base());
        assertEquals(List.of("FOO_1.0"), f.versionDefinitions().get(2).parents());
        DynamicSymbol foo = f.symbols().get(1);
        assertEquals("FOO_2.0", foo.version().orElseThrow().name());
        assertFalse(foo.version().orElseThrow().hidden());
        assertEquals(Optional.empty(), foo.version().orElseThrow().library());
        assertTrue(f.symbols().get(2).version().orElseThrow().hidden());
    }

    @Test
    void readsTheInterpreterAndTheX86IsaLevelFromTheGnuPropertyNote() throws InputException {
        ElfFile f = ElfReader.read("prog", new TestElf().interpreter("/lib64/ld-linux-x86-64.so.2")
                .x86IsaNeeded(0b0101).build());
        assertEquals(Optional.of("/lib64/ld-linux-x86-64.so.2"), f.interpreter());
        assertEquals(OptionalInt.of(3), f.x86IsaLevel(), "bit 2 set: x86-64-v3");
        assertEquals(1, f.notes().size());
        assertEquals("GNU", f.notes().get(0).owner());
    }

    @Test
    void anObjectWithoutTheNoteHasNoIsaLevel() throws InputException {
        assertEquals(OptionalInt.empty(), ElfReader.read("x", new TestElf().build()).x86IsaLevel());
    }

    @Test
    void pyInitSymbolsAreOnlyTheDefinedGlobalOnes() throws InputException {
        ElfFile f = ElfReader.read("m.so", new TestElf()
                .imports("PyInit_imported", 0)
                .exports("PyInit_real", 0, false)
                .symbol(new TestElf.Sym("PyInit_local", true, 0, false, 2, DynamicSymbol.STB_LOCAL))
                .exports("PyInitNot", 0, false)
                .build());
        assertEquals(List.of("PyInit_real"), f.pyInitSymbols());
    }

    @Test
    void platformArchFollowsMachineClassAndByteOrder() throws InputException {
        assertEquals("ppc64le", read(ElfMachine.EM_PPC64, true, false, 2).platformArch());
        assertEquals("ppc64", read(ElfMachine.EM_PPC64, true, true, 1).platformArch());
        assertEquals("s390x", read(ElfMachine.EM_S390, true, true, 0).platformArch());
        assertEquals("mips64el", read(ElfMachine.EM_MIPS, true, false, 0).platformArch());
        assertEquals("i686", read(ElfMachine.EM_386, false, false, 0).platformArch());
        assertEquals("armv7l", read(ElfMachine.EM_ARM, false, false, 0x05000400).platformArch());
        assertEquals("arm", read(ElfMachine.EM_ARM, false, false, 0x05000200).platformArch());
        assertEquals("loongarch64", read(ElfMachine.EM_LOONGARCH, true, false, 0x43).platformArch());
        assertEquals("riscv64", read(ElfMachine.EM_RISCV, true, false, 0x5).platformArch());
    }

    static ElfFile read(int machine, boolean is64, boolean be, int flags) throws InputException {
        return ElfReader.read("t", new TestElf().machine(machine, is64, be, flags).build());
    }
}
