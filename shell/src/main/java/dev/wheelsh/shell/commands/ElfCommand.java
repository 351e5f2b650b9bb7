package dev.wheelsh.shell.commands;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.TerminalText;
import dev.wheelsh.core.elf.DynamicInfo;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfHeader;
import dev.wheelsh.core.elf.ElfMachine;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.elf.VersionDefinition;
import dev.wheelsh.core.elf.VersionNames;
import dev.wheelsh.core.elf.VersionNeed;
import dev.wheelsh.core.macho.MachOFile;
import dev.wheelsh.core.macho.MachOReader;
import dev.wheelsh.core.pe.PeFile;
import dev.wheelsh.core.pe.PeReader;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.shell.io.ReadLimits;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.Rows;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelsh elf FILE}: what one ELF object needs from the machine that loads it; a Mach-O or
 * PE file (macOS, iOS, Windows) is shown with the facts of its own format.
 */
@Command(name = "elf",
        footer = {"", "Examples:", "  wheelsh elf build/_ext.cpython-313-x86_64-linux-gnu.so", "  wheelsh elf dist/pkg-1.0-cp313-cp313-manylinux_2_38_loongarch64.whl!pkg/_ext.so --json"}, description = "Show what an ELF library or program needs: machine, ABI, loader, "
        + "libraries, symbol versions, Python entry points, LoongArch world. A Mach-O file shows its slices, minimum "
        + "OS versions, libraries and rpaths; a PE file its machine and imported DLLs.")
