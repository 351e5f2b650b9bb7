package dev.wheelsh.core.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wheelsh.core.macho.NativeCorpus;
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
 * Malformed and hostile PE images end in one {@link InputException} line that names the input,
 * never in another exception, a hang or a huge allocation; well-formed ones read as written.
 */
class HostilePeTest {

    static TestPe sample() {
        return new TestPe().imports("python311.dll", "KERNEL32.dll").delayImports("msvcp140.dll");
    }

    static InputException rejects(byte[] b) {
        InputException e = assertThrows(InputException.class, () -> PeReader.read("foo.pyd", b));
        assertTrue(e.getMessage().startsWith("foo.pyd: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void aWellFormedImageReadsAsWritten() throws InputException {
        PeFile f = PeReader.read("foo.pyd", sample().build());
        assertEquals("win_amd64", f.platformTag());
        assertTrue(f.isDll());
        assertEquals(List.of("python311.dll", "KERNEL32.dll"), f.imports());
        assertEquals(List.of("msvcp140.dll"), f.delayImports());
        assertEquals("6.0", f.subsystemVersion());
        assertEquals("win32", PeReader.read("foo.pyd", new TestPe().machine(PeFile.IMAGE_FILE_MACHINE_I386).build()).platformTag());
    }

    @Test
    void everyTruncationBeforeTheLastNameEndsIsOneLine() {
        TestPe t = sample();
        byte[] b = t.build();
        // past the last name only the section's zero padding is left, which nothing reads
        int lastNameEnds = t.offsets.get("names") + "python311.dll KERNEL32.dll msvcp140.dll".length();
        for (int n = 0; n < lastNameEnds; n++) {
            rejects(Arrays.copyOf(b, n));
        }
    }

    @Test
    void aDosProgramIsNotAWindowsImage() {
        byte[] b = sample().build();
        b[0x40] = 'N';
        assertTrue(rejects(b).getMessage().contains("no PE signature"));
        b = sample().build();
        le(b).putInt(0x3c, 0x7ffffff0);
        assertTrue(rejects(b).getMessage().contains("outside the file"));
    }

    @Test
    void absurdCountsAndAddressesAreRefused() {
        TestPe t = sample();
        byte[] b = t.build();
        le(b).putShort(t.offsets.get("coff") + 2, (short) 0xffff);
        assertTrue(rejects(b).getMessage().contains("65535 sections"));
        b = t.build();
        le(b).putInt(t.offsets.get("directories") + 8, 0x7fff0000);
        assertTrue(rejects(b).getMessage().contains("lies in no section"));
        b = t.build();
        le(b).putInt(t.offsets.get("imports") + 12, 0x1000 + 0x7ff0);
        assertTrue(rejects(b).getMessage().contains("lies in no section"), "a name outside every section");
        b = t.build();
        // a directory without its terminating entry: fill the section with non-zero descriptors
        for (int i = t.offsets.get("imports"); i < b.length; i++) {
            b[i] = (byte) (b[i] == 0 ? 1 : b[i]);
        }
        rejects(b);
    }

    @Test
    void aNameWithoutItsNulIsRefused() {
        TestPe t = sample();
        byte[] b = t.build();
        Arrays.fill(b, t.offsets.get("names"), b.length, (byte) 'a');
        assertTrue(rejects(b).getMessage().contains("no terminating NUL"));
    }

    @Test
    void randomMutationsOfRealAndWrittenImagesEndInAValueOrOneLine() throws Exception {
        List<byte[]> seeds = new ArrayList<>(List.of(sample().build(), new TestPe().machine(PeFile.IMAGE_FILE_MACHINE_I386)
                .imports("python3.dll").build()));
        for (Path p : NativeCorpus.peFiles()) {
            seeds.add(Files.readAllBytes(p));
        }
        Random r = new Random(16);
        for (byte[] seed : seeds) {
            for (int i = 0; i < 300; i++) {
                byte[] m = seed.clone();
                int flips = 1 + r.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    int at = r.nextInt(Math.min(m.length, 1024));
                    m[at] = (byte) (r.nextInt(4) == 0 ? 0xff : r.nextInt(256));
                }
                try {
                    PeReader.read("foo.pyd", m);
                } catch (InputException e) {
                    assertTrue(e.getMessage().startsWith("foo.pyd: ") && !e.getMessage().contains("\n"), e.getMessage());
                    assertFalse(e.getMessage().contains("Exception"), "a checked range, not a caught runtime exception: " + e.getMessage());
                } catch (RuntimeException e) {
                    fail("mutation " + i + " escaped as " + e);
                }
            }
        }
    }
}
