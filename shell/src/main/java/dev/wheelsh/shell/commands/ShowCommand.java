package dev.wheelsh.shell.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wheelsh.core.InputException;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.elf.VersionNames;
import dev.wheelsh.core.elf.VersionNeed;
import dev.wheelsh.core.explain.Finding;
import dev.wheelsh.core.explain.Severity;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelChecks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelsh show WHEEL}: what a wheel claims and what its native code needs, read in place,
 * with the checks of its contents against its claims (WH3xx).
 */
@Command(name = "show",
        footer = {"", "Examples:", "  wheelsh show dist/pkg-1.0-cp313-cp313-manylinux_2_28_x86_64.whl", "  wheelsh show --verify-record --json dist/pkg-1.0-py3-none-any.whl"}, description = "Show a wheel's tags, its native members and what they need, and whether "
        + "its contents match its claims (read in place, never extracted).")
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHEEL", description = "The .whl file.")
    Path wheel;

    @Option(names = "--verify-record", description = "Also check every member against RECORD (reads the whole wheel).")
    boolean verifyRecord;

    @Option(names = "--json", description = "Print the report as JSON (schema: docs/cli.md, \"wheelsh show\").")
    boolean json;

    @Override
    public Integer call() throws InputException {
        WheelChecks.Result r;
        try (WheelArchive w = WheelArchive.open(wheel)) {
            WheelChecks.Result contents = WheelChecks.check(w, verifyRecord);
            r = new WheelChecks.Result(contents.filename(), contents.distInfo(), contents.wheel(), contents.elfMembers(),
                    dev.wheelsh.core.policy.PromiseChecks.all(contents));
        } catch (IOException e) {
            throw new InputException(wheel + ": cannot close: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> report = report(r);
        if (json) {
            try {
                out.println(Json.pretty(report));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            printText(r, out);
        }
        out.flush();
        return r.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR) ? 1 : 0;
    }

    /**
     * Highest version per family that the members ask of libraries outside the wheel (versions
     * asked of libraries the wheel bundles say nothing about the system).
     */
    static Map<String, String> highestNeeds(List<WheelChecks.Member> natives, List<WheelChecks.Member> all) {
        Set<String> inside = insideNames(all);
        List<String> names = new ArrayList<>();
        for (WheelChecks.Member m : natives) {
            for (VersionNeed n : m.elf().versionNeeds()) {
                if (inside.contains(n.file())) {
                    continue;
                }
                for (VersionNeed.Entry e : n.entries()) {
                    if (!e.weak()) {
                        names.add(e.name());
                    }
                }
            }
        }
        return VersionNames.highestPerFamily(names);
    }

    /** Libraries the members need that no member of the wheel provides (by soname or file name). */
    static Set<String> insideNames(List<WheelChecks.Member> natives) {
        Set<String> inside = new TreeSet<>();
        for (WheelChecks.Member m : natives) {
            m.elf().soname().ifPresent(inside::add);
            inside.add(m.name().substring(m.name().lastIndexOf('/') + 1));
        }
        return inside;
    }

    static Set<String> externalLibraries(List<WheelChecks.Member> natives) {
        Set<String> inside = insideNames(natives);
        Set<String> out = new TreeSet<>();
        for (WheelChecks.Member m : natives) {
            for (String lib : m.elf().needed()) {
                if (!inside.contains(lib)) {
                    out.add(lib);
                }
            }
        }
        return out;
    }

    static Map<String, Object> report(WheelChecks.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.filename().name());
        m.put("version", r.filename().version().toString());
        m.put("tags", r.filename().tags().tags().stream().map(Object::toString).sorted().toList());
        m.put("distInfo", r.distInfo());
        m.put("rootIsPurelib", r.wheel().rootIsPurelib());
        m.put("generator", r.wheel().generator().orElse(null));
        List<Map<String, Object>> natives = new ArrayList<>();
        for (WheelChecks.Member n : r.elfMembers()) {
            ElfFile f = n.elf();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("member", n.name());
            e.put("arch", f.platformArch());
            e.put("abi", f.machineAbi().describe());
            e.put("needed", f.needed());
            Map<String, Map<String, String>> hi = new LinkedHashMap<>();
            for (VersionNeed v : f.versionNeeds()) {
                hi.put(v.file(), ElfCommand.highest(v, false));
            }
            e.put("highestVersions", hi);
            e.put("pyInit", f.pyInitSymbols());
            e.put("x86IsaLevel", f.x86IsaLevel().isPresent() ? f.x86IsaLevel().getAsInt() : null);
            e.put("loongarchWorld", LoongArchWorld.of(f).map(w -> w.world().name().toLowerCase(Locale.ROOT)).orElse(null));
            natives.add(e);
        }
        m.put("nativeMembers", natives);
        m.put("highestVersions", highestNeeds(r.elfMembers(), r.elfMembers()));
        m.put("externalLibraries", List.copyOf(externalLibraries(r.elfMembers())));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", f.code());
            e.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            e.put("message", f.message());
            e.put("explanation", f.explanation());
            findings.add(e);
        }
        m.put("findings", findings);
        return m;
    }

    static void printText(WheelChecks.Result r, PrintWriter out) {
        out.println(ElfReader.printable(r.filename().name() + " " + r.filename().version()));
        row(out, "tags", r.filename().tags().compressed());
        row(out, "dist-info", r.distInfo() + (r.wheel().rootIsPurelib() ? " (root is purelib)" : " (root is platlib)"));
        if (r.elfMembers().isEmpty()) {
            row(out, "native code", "none found (no member starts with the ELF magic)");
        } else {
            row(out, "native code", r.elfMembers().size() + (r.elfMembers().size() == 1 ? " ELF member" : " ELF members"));
            for (WheelChecks.Member n : r.elfMembers()) {
                ElfFile f = n.elf();
                StringBuilder line = new StringBuilder("    " + n.name() + "  " + f.platformArch());
                List<String> abi = f.machineAbi().describe();
                if (!abi.isEmpty() && !(f.machineAbi() instanceof dev.wheelsh.core.elf.MachineAbi.Plain)) {
                    line.append(" (").append(String.join("; ", abi)).append(')');
                }
                Map<String, String> hi = highestNeeds(List.of(n), List.of());
                if (!hi.isEmpty()) {
                    line.append(", needs ").append(String.join(", ", hi.values()));
                }
                LoongArchWorld.of(f).ifPresent(w -> line.append(", LoongArch ").append(w.world().name().toLowerCase(Locale.ROOT))
                        .append(" world"));
                out.println(ElfReader.printable(line.toString()));
            }
            Map<String, String> all = highestNeeds(r.elfMembers(), r.elfMembers());
            if (!all.isEmpty()) {
                row(out, "highest", String.join(", ", all.values()) + " (asked of system libraries: these set the"
                        + " oldest system it runs on)");
            }
            Set<String> ext = externalLibraries(r.elfMembers());
            row(out, "system libs", ext.isEmpty() ? "none" : String.join(", ", ext));
        }
        if (r.findings().isEmpty()) {
            row(out, "checks", "contents match the wheel's claims");
        } else {
            row(out, "checks", r.findings().size() + (r.findings().size() == 1 ? " finding" : " findings"));
            for (Finding f : r.findings()) {
                out.println(ElfReader.printable("    " + f.code() + " " + f.severity().name().toLowerCase(Locale.ROOT) + ": "
                        + f.message()));
            }
        }
    }

    static void row(PrintWriter out, String key, String value) {
        out.println(ElfReader.printable("  " + ElfCommand.pad(key, 12) + " " + value));
    }
}
