package dev.wheelsh.shell;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The smallest Mach-O and PE files the shell's tests need, written here (the core's test writers
 * are not on the shell's test classpath): a thin 64-bit Mach-O library with one LC_BUILD_VERSION
 * and LC_LOAD_DYLIB commands, and a PE32+ DLL whose import directory names the DLLs given.
 */
public final class NativeImages {

    private NativeImages() {
    }

    public static final int X86_64 = 0x01000007;
    public static final int ARM64 = 0x0100000c;

    /** LC_BUILD_VERSION's platform numbers. */
    public static final int MACOS = 1;
    public static final int IOS = 2;
    public static final int IOS_SIMULATOR = 7;

    /** A Mach-O library for macOS of this CPU type and minimum version that loads these libraries. */
    public static byte[] machO(int cpuType, int major, int minor, List<String> loads) {
        return machO(cpuType, MACOS, major, minor, loads);
    }

    /** A Mach-O library for this Apple platform (LC_BUILD_VERSION's number), CPU type and minimum version. */
    public static byte[] machO(int cpuType, int platform, int major, int minor, List<String> loads) {
        int size = 24;
        for (String l : loads) {
            size += dylibSize(l);
        }
        ByteBuffer b = ByteBuffer.allocate(32 + size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xfeedfacf).putInt(cpuType).putInt(cpuType == X86_64 ? 3 : 0).putInt(6).putInt(1 + loads.size()).putInt(size)
                .putInt(0x85).putInt(0);
        b.putInt(0x32).putInt(24).putInt(platform).putInt((major << 16) | (minor << 8)).putInt(14 << 16).putInt(0);
        for (String l : loads) {
            int n = dylibSize(l);
            int at = b.position();
            b.putInt(0xc).putInt(n).putInt(24).putInt(0).putInt(0x10000).putInt(0x10000).put(l.getBytes(StandardCharsets.UTF_8));
            b.position(at + n);
        }
        return b.array();
    }

    private static int dylibSize(String name) {
        return (24 + name.getBytes(StandardCharsets.UTF_8).length + 1 + 7) & ~7;
    }

    /** An x64 PE32+ DLL importing these DLLs (names only, empty thunk tables). */
    public static byte[] pe(List<String> imports) {
        int sectionRva = 0x1000;
        int raw = 0x200;
        int descriptors = 20 * (imports.size() + 1);
        int thunk = descriptors;
        int names = thunk + 8;
        int namesSize = 0;
        for (String d : imports) {
            namesSize += d.length() + 1;
        }
        int rawSize = (names + namesSize + 0x1ff) / 0x200 * 0x200;
        ByteBuffer b = ByteBuffer.allocate(raw + rawSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x40).put(0x40, (byte) 'P').put(0x41, (byte) 'E');
        int coff = 0x44;
        b.putShort(coff, (short) 0x8664).putShort(coff + 2, (short) 1).putShort(coff + 16, (short) 240).putShort(coff + 18, (short) 0x2022);
        int opt = coff + 20;
        b.putShort(opt, (short) 0x20b).putLong(opt + 24, 0x180000000L).putInt(opt + 32, 0x1000).putInt(opt + 36, 0x200)
                .putShort(opt + 40, (short) 6).putShort(opt + 48, (short) 6).putInt(opt + 56, sectionRva + rawSize).putInt(opt + 60, raw)
                .putShort(opt + 68, (short) 2).putInt(opt + 108, 16).putInt(opt + 112 + 8, sectionRva).putInt(opt + 112 + 12, descriptors);
        int sec = opt + 240;
        b.put(sec, ".idata".getBytes(StandardCharsets.US_ASCII)).putInt(sec + 8, rawSize).putInt(sec + 12, sectionRva)
                .putInt(sec + 16, rawSize).putInt(sec + 20, raw).putInt(sec + 36, 0xc0000040);
        int at = names;
        for (int i = 0; i < imports.size(); i++) {
            int d = raw + 20 * i;
            b.putInt(d, sectionRva + thunk).putInt(d + 12, sectionRva + at).putInt(d + 16, sectionRva + thunk);
            byte[] n = imports.get(i).getBytes(StandardCharsets.ISO_8859_1);
            b.put(raw + at, n);
            at += n.length + 1;
        }
        return b.array();
    }
}
