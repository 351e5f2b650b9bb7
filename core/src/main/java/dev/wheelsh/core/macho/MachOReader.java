package dev.wheelsh.core.macho;

import dev.wheelsh.core.elf.ByteSource;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.macho.MachOFile.BuildVersion;
import dev.wheelsh.core.macho.MachOFile.Dylib;
import dev.wheelsh.core.macho.MachOFile.DylibKind;
import dev.wheelsh.core.macho.MachOFile.Platform;
import dev.wheelsh.core.macho.MachOFile.Slice;
import dev.wheelsh.core.macho.MachOFile.Version;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Mach-O file, thin or fat (universal), from a {@link ByteSource}: the fat header, each
 * slice's Mach header and its load commands, nothing else (no segments, no symbols).
 *
 * <p>Every count and offset comes from the file and is checked before use: a slice must lie inside
 * the file, the load commands inside the slice and within {@link #MAX_LOAD_COMMAND_BYTES}, each
 * command inside the area the header declares, each string inside its command. A hostile file
 * costs bounded time and memory and ends in one {@link InputException} line.
 */
public final class MachOReader {

    /** More slices than this in a fat header is not a universal file (a Java class file shares the magic). */
    public static final int MAX_SLICES = 32;
    /** The largest load-command area read; real libraries have a few kilobytes. */
    public static final int MAX_LOAD_COMMAND_BYTES = 16 << 20;

    static final int FAT_MAGIC = 0xcafebabe;
    static final int FAT_MAGIC_64 = 0xcafebabf;
    static final int MH_MAGIC = 0xfeedface;
    static final int MH_MAGIC_64 = 0xfeedfacf;

    static final int LC_REQ_DYLD = 0x80000000;
    static final int LC_LOAD_DYLIB = 0xc;
    static final int LC_ID_DYLIB = 0xd;
    static final int LC_LOAD_WEAK_DYLIB = 0x18 | LC_REQ_DYLD;
    static final int LC_RPATH = 0x1c | LC_REQ_DYLD;
    static final int LC_REEXPORT_DYLIB = 0x1f | LC_REQ_DYLD;
    static final int LC_LAZY_LOAD_DYLIB = 0x20;
    static final int LC_LOAD_UPWARD_DYLIB = 0x23 | LC_REQ_DYLD;
    static final int LC_VERSION_MIN_MACOSX = 0x24;
    static final int LC_VERSION_MIN_IPHONEOS = 0x25;
    static final int LC_VERSION_MIN_TVOS = 0x2f;
    static final int LC_VERSION_MIN_WATCHOS = 0x30;
    static final int LC_BUILD_VERSION = 0x32;

    static final int CPU_ARCH_ABI64 = 0x01000000;
    static final int CPU_TYPE_X86 = 7;
    static final int CPU_TYPE_ARM = 12;
    static final int CPU_TYPE_POWERPC = 18;

    private MachOReader() {
    }

    /**
     * True when the bytes start like a Mach-O file: a thin header of either byte order, or a fat
     * header with 1 to {@link #MAX_SLICES} slices (a Java class file starts with 0xcafebabe too,
     * followed by its version, 45 or more).
     */
    public static boolean isMachO(byte[] start) {
        if (start.length < 8) {
            return false;
        }
        int be = be32(start, 0);
        int le = Integer.reverseBytes(be);
        if (be == MH_MAGIC || be == MH_MAGIC_64 || le == MH_MAGIC || le == MH_MAGIC_64) {
            return true;
        }
        if (be == FAT_MAGIC || be == FAT_MAGIC_64) {
            int n = be32(start, 4);
            return n >= 1 && n <= MAX_SLICES;
        }
        return false;
    }

    public static MachOFile read(Path file) throws InputException {
        try (ByteSource src = ByteSource.open(file)) {
            return read(file.toString(), src);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static MachOFile read(String name, byte[] bytes) throws InputException {
        return read(name, ByteSource.of(bytes));
    }

    /** Reads the file; {@code name} starts every error message. */
    public static MachOFile read(String name, ByteSource source) throws InputException {
        try {
            return new Parser(name, source).parse();
        } catch (RuntimeException e) {
            // every range is checked before it is read; this is a last line against a reader defect
            throw new InputException(ElfReader.printable(name + ": not a readable Mach-O file (" + e + ")"), e);
        }
    }

    static int be32(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    /** The architecture as macOS platform tags spell it (packaging's _mac_arch and its binary formats). */
    static String archName(int cpuType, int cpuSubtype) {
        return switch (cpuType) {
            case CPU_TYPE_X86 -> "i386";
            case CPU_TYPE_X86 | CPU_ARCH_ABI64 -> "x86_64";
            case CPU_TYPE_ARM | CPU_ARCH_ABI64 -> cpuSubtype == 2 ? "arm64e" : "arm64";
            case CPU_TYPE_ARM | 0x02000000 -> "arm64_32";
            case CPU_TYPE_ARM -> "arm";
            case CPU_TYPE_POWERPC -> "ppc";
            case CPU_TYPE_POWERPC | CPU_ARCH_ABI64 -> "ppc64";
            default -> "cputype-0x" + Integer.toHexString(cpuType);
        };
    }

    private static final class Parser {
        private final String name;
        private final ByteSource src;
        private long fileSize;

        Parser(String name, ByteSource src) {
            this.name = name;
            this.src = src;
        }

        InputException fail(String problem) {
            return new InputException(ElfReader.printable(name + ": " + problem));
        }

        byte[] bytes(long off, long len, String what) throws InputException {
            if (len < 0 || len > MAX_LOAD_COMMAND_BYTES) {
                throw fail(what + " at offset 0x" + Long.toHexString(off) + " is " + Long.toUnsignedString(len)
                        + " bytes, more than the " + (MAX_LOAD_COMMAND_BYTES >> 20) + " MiB limit");
            }
            if (off < 0 || off > fileSize || len > fileSize - off) {
                throw fail(what + " at offset 0x" + Long.toHexString(off) + " (" + len + " bytes) runs past the end of the file (size "
                        + fileSize + ")");
            }
            byte[] b = new byte[(int) len];
            try {
                src.read(off, b, 0, (int) len);
            } catch (IOException e) {
                throw fail("cannot read " + what + " at offset 0x" + Long.toHexString(off) + ": " + e.getMessage());
            }
            return b;
        }

        MachOFile parse() throws InputException {
            try {
                fileSize = src.size();
            } catch (IOException e) {
                throw fail("cannot read: " + e.getMessage());
            }
            byte[] magic = bytes(0, Math.min(8, fileSize), "the magic number");
            if (magic.length < 8) {
                throw fail("is " + fileSize + " bytes, too short for a Mach-O header");
            }
            int m = be32(magic, 0);
            if (m == FAT_MAGIC || m == FAT_MAGIC_64) {
                return new MachOFile(name, true, fatSlices(m == FAT_MAGIC_64, Integer.toUnsignedLong(be32(magic, 4))));
            }
            return new MachOFile(name, false, List.of(slice(0, fileSize, "the Mach-O header")));
        }

        List<Slice> fatSlices(boolean wide, long count) throws InputException {
            if (count < 1 || count > MAX_SLICES) {
                throw fail("the fat header declares " + count + " slices; a universal file has 1 to " + MAX_SLICES
                        + " (a Java class file starts with the same magic number)");
            }
            int entry = wide ? 32 : 20;
            byte[] table = bytes(8, count * entry, "the fat header's table of " + count + " slices");
            List<Slice> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int at = i * entry;
                int cpuType = be32(table, at);
                long offset = wide ? u64be(table, at + 8) : Integer.toUnsignedLong(be32(table, at + 8));
                long size = wide ? u64be(table, at + 16) : Integer.toUnsignedLong(be32(table, at + 12));
                String what = "slice " + (i + 1) + " of " + count;
                if (offset < 8 + count * entry || offset > fileSize || size > fileSize - offset) {
                    throw fail(what + " (offset 0x" + Long.toHexString(offset) + ", " + Long.toUnsignedString(size)
                            + " bytes) lies outside the file (size " + fileSize + ") or over the fat header");
                }
                for (Slice s : out) {
                    if (offset < s.offset() + s.size() && s.offset() < offset + size) {
                        throw fail(what + " (offset 0x" + Long.toHexString(offset) + ") overlaps the slice at 0x"
                                + Long.toHexString(s.offset()));
                    }
                }
                Slice s = slice(offset, size, "the Mach-O header of " + what);
                if (s.cpuType() != cpuType) {
                    throw fail(what + " is " + archName(cpuType, 0) + " in the fat header but its Mach-O header says " + s.arch());
                }
                out.add(s);
            }
            return out;
        }

        long u64be(byte[] b, int i) {
            return (Integer.toUnsignedLong(be32(b, i)) << 32) | Integer.toUnsignedLong(be32(b, i + 4));
        }

        Slice slice(long offset, long size, String what) throws InputException {
            if (size < 28) {
                throw fail(what + " at offset 0x" + Long.toHexString(offset) + ": " + size + " bytes, too short for a Mach-O header");
            }
            byte[] h = bytes(offset, Math.min(size, 32), what);
            int magic = be32(h, 0);
            boolean le;
            if (magic == MH_MAGIC || magic == MH_MAGIC_64) {
                le = false;
            } else if (Integer.reverseBytes(magic) == MH_MAGIC || Integer.reverseBytes(magic) == MH_MAGIC_64) {
                le = true;
                magic = Integer.reverseBytes(magic);
            } else if (magic == FAT_MAGIC || magic == FAT_MAGIC_64) {
                throw fail(what + " at offset 0x" + Long.toHexString(offset) + " is another fat header; slices are thin");
            } else {
                throw fail(what + " at offset 0x" + Long.toHexString(offset) + ": bad magic number 0x"
                        + Integer.toHexString(magic) + " (not Mach-O)");
            }
            boolean is64 = magic == MH_MAGIC_64;
            int headerSize = is64 ? 32 : 28;
            if (size < headerSize) {
                throw fail(what + ": " + size + " bytes, too short for a 64-bit Mach-O header");
            }
            Ints in = new Ints(le);
            int cpuType = in.u32i(h, 4);
            int cpuSubtype = in.u32i(h, 8) & 0x00ffffff;
            int fileType = in.u32i(h, 12);
            long ncmds = in.u32(h, 16);
            long sizeofcmds = in.u32(h, 20);
            String arch = archName(cpuType, cpuSubtype);
            if (sizeofcmds > size - headerSize) {
                throw fail(what + ": the load commands (" + sizeofcmds + " bytes) run past the end of the "
                        + (offset == 0 && size == fileSize ? "file" : "slice") + " (" + size + " bytes)");
            }
            if (ncmds > sizeofcmds / 8) {
                throw fail(what + ": " + ncmds + " load commands cannot fit in " + sizeofcmds + " bytes (each takes 8 or more)");
            }
            byte[] cmds = bytes(offset + headerSize, sizeofcmds, "the load commands of " + arch);
            List<BuildVersion> versions = new ArrayList<>();
            List<Dylib> dylibs = new ArrayList<>();
            List<String> rpaths = new ArrayList<>();
            Optional<String> id = Optional.empty();
            int at = 0;
            for (long i = 0; i < ncmds; i++) {
                String where = arch + " load command " + i;
                if (cmds.length - at < 8) {
                    throw fail(where + " at 0x" + Integer.toHexString(at) + " runs past the " + sizeofcmds + " bytes of load commands");
                }
                int cmd = in.u32i(cmds, at);
                long cmdsize = in.u32(cmds, at + 4);
                if (cmdsize < 8 || cmdsize > cmds.length - at) {
                    throw fail(where + " (cmd 0x" + Integer.toHexString(cmd) + ") has size " + cmdsize
                            + ", outside 8.." + (cmds.length - at) + " (what is left of the load commands)");
                }
                int n = (int) cmdsize;
                switch (cmd) {
                    case LC_LOAD_DYLIB, LC_LOAD_WEAK_DYLIB, LC_REEXPORT_DYLIB, LC_LAZY_LOAD_DYLIB, LC_LOAD_UPWARD_DYLIB -> {
                        need(where, n, 24);
                        dylibs.add(new Dylib(kind(cmd), string(cmds, at, n, in.u32(cmds, at + 8), where),
                                Version.packed(in.u32(cmds, at + 16)), Version.packed(in.u32(cmds, at + 20))));
                    }
                    case LC_ID_DYLIB -> {
                        need(where, n, 24);
                        id = Optional.of(string(cmds, at, n, in.u32(cmds, at + 8), where));
                    }
                    case LC_RPATH -> {
                        need(where, n, 12);
                        rpaths.add(string(cmds, at, n, in.u32(cmds, at + 8), where));
                    }
                    case LC_BUILD_VERSION -> {
                        need(where, n, 24);
                        versions.add(new BuildVersion(Platform.of(in.u32(cmds, at + 8)), Version.packed(in.u32(cmds, at + 12)),
                                Version.packed(in.u32(cmds, at + 16)), "LC_BUILD_VERSION"));
                    }
                    case LC_VERSION_MIN_MACOSX, LC_VERSION_MIN_IPHONEOS, LC_VERSION_MIN_TVOS, LC_VERSION_MIN_WATCHOS -> {
                        need(where, n, 16);
                        Platform p = cmd == LC_VERSION_MIN_MACOSX ? Platform.MACOS : cmd == LC_VERSION_MIN_IPHONEOS ? Platform.IOS
                                : cmd == LC_VERSION_MIN_TVOS ? Platform.TVOS : Platform.WATCHOS;
                        String command = cmd == LC_VERSION_MIN_MACOSX ? "LC_VERSION_MIN_MACOSX" : cmd == LC_VERSION_MIN_IPHONEOS
                                ? "LC_VERSION_MIN_IPHONEOS" : cmd == LC_VERSION_MIN_TVOS ? "LC_VERSION_MIN_TVOS" : "LC_VERSION_MIN_WATCHOS";
                        versions.add(new BuildVersion(p, Version.packed(in.u32(cmds, at + 8)), Version.packed(in.u32(cmds, at + 12)), command));
                    }
                    default -> {
                        // segments, symbol tables, code signatures: nothing the checks read
                    }
                }
                at += n;
            }
            return new Slice(cpuType, cpuSubtype, arch, fileType, offset, size, versions, dylibs, id, rpaths);
        }

        void need(String where, int cmdsize, int least) throws InputException {
            if (cmdsize < least) {
                throw fail(where + " has size " + cmdsize + ", less than the " + least + " bytes of its fixed part");
            }
        }

        /** An lc_str: a NUL-terminated string at {@code offset} from the command's start, inside the command. */
        String string(byte[] cmds, int cmdStart, int cmdsize, long offset, String where) throws InputException {
            if (offset < 8 || offset >= cmdsize) {
                throw fail(where + ": its name at offset " + offset + " lies outside the command (" + cmdsize + " bytes)");
            }
            int from = cmdStart + (int) offset;
            int end = from;
            int limit = cmdStart + cmdsize;
            while (end < limit && cmds[end] != 0) {
                end++;
            }
            // the loader reads up to the NUL; a name that runs to the command's end stops there
            return new String(cmds, from, end - from, StandardCharsets.UTF_8);
        }

        static DylibKind kind(int cmd) {
            return switch (cmd) {
                case LC_LOAD_WEAK_DYLIB -> DylibKind.WEAK;
                case LC_REEXPORT_DYLIB -> DylibKind.REEXPORT;
                case LC_LAZY_LOAD_DYLIB -> DylibKind.LAZY;
                case LC_LOAD_UPWARD_DYLIB -> DylibKind.UPWARD;
                default -> DylibKind.LOAD;
            };
        }
    }

    /** Unsigned reads in the slice's byte order. */
    private record Ints(boolean le) {
        int u32i(byte[] b, int i) {
            int v = be32(b, i);
            return le ? Integer.reverseBytes(v) : v;
        }

        long u32(byte[] b, int i) {
            return Integer.toUnsignedLong(u32i(b, i));
        }
    }
}
