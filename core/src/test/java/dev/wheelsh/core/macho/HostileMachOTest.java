package dev.wheelsh.core.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wheelsh.core.vocabulary.InputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile Mach-O files end in one {@link InputException} line that names the input,
 * never in another exception, a hang or a huge allocation; well-formed ones read as written.
 */
class HostileMachOTest {

    static byte[] sample() {
        return TestMachO.x86_64().id("@rpath/libfoo.dylib").buildVersion(1, 13, 0).loads("/usr/lib/libSystem.B.dylib")
                .loads("@rpath/libbar.dylib").rpath("@loader_path/../lib").build();
    }

    static InputException rejects(byte[] b) {
        InputException e = assertThrows(InputException.class, () -> MachOReader.read("libfoo.dylib", b));
        assertTrue(e.getMessage().startsWith("libfoo.dylib: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void aWellFormedLibraryReadsAsWritten() throws InputException {
        MachOFile f = MachOReader.read("libfoo.dylib", sample());
        assertFalse(f.fat());
        MachOFile.Slice s = f.slices().get(0);
        assertEquals("x86_64", s.arch());
        assertEquals("13.0", s.minimum().orElseThrow().minos().toString());
        assertEquals(MachOFile.Platform.MACOS, s.minimum().orElseThrow().platform());
        assertEquals(List.of("/usr/lib/libSystem.B.dylib", "@rpath/libbar.dylib"), s.dylibs().stream().map(MachOFile.Dylib::name).toList());
        assertEquals("@rpath/libfoo.dylib", s.id().orElseThrow());
        assertEquals(List.of("@loader_path/../lib"), s.rpaths());
    }

    @Test
    void aFatFileReadsEverySlice() throws InputException {
        byte[] fat = NativeCorpus.fat(List.of(sample(), TestMachO.arm64().buildVersion(1, 11, 0).build()));
        MachOFile f = MachOReader.read("libfoo.dylib", fat);
        assertTrue(f.fat());
        assertEquals(List.of("x86_64", "arm64"), f.arches());
        assertEquals("11.0", f.slices().get(1).minimum().orElseThrow().minos().toString());
    }

    @Test
    void aJavaClassFileIsNotMachO() {
        byte[] cls = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61};
        assertFalse(MachOReader.isMachO(cls));
        assertTrue(rejects(Arrays.copyOf(cls, 64)).getMessage().contains("declares 61 slices"));
    }

    @Test
    void everyTruncationIsOneLine() {
        byte[] b = sample();
        for (int n = 0; n < b.length; n++) {
            rejects(Arrays.copyOf(b, n));
        }
        byte[] fat = NativeCorpus.fat(List.of(b, TestMachO.arm64().build()));
        for (int n = 0; n < fat.length; n += 7) {
            rejects(Arrays.copyOf(fat, n));
        }
    }

    @Test
    void absurdCountsAndSizesAreRefusedBeforeAnyAllocation() {
        byte[] b = sample();
        le(b).putInt(16, Integer.MAX_VALUE);
        assertTrue(rejects(b).getMessage().contains("load commands cannot fit"), "ncmds");
        b = sample();
        le(b).putInt(20, -1);
        assertTrue(rejects(b).getMessage().contains("run past the end"), "sizeofcmds");
        b = sample();
        le(b).putInt(32 + 4, 0x7ffffff0);
        assertTrue(rejects(b).getMessage().contains("has size"), "cmdsize");
        b = sample();
        le(b).putInt(32 + 4, 4);
        assertTrue(rejects(b).getMessage().contains("has size 4"), "a command smaller than its own header");
        b = sample();
        le(b).putInt(32 + 8, 5000);
        assertTrue(rejects(b).getMessage().contains("lies outside the command"), "a name offset outside its command");
    }

    @Test
    void fatSlicesOutsideTheFileOrOverlappingAreRefused() {
        byte[] fat = NativeCorpus.fat(List.of(sample(), TestMachO.arm64().build()));
        ByteBuffer be = ByteBuffer.wrap(fat);
        byte[] far = fat.clone();
        ByteBuffer.wrap(far).putInt(8 + 8, 0x7fffff00);
        assertTrue(rejects(far).getMessage().contains("lies outside the file"));
        byte[] overlap = fat.clone();
        ByteBuffer.wrap(overlap).putInt(8 + 20 + 8, be.getInt(8 + 8));
        assertTrue(rejects(overlap).getMessage().contains("overlaps"));
        byte[] liar = fat.clone();
        ByteBuffer.wrap(liar).putInt(8, 7);
        assertTrue(rejects(liar).getMessage().contains("i386 in the fat header"));
    }

    @Test
    void randomMutationsOfRealAndWrittenFilesEndInAValueOrOneLine() throws Exception {
        List<byte[]> seeds = new ArrayList<>(List.of(sample(), NativeCorpus.fat(List.of(sample(), TestMachO.arm64().build()))));
        for (Path p : NativeCorpus.machOFiles()) {
            byte[] all = Files.readAllBytes(p);
            seeds.add(Arrays.copyOf(all, Math.min(all.length, 8192))); // the headers and load commands
        }
        Random r = new Random(16);
        for (byte[] seed : seeds) {
            for (int i = 0; i < 400; i++) {
                byte[] m = seed.clone();
                int flips = 1 + r.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    int at = r.nextInt(Math.min(m.length, 2048));
                    m[at] = (byte) (r.nextInt(4) == 0 ? 0xff : r.nextInt(256));
                }
                try {
                    MachOReader.read("libfoo.dylib", m);
                } catch (InputException e) {
                    assertTrue(e.getMessage().startsWith("libfoo.dylib: ") && !e.getMessage().contains("\n"), e.getMessage());
                    assertFalse(e.getMessage().contains("Exception"), "a checked range, not a caught runtime exception: " + e.getMessage());
                } catch (RuntimeException e) {
                    fail("mutation " + i + " escaped as " + e);
                }
            }
        }
    }
}
