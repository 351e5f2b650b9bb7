package dev.wheelsh.core.elf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small, valid ELF shared objects for tests, byte by byte: one PT_LOAD maps the whole file
 * at address 0 (so addresses equal offsets), and the dynamic section, symbol table, DT_HASH and
 * version tables are laid out after the headers. Section headers are optional, so both ways of
 * finding the dynamic symbols (sections, or DT_SYMTAB with DT_HASH) can be exercised.
 */
public final class TestElf {

    record Sym(String name, boolean defined, int versionIndex, boolean hidden, int type, int bind) {
    }

    record Need(String file, List<String> versions, List<Integer> flags, List<Integer> indexes) {
    }

    record Def(int index, int flags, String name, List<String> parents) {
    }

    boolean is64 = true;
    boolean bigEndian = false;
    int machine = ElfMachine.EM_X86_64;
    int flags = 0;
    int osAbi = 0;
    String interpreter;
    final List<String> needed = new ArrayList<>();
    String soname;
    String runpath;
    String rpath;
    final List<Sym> symbols = new ArrayList<>();
    final List<Need> needs = new ArrayList<>();
    final List<Def> defs = new ArrayList<>();
    Integer x86IsaNeededBits;
    boolean withSections = false;

    public TestElf machine(int m, boolean is64, boolean bigEndian, int flags) {
        this.machine = m;
        this.is64 = is64;
        this.bigEndian = bigEndian;
        this.flags = flags;
        return this;
    }

    public TestElf interpreter(String s) {
        this.interpreter = s;
        return this;
    }

    public TestElf needed(String... libs) {
        needed.addAll(List.of(libs));
        return this;
    }

    public TestElf soname(String s) {
        soname = s;
        return this;
    }

    public TestElf runpath(String s) {
        runpath = s;
        return this;
    }

    public TestElf rpath(String s) {
        rpath = s;
        return this;
    }

    /** An imported function asking for the version with this index (0 or 1 for none). */
    public TestElf imports(String name, int versionIndex) {
        symbols.add(new Sym(name, false, versionIndex, false, 2, 1));
        return this;
    }

    public TestElf exports(String name, int versionIndex, boolean hidden) {
        symbols.add(new Sym(name, true, versionIndex, hidden, 2, 1));
        return this;
    }

    public TestElf symbol(Sym s) {
        symbols.add(s);
        return this;
    }

    /** Needs these versions from a library; indexes are assigned from 2 upward across all needs. */
    public TestElf needs(String file, String... versions) {
        List<Integer> fl = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        int next = nextIndex();
        for (String v : versions) {
            fl.add(v.startsWith("~") ? VersionNeed.VER_FLG_WEAK : 0);
            idx.add(next++);
        }
        List<String> names = new ArrayList<>();
        for (String v : versions) {
            names.add(v.startsWith("~") ? v.substring(1) : v);
        }
        needs.add(new Need(file, names, fl, idx));
        return this;
    }

    public TestElf defines(int index, int flags, String name, String... parents) {
        defs.add(new Def(index, flags, name, List.of(parents)));
        return this;
    }

    int nextIndex() {
        int max = 1;
        for (Need n : needs) {
            for (int i : n.indexes()) {
                max = Math.max(max, i);
            }
        }
        for (Def d : defs) {
            max = Math.max(max, d.index());
        }
        return max + 1;
    }

    public TestElf x86IsaNeeded(int bits) {
        x86IsaNeededBits = bits;
        return this;
    }

    public TestElf withSections() {
        withSections = true;
        return this;
    }

    // ---- layout ----

    /** Where each part landed, for tests that corrupt a particular field. */
    final Map<String, Integer> offsets = new LinkedHashMap<>();

