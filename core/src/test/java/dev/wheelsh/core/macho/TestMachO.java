package dev.wheelsh.core.macho;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small thin 64-bit little-endian Mach-O libraries for tests: a header and the load
 * commands asked for (LC_BUILD_VERSION, LC_VERSION_MIN_MACOSX, library commands, LC_ID_DYLIB,
 * LC_RPATH), no segments.
 */
public final class TestMachO {

    private final int cpuType;
    private final List<byte[]> commands = new ArrayList<>();

    public TestMachO(int cpuType) {
        this.cpuType = cpuType;
    }

    public static TestMachO x86_64() {
        return new TestMachO(0x01000007);
    }

    public static TestMachO arm64() {
        return new TestMachO(0x0100000c);
    }

    /** LC_BUILD_VERSION for a platform (1 macOS, 2 iOS, 7 iOS simulator) and minos X.Y. */
    public TestMachO buildVersion(int platform, int major, int minor) {
        ByteBuffer b = command(MachOReader.LC_BUILD_VERSION, 24);
        b.putInt(8, platform).putInt(12, (major << 16) | (minor << 8)).putInt(16, (14 << 16));
        return this;
    }

    public TestMachO versionMinMacos(int major, int minor) {
        ByteBuffer b = command(MachOReader.LC_VERSION_MIN_MACOSX, 16);
        b.putInt(8, (major << 16) | (minor << 8));
        return this;
    }

    public TestMachO loads(String name) {
        return dylib(MachOReader.LC_LOAD_DYLIB, name);
    }

    public TestMachO id(String name) {
        return dylib(MachOReader.LC_ID_DYLIB, name);
    }

    public TestMachO rpath(String path) {
        byte[] s = path.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = command(MachOReader.LC_RPATH, align(12 + s.length + 1));
        b.putInt(8, 12).put(12, s);
        return this;
    }

    public TestMachO dylib(int cmd, String name) {
        byte[] s = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = command(cmd, align(24 + s.length + 1));
        b.putInt(8, 24).putInt(16, 0x10000).putInt(20, 0x10000).put(24, s);
        return this;
    }

    private static int align(int n) {
        return (n + 7) & ~7;
    }

    private ByteBuffer command(int cmd, int size) {
        byte[] c = new byte[size];
        ByteBuffer b = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, cmd).putInt(4, size);
        commands.add(c);
        return b;
    }

    public byte[] build() {
        int total = 0;
        for (byte[] c : commands) {
            total += c.length;
        }
        ByteBuffer b = ByteBuffer.allocate(32 + total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MachOReader.MH_MAGIC_64).putInt(cpuType).putInt(cpuType == 0x01000007 ? 3 : 0).putInt(6)
                .putInt(commands.size()).putInt(total).putInt(0x100085).putInt(0);
        for (byte[] c : commands) {
            b.put(c);
        }
        return b.array();
    }
}
