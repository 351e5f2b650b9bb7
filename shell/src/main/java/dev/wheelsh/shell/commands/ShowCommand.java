package dev.wheelsh.shell.commands;

import dev.wheelsh.core.checks.AuditwheelDifferences;
import dev.wheelsh.core.checks.WheelCheckList;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.wheel.WheelFacts;
import dev.wheelsh.core.elf.MachineAbi;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.elf.VersionNeed;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.policy.SystemNeeds;
import dev.wheelsh.core.checks.WheelCheckList;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.shell.io.ReadLimits;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.Rows;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    @Option(names = "--baseline", paramLabel = "FILE", description = "A baseline (policy) JSON file to judge against besides the "
            + "built-in ones; a policy of a built-in name redefines it for the architectures it lists. Repeatable.")
    List<Path> baselines = new ArrayList<>();

    @Override
    public Integer call() throws InputException {
        PolicySet policies = BaselineFiles.policies(baselines);
        CheckContext context;
        try (WheelArchive w = WheelArchive.open(wheel, ReadLimits.wheel())) {
            // One reading of the wheel; the checks, the system needs and the baseline verdict share it.
            context = CheckContext.of(WheelFacts.read(w, verifyRecord), policies, Optional.empty());
        } catch (IOException e) {
            throw new InputException(wheel + ": cannot close: " + e.getMessage(), e);
        }
        WheelChecks.Result r = new WheelChecks.Result(context.facts(), WheelCheckList.run(context));
        Optional<PolicyVerdict> verdict = context.verdict();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = report(r, context.needs(), verdict, context.foreignVerdicts());
            doc.put("auditwheel_differs", AuditwheelDifferences.notes(context));
            out.println(Json.pretty(doc));
        } else {
            printText(r, context.needs(), verdict, context.foreignVerdicts(), out);
            for (String note : AuditwheelDifferences.notes(context)) {
                row(out, "auditwheel", note);
            }
        }
        out.flush();
        return r.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR) ? 1 : 0;
    }

    static Map<String, Object> report(WheelChecks.Result r, SystemNeeds needs, Optional<PolicyVerdict> verdict,
                                      List<PolicyVerdict> foreign) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.filename().name());
        m.put("version", r.filename().version().toString());
        m.put("tags", r.filename().tags().tags().stream().map(Object::toString).sorted().toList());
        m.put("dist_info", r.distInfo());
        m.put("root_is_purelib", r.wheel().rootIsPurelib());
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
                hi.put(v.file(), HighestVersions.of(v));
            }
            e.put("highest_versions", hi);
            e.put("py_init", f.pyInitSymbols());
            e.put("x86_isa_level", f.x86IsaLevel().isPresent() ? f.x86IsaLevel().getAsInt() : null);
            e.put("loongarch_world", n.loongArchWorld().map(w -> w.world().name().toLowerCase(Locale.ROOT)).orElse(null));
            natives.add(e);
        }
        m.put("native_members", natives);
        m.put("macho_members", r.facts().machOMembers().stream().map(x -> member(x.name(), ObjectFacts.json(x.file()))).toList());
        m.put("pe_members", r.facts().peMembers().stream().map(x -> member(x.name(), ObjectFacts.json(x.file()))).toList());
        m.put("highest_versions", needs.highestVersions());
        m.put("external_libraries", List.copyOf(needs.libraries()));
        m.put("baseline", verdict.map(ShowCommand::verdictJson).orElse(null));
        m.put("foreign_baselines", foreign.stream().map(ShowCommand::verdictJson).toList());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", f.code().id());
            e.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            e.put("message", f.message());
            e.put("explanation", f.explanation());
            findings.add(e);
        }
        m.put("findings", findings);
        return m;
    }

    /** A Mach-O or PE member's facts under its member name (the facts' own file and format keys left out). */
    private static Map<String, Object> member(String name, Map<String, Object> facts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("member", name);
        facts.forEach((k, v) -> {
            if (!k.equals("file") && !k.equals("format")) {
                m.put(k, v);
            }
        });
        return m;
    }

    /** The baseline verdict as JSON: the best tag and, for each more widely installable policy, what stands in its way. */
    static Map<String, Object> verdictJson(PolicyVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arch", v.arch());
        m.put("libc", v.libc().id());
        m.put("consistent_with", v.bestTag());
        m.put("policy", v.best().name());
        List<Map<String, Object>> blocked = new ArrayList<>();
        for (PolicyVerdict.Fit f : v.blocked()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("tag", f.policy().platformTag(v.arch()));
            List<Map<String, Object>> obstacles = new ArrayList<>();
            for (PolicyVerdict.Obstacle o : f.obstacles()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("kind", o.kind());
                e.put("member", o.member());
                if (o instanceof PolicyVerdict.TooNewVersion t) {
                    e.put("library", t.library());
                    e.put("version", t.version());
                } else if (o instanceof PolicyVerdict.ExternalLibrary x) {
                    e.put("library", x.library());
                } else if (o instanceof PolicyVerdict.BlacklistedSymbol x) {
                    e.put("library", x.library());
                    e.put("symbol", x.symbol());
                } else if (o instanceof PolicyVerdict.IsaLevel x) {
                    e.put("level", x.level());
                } else if (o instanceof PolicyVerdict.PythonAbi x) {
                    e.put("symbol", x.symbol());
                } else if (o instanceof PolicyVerdict.MuslSymbol x) {
                    e.put("symbol", x.symbol());
                    e.put("release", x.release());
                }
                e.put("message", o.describe(f.policy(), v.arch()));
                obstacles.add(e);
            }
            b.put("obstacles", obstacles);
            blocked.add(b);
        }
        m.put("blocked", blocked);
        List<Map<String, Object>> notes = new ArrayList<>();
        for (PolicyVerdict.Note n : v.notes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", n.kind());
            e.put("member", n.member());
            e.put("message", n.message());
            notes.add(e);
        }
        m.put("notes", notes);
        return m;
    }

    /**
     * The verdict in a few lines: the tag the code is consistent with, and what stands in the way
     * of the next better one, each distinct reason once (the full list per policy is in --json).
     */
    static void printVerdict(PolicyVerdict v, PrintWriter out) {
        row(out, "baseline", "consistent with " + v.bestTag() + " (auditwheel's rules)");
        for (PolicyVerdict.Note n : v.notes()) {
            out.println(ElfReader.printable("    " + n.message()));
        }
        Optional<PolicyVerdict.Fit> next = v.nextBetter();
        if (next.isEmpty()) {
            return;
        }
        // The same reason in several members is said once, with the members counted.
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (PolicyVerdict.Obstacle o : next.get().obstacles()) {
            String d = o.describe(next.get().policy(), v.arch()).replace(o.member(), "\u0000");
            byReason.computeIfAbsent(d, k -> new ArrayList<>()).add(o.member());
        }
        List<String> reasons = new ArrayList<>();
        byReason.forEach((d, members) -> reasons.add(d.replace("\u0000", members.size() == 1 ? members.get(0)
                : members.size() + " members, " + members.get(0) + " first")));
        int shown = Math.min(5, reasons.size());
        for (int i = 0; i < shown; i++) {
            out.println(ElfReader.printable("    " + reasons.get(i)));
        }
        if (reasons.size() > shown) {
            out.println("    ... and " + (reasons.size() - shown) + " more (--json lists every one, for every policy)");
        }
    }

    static void printText(WheelChecks.Result r, SystemNeeds needs, Optional<PolicyVerdict> verdict,
                          List<PolicyVerdict> foreign, PrintWriter out) {
        out.println(ElfReader.printable(r.filename().name() + " " + r.filename().version()));
        row(out, "tags", r.filename().tags().compressed());
        row(out, "dist-info", r.distInfo() + (r.wheel().rootIsPurelib() ? " (root is purelib)" : " (root is platlib)"));
        List<String> others = new ArrayList<>();
        r.facts().machOMembers().forEach(x -> others.add(ObjectFacts.summary(x.name(), x.file())));
        r.facts().peMembers().forEach(x -> others.add(ObjectFacts.summary(x.name(), x.file())));
        if (!others.isEmpty()) {
            row(out, "native code", others.size() + (others.size() == 1 ? " Mach-O or PE member" : " Mach-O and PE members"));
            others.forEach(line -> out.println(ElfReader.printable("    " + line)));
        }
        if (r.elfMembers().isEmpty() && others.isEmpty()) {
            // The members were read for the ELF, Mach-O and PE magic (WheelFacts), not only ELF's.
            row(out, "native code", "none: pure Python (no member is an ELF, Mach-O or PE object)");
        } else if (!r.elfMembers().isEmpty()) {
            row(out, "native code", r.elfMembers().size() + (r.elfMembers().size() == 1 ? " ELF member" : " ELF members"));
            for (WheelChecks.Member n : r.elfMembers()) {
                ElfFile f = n.elf();
                StringBuilder line = new StringBuilder("    " + n.name() + "  " + f.platformArch());
                List<String> abi = f.machineAbi().describe();
                if (!abi.isEmpty() && !(f.machineAbi() instanceof MachineAbi.Plain)) {
                    line.append(" (").append(String.join("; ", abi)).append(')');
                }
                Map<String, String> hi = SystemNeeds.of(List.of(n)).highestVersions();
                if (!hi.isEmpty()) {
                    line.append(", needs ").append(String.join(", ", hi.values()));
                }
                n.loongArchWorld().ifPresent(w -> line.append(", LoongArch ").append(w.world().name().toLowerCase(Locale.ROOT))
                        .append(" world"));
                out.println(ElfReader.printable(line.toString()));
            }
            Map<String, String> all = needs.highestVersions();
            if (!all.isEmpty()) {
                row(out, "highest", String.join(", ", all.values()) + " (asked of system libraries: these set the"
                        + " oldest system it runs on)");
            }
            Set<String> ext = needs.libraries();
            row(out, "system libs", ext.isEmpty() ? "none" : String.join(", ", ext));
            verdict.ifPresent(v -> printVerdict(v, out));
            for (PolicyVerdict f : foreign) {
                // members of another architecture than the tags': judged only against their own
                row(out, "baseline", "the " + f.arch() + " members (" + String.join(", ", needs.only(f.arch()).members().stream().map(SystemNeeds.Member::name).toList())
                        + ") judged against " + f.arch() + "'s baselines: consistent with " + f.bestTag());
            }
        }
        if (r.findings().isEmpty()) {
            row(out, "checks", "contents match the wheel's claims");
        } else {
            row(out, "checks", r.findings().size() + (r.findings().size() == 1 ? " finding" : " findings"));
            for (Finding f : r.findings()) {
                out.println(ElfReader.printable("    " + f.code().id() + " " + f.severity().name().toLowerCase(Locale.ROOT) + ": "
                        + f.message()));
            }
        }
    }

    private static void row(PrintWriter out, String key, String value) {
        Rows.row(out, key, value);
    }
}
