package dev.wheelsh.core.elf;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads an ELF object from a {@link ByteSource}, touching only the ranges it needs: the headers,
 * the dynamic section, the dynamic symbol and string tables, the version tables and the notes.
 *
 * <p>Every offset and count comes from the file and is checked before use: a range must lie inside
 * the file, a table may not exceed {@link #MAX_TABLE_BYTES}, and every chain (version needs,
 * version definitions, GNU hash chains, notes) is walked with a visit limit and a loop check, so a
 * hostile file costs bounded time and memory and ends in one {@link InputException} line.
 */
public final class ElfReader {

    /** The largest table (symbols, strings, section headers) read into memory at once. */
    public static final int MAX_TABLE_BYTES = 64 << 20;
    /** The largest version-need or version-definition area followed when no section gives its size. */
    static final int MAX_VERSION_AREA = 1 << 20;
    /** The most entries a version chain may hold: versym indexes are 15 bits wide. */
    static final int MAX_VERSION_ENTRIES = 0x8000;
    static final int MAX_NOTE_AREA = 1 << 20;
    /** The most section headers read; shared libraries have tens, relocatable objects thousands. */
    public static final int MAX_SECTIONS = 1 << 17;
    /** The most dynamic symbols read; the largest real libraries have a few hundred thousand. */
    public static final int MAX_SYMBOLS = 1 << 20;
    /**
     * The most string-table bytes scanned for names in one object. Each name is scanned once in a
     * real file; a hostile one can point many names at one long unterminated run.
     */
    static final long MAX_STRING_SCAN = 256L << 20;
    static final int MAX_INTERP = 4096;

    private static final long GNU_PROPERTY_X86_ISA_1_NEEDED = 0xc0008002L;

    private ElfReader() {
    }

    /** True when the bytes start with the ELF magic number. */
    public static boolean isElf(byte[] start) {
        return start.length >= 4 && start[0] == 0x7f && start[1] == 'E' && start[2] == 'L' && start[3] == 'F';
    }

