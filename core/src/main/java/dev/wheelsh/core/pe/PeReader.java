package dev.wheelsh.core.pe;

import dev.wheelsh.core.elf.ByteSource;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PE/COFF image from a {@link ByteSource}: the DOS stub's pointer, the COFF header, the
 * optional header, the section table, and the import and delay-load directories (DLL names only).
 *
 * <p>Every count, offset and RVA comes from the file and is checked before use: the section table
 * holds at most 96 entries (the loader's limit), an RVA must fall inside a section's raw data, a
 * directory is walked for at most {@link #MAX_DLLS} entries, and each name is at most
 * {@link #MAX_NAME} bytes. A hostile file costs bounded time and memory and ends in one
 * {@link InputException} line.
 */
public final class PeReader {

    /** The Windows loader refuses images with more sections than this. */
    public static final int MAX_SECTIONS = 96;
    /** The most import descriptors followed in one directory. */
    public static final int MAX_DLLS = 4096;
    /** The longest DLL name read. */
    public static final int MAX_NAME = 1024;

    private static final int DIRECTORY_IMPORT = 1;
    private static final int DIRECTORY_DELAY_IMPORT = 13;

    private PeReader() {
    }

    /** True when the bytes start with the DOS header's "MZ" (the PE signature is checked when reading). */
    public static boolean isPe(byte[] start) {
        return start.length >= 2 && start[0] == 'M' && start[1] == 'Z';
    }

    public static PeFile read(Path file) throws InputException {
        try (ByteSource src = ByteSource.open(file)) {
            return read(file.toString(), src);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static PeFile read(String name, byte[] bytes) throws InputException {
        return read(name, ByteSource.of(bytes));
    }

    /** Reads the image; {@code name} starts every error message. */
    public static PeFile read(String name, ByteSource source) throws InputException {
        try {
            return new Parser(name, source).parse();
        } catch (RuntimeException e) {
            // every range is checked before it is read; this is a last line against a reader defect
            throw new InputException(ElfReader.printable(name + ": not a readable PE file (" + e + ")"), e);
        }
    }

    /** A section's place in memory and in the file. */
    private record Section(long virtualAddress, long virtualSize, long rawOffset, long rawSize) {
    }

    private static final class Parser {
        private final String name;
        private final ByteSource src;
        private long fileSize;
        private List<Section> sections = List.of();
        private long sizeOfHeaders;

        Parser(String name, ByteSource src) {
            this.name = name;
            this.src = src;
        }

        InputException fail(String problem) {
            return new InputException(ElfReader.printable(name + ": " + problem));
        }

        byte[] bytes(long off, long len, String what) throws InputException {
            if (off < 0 || len < 0 || off > fileSize || len > fileSize - off) {
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

        static int u16(byte[] b, int i) {
            return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
        }

        static long u32(byte[] b, int i) {
            return (b[i] & 0xffL) | ((b[i + 1] & 0xffL) << 8) | ((b[i + 2] & 0xffL) << 16) | ((b[i + 3] & 0xffL) << 24);
        }

        PeFile parse() throws InputException {
            try {
                fileSize = src.size();
            } catch (IOException e) {
                throw fail("cannot read: " + e.getMessage());
            }
            if (fileSize < 64) {
                throw fail("is " + fileSize + " bytes, too short for a DOS header");
            }
            byte[] dos = bytes(0, 64, "the DOS header");
            if (dos[0] != 'M' || dos[1] != 'Z') {
                throw fail("bad magic number (no MZ): not a PE file");
            }
            long peOffset = u32(dos, 0x3c);
            if (peOffset < 64 || peOffset > fileSize - 24) {
                throw fail("the DOS header points at a PE header at 0x" + Long.toHexString(peOffset) + ", outside the file (size "
                        + fileSize + ")");
            }
            byte[] coff = bytes(peOffset, 24, "the PE signature and COFF header");
            if (coff[0] != 'P' || coff[1] != 'E' || coff[2] != 0 || coff[3] != 0) {
                throw fail("no PE signature at 0x" + Long.toHexString(peOffset) + " (a DOS program, not a Windows image)");
            }
            int machine = u16(coff, 4);
            int sectionCount = u16(coff, 6);
            int optionalSize = u16(coff, 20);
            int characteristics = u16(coff, 22);
            if (sectionCount > MAX_SECTIONS) {
                throw fail("the COFF header declares " + sectionCount + " sections; the Windows loader accepts at most " + MAX_SECTIONS);
            }
            if (optionalSize < 2) {
                throw fail("has no optional header (size " + optionalSize + "): an object file, not an image");
            }
            byte[] opt = bytes(peOffset + 24, optionalSize, "the optional header");
            int magic = u16(opt, 0);
            boolean plus;
            if (magic == 0x20b) {
                plus = true;
            } else if (magic == 0x10b) {
                plus = false;
            } else {
                throw fail("the optional header's magic 0x" + Integer.toHexString(magic) + " is neither PE32 (0x10b) nor PE32+ (0x20b)");
            }
            int dirs = plus ? 112 : 96;
            if (optionalSize < dirs) {
                throw fail("the optional header is " + optionalSize + " bytes, less than the " + dirs + " of a "
                        + (plus ? "PE32+" : "PE32") + " header before its data directories");
            }
            long imageBase = plus ? u32(opt, 24) | (u32(opt, 28) << 32) : u32(opt, 28);
            String osVersion = u16(opt, 40) + "." + u16(opt, 42);
            String subsystemVersion = u16(opt, 48) + "." + u16(opt, 50);
            sizeOfHeaders = u32(opt, 60);
            int subsystem = u16(opt, 68);
            long dirCount = u32(opt, dirs - 4);
            long dirCapacity = (optionalSize - dirs) / 8;
            long usable = Math.min(dirCount, dirCapacity);
            sections = readSections(peOffset + 24 + optionalSize, sectionCount);
            List<String> imports = List.of();
            List<String> delay = List.of();
            if (usable > DIRECTORY_IMPORT) {
                long rva = u32(opt, dirs + 8 * DIRECTORY_IMPORT);
                if (rva != 0) {
                    imports = directory(rva, 20, 12, false, 0, "import directory");
                }
            }
            if (usable > DIRECTORY_DELAY_IMPORT) {
                long rva = u32(opt, dirs + 8 * DIRECTORY_DELAY_IMPORT);
                if (rva != 0) {
                    delay = directory(rva, 32, 4, true, imageBase, "delay-load directory");
                }
            }
            return new PeFile(name, machine, characteristics, plus, subsystem, subsystemVersion, osVersion, imports, delay);
        }

        List<Section> readSections(long at, int count) throws InputException {
            byte[] t = bytes(at, 40L * count, "the section table of " + count + " sections");
            List<Section> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int o = i * 40;
                out.add(new Section(u32(t, o + 12), u32(t, o + 8), u32(t, o + 20), u32(t, o + 16)));
            }
            return out;
        }

        /** The file offset of an RVA, and how many bytes from there belong to the same place. */
        long[] offsetOf(long rva, String what) throws InputException {
            if (rva < sizeOfHeaders && rva < fileSize) {
                return new long[] {rva, Math.min(sizeOfHeaders, fileSize) - rva};
            }
            for (Section s : sections) {
                long extent = Math.max(s.virtualSize(), s.rawSize());
                if (rva >= s.virtualAddress() && rva - s.virtualAddress() < extent) {
                    long delta = rva - s.virtualAddress();
                    if (delta >= s.rawSize()) {
                        throw fail(what + " at RVA 0x" + Long.toHexString(rva) + " lies in a section's zero-filled tail, not in the file");
                    }
                    long off = s.rawOffset() + delta;
                    if (off >= fileSize) {
                        throw fail(what + " at RVA 0x" + Long.toHexString(rva) + " maps to offset 0x" + Long.toHexString(off)
                                + ", past the end of the file (size " + fileSize + ")");
                    }
                    return new long[] {off, Math.min(s.rawSize() - delta, fileSize - off)};
                }
            }
            throw fail(what + " at RVA 0x" + Long.toHexString(rva) + " lies in no section");
        }

        /**
         * The DLL names of a directory of fixed-size descriptors ending in an all-zero one: the name's
         * RVA at {@code nameField}. Old delay-load descriptors (attribute bit 0 clear) hold addresses,
         * not RVAs.
         */
        List<String> directory(long rva, int entry, int nameField, boolean delayLoad, long imageBase, String what)
                throws InputException {
            long[] place = offsetOf(rva, "the " + what);
            long room = place[1] / entry;
            List<String> out = new ArrayList<>();
            for (int i = 0; ; i++) {
                if (i >= MAX_DLLS) {
                    throw fail("the " + what + " has more than " + MAX_DLLS + " entries without its terminating empty one");
                }
                if (i >= room) {
                    throw fail("the " + what + " at RVA 0x" + Long.toHexString(rva) + " runs past its section after " + i
                            + " entries, without its terminating empty one");
                }
                byte[] d = bytes(place[0] + (long) i * entry, entry, "entry " + i + " of the " + what);
                boolean empty = true;
                for (byte b : d) {
                    empty &= b == 0;
                }
                if (empty) {
                    return out;
                }
                long nameRva = u32(d, nameField);
                if (delayLoad && (u32(d, 0) & 1) == 0) {
                    nameRva = (nameRva - imageBase) & 0xffffffffL;
                }
                if (nameRva == 0 && !delayLoad) {
                    return out; // the loader stops at a descriptor without a name
                }
                out.add(name(nameRva, "the name of entry " + i + " of the " + what));
            }
        }

        String name(long rva, String what) throws InputException {
            long[] place = offsetOf(rva, what);
            byte[] b = bytes(place[0], Math.min(place[1], MAX_NAME + 1), what);
            int end = 0;
            while (end < b.length && b[end] != 0) {
                end++;
            }
            if (end == b.length) {
                throw fail(what + " at RVA 0x" + Long.toHexString(rva) + " has no terminating NUL within "
                        + Math.min(place[1], MAX_NAME) + " bytes");
            }
            return new String(b, 0, end, StandardCharsets.ISO_8859_1);
        }
    }
}
