package dev.wheelsh.shell.commands;

import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.macho.MachOFile;
import dev.wheelsh.core.macho.MachOFile.BuildVersion;
import dev.wheelsh.core.macho.MachOFile.Dylib;
import dev.wheelsh.core.macho.MachOFile.Slice;
import dev.wheelsh.core.pe.PeFile;
import dev.wheelsh.shell.io.Rows;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of a Mach-O or PE file as {@code wheelsh elf} prints them (text and JSON; schemas
 * docs/schemas/macho.schema.json and pe.schema.json), and the one-line summaries {@code show}
 * gives of such members.
 */
final class ObjectFacts {

    private ObjectFacts() {
    }

    static Map<String, Object> json(MachOFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.name());
        m.put("format", "mach-o");
        m.put("universal", f.fat());
        List<Map<String, Object>> slices = new ArrayList<>();
        for (Slice s : f.slices()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("arch", s.arch());
            e.put("cputype", String.format("0x%x", s.cpuType()));
            e.put("filetype", s.fileType());
            e.put("offset", s.offset());
            e.put("size", s.size());
            List<Map<String, Object>> versions = new ArrayList<>();
            for (BuildVersion v : s.versions()) {
                Map<String, Object> ve = new LinkedHashMap<>();
                ve.put("command", v.command());
                ve.put("platform", v.platform().word());
                ve.put("minos", v.minos().toString());
                ve.put("sdk", v.sdk().toString());
                versions.add(ve);
            }
            e.put("versions", versions);
            List<Map<String, Object>> dylibs = new ArrayList<>();
            for (Dylib d : s.dylibs()) {
                Map<String, Object> de = new LinkedHashMap<>();
                de.put("command", d.kind().command());
                de.put("name", d.name());
                dylibs.add(de);
            }
            e.put("dylibs", dylibs);
            e.put("id", s.id().orElse(null));
            e.put("rpaths", s.rpaths());
            slices.add(e);
        }
        m.put("slices", slices);
        return m;
    }

    static Map<String, Object> json(PeFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.name());
        m.put("format", "pe");
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("number", f.machine());
        machine.put("name", f.machineName());
        machine.put("platform_tag", f.platformTag());
        m.put("machine", machine);
        m.put("characteristics", String.format("0x%x", f.characteristics()));
        m.put("dll", f.isDll());
        m.put("pe32_plus", f.pe32Plus());
        m.put("subsystem", f.subsystem());
        m.put("subsystem_version", f.subsystemVersion());
        m.put("os_version", f.operatingSystemVersion());
        m.put("imports", f.imports());
        m.put("delay_imports", f.delayImports());
        return m;
    }

    static void printText(MachOFile f, PrintWriter out) {
        out.println(ElfReader.printable(f.name()));
        row(out, "format", f.fat() ? "Mach-O universal file, " + f.slices().size() + (f.slices().size() == 1 ? " slice" : " slices")
                + " (" + String.join(", ", f.arches()) + ")" : "Mach-O (" + f.slices().get(0).arch() + ")");
        for (Slice s : f.slices()) {
            String indent = f.fat() ? "  " : "";
            if (f.fat()) {
                out.println("  " + s.arch());
            }
            row(out, indent + "minimum", s.versions().isEmpty() ? "no version command"
                    : String.join(", ", s.versions().stream().map(v -> v.platform().word() + " " + v.minos() + " (" + v.command() + ")").toList()));
            s.id().ifPresent(id -> row(out, indent + "id", id));
            row(out, indent + "loads", s.dylibs().isEmpty() ? "no libraries"
                    : String.join(", ", s.dylibs().stream().map(d -> d.name() + (d.kind() == MachOFile.DylibKind.LOAD ? "" : " ("
                    + d.kind().command() + ")")).toList()));
            if (!s.rpaths().isEmpty()) {
                row(out, indent + "rpaths", String.join(", ", s.rpaths()));
            }
        }
    }

    static void printText(PeFile f, PrintWriter out) {
        out.println(ElfReader.printable(f.name()));
        row(out, "machine", f.machineName() + " (" + f.platformTag() + "), " + (f.pe32Plus() ? "PE32+" : "PE32") + ", "
                + (f.isDll() ? "DLL" : "executable"));
        row(out, "subsystem", f.subsystem() + " (version " + f.subsystemVersion() + ", OS version " + f.operatingSystemVersion() + ")");
        row(out, "imports", f.imports().isEmpty() ? "no DLLs" : String.join(", ", f.imports()));
        if (!f.delayImports().isEmpty()) {
            row(out, "delay-loads", String.join(", ", f.delayImports()));
        }
    }

    /** One line for {@code show}: the member, its slices and the highest minimum macOS/iOS version. */
    static String summary(String member, MachOFile f) {
        List<String> parts = new ArrayList<>();
        for (Slice s : f.slices()) {
            parts.add(s.arch() + s.minimum().map(v -> " " + v.platform().word() + " " + v.minos()).orElse(""));
        }
        return member + "  Mach-O " + String.join(", ", parts);
    }

    /** One line for {@code show}: the member, its machine and the DLLs it imports. */
    static String summary(String member, PeFile f) {
        return member + "  PE " + f.platformTag() + ", imports " + (f.allImports().isEmpty() ? "nothing" : String.join(", ", f.allImports()));
    }

    private static void row(PrintWriter out, String key, String value) {
        out.println("  " + Rows.pad(key, 14) + " " + ElfReader.printable(value));
    }
}