    public byte[] build() {
        Out o = new Out(bigEndian);
        int ehsize = is64 ? 64 : 52;
        int phentsize = is64 ? 56 : 32;
        int wordSize = is64 ? 8 : 4;
        int nph = 2 + (interpreter != null ? 1 : 0) + (x86IsaNeededBits != null ? 1 : 0);
        o.pad(ehsize + nph * phentsize);

        // strings
        Strtab dynstr = new Strtab();
        for (String n : needed) {
            dynstr.add(n);
        }
        if (soname != null) {
            dynstr.add(soname);
        }
        if (runpath != null) {
            dynstr.add(runpath);
        }
        if (rpath != null) {
            dynstr.add(rpath);
        }
        for (Sym s : symbols) {
            dynstr.add(s.name());
        }
        for (Need n : needs) {
            dynstr.add(n.file());
            n.versions().forEach(dynstr::add);
        }
        for (Def d : defs) {
            dynstr.add(d.name());
            d.parents().forEach(dynstr::add);
        }

        int interpOff = -1;
        if (interpreter != null) {
            interpOff = o.size();
            o.bytes(interpreter.getBytes(StandardCharsets.UTF_8));
            o.u8(0);
        }
        o.align(8);
        int dynstrOff = o.size();
        o.bytes(dynstr.bytes());
        o.align(8);

        int nsyms = symbols.size() + 1;
        int symOff = o.size();
        int symEnt = is64 ? 24 : 16;
        o.pad(symEnt); // null symbol
        for (Sym s : symbols) {
            int info = (s.bind() << 4) | s.type();
            int shndx = s.defined() ? 1 : 0;
            long value = s.defined() ? 0x1000 : 0;
            if (is64) {
                o.u32(dynstr.index(s.name()));
                o.u8(info);
                o.u8(0);
                o.u16(shndx);
                o.u64(value);
                o.u64(8);
            } else {
                o.u32(dynstr.index(s.name()));
                o.u32(value);
                o.u32(8);
                o.u8(info);
                o.u8(0);
                o.u16(shndx);
            }
        }
        offsets.put("dynsym", symOff);
        o.align(8);
        int hashOff = o.size();
        o.u32(1); // nbucket
        o.u32(nsyms); // nchain
        o.u32(0);
        for (int i = 0; i < nsyms; i++) {
            o.u32(0);
        }
        offsets.put("hash", hashOff);

        int versymOff = -1;
        if (!needs.isEmpty() || !defs.isEmpty()) {
            o.align(2);
            versymOff = o.size();
            o.u16(0);
            for (Sym s : symbols) {
                o.u16(s.versionIndex() | (s.hidden() ? 0x8000 : 0));
            }
            offsets.put("versym", versymOff);
        }
        int verneedOff = -1;
        if (!needs.isEmpty()) {
            o.align(4);
            verneedOff = o.size();
            offsets.put("verneed", verneedOff);
            for (int i = 0; i < needs.size(); i++) {
                Need n = needs.get(i);
                int cnt = n.versions().size();
                o.u16(1);
                o.u16(cnt);
                o.u32(dynstr.index(n.file()));
                o.u32(16);
                o.u32(i == needs.size() - 1 ? 0 : 16 + 16 * cnt);
                for (int j = 0; j < cnt; j++) {
                    o.u32(ElfHash.of(n.versions().get(j)));
                    o.u16(n.flags().get(j));
                    o.u16(n.indexes().get(j));
                    o.u32(dynstr.index(n.versions().get(j)));
                    o.u32(j == cnt - 1 ? 0 : 16);
                }
            }
        }
        int verdefOff = -1;
        if (!defs.isEmpty()) {
            o.align(4);
            verdefOff = o.size();
            offsets.put("verdef", verdefOff);
            for (int i = 0; i < defs.size(); i++) {
                Def d = defs.get(i);
                int cnt = 1 + d.parents().size();
                o.u16(1);
                o.u16(d.flags());
                o.u16(d.index());
                o.u16(cnt);
                o.u32(ElfHash.of(d.name()));
                o.u32(20);
                o.u32(i == defs.size() - 1 ? 0 : 20 + 8 * cnt);
                List<String> names = new ArrayList<>();
                names.add(d.name());
                names.addAll(d.parents());
                for (int j = 0; j < cnt; j++) {
                    o.u32(dynstr.index(names.get(j)));
                    o.u32(j == cnt - 1 ? 0 : 8);
                }
            }
        }
        int noteOff = -1;
        int noteSize = 0;
        if (x86IsaNeededBits != null) {
            o.align(8);
            noteOff = o.size();
            int pad = is64 ? 8 : 4;
            int descsz = is64 ? 16 : 12;
            o.u32(4);
            o.u32(descsz);
            o.u32(5); // NT_GNU_PROPERTY_TYPE_0
            o.bytes("GNU\0".getBytes(StandardCharsets.US_ASCII));
            o.u32(0xc0008002); // GNU_PROPERTY_X86_ISA_1_NEEDED
            o.u32(4);
            o.u32(x86IsaNeededBits);
            if (pad == 8) {
                o.u32(0);
            }
            noteSize = o.size() - noteOff;
        }

        // dynamic section
        o.align(8);
        int dynOff = o.size();
        offsets.put("dynamic", dynOff);
        List<long[]> dyn = new ArrayList<>();
        for (String n : needed) {
            dyn.add(new long[] {DynamicEntry.DT_NEEDED, dynstr.index(n)});
        }
        if (soname != null) {
            dyn.add(new long[] {DynamicEntry.DT_SONAME, dynstr.index(soname)});
        }
        if (rpath != null) {
            dyn.add(new long[] {DynamicEntry.DT_RPATH, dynstr.index(rpath)});
        }
        if (runpath != null) {
            dyn.add(new long[] {DynamicEntry.DT_RUNPATH, dynstr.index(runpath)});
        }
        dyn.add(new long[] {DynamicEntry.DT_HASH, hashOff});
        dyn.add(new long[] {DynamicEntry.DT_STRTAB, dynstrOff});
        dyn.add(new long[] {DynamicEntry.DT_SYMTAB, symOff});
        dyn.add(new long[] {DynamicEntry.DT_STRSZ, dynstr.bytes().length});
        dyn.add(new long[] {DynamicEntry.DT_SYMENT, symEnt});
        if (versymOff >= 0) {
            dyn.add(new long[] {DynamicEntry.DT_VERSYM, versymOff});
        }
        if (verneedOff >= 0) {
            dyn.add(new long[] {DynamicEntry.DT_VERNEED, verneedOff});
            dyn.add(new long[] {DynamicEntry.DT_VERNEEDNUM, needs.size()});
        }
        if (verdefOff >= 0) {
            dyn.add(new long[] {DynamicEntry.DT_VERDEF, verdefOff});
            dyn.add(new long[] {DynamicEntry.DT_VERDEFNUM, defs.size()});
        }
        dyn.add(new long[] {DynamicEntry.DT_NULL, 0});
        for (long[] e : dyn) {
            o.word(is64, e[0]);
            o.word(is64, e[1]);
        }
        int dynSize = o.size() - dynOff;

        // optional section headers
        int shoff = 0;
        int shnum = 0;
        int shstrndx = 0;
        if (withSections) {
            Strtab shstr = new Strtab();
            String[] names = {".dynstr", ".dynsym", ".gnu.version", ".gnu.version_r", ".gnu.version_d",
                ".dynamic", ".shstrtab"};
            for (String n : names) {
                shstr.add(n);
            }
            o.align(8);
            int shstrOff = o.size();
            o.bytes(shstr.bytes());
            o.align(8);
            shoff = o.size();
            List<long[]> sh = new ArrayList<>();
            // name, type, flags, addr, offset, size, link, info, align, entsize
            sh.add(new long[10]);
            sh.add(new long[] {shstr.index(".dynstr"), SectionHeader.SHT_STRTAB, 2, dynstrOff, dynstrOff,
                dynstr.bytes().length, 0, 0, 1, 0});
            sh.add(new long[] {shstr.index(".dynsym"), SectionHeader.SHT_DYNSYM, 2, symOff, symOff,
                (long) nsyms * symEnt, 1, 1, 8, symEnt});
            if (versymOff >= 0) {
                sh.add(new long[] {shstr.index(".gnu.version"), SectionHeader.SHT_GNU_VERSYM, 2, versymOff,
                    versymOff, nsyms * 2L, 2, 0, 2, 2});
            }
            if (verneedOff >= 0) {
                sh.add(new long[] {shstr.index(".gnu.version_r"), SectionHeader.SHT_GNU_VERNEED, 2, verneedOff,
                    verneedOff, (verdefOff >= 0 ? verdefOff : dynOff) - verneedOff, 1, needs.size(), 4, 0});
            }
            if (verdefOff >= 0) {
                sh.add(new long[] {shstr.index(".gnu.version_d"), SectionHeader.SHT_GNU_VERDEF, 2, verdefOff,
                    verdefOff, dynOff - verdefOff, 1, defs.size(), 4, 0});
            }
            sh.add(new long[] {shstr.index(".dynamic"), SectionHeader.SHT_DYNAMIC, 3, dynOff, dynOff, dynSize,
                1, 0, 8, is64 ? 16 : 8});
            sh.add(new long[] {shstr.index(".shstrtab"), SectionHeader.SHT_STRTAB, 0, 0, shstrOff,
                shstr.bytes().length, 0, 0, 1, 0});
            shnum = sh.size();
            shstrndx = sh.size() - 1;
            for (long[] s : sh) {
                if (is64) {
                    o.u32(s[0]);
                    o.u32(s[1]);
                    o.u64(s[2]);
                    o.u64(s[3]);
                    o.u64(s[4]);
                    o.u64(s[5]);
                    o.u32(s[6]);
                    o.u32(s[7]);
                    o.u64(s[8]);
                    o.u64(s[9]);
                } else {
                    for (long v : s) {
                        o.u32(v);
                    }
                }
            }
            offsets.put("shdrs", shoff);
        }
        int fileSize = o.size();

        // program headers
        List<long[]> ph = new ArrayList<>();
        // type, flags, offset, vaddr, filesz, memsz, align
        ph.add(new long[] {ProgramHeader.PT_LOAD, 5, 0, 0, fileSize, fileSize, 0x1000});
        if (interpreter != null) {
            ph.add(new long[] {ProgramHeader.PT_INTERP, 4, interpOff, interpOff, interpreter.length() + 1,
                interpreter.length() + 1, 1});
        }
        ph.add(new long[] {ProgramHeader.PT_DYNAMIC, 6, dynOff, dynOff, dynSize, dynSize, 8});
        if (noteOff >= 0) {
            ph.add(new long[] {ProgramHeader.PT_GNU_PROPERTY, 4, noteOff, noteOff, noteSize, noteSize, is64 ? 8 : 4});
        }
        o.at(ehsize);
        offsets.put("phdrs", ehsize);
        for (long[] p : ph) {
            if (is64) {
                o.u32(p[0]);
                o.u32(p[1]);
                o.u64(p[2]);
                o.u64(p[3]);
                o.u64(p[3]);
                o.u64(p[4]);
                o.u64(p[5]);
                o.u64(p[6]);
            } else {
                o.u32(p[0]);
                o.u32(p[2]);
                o.u32(p[3]);
                o.u32(p[3]);
                o.u32(p[4]);
                o.u32(p[5]);
                o.u32(p[1]);
                o.u32(p[6]);
            }
        }

        // file header
        o.at(0);
        o.bytes(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (bigEndian ? 2 : 1), 1,
            (byte) osAbi, 0, 0, 0, 0, 0, 0, 0, 0});
        o.u16(ElfHeader.ET_DYN);
        o.u16(machine);
        o.u32(1);
        o.word(is64, 0);
        o.word(is64, ehsize);
        o.word(is64, shoff);
        o.u32(flags);
        o.u16(ehsize);
        o.u16(phentsize);
        o.u16(ph.size());
        o.u16(is64 ? 64 : 40);
        o.u16(shnum);
        o.u16(shstrndx);
        if (ph.size() != nph) {
            throw new IllegalStateException("program header count");
        }
        return o.toByteArray();
    }

    /** The SysV ELF hash, as version records store it. */
    static final class ElfHash {
        static long of(String s) {
            long h = 0;
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                h = (h << 4) + (b & 0xff);
                long g = h & 0xf0000000L;
                if (g != 0) {
                    h ^= g >>> 24;
                }
                h &= ~g;
            }
            return h & 0xffffffffL;
        }
    }

    static final class Strtab {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Map<String, Integer> index = new LinkedHashMap<>();

        Strtab() {
            out.write(0);
            index.put("", 0);
        }

        void add(String s) {
            if (!index.containsKey(s)) {
                index.put(s, out.size());
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
        }

        int index(String s) {
            return index.get(s);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** A growable byte buffer with a write position and a byte order. */
    static final class Out {
        private byte[] buf = new byte[256];
        private int pos;
        private int size;
        private final boolean be;

        Out(boolean be) {
            this.be = be;
        }

        int size() {
            return size;
        }

        void at(int p) {
            pos = p;
        }

        void u8(int v) {
            if (pos >= buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[pos++] = (byte) v;
            size = Math.max(size, pos);
        }

        void u16(long v) {
            if (be) {
                u8((int) (v >>> 8));
                u8((int) v);
            } else {
                u8((int) v);
                u8((int) (v >>> 8));
            }
        }

        void u32(long v) {
            if (be) {
                u16(v >>> 16);
                u16(v);
            } else {
                u16(v);
                u16(v >>> 16);
            }
        }

        void u64(long v) {
            if (be) {
                u32(v >>> 32);
                u32(v);
            } else {
                u32(v);
                u32(v >>> 32);
            }
        }

        void word(boolean is64, long v) {
            if (is64) {
                u64(v);
            } else {
                u32(v);
            }
        }

        void bytes(byte[] b) {
            for (byte x : b) {
                u8(x);
            }
        }

        void pad(int n) {
            for (int i = 0; i < n; i++) {
                u8(0);
            }
        }

        void align(int a) {
            pos = size;
            while (pos % a != 0) {
                u8(0);
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }
}