    public static ElfFile read(Path file) throws InputException {
        try (ByteSource src = ByteSource.open(file)) {
            return read(file.toString(), src);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static ElfFile read(String name, byte[] bytes) throws InputException {
        return read(name, ByteSource.of(bytes));
    }

    /** Reads the object; {@code name} appears at the start of every error message. */
    public static ElfFile read(String name, ByteSource source) throws InputException {
        return new Parser(name, source).parse();
    }

    /** See {@link TerminalText#safe}: the one place untrusted text is made safe to print. */
    public static String printable(String s) {
        return TerminalText.safe(s);
    }

    /** One read of one object: the source, its byte order and class, and what has been found. */
    private static final class Parser {
        private final String name;
        private final ByteSource src;
        private long fileSize;
        private boolean is64;
        private boolean be;
        private ElfHeader header;
        private List<ProgramHeader> phdrs = List.of();
        private List<SectionHeader> sections = List.of();
        private long scanned;

        Parser(String name, ByteSource src) {
            this.name = name;
            this.src = src;
        }

        ElfFile parse() throws InputException {
            try {
                fileSize = src.size();
            } catch (IOException e) {
                throw fail("cannot read: " + e.getMessage());
            }
            header = readHeader();
            phdrs = readProgramHeaders();
            sections = readSections();
            Optional<String> interp = readInterpreter();
            List<ElfNote> notes = new ArrayList<>();
            OptionalInt isa = readNotes(notes);

            Optional<DynamicInfo> dynamic = Optional.empty();
            List<DynamicSymbol> symbols = List.of();
            List<VersionNeed> needs = List.of();
            List<VersionDefinition> defs = List.of();
            Optional<Region> dynRegion = dynamicRegion();
            byte[] dynstr = null;
            List<DynamicEntry> entries = List.of();
            if (dynRegion.isPresent()) {
                entries = readDynamicEntries(dynRegion.get());
                dynstr = readDynstr(entries);
                dynamic = Optional.of(buildDynamicInfo(entries, dynstr));
            }
            SymbolTable table = findSymbolTable(entries, dynstr);
            if (table != null) {
                needs = readVersionNeeds(entries, dynstr);
                defs = readVersionDefinitions(entries, dynstr);
                symbols = readSymbols(table, entries, needs, defs);
            }
            return new ElfFile(name, header, phdrs, sections, interp, dynamic, symbols, needs, defs, notes, isa);
        }

        // ---- errors and raw access ----

        InputException fail(String problem) {
            return new InputException(printable(name + ": " + problem));
        }

        static String hex(long v) {
            return "0x" + Long.toHexString(v);
        }

        /** Reads {@code len} bytes at {@code off}, after checking the range lies in the file. */
        byte[] bytes(long off, long len, String what) throws InputException {
            if (len < 0 || len > MAX_TABLE_BYTES) {
                throw fail(what + " at offset " + hex(off) + " is " + Long.toUnsignedString(len)
                        + " bytes, more than the " + (MAX_TABLE_BYTES >> 20) + " MiB limit");
            }
            if (off < 0 || off > fileSize || len > fileSize - off) {
                throw fail(what + " at offset " + hex(off) + " past end of file (size " + fileSize + ")");
            }
            byte[] b = new byte[(int) len];
            try {
                src.read(off, b, 0, (int) len);
            } catch (IOException e) {
                throw fail("cannot read " + what + " at offset " + hex(off) + ": " + e.getMessage());
            }
            return b;
        }

        int u8(byte[] b, int i) {
            return b[i] & 0xff;
        }

        int u16(byte[] b, int i) {
            return be ? ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff) : (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
        }

        long u32(byte[] b, int i) {
            long v = be
                    ? ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xffL) << 16) | ((b[i + 2] & 0xffL) << 8) | (b[i + 3] & 0xffL)
                    : (b[i] & 0xffL) | ((b[i + 1] & 0xffL) << 8) | ((b[i + 2] & 0xffL) << 16) | ((b[i + 3] & 0xffL) << 24);
            return v;
        }

        long u64(byte[] b, int i) {
            long hi = u32(b, be ? i : i + 4);
            long lo = u32(b, be ? i + 4 : i);
            return (hi << 32) | lo;
        }

        long word(byte[] b, int i) {
            return is64 ? u64(b, i) : u32(b, i);
        }

        /** A NUL-terminated string at {@code idx} in a string table. */
        String str(byte[] tab, long idx, String what) throws InputException {
            if (idx < 0 || idx >= tab.length) {
                throw fail(what + " name at string-table index " + Long.toUnsignedString(idx)
                        + " is outside the string table (" + tab.length + " bytes)");
            }
            int start = (int) idx;
            int end = start;
            while (end < tab.length && tab[end] != 0) {
                end++;
            }
            scanned += end - start + 1;
            if (scanned > MAX_STRING_SCAN) {
                throw fail("names overlap implausibly: more than " + (MAX_STRING_SCAN >> 20)
                        + " MiB of string table scanned");
            }
            return new String(tab, start, end - start, StandardCharsets.UTF_8);
        }

        // ---- file header ----

        ElfHeader readHeader() throws InputException {
            if (fileSize < 16) {
                throw fail("too short for an ELF header (" + fileSize + " bytes)");
            }
            byte[] id = bytes(0, 16, "ELF identification");
            if (!isElf(id)) {
                throw fail(String.format("not an ELF file (starts with %02x %02x %02x %02x, not 7f 45 4c 46)",
                        id[0], id[1], id[2], id[3]));
            }
            int cls = id[4];
            if (cls != 1 && cls != 2) {
                throw fail("unknown ELF class " + cls + " at offset 0x4 (expected 1 for 32-bit or 2 for 64-bit)");
            }
            int data = id[5];
            if (data != 1 && data != 2) {
                throw fail("unknown ELF data encoding " + data + " at offset 0x5 (expected 1 little or 2 big endian)");
            }
            is64 = cls == 2;
            be = data == 2;
            int ehsize = is64 ? 64 : 52;
            if (fileSize < ehsize) {
                throw fail("ELF header truncated: " + (is64 ? "ELF64" : "ELF32") + " needs " + ehsize
                        + " bytes, file has " + fileSize);
            }
            byte[] h = bytes(0, ehsize, "ELF header");
            int type = u16(h, 16);
            int machine = u16(h, 18);
            long version = u32(h, 20);
            int p = 24;
            long entry = word(h, p);
            p += is64 ? 8 : 4;
            long phoff = word(h, p);
            p += is64 ? 8 : 4;
            long shoff = word(h, p);
            p += is64 ? 8 : 4;
            int flags = (int) u32(h, p);
            int hsize = u16(h, p + 4);
            int phentsize = u16(h, p + 6);
            int phnum = u16(h, p + 8);
            int shentsize = u16(h, p + 10);
            int shnum = u16(h, p + 12);
            int shstrndx = u16(h, p + 14);

            // Extended numbering: the real counts live in section header 0.
            if (shoff != 0 && (shnum == 0 || phnum == 0xffff || shstrndx == 0xffff)) {
                int sz = is64 ? 64 : 40;
                if (shentsize < sz) {
                    throw fail("section header entry size " + shentsize + " is smaller than " + sz);
                }
                byte[] s0 = bytes(shoff, sz, "section header 0 (extended counts)");
                long s0size = is64 ? u64(s0, 32) : u32(s0, 20);
                long s0link = u32(s0, is64 ? 40 : 24);
                long s0info = u32(s0, is64 ? 44 : 28);
                if (shnum == 0) {
                    shnum = clampCount(s0size, "section count in section header 0");
                }
                if (phnum == 0xffff) {
                    phnum = clampCount(s0info, "program header count in section header 0");
                }
                if (shstrndx == 0xffff) {
                    shstrndx = clampCount(s0link, "section-name table index in section header 0");
                }
            }
            return new ElfHeader(is64, be, u8(id, 7), u8(id, 8), type, machine, version, entry, phoff, shoff,
                    flags, hsize, phentsize, phnum, shentsize, shnum, shstrndx);
        }

        int clampCount(long v, String what) throws InputException {
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw fail(what + " is " + Long.toUnsignedString(v) + ", beyond any real file");
            }
            return (int) v;
        }

