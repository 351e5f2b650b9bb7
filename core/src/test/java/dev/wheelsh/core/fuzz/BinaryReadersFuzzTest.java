package dev.wheelsh.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.macho.MachOReader;
import dev.wheelsh.core.pe.PeFile;
import dev.wheelsh.core.pe.PeReader;

/**
 * The ELF, Mach-O and PE readers over arbitrary bytes: a parsed file or a one-line refusal. The
 * seeds are small valid objects built by {@link FuzzSeeds}; the fuzzer mutates them.
 */
class BinaryReadersFuzzTest {

    @FuzzTest
    void elf(byte[] data) {
        Refusal.atMostOneLine(() -> {
            ElfFile f = ElfReader.read("libfuzz.so", data);
            // What the checks read after parsing: the derived views must hold too.
            f.needed();
            f.soname();
            f.pyInitSymbols();
        });
    }

    @FuzzTest
    void machO(byte[] data) {
        Refusal.atMostOneLine(() -> MachOReader.read("libfuzz.dylib", data).slices());
    }

    @FuzzTest
    void pe(byte[] data) {
        Refusal.atMostOneLine(() -> {
            PeFile f = PeReader.read("fuzz.pyd", data);
            f.platformTag();
            f.isDll();
            f.allImports();
        });
    }
}