final class ElfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The ELF file (a .so, an extension module, a program), or "
            + "WHEEL!MEMBER for a member of a wheel, read in place; a wheel alone lists its ELF, Mach-O and PE members.")
    String target;

    @Option(names = "--json", description = "Print the facts as JSON (schema: docs/cli.md, \"wheelsh elf\").")
    boolean json;

    @Override
    public Integer call() throws InputException {
        Path file = Path.of(target);
        if (target.endsWith(".whl") && Files.isRegularFile(file)) {
            return listMembers(file);
        }
        Optional<Object> other = readMachOOrPe(target);
        if (other.isPresent()) {
            PrintWriter out = spec.commandLine().getOut();
            if (other.get() instanceof MachOFile m) {
                if (json) {
                    out.println(Json.pretty(ObjectFacts.json(m)));
                } else {
                    ObjectFacts.printText(m, out);
                }
            } else if (other.get() instanceof PeFile p) {
                if (json) {
                    out.println(Json.pretty(ObjectFacts.json(p)));
                } else {
                    ObjectFacts.printText(p, out);
                }
            }
            out.flush();
            return 0;
        }
        ElfFile elf = read(target);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> facts = facts(elf);
        if (json) {
            out.println(Json.pretty(facts));
        } else {
            printText(elf, out);
        }
        out.flush();
        return 0;
    }

    /**
     * Reads a file, or a wheel member named WHEEL!MEMBER (split at the first "!" after which the
     * part before is an existing file; a plain path containing "!" still works).
     */
    static ElfFile read(String target) throws InputException {
        Path file = Path.of(target);
        int bang = target.indexOf('!');
        if (!Files.exists(file) && bang > 0 && Files.isRegularFile(Path.of(target.substring(0, bang)))) {
            Path wheel = Path.of(target.substring(0, bang));
            String member = target.substring(bang + 1);
            try (WheelArchive w = WheelArchive.open(wheel, ReadLimits.wheel())) {
                if (w.member(member).isEmpty()) {
                    throw new InputException(wheel.getFileName() + ": no member " + ElfReader.printable(member)
                            + " (native members: " + nativeMemberNames(w) + ")");
                }
                return w.readElf(member);
            } catch (java.io.IOException e) {
                throw new InputException(wheel + ": cannot close: " + e.getMessage(), e);
            }
        }
        if (!Files.exists(file)) {
            throw new InputException(target + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(target + ": not a regular file");
        }
        return ElfReader.read(file);
    }

    /**
     * A Mach-O or PE file, or a wheel member of those formats, read whole; empty for anything else
     * (which {@link #read} then reads as ELF, or rejects as it always did).
     */
    static Optional<Object> readMachOOrPe(String target) throws InputException {
        Path file = Path.of(target);
        int bang = target.indexOf('!');
        if (!Files.exists(file) && bang > 0 && Files.isRegularFile(Path.of(target.substring(0, bang)))) {
            Path wheel = Path.of(target.substring(0, bang));
            String member = target.substring(bang + 1);
            try (WheelArchive w = WheelArchive.open(wheel)) {
                if (w.member(member).isEmpty()) {
                    return Optional.empty();
                }
                byte[] head = w.head(member, 8);
                if (MachOReader.isMachO(head)) {
                    return Optional.of(w.readWith(member, MachOReader::read));
                }
                if (PeReader.isPe(head)) {
                    return Optional.of(w.readWith(member, PeReader::read));
                }
                return Optional.empty();
            } catch (java.io.IOException e) {
                throw new InputException(wheel + ": cannot close: " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(file) || target.endsWith(".whl")) {
            return Optional.empty();
        }
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (java.io.IOException e) {
            throw new InputException(target + ": cannot read: " + e.getMessage(), e);
        }
        if (MachOReader.isMachO(head)) {
            return Optional.of(MachOReader.read(file));
        }
        if (PeReader.isPe(head)) {
            return Optional.of(PeReader.read(file));
        }
        return Optional.empty();
    }

    /** A member of a wheel that holds native code, and its object format ("ELF", "Mach-O", "PE"), found by content. */
    record NativeMember(String name, String format, long size) {
    }

    /**
     * The members whose first bytes are those of an ELF, Mach-O or PE file, whatever their names, in
     * the wheel's order: the formats the readers (and the checks, WH327) tell apart.
     */
    static List<NativeMember> nativeMembers(WheelArchive w) throws InputException {
        List<NativeMember> out = new ArrayList<>();
        for (WheelArchive.Member m : w.members()) {
            if (m.directory() || m.size() < 8) {
                continue; // no object file is this short
            }
            byte[] head = w.head(m.name(), 8);
            String format = ElfReader.isElf(head) ? "ELF" : MachOReader.isMachO(head) ? "Mach-O" : PeReader.isPe(head) ? "PE" : null;
            if (format != null) {
                out.add(new NativeMember(m.name(), format, m.size()));
            }
        }
        return out;
    }

    static String nativeMemberNames(WheelArchive w) throws InputException {
        List<String> names = nativeMembers(w).stream().map(m -> m.name() + " (" + m.format() + ")").toList();
        if (names.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", names.subList(0, Math.min(8, names.size())));
        return names.size() > 8 ? shown + ", and " + (names.size() - 8) + " more" : shown;
    }

    /**
     * A wheel given alone: its native members with their formats, so the next command can name one
     * as WHEEL!MEMBER (exit 0; the wheel was read). JSON schema: docs/schemas/elf-members.schema.json.
     */
    int listMembers(Path wheel) throws InputException {
        List<NativeMember> members;
        try (WheelArchive w = WheelArchive.open(wheel, ReadLimits.wheel())) {
            members = nativeMembers(w);
        } catch (java.io.IOException e) {
            throw new InputException(wheel + ": cannot close: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        String name = wheel.getFileName().toString();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("wheel", name);
            List<Map<String, Object>> list = new ArrayList<>();
            for (NativeMember m : members) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", m.name());
                e.put("format", m.format().toLowerCase(java.util.Locale.ROOT)); // as the Mach-O and PE documents spell it
                e.put("size", m.size());
                list.add(e);
            }
            doc.put("native_members", list);
            out.println(Json.pretty(doc));
        } else if (members.isEmpty()) {
            out.println(TerminalText.safe(name + ": no native members (no ELF, Mach-O or PE file)"));
        } else {
            out.println(TerminalText.safe(name + ": " + members.size() + (members.size() == 1 ? " native member" : " native members")
                    + "; name one as " + name + "!MEMBER"));
            for (NativeMember m : members) {
                out.println(TerminalText.safe("  " + Rows.pad(m.format(), 7) + " " + m.name()));
            }
        }
        out.flush();
        return 0;
    }

    /** The JSON document; its schema is documented in docs/cli.md. */
    static Map<String, Object> facts(ElfFile f) {
        ElfHeader h = f.header();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.name());
        m.put("class", h.className());
        m.put("byte_order", h.bigEndian() ? "big" : "little");
        m.put("type", h.typeName());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("number", h.machine());
        machine.put("name", ElfMachine.description(h.machine()));
        machine.put("arch", f.platformArch());
        m.put("machine", machine);
        m.put("flags", String.format("0x%x", h.flags()));
        m.put("abi", f.machineAbi().describe());
        m.put("interpreter", f.interpreter().orElse(null));
        DynamicInfo d = f.dynamic().orElse(null);
        m.put("soname", d == null ? null : d.soname().orElse(null));
        m.put("needed", f.needed());
        m.put("rpath", d == null ? null : d.rpath().orElse(null));
        m.put("runpath", d == null ? null : d.runpath().orElse(null));
        List<Map<String, Object>> needs = new ArrayList<>();
        for (VersionNeed n : f.versionNeeds()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("library", n.file());
            List<Map<String, Object>> versions = new ArrayList<>();
            for (VersionNeed.Entry v : n.entries()) {
                Map<String, Object> ve = new LinkedHashMap<>();
                ve.put("name", v.name());
                ve.put("weak", v.weak());
                versions.add(ve);
            }
            e.put("versions", versions);
            e.put("highest", HighestVersions.of(n));
            needs.add(e);
        }
        m.put("version_needs", needs);
        List<Map<String, Object>> defs = new ArrayList<>();
        for (VersionDefinition v : f.versionDefinitions()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", v.index());
            e.put("name", v.name());
            e.put("base", v.base());
            e.put("parents", v.parents());
            defs.add(e);
        }
        m.put("version_definitions", defs);
        m.put("dynamic_symbols", f.symbols().size());
        m.put("imported_symbols", f.importedSymbols().size());
        m.put("x86_isa_level", f.x86IsaLevel().isPresent() ? f.x86IsaLevel().getAsInt() : null);
        m.put("py_init", f.pyInitSymbols());
        Optional<LoongArchWorld> w = LoongArchWorld.of(f);
        if (w.isPresent()) {
            Map<String, Object> lw = new LinkedHashMap<>();
            lw.put("world", w.get().world().name().toLowerCase(java.util.Locale.ROOT));
            lw.put("evidence", w.get().evidence());
            lw.put("consequence", w.get().consequence());
            m.put("loongarch_world", lw);
        } else {
            m.put("loongarch_world", null);
        }
        return m;
    }

    static void printText(ElfFile f, PrintWriter out) {
        ElfHeader h = f.header();
        out.println(ElfReader.printable(f.name()));
        row(out, "machine", ElfMachine.description(h.machine()) + " (" + f.platformArch() + "), " + h.className()
                + " " + h.endianName() + ", " + typeWords(h));
        List<String> abi = f.machineAbi().describe();
        if (!abi.isEmpty()) {
            row(out, "ABI", String.join("; ", abi) + String.format(" (e_flags 0x%x)", h.flags()));
        }
        row(out, "interpreter", f.interpreter().orElse("none"));
        f.soname().ifPresent(s -> row(out, "soname", s));
        row(out, "needs", f.needed().isEmpty() ? "no libraries" : String.join(", ", f.needed()));
        f.dynamic().flatMap(DynamicInfo::rpath).ifPresent(s -> row(out, "rpath", s));
        f.dynamic().flatMap(DynamicInfo::runpath).ifPresent(s -> row(out, "runpath", s));
        if (f.versionNeeds().isEmpty()) {
            row(out, "versions", "asks for no symbol versions");
        } else {
            row(out, "versions", "highest version asked of each library (all: --json)");
            for (VersionNeed n : f.versionNeeds()) {
                Map<String, String> hi = HighestVersions.of(n);
                List<String> weak = n.entries().stream().filter(VersionNeed.Entry::weak).map(VersionNeed.Entry::name).toList();
                String text = hi.isEmpty() ? "only unnumbered versions" : String.join(", ", hi.values());
                if (!weak.isEmpty()) {
                    text += "; weak (optional): " + String.join(", ", weak);
                }
                out.println(TerminalText.safe("    " + Rows.pad(n.file(), 22) + " " + text + "  (" + n.entries().size()
                        + (n.entries().size() == 1 ? " version)" : " versions)")));
            }
        }
        if (!f.versionDefinitions().isEmpty()) {
            List<String> names = f.versionDefinitions().stream().filter(v -> !v.base()).map(VersionDefinition::name).toList();
            Map<String, String> hi = VersionNames.highestPerFamily(names);
            row(out, "defines", names.size() + " symbol versions" + (hi.isEmpty() ? "" : ", up to " + String.join(", ", hi.values())));
        }
        row(out, "symbols", f.symbols().size() + " dynamic, " + f.importedSymbols().size() + " imported");
        if (f.x86IsaLevel().isPresent()) {
            int level = f.x86IsaLevel().getAsInt();
            row(out, "x86-64 level", level <= 1 ? "baseline (x86-64-v1)" : "x86-64-v" + level + " (needs a CPU of that level)");
        }
        if (!f.pyInitSymbols().isEmpty()) {
            row(out, "Python module", String.join(", ", f.pyInitSymbols()) + " (a CPython extension module)");
        }
        LoongArchWorld.of(f).ifPresent(w -> {
            row(out, "LoongArch", switch (w.world()) {
                case OLD -> "old world (ABI1.0)";
                case NEW -> "new world (ABI2.0)";
                case PRE_RELEASE -> "pre-release new world (loads in neither world)";
                case CONFLICTING -> "conflicting markers";
                case UNDECIDED -> "world undecided";
            });
            for (String e : w.evidence()) {
                out.println(TerminalText.safe("    - " + e));
            }
            out.println(TerminalText.safe("    => " + w.consequence()));
        });
    }

    static String typeWords(ElfHeader h) {
        return switch (h.type()) {
            case ElfHeader.ET_DYN -> "shared object (DYN)";
            case ElfHeader.ET_EXEC -> "executable (EXEC)";
            case ElfHeader.ET_REL -> "relocatable object (REL)";
            case ElfHeader.ET_CORE -> "core dump (CORE)";
            default -> "type " + h.typeName();
        };
    }

    static void row(PrintWriter out, String key, String value) {
        out.println("  " + Rows.pad(key, 14) + " " + ElfReader.printable(value));
    }
}