        // ---- program headers ----

        List<ProgramHeader> readProgramHeaders() throws InputException {
            int n = header.phnum();
            if (n == 0 || header.phoff() == 0) {
                return List.of();
            }
            int esz = is64 ? 56 : 32;
            if (header.phentsize() < esz) {
                throw fail("program header entry size " + header.phentsize() + " is smaller than " + esz);
            }
            long total = (long) n * header.phentsize();
            byte[] t = bytes(header.phoff(), total, "program header table (" + n + " entries)");
            List<ProgramHeader> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int o = i * header.phentsize();
                if (is64) {
                    out.add(new ProgramHeader(u32(t, o), (int) u32(t, o + 4), u64(t, o + 8), u64(t, o + 16),
                            u64(t, o + 24), u64(t, o + 32), u64(t, o + 40), u64(t, o + 48)));
                } else {
                    out.add(new ProgramHeader(u32(t, o), (int) u32(t, o + 24), u32(t, o + 4), u32(t, o + 8),
                            u32(t, o + 12), u32(t, o + 16), u32(t, o + 20), u32(t, o + 28)));
                }
            }
            return out;
        }

        // ---- section headers ----

        List<SectionHeader> readSections() throws InputException {
            int n = header.shnum();
            if (n == 0 || header.shoff() == 0) {
                return List.of();
            }
            int esz = is64 ? 64 : 40;
            if (n > MAX_SECTIONS) {
                throw fail("section count " + n + " is more than the " + MAX_SECTIONS + " wheelsh reads");
            }
            if (header.shentsize() < esz) {
                throw fail("section header entry size " + header.shentsize() + " is smaller than " + esz);
            }
            long total = (long) n * header.shentsize();
            if (header.shoff() < 0 || header.shoff() >= fileSize) {
                throw fail("section header table at offset " + hex(header.shoff()) + " past end of file (size "
                        + fileSize + ")");
            }
            byte[] t = bytes(header.shoff(), total, "section header table (" + n + " entries)");
            long[][] raw = new long[n][];
            for (int i = 0; i < n; i++) {
                int o = i * header.shentsize();
                raw[i] = is64
                        ? new long[] {u32(t, o), u32(t, o + 4), u64(t, o + 8), u64(t, o + 16), u64(t, o + 24),
                            u64(t, o + 32), u32(t, o + 40), u32(t, o + 44), u64(t, o + 48), u64(t, o + 56)}
                        : new long[] {u32(t, o), u32(t, o + 4), u32(t, o + 8), u32(t, o + 12), u32(t, o + 16),
                            u32(t, o + 20), u32(t, o + 24), u32(t, o + 28), u32(t, o + 32), u32(t, o + 36)};
            }
            byte[] names = null;
            int si = header.shstrndx();
            if (si > 0 && si < n && raw[si][1] != SectionHeader.SHT_NOBITS) {
                names = bytes(raw[si][4], raw[si][5], "section-name string table (section " + si + ")");
            }
            List<SectionHeader> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long[] r = raw[i];
                String nm = names == null || r[0] >= names.length ? "" : str(names, r[0], "section");
                out.add(new SectionHeader(i, nm, r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]));
            }
            return out;
        }

        Optional<SectionHeader> sectionOfType(long type) {
            for (SectionHeader s : sections) {
                if (s.type() == type) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        byte[] sectionBytes(SectionHeader s, String what) throws InputException {
            if (s.type() == SectionHeader.SHT_NOBITS) {
                return new byte[0];
            }
            return bytes(s.offset(), s.size(), what + " (section " + s.index() + (s.name().isEmpty() ? "" : " " + s.name()) + ")");
        }

        // ---- addresses ----

        /** The file offset of a virtual address, through the PT_LOAD segments (or sections when none). */
        long offsetOf(long addr, String what) throws InputException {
            for (ProgramHeader p : phdrs) {
                if (p.type() == ProgramHeader.PT_LOAD && Long.compareUnsigned(addr, p.vaddr()) >= 0
                        && Long.compareUnsigned(addr - p.vaddr(), p.filesz()) < 0) {
                    return p.offset() + (addr - p.vaddr());
                }
            }
            for (SectionHeader s : sections) {
                if (s.addr() != 0 && s.type() != SectionHeader.SHT_NOBITS && Long.compareUnsigned(addr, s.addr()) >= 0
                        && Long.compareUnsigned(addr - s.addr(), s.size()) < 0) {
                    return s.offset() + (addr - s.addr());
                }
            }
            throw fail(what + " address " + hex(addr) + " lies in no loaded segment");
        }

        // ---- interpreter ----

        Optional<String> readInterpreter() throws InputException {
            for (ProgramHeader p : phdrs) {
                if (p.type() == ProgramHeader.PT_INTERP) {
                    long len = Long.compareUnsigned(p.filesz(), MAX_INTERP) > 0 ? MAX_INTERP : p.filesz();
                    byte[] b = bytes(p.offset(), len, "program interpreter (PT_INTERP)");
                    int end = 0;
                    while (end < b.length && b[end] != 0) {
                        end++;
                    }
                    return Optional.of(new String(b, 0, end, StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }

        // ---- notes and GNU properties ----

        OptionalInt readNotes(List<ElfNote> notes) throws InputException {
            int isa = -1;
            Set<Long> seen = new HashSet<>();
            for (ProgramHeader p : phdrs) {
                if (p.type() != ProgramHeader.PT_NOTE && p.type() != ProgramHeader.PT_GNU_PROPERTY) {
                    continue;
                }
                if (!seen.add(p.offset())) {
                    continue; // PT_GNU_PROPERTY usually repeats a PT_NOTE's .note.gnu.property
                }
                if (Long.compareUnsigned(p.filesz(), MAX_NOTE_AREA) > 0) {
                    throw fail("note segment at offset " + hex(p.offset()) + " is " + Long.toUnsignedString(p.filesz())
                            + " bytes, more than the 1 MiB limit");
                }
                byte[] b = bytes(p.offset(), p.filesz(), "note segment");
                int align = p.align() == 8 ? 8 : 4;
                int o = 0;
                while (o + 12 <= b.length) {
                    long namesz = u32(b, o);
                    long descsz = u32(b, o + 4);
                    long type = u32(b, o + 8);
                    long nameStart = o + 12L;
                    long descStart = alignUp(nameStart + namesz, align);
                    long next = alignUp(descStart + descsz, align);
                    if (descStart + descsz > b.length || nameStart + namesz > b.length) {
                        throw fail("note at offset " + hex(p.offset() + o) + " runs past the end of its segment");
                    }
                    int nlen = (int) namesz;
                    while (nlen > 0 && b[(int) nameStart + nlen - 1] == 0) {
                        nlen--;
                    }
                    String owner = new String(b, (int) nameStart, nlen, StandardCharsets.UTF_8);
                    notes.add(new ElfNote(owner, type, descsz, descsz >= 4 ? OptionalLong.of(u32(b, (int) descStart)) : OptionalLong.empty()));
                    if ("GNU".equals(owner) && type == ElfNote.NT_GNU_PROPERTY_TYPE_0) {
                        int level = x86IsaNeeded(b, (int) descStart, (int) descsz);
                        isa = Math.max(isa, level);
                    }
                    o = (int) next;
                }
            }
            return isa < 0 ? OptionalInt.empty() : OptionalInt.of(isa);
        }

        static long alignUp(long v, int a) {
            return (v + a - 1) & -a;
        }

        /** The x86-64 level from GNU_PROPERTY_X86_ISA_1_NEEDED in one property note, or -1. */
        int x86IsaNeeded(byte[] b, int start, int len) {
            if (header.machine() != ElfMachine.EM_X86_64 && header.machine() != ElfMachine.EM_386) {
                return -1;
            }
            int pad = is64 ? 8 : 4;
            int o = start;
            int end = start + len;
            int level = -1;
            while (o + 8 <= end) {
                long prType = u32(b, o);
                long datasz = u32(b, o + 4);
                if (o + 8 + datasz > end) {
                    break;
                }
                if (prType == GNU_PROPERTY_X86_ISA_1_NEEDED && datasz >= 4) {
                    long bits = u32(b, o + 8);
                    for (int bit = 0; bit < 32; bit++) {
                        if ((bits & (1L << bit)) != 0) {
                            level = bit + 1;
                        }
                    }
                }
                o = (int) alignUp(o + 8 + datasz, pad);
            }
            return level;
        }

        // ---- dynamic section ----

        record Region(long offset, long size) {
        }

        Optional<Region> dynamicRegion() {
            for (ProgramHeader p : phdrs) {
                if (p.type() == ProgramHeader.PT_DYNAMIC) {
                    return Optional.of(new Region(p.offset(), p.filesz()));
                }
            }
            return sectionOfType(SectionHeader.SHT_DYNAMIC).map(s -> new Region(s.offset(), s.size()));
        }

        List<DynamicEntry> readDynamicEntries(Region r) throws InputException {
            int esz = is64 ? 16 : 8;
            byte[] b = bytes(r.offset(), r.size(), "dynamic section");
            List<DynamicEntry> out = new ArrayList<>();
            for (int o = 0; o + esz <= b.length; o += esz) {
                long tag = word(b, o);
                long val = word(b, o + esz / 2);
                if (tag == DynamicEntry.DT_NULL) {
                    break;
                }
                out.add(new DynamicEntry(is64 ? tag : (int) tag, val));
            }
            return out;
        }

        static Optional<Long> dt(List<DynamicEntry> entries, long tag) {
            for (DynamicEntry e : entries) {
                if (e.tag() == tag) {
                    return Optional.of(e.value());
                }
            }
            return Optional.empty();
        }

        byte[] readDynstr(List<DynamicEntry> entries) throws InputException {
            Optional<Long> addr = dt(entries, DynamicEntry.DT_STRTAB);
            Optional<Long> size = dt(entries, DynamicEntry.DT_STRSZ);
            if (addr.isPresent() && size.isPresent()) {
                return bytes(offsetOf(addr.get(), "DT_STRTAB"), size.get(), "dynamic string table (DT_STRTAB)");
            }
            Optional<SectionHeader> dynsec = sectionOfType(SectionHeader.SHT_DYNAMIC);
            if (dynsec.isPresent() && dynsec.get().link() > 0 && dynsec.get().link() < sections.size()) {
                return sectionBytes(sections.get((int) dynsec.get().link()), "dynamic string table");
            }
            return new byte[0];
        }

        DynamicInfo buildDynamicInfo(List<DynamicEntry> entries, byte[] dynstr) throws InputException {
            List<String> needed = new ArrayList<>();
            String soname = null;
            String rpath = null;
            String runpath = null;
            long flags = 0;
            long flags1 = 0;
            for (DynamicEntry e : entries) {
                long t = e.tag();
                if (t == DynamicEntry.DT_NEEDED) {
                    needed.add(str(dynstr, e.value(), "DT_NEEDED"));
                } else if (t == DynamicEntry.DT_SONAME) {
                    soname = str(dynstr, e.value(), "DT_SONAME");
                } else if (t == DynamicEntry.DT_RPATH) {
                    rpath = str(dynstr, e.value(), "DT_RPATH");
                } else if (t == DynamicEntry.DT_RUNPATH) {
                    runpath = str(dynstr, e.value(), "DT_RUNPATH");
                } else if (t == DynamicEntry.DT_FLAGS) {
                    flags = e.value();
                } else if (t == DynamicEntry.DT_FLAGS_1) {
                    flags1 = e.value();
                }
            }
            return new DynamicInfo(entries, needed, Optional.ofNullable(soname), Optional.ofNullable(rpath),
                    Optional.ofNullable(runpath), flags, flags1);
        }

        // ---- dynamic symbols ----

        /** Where the dynamic symbols are: file offset, count, entry size and their string table. */
        record SymbolTable(long offset, int count, int entsize, byte[] strings) {
        }

        SymbolTable findSymbolTable(List<DynamicEntry> entries, byte[] dynstr) throws InputException {
            int esz = is64 ? 24 : 16;
            Optional<SectionHeader> sec = sectionOfType(SectionHeader.SHT_DYNSYM);
            if (sec.isPresent()) {
                SectionHeader s = sec.get();
                int ent = s.entsize() >= esz && s.entsize() <= 256 ? (int) s.entsize() : esz;
                if (Long.compareUnsigned(s.size(), MAX_TABLE_BYTES) > 0) {
                    throw fail("dynamic symbol table (section " + s.index() + ") is " + Long.toUnsignedString(s.size())
                            + " bytes, more than the " + (MAX_TABLE_BYTES >> 20) + " MiB limit");
                }
                byte[] strings = s.link() > 0 && s.link() < sections.size()
                        ? sectionBytes(sections.get((int) s.link()), "dynamic symbol string table")
                        : dynstr;
                int count = clampSymbols(s.size() / ent, ent, "dynamic symbol table (section " + s.index() + ")");
                return new SymbolTable(s.offset(), count, ent, strings == null ? new byte[0] : strings);
            }
            Optional<Long> symtab = dt(entries, DynamicEntry.DT_SYMTAB);
            if (symtab.isEmpty() || dynstr == null) {
                return null;
            }
            long off = offsetOf(symtab.get(), "DT_SYMTAB");
            int count = -1;
            Optional<Long> hash = dt(entries, DynamicEntry.DT_HASH);
            Optional<Long> gnuHash = dt(entries, DynamicEntry.DT_GNU_HASH);
            if (hash.isPresent()) {
                // 64-bit s390 (and Alpha) hash tables use 8-byte words; everyone else 4-byte ones.
                boolean wide = is64 && (header.machine() == ElfMachine.EM_S390 || header.machine() == 0x9026);
                byte[] h = bytes(offsetOf(hash.get(), "DT_HASH"), wide ? 16 : 8, "symbol hash table (DT_HASH)");
                long nchain = wide ? u64(h, 8) : u32(h, 4);
                count = clampSymbols(nchain, esz, "DT_HASH chain count");
            } else if (gnuHash.isPresent()) {
                count = gnuHashSymbolCount(offsetOf(gnuHash.get(), "DT_GNU_HASH"), esz);
            } else {
                throw fail("dynamic symbol table has no section, DT_HASH or DT_GNU_HASH to give its size");
            }
            return new SymbolTable(off, count, esz, dynstr);
        }

        int clampSymbols(long n, int esz, String what) throws InputException {
            if (n < 0 || n > MAX_SYMBOLS || n * esz > MAX_TABLE_BYTES) {
                throw fail(what + " is " + Long.toUnsignedString(n) + " symbols, more than wheelsh reads ("
                        + MAX_SYMBOLS + " symbols, " + (MAX_TABLE_BYTES >> 20) + " MiB)");
            }
            return (int) n;
        }

        /**
         * The number of dynamic symbols implied by a GNU hash table: one past the last symbol
         * reachable from a bucket, found by following that bucket's chain to its end marker.
         */
        int gnuHashSymbolCount(long off, int esz) throws InputException {
            byte[] h = bytes(off, 16, "GNU hash table header");
            long nbuckets = u32(h, 0);
            long symoffset = u32(h, 4);
            long bloomSize = u32(h, 8);
            int wordSize = is64 ? 8 : 4;
            long bucketsOff = off + 16 + bloomSize * wordSize;
            if (nbuckets * 4 > MAX_TABLE_BYTES) {
                throw fail("GNU hash table at offset " + hex(off) + " claims " + nbuckets + " buckets");
            }
            byte[] buckets = bytes(bucketsOff, nbuckets * 4, "GNU hash buckets");
            long max = 0;
            for (int i = 0; i < nbuckets; i++) {
                max = Math.max(max, u32(buckets, i * 4));
            }
            if (max < symoffset) {
                return clampSymbols(symoffset, esz, "GNU hash symbol offset");
            }
            long chainsOff = bucketsOff + nbuckets * 4;
            long idx = max;
            // Read the chain in blocks; its end is the first entry with the low bit set.
            while (true) {
                long pos = chainsOff + (idx - symoffset) * 4;
                if (pos < 0 || pos + 4 > fileSize) {
                    throw fail("GNU hash chain runs past end of file (size " + fileSize + ")");
                }
                long n = Math.min(1024, (fileSize - pos) / 4);
                byte[] block = bytes(pos, n * 4, "GNU hash chain");
                for (int i = 0; i < n; i++, idx++) {
                    if ((u32(block, i * 4) & 1) != 0) {
                        return clampSymbols(idx + 1, esz, "GNU hash symbol count");
                    }
                }
                if ((idx - symoffset) * esz > MAX_TABLE_BYTES) {
                    throw fail("GNU hash chain at offset " + hex(chainsOff) + " has no end marker");
                }
            }
        }

        List<DynamicSymbol> readSymbols(SymbolTable t, List<DynamicEntry> entries, List<VersionNeed> needs,
                                        List<VersionDefinition> defs) throws InputException {
            byte[] b = bytes(t.offset(), (long) t.count() * t.entsize(), "dynamic symbol table (" + t.count() + " symbols)");
            int[] versym = readVersym(entries, t.count());
            Map<Integer, DynamicSymbol.SymbolVersion> byIndex = new HashMap<>();
            for (VersionNeed n : needs) {
                for (VersionNeed.Entry e : n.entries()) {
                    byIndex.putIfAbsent(e.index(), new DynamicSymbol.SymbolVersion(e.index(), e.name(),
                            Optional.of(n.file()), false));
                }
            }
            for (VersionDefinition d : defs) {
                byIndex.putIfAbsent(d.index(), new DynamicSymbol.SymbolVersion(d.index(), d.name(),
                        Optional.empty(), false));
            }
            List<DynamicSymbol> out = new ArrayList<>(t.count());
            for (int i = 0; i < t.count(); i++) {
                int o = i * t.entsize();
                long nameIdx;
                long value;
                long size;
                int info;
                int other;
                int shndx;
                if (is64) {
                    nameIdx = u32(b, o);
                    info = u8(b, o + 4);
                    other = u8(b, o + 5);
                    shndx = u16(b, o + 6);
                    value = u64(b, o + 8);
                    size = u64(b, o + 16);
                } else {
                    nameIdx = u32(b, o);
                    value = u32(b, o + 4);
                    size = u32(b, o + 8);
                    info = u8(b, o + 12);
                    other = u8(b, o + 13);
                    shndx = u16(b, o + 14);
                }
                String nm = str(t.strings(), nameIdx, "symbol " + i);
                Optional<DynamicSymbol.SymbolVersion> ver = Optional.empty();
                if (versym != null) {
                    int v = versym[i];
                    int idx = v & 0x7fff;
                    if (idx >= 2) {
                        DynamicSymbol.SymbolVersion sv = byIndex.get(idx);
                        if (sv != null) {
                            boolean hidden = (v & 0x8000) != 0;
                            ver = Optional.of(hidden ? new DynamicSymbol.SymbolVersion(idx, sv.name(), sv.library(), true) : sv);
                        }
                    }
                }
                out.add(new DynamicSymbol(i, nm, value, size, info & 0xf, info >>> 4, other & 0x3, shndx, ver));
            }
            return out;
        }

        int[] readVersym(List<DynamicEntry> entries, int count) throws InputException {
            long off;
            Optional<SectionHeader> sec = sectionOfType(SectionHeader.SHT_GNU_VERSYM);
            if (sec.isPresent()) {
                off = sec.get().offset();
            } else {
                Optional<Long> addr = dt(entries, DynamicEntry.DT_VERSYM);
                if (addr.isEmpty()) {
                    return null;
                }
                off = offsetOf(addr.get(), "DT_VERSYM");
            }
            byte[] b = bytes(off, (long) count * 2, "symbol version table (.gnu.version)");
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = u16(b, i * 2);
            }
            return out;
        }

        // ---- symbol versioning ----

        /** Where a version table starts, how many records it has, and its strings. */
        record VersionArea(long offset, long size, int count, byte[] strings) {
        }

        VersionArea versionArea(long sectionType, long addrTag, long numTag, List<DynamicEntry> entries,
                                byte[] dynstr, String what) throws InputException {
            Optional<SectionHeader> sec = sectionOfType(sectionType);
            if (sec.isPresent()) {
                SectionHeader s = sec.get();
                byte[] strings = s.link() > 0 && s.link() < sections.size()
                        ? sectionBytes(sections.get((int) s.link()), what + " string table") : dynstr;
                long count = s.info();
                if (count == 0) {
                    count = dt(entries, numTag).orElse(0L);
                }
                return new VersionArea(s.offset(), Math.min(s.size(), MAX_VERSION_AREA),
                        clampVersionCount(count, what), strings == null ? new byte[0] : strings);
            }
            Optional<Long> addr = dt(entries, addrTag);
            if (addr.isEmpty() || dynstr == null) {
                return null;
            }
            long off = offsetOf(addr.get(), what);
            long count = dt(entries, numTag).orElse(0L);
            long size = Math.min(MAX_VERSION_AREA, Math.max(0, fileSize - off));
            return new VersionArea(off, size, clampVersionCount(count, what), dynstr);
        }

        int clampVersionCount(long n, String what) throws InputException {
            if (n < 0 || n > MAX_VERSION_ENTRIES) {
                throw fail(what + " claims " + Long.toUnsignedString(n) + " entries, more than the "
                        + MAX_VERSION_ENTRIES + " a version index can address");
            }
            return (int) n;
        }

        List<VersionNeed> readVersionNeeds(List<DynamicEntry> entries, byte[] dynstr) throws InputException {
            VersionArea a = versionArea(SectionHeader.SHT_GNU_VERNEED, DynamicEntry.DT_VERNEED,
                    DynamicEntry.DT_VERNEEDNUM, entries, dynstr, "version needs (.gnu.version_r)");
            if (a == null || a.count() == 0) {
                return List.of();
            }
            byte[] b = bytes(a.offset(), a.size(), "version needs (.gnu.version_r)");
            List<VersionNeed> out = new ArrayList<>();
            Set<Long> visited = new HashSet<>();
            long o = 0;
            int total = 0;
            for (int i = 0; i < a.count(); i++) {
                if (!visited.add(o)) {
                    throw fail("version need chain loops back to offset " + hex(a.offset() + o));
                }
                checkRecord(b, o, 16, a.offset(), "version need record");
                int p = (int) o;
                int cnt = u16(b, p + 2);
                String file = str(a.strings(), u32(b, p + 4), "version need file");
                long aux = u32(b, p + 8);
                long next = u32(b, p + 12);
                List<VersionNeed.Entry> list = new ArrayList<>();
                long ao = o + aux;
                Set<Long> auxVisited = new HashSet<>();
                for (int j = 0; j < cnt; j++) {
                    if (++total > MAX_VERSION_ENTRIES) {
                        throw fail("version needs hold more than " + MAX_VERSION_ENTRIES + " entries");
                    }
                    if (!auxVisited.add(ao)) {
                        throw fail("version need entries for " + file + " loop back to offset " + hex(a.offset() + ao));
                    }
                    checkRecord(b, ao, 16, a.offset(), "version need entry for " + file);
                    int q = (int) ao;
                    long hash = u32(b, q);
                    int flags = u16(b, q + 4);
                    int other = u16(b, q + 6);
                    String vname = str(a.strings(), u32(b, q + 8), "version need entry");
                    list.add(new VersionNeed.Entry(vname, hash, flags, other));
                    long an = u32(b, q + 12);
                    if (an == 0) {
                        break;
                    }
                    ao += an;
                }
                out.add(new VersionNeed(file, list));
                if (next == 0) {
                    break;
                }
                o += next;
            }
            return out;
        }

        List<VersionDefinition> readVersionDefinitions(List<DynamicEntry> entries, byte[] dynstr) throws InputException {
            VersionArea a = versionArea(SectionHeader.SHT_GNU_VERDEF, DynamicEntry.DT_VERDEF,
                    DynamicEntry.DT_VERDEFNUM, entries, dynstr, "version definitions (.gnu.version_d)");
            if (a == null || a.count() == 0) {
                return List.of();
            }
            byte[] b = bytes(a.offset(), a.size(), "version definitions (.gnu.version_d)");
            List<VersionDefinition> out = new ArrayList<>();
            Set<Long> visited = new HashSet<>();
            long o = 0;
            int total = 0;
            for (int i = 0; i < a.count(); i++) {
                if (!visited.add(o)) {
                    throw fail("version definition chain loops back to offset " + hex(a.offset() + o));
                }
                checkRecord(b, o, 20, a.offset(), "version definition record");
                int p = (int) o;
                int flags = u16(b, p + 2);
                int ndx = u16(b, p + 4);
                int cnt = u16(b, p + 6);
                long hash = u32(b, p + 8);
                long aux = u32(b, p + 12);
                long next = u32(b, p + 16);
                List<String> names = new ArrayList<>();
                long ao = o + aux;
                Set<Long> auxVisited = new HashSet<>();
                for (int j = 0; j < cnt; j++) {
                    if (++total > MAX_VERSION_ENTRIES) {
                        throw fail("version definitions hold more than " + MAX_VERSION_ENTRIES + " names");
                    }
                    if (!auxVisited.add(ao)) {
                        throw fail("version definition names loop back to offset " + hex(a.offset() + ao));
                    }
                    checkRecord(b, ao, 8, a.offset(), "version definition name");
                    names.add(str(a.strings(), u32(b, (int) ao), "version definition"));
                    long an = u32(b, (int) ao + 4);
                    if (an == 0) {
                        break;
                    }
                    ao += an;
                }
                if (names.isEmpty()) {
                    throw fail("version definition " + ndx + " at offset " + hex(a.offset() + o) + " has no name");
                }
                out.add(new VersionDefinition(ndx, flags, hash, names.get(0), names.subList(1, names.size())));
                if (next == 0) {
                    break;
                }
                o += next;
            }
            return out;
        }

        void checkRecord(byte[] area, long o, int len, long base, String what) throws InputException {
            if (o < 0 || o + len > area.length) {
                throw fail(what + " at offset " + hex(base + o) + " past end of "
                        + (base + area.length >= fileSize ? "file (size " + fileSize + ")" : "its table"));
            }
        }
    }
}
