package dev.wheelsh.shell.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.policy.BaselineDerivation;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.Policy;
import dev.wheelsh.core.policy.PolicyJson;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.shell.Wheelsh;
import java.io.IOException;
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
 * {@code wheelsh baseline list|show|derive|validate}: the manylinux and musllinux baselines
 * wheelsh judges wheels against, a project's own baseline files, and new baselines derived from a
 * reference system's libraries.
 */
@Command(name = "baseline",
        footer = {"", "Examples:", "  wheelsh baseline list --arch loongarch64",
                "  wheelsh baseline show manylinux_2_38 --arch loongarch64",
                "  wheelsh baseline show manylinux2014 --json > manylinux2014.json",
                "  wheelsh baseline derive sysroot/ --name manylinux_2_38 --output baselines/loongarch64.json",
                "  wheelsh baseline validate baselines/loongarch64.json"},
        description = "List, show, derive and validate baselines (auditwheel policies): what each manylinux/musllinux tag "
                + "promises, per architecture.")
final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", completionCandidates = Actions.class,
            description = "list, show NAME, derive DIR, or validate FILE...")
    String action;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The policy name (show), library tree (derive) or baseline files (validate).")
    List<String> args = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "ARCH", description = "Only this architecture (list, show).")
    String arch;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A baseline (policy) JSON file to add to the built-in ones; "
            + "a policy of a built-in name redefines it for the architectures it lists. Repeatable.")
    List<Path> baselineFiles = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "derive: the policy name (default: manylinux_X_Y after the newest GLIBC found).")
    String name;

    @Option(names = "--priority", paramLabel = "N", description = "derive: the priority (default: the built-in policy's of that name).")
    Integer priority;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "derive: write the baseline file here and print a summary.")
    Path output;

    @Option(names = "--json", description = "list: the table as JSON; show: the policy as a baseline file (auditwheel's format); "
            + "validate: the findings as JSON (schemas: docs/cli.md, \"wheelsh baseline\").")
    boolean json;

    static final class Actions extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Actions() {
            super(List.of("list", "show", "derive", "validate"));
        }
    }

    @Override
    public Integer call() throws InputException {
        PrintWriter out = spec.commandLine().getOut();
        int status = switch (action) {
            case "list" -> list(out);
            case "show" -> show(out);
            case "derive" -> derive(out);
            case "validate" -> validate();
            default -> throw new InputException("baseline: unknown action '" + action + "' (list, show, derive, validate)");
        };
        out.flush();
        return status;
    }

    /** The built-in baselines with the --baseline files added. */
    static PolicySet policies(List<Path> files) throws InputException {
        PolicySet set = BuiltinPolicies.all();
        for (Path f : files) {
            set = set.with(PolicyJson.read(f));
        }
        return set;
    }

    private int list(PrintWriter out) throws InputException {
        expectArgs(0, "list takes no arguments");
        PolicySet set = policies(baselineFiles);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Policy p : set.policies()) {
            if (arch != null && !p.covers(arch)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            row.put("aliases", p.aliases());
            row.put("priority", p.priority());
            row.put("architectures", List.copyOf(p.architectures()));
            row.put("newest", newest(p, arch != null ? arch : p.architectures().isEmpty() ? null : p.architectures().iterator().next()));
            row.put("reference", BuiltinPolicies.reference(p.name()).orElse(null));
            rows.add(row);
        }
        if (json) {
            print(out, Map.of("baselines", rows));
            return Wheelsh.OK;
        }
        if (rows.isEmpty()) {
            out.println("no baseline defines " + arch);
            return Wheelsh.OK;
        }
        for (Map<String, Object> r : rows) {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) r.get("aliases");
            @SuppressWarnings("unchecked")
            Map<String, String> newest = (Map<String, String>) r.get("newest");
            StringBuilder line = new StringBuilder(ElfCommand.pad(r.get("name") + (aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")"), 32));
            line.append(ElfCommand.pad(String.valueOf(r.get("priority")), 5));
            line.append(newest.isEmpty() ? "no symbol versions judged" : String.join(" ", newest.values()));
            if (r.get("reference") != null) {
                line.append("  [").append(r.get("reference")).append(']');
            }
            out.println(line);
        }
        return Wheelsh.OK;
    }

    /** The newest version of each family the policy allows on an architecture ("GLIBC_2.38"). */
    static Map<String, String> newest(Policy p, String arch) {
        return arch == null ? Map.of() : p.newestVersions(arch);
    }

    private int show(PrintWriter out) throws InputException {
        expectArgs(1, "show takes one policy name, e.g. manylinux_2_38");
        PolicySet set = policies(baselineFiles);
        String wanted = args.get(0);
        Policy p = set.find(wanted).or(() -> set.ofPlatformTag(wanted))
                .orElseThrow(() -> new InputException("baseline show: no baseline named '" + wanted + "' (wheelsh baseline list names them)"));
        if (arch != null) {
            if (!p.covers(arch)) {
                throw new InputException("baseline show: " + p.name() + " does not define " + arch + " (it defines "
                        + String.join(", ", p.architectures()) + ")");
            }
            Map<String, Map<String, List<String>>> one = new LinkedHashMap<>();
            if (p.symbolVersions().containsKey(arch)) {
                one.put(arch, p.symbolVersions().get(arch));
            }
            p = new Policy(p.name(), p.aliases(), p.priority(), one, p.libWhitelist(), p.blacklist());
        }
        if (json) {
            out.print(PolicyJson.write(List.of(p)));
            return Wheelsh.OK;
        }
        out.println(p.name() + (p.aliases().isEmpty() ? "" : " (" + String.join(", ", p.aliases()) + ")") + ", priority " + p.priority());
        BuiltinPolicies.reference(p.name()).ifPresent(r -> ShowCommand.row(out, "reference", r));
        for (String a : p.architectures()) {
            Map<String, String> hi = newest(p, a);
            ShowCommand.row(out, a, hi.isEmpty() ? "symbol versions not judged" : String.join(", ", hi.values()));
        }
        ShowCommand.row(out, "whitelist", String.join(", ", p.libWhitelist()));
        p.blacklist().forEach((lib, syms) -> ShowCommand.row(out, "blacklist", lib + ": " + syms.size() + " symbols ("
                + String.join(", ", syms.subList(0, Math.min(4, syms.size()))) + (syms.size() > 4 ? ", ..." : "") + ")"));
        return Wheelsh.OK;
    }

    private int derive(PrintWriter out) throws InputException {
        expectArgs(1, "derive takes one directory: the reference system's library tree");
        BaselineDerivation.Derived d = BaselineDerivation.derive(Path.of(args.get(0)), Optional.ofNullable(name),
                Optional.ofNullable(priority));
        String text = PolicyJson.write(List.of(d.policy()));
        if (output == null) {
            out.print(text);
            return Wheelsh.OK;
        }
        try {
            Files.writeString(output, text);
        } catch (IOException e) {
            throw new InputException(output + ": cannot write: " + e.getMessage(), e);
        }
        out.println("wrote " + output + ": " + d.policy().name() + ", priority " + d.policy().priority());
        for (String a : d.policy().architectures()) {
            ShowCommand.row(out, a, String.join(", ", newest(d.policy(), a).values()));
            ShowCommand.row(out, "read", String.join(", ", d.libraries().get(a).keySet()));
            List<String> missing = d.missing().get(a);
            if (!missing.isEmpty()) {
                ShowCommand.row(out, "not found", String.join(", ", missing) + " (whitelisted all the same)");
            }
        }
        return Wheelsh.OK;
    }

    private int validate() throws InputException {
        if (args.isEmpty()) {
            throw new InputException("baseline validate: give one or more baseline files");
        }
        LintCommand lint = new LintCommand();
        lint.spec = spec;
        lint.kind = "baseline";
        lint.json = json;
        lint.files = args.stream().map(Path::of).toList();
        int status = lint.call();
        if (status != Wheelsh.OK) {
            return status;
        }
        // The checks found no error; the file must also load as the verdicts will read it.
        for (Path f : lint.files) {
            try {
                PolicyJson.read(f);
            } catch (InputException e) {
                spec.commandLine().getErr().println("wheelsh: " + e.getMessage());
                return Wheelsh.PROBLEM;
            }
        }
        return Wheelsh.OK;
    }

    private void expectArgs(int n, String usage) throws InputException {
        if (args.size() != n) {
            throw new InputException("baseline " + action + ": " + usage);
        }
    }

    private static void print(PrintWriter out, Object o) {
        try {
            out.println(Json.pretty(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
