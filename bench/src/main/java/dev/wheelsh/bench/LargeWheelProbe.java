package dev.wheelsh.bench;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.wheel.WheelArchive;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads a large generated wheel in place and reports time and heap, to show that memory stays
 * bounded whatever the wheel's size (run it under a small -Xmx; see docs/benchmarks.md).
 *
 * <p>{@code generate FILE GIB}: writes a wheel whose one native member is the JDK's libjvm.so
 * grown to GIB gibibytes with incompressible filler between its dynamic tables and its section
 * header table (moved to the end), deflated. {@code read FILE}: opens it, finds the ELF members by
 * content and reads each in place.
 */
public final class LargeWheelProbe {

    private LargeWheelProbe() {
    }

    public static void main(String[] args) throws IOException, InputException {
        if (args.length == 3 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Long.parseLong(args[2]) << 30);
        } else if (args.length == 2 && args[0].equals("read")) {
            read(Path.of(args[1]));
        } else {
            System.err.println("usage: LargeWheelProbe generate FILE GIB | read FILE");
            System.exit(2);
        }
    }

    static void generate(Path wheel, long size) throws IOException, InputException {
        Path jvm = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so");
        byte[] lib = Files.readAllBytes(jvm);
        ElfFile f = ElfReader.read(jvm.toString(), lib);
        int shSize = f.header().shnum() * f.header().shentsize();
        byte[] tail = Arrays.copyOfRange(lib, (int) f.header().shoff(), (int) f.header().shoff() + shSize);
        byte[] head = lib.clone();
        long newShoff = size - shSize;
        ByteBuffer.wrap(head).order(f.header().bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                .putLong(40, newShoff);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(wheel), 1 << 20);
             ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("big-1.0.dist-info/WHEEL"));
            zip.write("Wheel-Version: 1.0\nGenerator: LargeWheelProbe\nRoot-Is-Purelib: false\nTag: cp312-cp312-linux_x86_64\n"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("big/_big.cpython-312-x86_64-linux-gnu.so"));
            zip.write(head);
            SplittableRandom rnd = new SplittableRandom(1);
            byte[] block = new byte[1 << 20];
            long written = head.length;
            while (written < newShoff) {
                int n = (int) Math.min(block.length, newShoff - written);
                for (int i = 0; i < n; i += 8) {
                    long r = rnd.nextLong();
                    for (int k = 0; k < 8 && i + k < n; k++) {
                        block[i + k] = (byte) (r >>> (8 * k));
                    }
                }
                zip.write(block, 0, n);
                written += n;
            }
            zip.write(tail);
            zip.closeEntry();
        }
        System.out.println("wrote " + wheel + " (" + Files.size(wheel) + " bytes)");
    }

    static void read(Path wheel) throws InputException, IOException {
        long t0 = System.nanoTime();
        try (WheelArchive w = WheelArchive.open(wheel)) {
            String di = w.distInfoDir(Optional.empty());
            System.out.println("dist-info " + di + ", tags " + w.wheelFile(di).tags());
            for (WheelArchive.Member m : w.elfMembers()) {
                ElfFile f = w.readElf(m.name());
                System.out.println(m.name() + ": " + m.size() + " bytes inflated, " + f.platformArch() + ", "
                        + f.symbols().size() + " dynamic symbols, " + f.sections().size() + " sections, needs "
                        + f.needed());
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.println("time " + ms + " ms; heap used at end " + ((rt.totalMemory() - rt.freeMemory()) >> 20)
                + " MiB of max " + (rt.maxMemory() >> 20) + " MiB");
    }
}
