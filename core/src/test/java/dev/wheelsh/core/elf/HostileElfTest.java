package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed and hostile objects end in one {@link InputException} line that names the input, never
 * in another exception, a hang or a huge allocation.
 */
class HostileElfTest {

    static byte[] sample() {
        return ElfReaderTest.extensionModule().withSections().interpreter("/lib/ld.so").x86IsaNeeded(1).build();
    }

    static InputException rejects(byte[] b) {
        InputException e = assertThrows(InputException.class, () -> ElfReader.read("libfoo.so", b));
        assertOneLineNamingTheInput(e);
        return e;
    }

    static void assertOneLineNamingTheInput(InputException e) {
        assertTrue(e.getMessage().startsWith("libfoo.so: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void namesFromTheFileAreMadePrintableInMessages() {
        TestElf t = new TestElf().needed("libc.so\n6").needs("libc.so\n6", "GLIBC_2.2.5").imports("f", 2);
        byte[] b = t.build();
        le(b).putInt(t.offsets.get("verneed") + 16 + 12, 0x10000000);
        le(b).putShort(t.offsets.get("verneed") + 2, (short) 2);
        assertTrue(rejects(b).getMessage().contains("version need entry for libc.so\\x0a6"));
    }

    @Test
    void emptyAndTinyFilesAreTooShort() {
        assertEquals("libfoo.so: too short for an ELF header (0 bytes)", rejects(new byte[0]).getMessage());
        assertEquals("libfoo.so: too short for an ELF header (3 bytes)", rejects(new byte[] {0x7f, 'E', 'L'}).getMessage());
    }

    @Test
    void somethingElseIsNotAnElfFile() {
        byte[] zip = new byte[64];
        zip[0] = 'P';
        zip[1] = 'K';
        zip[2] = 3;
        zip[3] = 4;
        assertEquals("libfoo.so: not an ELF file (starts with 50 4b 03 04, not 7f 45 4c 46)",
                rejects(zip).getMessage());
    }

    @Test
    void unknownClassAndByteOrderAreNamed() {
        byte[] b = sample();
        b[4] = 7;
        assertTrue(rejects(b).getMessage().contains("unknown ELF class 7"));
        b = sample();
        b[5] = 0;
        assertTrue(rejects(b).getMessage().contains("unknown ELF data encoding 0"));
    }

    @Test
    void sectionHeaderTableBeyondTheEndOfTheFileIsReportedWithOffsetAndSize() {
        byte[] b = sample();
        le(b).putLong(40, 0x7fff_0000_0000L);
        assertEquals("libfoo.so: section header table at offset 0x7fff00000000 past end of file (size " + b.length + ")",
                rejects(b).getMessage());
        le(b).putLong(40, -16L); // 0xfffffffffffffff0 read as unsigned
        assertTrue(rejects(b).getMessage().contains("section header table at offset 0xfffffffffffffff0 past end of file"));
    }

    @Test
    void absurdProgramHeaderCountRunsPastTheEnd() {
        byte[] b = sample();
        le(b).putShort(56, (short) 0xfff0);
        assertTrue(rejects(b).getMessage().contains("program header table (65520 entries) at offset 0x40 past end of file"));
    }

    @Test
    void extendedSectionCountFromSectionZeroIsCapped() {
        byte[] b = sample();
        ByteBuffer bb = le(b);
        long shoff = bb.getLong(40);
        bb.putShort(60, (short) 0); // e_shnum 0: the count is in section 0's sh_size
        bb.putLong((int) shoff + 32, 0x7fff_ffffL);
        assertTrue(rejects(b).getMessage().contains("section count 2147483647 is more than"));
    }

    @Test
    void hugeStringTableSizeIsRefusedBeforeAnyAllocation() {
        TestElf t = ElfReaderTest.extensionModule();
        byte[] b = t.build();
        int dyn = t.offsets.get("dynamic");
        ByteBuffer bb = le(b);
        for (int o = dyn; ; o += 16) {
            long tag = bb.getLong(o);
            if (tag == DynamicEntry.DT_STRSZ) {
                bb.putLong(o + 8, 1L << 40);
                break;
            }
        }
        assertTrue(rejects(b).getMessage().contains("dynamic string table (DT_STRTAB) at offset"));
    }

    @Test
    void hugeHashChainCountIsRefused() {
        TestElf t = ElfReaderTest.extensionModule();
        byte[] b = t.build();
        le(b).putInt(t.offsets.get("hash") + 4, 0x7fffffff);
        assertTrue(rejects(b).getMessage().contains("DT_HASH chain count is 2147483647 symbols"));
    }

    @Test
    void aVersionNeedChainThatPointsBackwardsEndsInOneLine() {
        TestElf t = ElfReaderTest.extensionModule();
        byte[] b = t.build();
        int vn = t.offsets.get("verneed");
        // The first record's vn_next is -16 to a reader that takes it as signed: back into itself.
        le(b).putInt(vn + 12, 0xfffffff0);
        InputException e = rejects(b);
        assertTrue(e.getMessage().contains("version need record at offset"), e.getMessage());
    }

    @Test
    void aVersionNeedAuxChainThatRunsOutOfTheTableEndsInOneLine() {
        TestElf t = ElfReaderTest.extensionModule();
        byte[] b = t.build();
        int vn = t.offsets.get("verneed");
        le(b).putShort(vn + 2, (short) 0xffff); // vn_cnt: 65535 entries claimed
        le(b).putInt(vn + 16 + 12 + 32, 0x10000000); // last aux of libc points far on instead of ending
        InputException e = rejects(b);
        assertTrue(e.getMessage().contains("version need entry for libc.so.6"), e.getMessage());
    }

    @Test
    void anAbsurdVersionNeedCountIsRefused() {
        TestElf t = ElfReaderTest.extensionModule();
        byte[] b = t.build();
        int dyn = t.offsets.get("dynamic");
        ByteBuffer bb = le(b);
        for (int o = dyn; ; o += 16) {
            if (bb.getLong(o) == DynamicEntry.DT_VERNEEDNUM) {
                bb.putLong(o + 8, 1_000_000_000L);
                break;
            }
        }
        assertTrue(rejects(b).getMessage().contains("claims 1000000000 entries"));
    }

    @Test
    void namesThatAllPointAtOneUnterminatedRunStopAtTheScanBudget() {
        // 40,000 symbols whose names all start at offset 1 of a 9 MB string table without a NUL.
        int nsyms = 40_000;
        int strsz = 9 << 20;
        TestElf t = new TestElf();
        byte[] base = t.build();
        int symOff = base.length;
        int strOff = symOff + nsyms * 24;
        byte[] b = java.util.Arrays.copyOf(base, strOff + strsz);
        java.util.Arrays.fill(b, strOff, b.length, (byte) 'a');
        ByteBuffer bb = le(b);
        for (int i = 1; i < nsyms; i++) {
            bb.putInt(symOff + i * 24, 1);
        }
        int dyn = t.offsets.get("dynamic");
        int phdrs = t.offsets.get("phdrs");
        bb.putLong(phdrs + 32, b.length); // PT_LOAD filesz covers the new tail
        for (int o = dyn; bb.getLong(o) != 0; o += 16) {
            long tag = bb.getLong(o);
            if (tag == DynamicEntry.DT_SYMTAB) {
                bb.putLong(o + 8, symOff);
            } else if (tag == DynamicEntry.DT_STRTAB) {
                bb.putLong(o + 8, strOff);
            } else if (tag == DynamicEntry.DT_STRSZ) {
                bb.putLong(o + 8, strsz);
            } else if (tag == DynamicEntry.DT_HASH) {
                bb.putInt((int) bb.getLong(o + 8) + 4, nsyms);
            }
        }
        assertTrue(rejects(b).getMessage().contains("names overlap implausibly"));
    }

    @Test
    void everyTruncationOfAValidObjectReadsOrFailsInOneLine() {
        byte[] full = sample();
        for (int len = 0; len < full.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(full, len);
            try {
                ElfReader.read("libfoo.so", cut);
            } catch (InputException e) {
                assertOneLineNamingTheInput(e);
            } catch (RuntimeException e) {
                fail("truncation to " + len + " bytes threw " + e);
            }
        }
    }

    /**
     * Byte arrays that once made the reader throw something other than InputException, kept as
     * regression cases (hex of the whole file).
     */
    static final List<String> CRASHERS = List.of();

    @Test
    void fuzzedMutationsOfSyntheticObjectsReadOrFailInOneLine() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(sample());
        seeds.add(new TestElf().machine(ElfMachine.EM_MIPS, false, true, 0x70001007).needed("libc.so.6")
                .needs("libc.so.6", "GLIBC_2.0").imports("puts", 2).withSections().build());
        seeds.add(new TestElf().soname("libbar.so").defines(1, 1, "libbar.so").defines(2, 0, "BAR_1")
                .defines(3, 0, "BAR_2", "BAR_1").exports("bar", 3, false).build());
        for (String hex : CRASHERS) {
            seeds.add(HexFormat.of().parseHex(hex));
        }
        fuzz(seeds, 20_000, 0x5eed_e1f);
    }

    @Test
    void fuzzedMutationsOfRealLibrariesReadOrFailInOneLine() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        if (Files.isDirectory(Corpus.corpusDir())) {
            // A few small real objects of different architectures keep the run short.
            for (Path p : Corpus.elfFiles()) {
                long size = Files.size(p);
                if (size < 200_000 && seeds.size() < 8 && p.toString().contains("zlib1g")) {
                    seeds.add(Files.readAllBytes(p));
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(!seeds.isEmpty(),
                "no small real ELF objects in .corpus/: run scripts/fetch-test-inputs.sh");
        fuzz(seeds, 2_000, 0xe1f_f022L);
    }

    /**
     * Mutates each seed with a fixed random sequence: overwrite 1-8 bytes, often in the headers
     * where the offsets and counts live, sometimes with 0, 0xff or a 32-bit extreme.
     */
    static void fuzz(List<byte[]> seeds, int rounds, long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < rounds; i++) {
            byte[] base = seeds.get(i % seeds.size());
            byte[] b = base.clone();
            int edits = 1 + rnd.nextInt(8);
            for (int k = 0; k < edits; k++) {
                int pos = rnd.nextInt(4) == 0 ? rnd.nextInt(Math.min(b.length, 128)) : rnd.nextInt(b.length);
                switch (rnd.nextInt(4)) {
                    case 0 -> b[pos] = (byte) rnd.nextInt(256);
                    case 1 -> b[pos] = 0;
                    case 2 -> b[pos] = (byte) 0xff;
                    default -> {
                        if (pos + 4 <= b.length) {
                            le(b).putInt(pos, rnd.nextBoolean() ? Integer.MAX_VALUE : -1);
                        }
                    }
                }
            }
            try {
                ElfReader.read("libfoo.so", b);
            } catch (InputException e) {
                assertOneLineNamingTheInput(e);
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("round " + i + " (seed " + seed + ") threw " + e + "; add this input to CRASHERS: "
                        + (b.length < 4096 ? HexFormat.of().formatHex(b) : "(large)"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {ElfMachine.EM_386, ElfMachine.EM_ARM, ElfMachine.EM_MIPS, ElfMachine.EM_PPC})
    void thirtyTwoBitObjectsWithOffsetsBeyondTheEndAreRejectedToo(int machine) {
        byte[] b = new TestElf().machine(machine, false, machine == ElfMachine.EM_MIPS || machine == ElfMachine.EM_PPC, 0)
                .needed("libc.so.6").withSections().build();
        ByteBuffer bb = ByteBuffer.wrap(b).order(b[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        bb.putInt(32, 0x7fff0000); // e_shoff of ELF32
        assertTrue(rejects(b).getMessage().contains("section header table at offset 0x7fff0000 past end of file"));
    }
}
