package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every ELF object of the fetched corpus (Debian libraries of many architectures, native
 * libraries from npm and Maven packages, musl's loader) read by wheelsh gives the same facts as
 * {@code readelf -W -h -l -d -V --dyn-syms -n}: header fields, program headers, dynamic entries,
 * version needs and definitions, dynamic symbols with their versions, and the x86-64 ISA level
 * from the GNU property note.
 */
class ReadelfDifferentialTest {

    @TestFactory
    Stream<DynamicTest> wheelshAgreesWithReadelfOnEveryCorpusObject() throws IOException {
        Optional<Path> readelf = Corpus.onPath("readelf");
        assumeTrue(readelf.isPresent(), "readelf (binutils) is not on PATH; the ELF differential test needs it");
        assumeTrue(Files.isDirectory(Corpus.corpusDir()),
                "no .corpus/ folder: run scripts/fetch-test-inputs.sh to fetch the real ELF corpus");
        List<Path> files = Corpus.elfFiles();
        assumeTrue(!files.isEmpty(), ".corpus/ holds no ELF files: run scripts/fetch-test-inputs.sh");
        Path root = Corpus.repoRoot();
        return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(),
                () -> compare(readelf.get(), f)));
    }

    static void compare(Path readelf, Path file) throws IOException, InterruptedException, InputException {
        ProcessBuilder pb = new ProcessBuilder(readelf.toString(), "-W", "-h", "-l", "-d", "-V", "--dyn-syms", "-n",
                file.toString());
        pb.environment().put("LC_ALL", "C");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        ReadelfOutput ref = ReadelfOutput.parse(out);
        ElfFile ours = ElfReader.read(file);
        List<String> diffs = new ArrayList<>();
        compareHeader(ref, ours, diffs);
        comparePhdrs(ref, ours, diffs);
        compareDynamic(ref, ours, diffs);
        compareVersions(ref, ours, diffs);
        compareSymbols(ref, ours, diffs);
        same(diffs, "x86 ISA needed", ref.x86IsaNeeded, ours.x86IsaLevel().isPresent() ? ours.x86IsaLevel().getAsInt() : -1);
        assertTrue(diffs.isEmpty(), () -> file + " differs from readelf in " + diffs.size() + " places; first: "
                + String.join("\n  ", diffs.subList(0, Math.min(12, diffs.size()))));
    }

    static void same(List<String> diffs, String what, Object readelf, Object ours) {
        if (!String.valueOf(readelf).equals(String.valueOf(ours))) {
            diffs.add(what + ": readelf " + readelf + ", wheelsh " + ours);
        }
    }

    static long num(String s) {
        s = s.trim();
        int sp = s.indexOf(' ');
        if (sp > 0) {
            s = s.substring(0, sp);
        }
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    }

    static void compareHeader(ReadelfOutput ref, ElfFile f, List<String> diffs) {
        Map<String, String> h = ref.header;
        ElfHeader e = f.header();
        same(diffs, "class", h.get("Class"), e.className());
        same(diffs, "byte order", h.get("Data").contains("big endian"), e.bigEndian());
        same(diffs, "type", h.get("Type").split(" ")[0], e.typeName());
        if (ElfMachine.known(e.machine())) {
            same(diffs, "machine", h.get("Machine"), ElfMachine.description(e.machine()));
        }
        same(diffs, "ABI version", num(h.get("ABI Version")), e.abiVersion());
        same(diffs, "entry", num(h.get("Entry point address")), e.entry());
        same(diffs, "phoff", num(h.get("Start of program headers")), e.phoff());
        same(diffs, "shoff", num(h.get("Start of section headers")), e.shoff());
        same(diffs, "flags", num(h.get("Flags").split(",")[0]), Integer.toUnsignedLong(e.flags()));
        same(diffs, "phnum", num(h.get("Number of program headers")), e.phnum());
        same(diffs, "shnum", num(h.get("Number of section headers")), e.shnum());
        same(diffs, "shstrndx", num(h.get("Section header string table index")), e.shstrndx());
    }

    static void comparePhdrs(ReadelfOutput ref, ElfFile f, List<String> diffs) {
        same(diffs, "program header count", ref.phdrs.size(), f.programHeaders().size());
        for (int i = 0; i < Math.min(ref.phdrs.size(), f.programHeaders().size()); i++) {
            String[] r = ref.phdrs.get(i);
            ProgramHeader p = f.programHeaders().get(i);
            String ourType = p.typeName();
            if (!ourType.startsWith("0x")) {
                same(diffs, "phdr " + i + " type", r[0], ourType);
            }
            String flg = ((p.flags() & 4) != 0 ? "R" : " ") + ((p.flags() & 2) != 0 ? "W" : " ")
                    + ((p.flags() & 1) != 0 ? "E" : " ");
            same(diffs, "phdr " + i, String.join(" ", r[1], r[2], r[3], r[4], r[5], r[6].trim(), r[7]),
                    String.join(" ", hex(p.offset()), hex(p.vaddr()), hex(p.paddr()), hex(p.filesz()),
                            hex(p.memsz()), flg.trim(), hex(p.align())));
        }
        same(diffs, "interpreter", ref.interpreter, f.interpreter().orElse(null));
    }

    static String hex(long v) {
        return Long.toHexString(v);
    }

    static void compareDynamic(ReadelfOutput ref, ElfFile f, List<String> diffs) {
        List<DynamicEntry> ours = f.dynamic().map(DynamicInfo::entries).orElse(List.of());
        same(diffs, "dynamic entry count", ref.dynamic.size(), ours.size());
        for (int i = 0; i < Math.min(ref.dynamic.size(), ours.size()); i++) {
            String[] r = ref.dynamic.get(i);
            DynamicEntry e = ours.get(i);
            long tag = Long.parseUnsignedLong(r[0], 16);
            if (!f.header().is64()) {
                tag = (int) tag;
            }
            same(diffs, "dynamic " + i + " tag", hex(tag), hex(e.tag()));
            String v = r[2];
            if (v.matches("0x[0-9a-f]+")) {
                same(diffs, "dynamic " + i + " (" + r[1] + ") value", v.substring(2), hex(e.value()));
            }
        }
        DynamicInfo d = f.dynamic().orElse(null);
        same(diffs, "needed", ref.bracketed("NEEDED"), d == null ? List.of() : d.needed());
        same(diffs, "soname", ref.bracketed("SONAME"), d == null ? List.of() : d.soname().stream().toList());
        same(diffs, "rpath", ref.bracketed("RPATH"), d == null ? List.of() : d.rpath().stream().toList());
        same(diffs, "runpath", ref.bracketed("RUNPATH"), d == null ? List.of() : d.runpath().stream().toList());
    }

    static void compareVersions(ReadelfOutput ref, ElfFile f, List<String> diffs) {
        if (ref.sawVersionSections || !f.sections().isEmpty()) {
            List<String> needs = new ArrayList<>();
            for (VersionNeed n : f.versionNeeds()) {
                needs.add("File " + n.file());
                for (VersionNeed.Entry e : n.entries()) {
                    needs.add("  " + e.name() + " " + needFlags(e.flags()) + " " + e.index());
                }
            }
            same(diffs, "version needs", ref.needs, needs);
            List<String> defs = new ArrayList<>();
            for (VersionDefinition d : f.versionDefinitions()) {
                defs.add(d.index() + " " + d.name() + (d.base() ? " BASE" : "") + " " + d.parents());
            }
            same(diffs, "version definitions", ref.defs, defs);
        }
    }

    static String needFlags(int flags) {
        List<String> w = new ArrayList<>();
        if ((flags & VersionDefinition.VER_FLG_BASE) != 0) {
            w.add("BASE");
        }
        if ((flags & VersionNeed.VER_FLG_WEAK) != 0) {
            w.add("WEAK");
        }
        if ((flags & VersionNeed.VER_FLG_INFO) != 0) {
            w.add("INFO");
        }
        return w.isEmpty() ? "none" : String.join(" | ", w);
    }

    static void compareSymbols(ReadelfOutput ref, ElfFile f, List<String> diffs) {
        if (ref.symbols.isEmpty() && f.sections().isEmpty()) {
            return; // readelf without section headers may list none
        }
        same(diffs, "dynamic symbol count", ref.symbols.size(), f.symbols().size());
        int shown = 0;
        for (int i = 0; i < Math.min(ref.symbols.size(), f.symbols().size()) && shown < 20; i++) {
            DynamicSymbol s = f.symbols().get(i);
            String type = s.typeName().startsWith("<") ? ref.symbols.get(i).split(" ")[2] : s.typeName();
            String ours = String.join(" ", Long.toHexString(s.value()), Long.toString(s.size()), type,
                    s.bindName(), s.visibilityName(), ndx(s.shndx()), display(f, s));
            if (!ref.symbols.get(i).equals(ours)) {
                diffs.add("symbol " + i + ": readelf " + ref.symbols.get(i) + ", wheelsh " + ours);
                shown++;
            }
        }
    }

    static String ndx(int shndx) {
        return switch (shndx) {
            case 0 -> "UND";
            case 0xfff1 -> "ABS";
            case 0xfff2 -> "COM";
            default -> Integer.toString(shndx);
        };
    }

    static String display(ElfFile f, DynamicSymbol s) {
        if (s.type() == 3 && s.name().isEmpty() && s.shndx() < f.sections().size()) {
            return f.sections().get(s.shndx()).name(); // readelf names section symbols after their section
        }
        if (s.version().isEmpty()) {
            return s.name();
        }
        DynamicSymbol.SymbolVersion v = s.version().get();
        if (s.shndx() == 0xfff1 && v.name().equals(s.name()) && v.library().isEmpty()) {
            return s.name(); // readelf shows a version's own definition symbol without the version
        }
        if (f.header().osAbi() == 6) {
            // readelf 2.40 reads .SUNW_versym of Solaris objects from the wrong place (its -V listing
            // starts with the ELF magic), so its versions there are not a reference.
            return s.name();
        }
        boolean info = f.versionNeeds().stream().flatMap(n -> n.entries().stream())
                .anyMatch(e -> e.index() == v.index() && e.informational());
        if (info) {
            return s.name(); // readelf hides Solaris informational (VER_FLG_INFO) versions
        }
        if (v.library().isPresent() || !s.defined()) {
            return s.name() + "@" + v.name() + " (" + v.index() + ")";
        }
        return s.name() + (v.hidden() ? "@" : "@@") + v.name();
    }

    /** The parts of readelf's text output the comparison uses. */
    static final class ReadelfOutput {
        final Map<String, String> header = new java.util.HashMap<>();
        final List<String[]> phdrs = new ArrayList<>();
        String interpreter;
        final List<String[]> dynamic = new ArrayList<>();
        final List<String> needs = new ArrayList<>();
        final List<String> defs = new ArrayList<>();
        boolean sawVersionSections;
        final List<String> symbols = new ArrayList<>();
        int x86IsaNeeded = -1;

        private static final Pattern HEADER = Pattern.compile("^  ([^:]+):\\s+(.*?)\\s*$");
        private static final Pattern PHDR = Pattern.compile(
                "^  (\\S+)\\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) (.{3}) 0x([0-9a-f]+)$");
        private static final Pattern PHDR_ALIGN0 = Pattern.compile(
                "^  (\\S+)\\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) (.{3}) (0)$");
        private static final Pattern INTERP = Pattern.compile("^\\s+\\[Requesting program interpreter: (.*)]$");
        private static final Pattern DYN = Pattern.compile("^ 0x([0-9a-f]+) \\((\\S+)\\)\\s+(.*)$");
        private static final Pattern NEED_FILE = Pattern.compile("^  \\S+: Version: \\d+\\s+File: (.*)\\s+Cnt: \\d+$");
        private static final Pattern NEED_ENTRY = Pattern.compile("^  \\S+:   Name: (.*)\\s+Flags: (.*)\\s+Version: (\\d+)$");
        private static final Pattern DEF = Pattern.compile(
                "^  \\S+: Rev: \\d+\\s+Flags: (.*)\\s+Index: (\\d+)\\s+Cnt: \\d+\\s+Name: (.*)$");
        private static final Pattern DEF_PARENT = Pattern.compile("^  \\S+: Parent \\d+: (.*)$");
        private static final Pattern SYM = Pattern.compile(
                "^\\s*\\d+: ([0-9a-f]+)\\s+(0x[0-9a-f]+|\\d+) (\\S+)\\s+(\\S+)\\s+(\\S+)(?: \\[[^]]*])?\\s+(\\S+) ?(.*)$");

        static ReadelfOutput parse(String text) {
            ReadelfOutput r = new ReadelfOutput();
            String mode = "";
            List<String> parents = null;
            String pendingDef = null;
            for (String line : text.split("\n")) {
                int isa = line.indexOf("x86 ISA needed: ");
                if (isa >= 0) {
                    // "x86-64-baseline, x86-64-v2": the highest level named is the one needed.
                    for (String level : line.substring(isa + 16).split(",\\s*")) {
                        int n = switch (level.trim()) {
                            case "x86-64-baseline" -> 1;
                            case "x86-64-v2" -> 2;
                            case "x86-64-v3" -> 3;
                            case "x86-64-v4" -> 4;
                            default -> -1;
                        };
                        r.x86IsaNeeded = Math.max(r.x86IsaNeeded, n);
                    }
                    continue;
                }
                if (line.startsWith("ELF Header:")) {
                    mode = "h";
                    continue;
                } else if (line.startsWith("Program Headers:")) {
                    mode = "l";
                    continue;
                } else if (line.startsWith(" Section to Segment mapping")) {
                    mode = "";
                    continue;
                } else if (line.startsWith("Dynamic section at offset")) {
                    mode = "d";
                    continue;
                } else if (line.startsWith("Version needs section")) {
                    mode = "vn";
                    r.sawVersionSections = true;
                    continue;
                } else if (line.startsWith("Version definition section")) {
                    mode = "vd";
                    r.sawVersionSections = true;
                    continue;
                } else if (line.startsWith("Version symbols section")) {
                    mode = "";
                    continue;
                } else if (line.startsWith("Symbol table")) {
                    mode = "s";
                    continue;
                }
                Matcher m;
                switch (mode) {
                    case "h" -> {
                        m = HEADER.matcher(line);
                        if (m.matches()) {
                            r.header.putIfAbsent(m.group(1), m.group(2));
                        }
                    }
                    case "l" -> {
                        m = PHDR.matcher(line);
                        if (!m.matches()) {
                            m = PHDR_ALIGN0.matcher(line);
                        }
                        if (m.matches()) {
                            String[] row = new String[8];
                            for (int i = 0; i < 8; i++) {
                                row[i] = m.group(i + 1);
                            }
                            for (int i = 1; i <= 5; i++) {
                                row[i] = Long.toHexString(Long.parseUnsignedLong(row[i], 16));
                            }
                            row[7] = Long.toHexString(Long.parseUnsignedLong(row[7], 16));
                            r.phdrs.add(row);
                        } else if ((m = INTERP.matcher(line)).matches()) {
                            r.interpreter = m.group(1);
                        }
                    }
                    case "d" -> {
                        m = DYN.matcher(line);
                        if (m.matches() && Long.parseUnsignedLong(m.group(1), 16) != 0) {
                            r.dynamic.add(new String[] {m.group(1), m.group(2), m.group(3).trim()});
                        }
                    }
                    case "vn" -> {
                        if ((m = NEED_FILE.matcher(line)).matches()) {
                            r.needs.add("File " + m.group(1).trim());
                        } else if ((m = NEED_ENTRY.matcher(line)).matches()) {
                            r.needs.add("  " + m.group(1).trim() + " " + m.group(2).trim() + " " + m.group(3));
                        }
                    }
                    case "vd" -> {
                        if ((m = DEF.matcher(line)).matches()) {
                            if (pendingDef != null) {
                                r.defs.add(pendingDef + " " + parents);
                            }
                            String flags = m.group(1).trim();
                            pendingDef = m.group(2) + " " + m.group(3).trim() + (flags.contains("BASE") ? " BASE" : "");
                            parents = new ArrayList<>();
                        } else if ((m = DEF_PARENT.matcher(line)).matches() && parents != null) {
                            parents.add(m.group(1).trim());
                        }
                    }
                    case "s" -> {
                        m = SYM.matcher(line);
                        if (m.matches()) {
                            String size = m.group(2);
                            long sz = size.startsWith("0x") ? Long.parseUnsignedLong(size.substring(2), 16) : Long.parseLong(size);
                            r.symbols.add(String.join(" ", Long.toHexString(Long.parseUnsignedLong(m.group(1), 16)),
                                    Long.toString(sz), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)));
                        }
                    }
                    default -> {
                    }
                }
                if (!mode.equals("vd") && pendingDef != null) {
                    r.defs.add(pendingDef + " " + parents);
                    pendingDef = null;
                }
            }
            if (pendingDef != null) {
                r.defs.add(pendingDef + " " + parents);
            }
            return r;
        }

        List<String> bracketed(String type) {
            List<String> out = new ArrayList<>();
            for (String[] d : dynamic) {
                if (d[1].equals(type)) {
                    int a = d[2].indexOf('[');
                    int b = d[2].lastIndexOf(']');
                    out.add(a >= 0 && b > a ? d[2].substring(a + 1, b) : d[2]);
                }
            }
            return out;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
