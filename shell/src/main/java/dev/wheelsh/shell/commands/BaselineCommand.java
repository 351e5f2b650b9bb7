package dev.wheelsh.shell.commands;

import dev.wheelsh.core.policy.BaselineDerivation;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.Policy;
import dev.wheelsh.core.policy.PolicyJson;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.vocabulary.AtomicWrite;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.shell.io.ExitStatus;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.Rows;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelsh baseline list|show|derive|validate}: the manylinux and musllinux baselines
 * wheelsh judges wheels against, a project's own baseline files, and new baselines derived from a
 * reference system's libraries. Each action is a subcommand with its own options.
 */
@Command(name = "baseline",
        footer = {"", "Examples:", "  wheelsh baseline list --arch loongarch64",
                "  wheelsh baseline show manylinux_2_38 --arch loongarch64",
                "  wheelsh baseline show manylinux2014 --json > manylinux2014.json",
                "  wheelsh baseline derive sysroot/ --name manylinux_2_38 --output baselines/loongarch64.json",
                "  wheelsh baseline validate baselines/loongarch64.json"},
        description = "List, show, derive and validate baselines (auditwheel policies): what each manylinux/musllinux tag "
                + "promises, per architecture.",
        subcommands = {BaselineCommand.ListBaselines.class, BaselineCommand.ShowBaseline.class,
                BaselineCommand.DeriveBaseline.class, BaselineCommand.ValidateBaselines.class})
final class BaselineCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InputException {
        throw new InputException("baseline: give an action: list, show NAME, derive DIR or validate FILE...");
    }

    /** The --baseline files that list and show add to the built-in baselines. */
    static final class BaselineSources {
        @Option(names = "--baseline", paramLabel = "FILE", description = "A baseline (policy) JSON file to add to the built-in ones; "
                + "a policy of a built-in name redefines it for the architectures it lists. Repeatable.")
        List<Path> files = new ArrayList<>();

        PolicySet policies() throws InputException {
            return BaselineFiles.policies(files);
        }
    }

    @Command(name = "list", description = "The baselines, most widely installable first.",
            footer = {"", "Examples:", "  wheelsh baseline list", "  wheelsh baseline list --arch loongarch64 --baseline loongnix.json --json"})
    static final class ListBaselines implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        BaselineSources baselines;

        @Option(names = "--arch", completionCandidates = OptionValues.Archs.class, paramLabel = "ARCH", description = "Only the baselines that define this architecture.")
        String arch;

        @Option(names = "--json", description = "Print the table as JSON (schema: docs/schemas/baseline-list.schema.json).")
        boolean json;

        @Override
        public Integer call() throws InputException {
            PrintWriter out = spec.commandLine().getOut();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Policy p : baselines.policies().policies()) {
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
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("baselines", rows);
                out.println(Json.pretty(doc));
            } else if (rows.isEmpty()) {
                out.println("no baseline defines " + arch);
            } else {
                for (Map<String, Object> r : rows) {
                    @SuppressWarnings("unchecked")
                    List<String> aliases = (List<String>) r.get("aliases");
                    @SuppressWarnings("unchecked")
                    Map<String, String> newest = (Map<String, String>) r.get("newest");
                    StringBuilder line = new StringBuilder(Rows.pad(r.get("name") + (aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")"), 32));
                    line.append(Rows.pad(String.valueOf(r.get("priority")), 5));
                    line.append(newest.isEmpty() ? "no symbol versions judged" : String.join(" ", newest.values()));
                    if (r.get("reference") != null) {
                        line.append("  [").append(r.get("reference")).append(']');
                    }
                    out.println(line);
                }
            }
            out.flush();
            return ExitStatus.OK;
        }
    }

    @Command(name = "show", description = "One baseline: what it allows per architecture.",
            footer = {"", "Examples:", "  wheelsh baseline show manylinux_2_38 --arch loongarch64",
                    "  wheelsh baseline show manylinux2014 --json > manylinux2014.json"})
    static final class ShowBaseline implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A policy name or alias (manylinux_2_38, manylinux2014), or a platform tag.")
        String wanted;

        @Mixin
        BaselineSources baselines;

        @Option(names = "--arch", completionCandidates = OptionValues.Archs.class, paramLabel = "ARCH", description = "Only this architecture's symbol versions.")
        String arch;

        @Option(names = "--json", description = "Print the policy as a baseline file, in auditwheel's format "
                + "(schema: docs/schemas/baseline-show.schema.json).")
        boolean json;

        @Override
        public Integer call() throws InputException {
            PrintWriter out = spec.commandLine().getOut();
            PolicySet set = baselines.policies();
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
                out.flush();
                return ExitStatus.OK;
            }
            out.println(p.name() + (p.aliases().isEmpty() ? "" : " (" + String.join(", ", p.aliases()) + ")") + ", priority " + p.priority());
            BuiltinPolicies.reference(p.name()).ifPresent(r -> Rows.row(out, "reference", r));
            for (String a : p.architectures()) {
                Map<String, String> hi = newest(p, a);
                Rows.row(out, a, hi.isEmpty() ? "symbol versions not judged" : String.join(", ", hi.values()));
            }
            Rows.row(out, "whitelist", String.join(", ", p.libWhitelist()));
            p.blacklist().forEach((lib, syms) -> Rows.row(out, "blacklist", lib + ": " + syms.size() + " symbols ("
                    + String.join(", ", syms.subList(0, Math.min(4, syms.size()))) + (syms.size() > 4 ? ", ..." : "") + ")"));
            out.flush();
            return ExitStatus.OK;
        }
    }

    @Command(name = "derive", description = "A baseline from a reference system's library tree.",
            footer = {"", "Examples:", "  wheelsh baseline derive sysroot/ --name manylinux_2_38 --output baselines/loongarch64.json"})
    static final class DeriveBaseline implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The reference system's library tree.")
        Path tree;

        @Option(names = "--name", paramLabel = "NAME", description = "The policy name (default: manylinux_X_Y after the newest GLIBC found).")
        String name;

        @Option(names = "--priority", paramLabel = "N", description = "The priority (default: the built-in policy's of that name).")
        Integer priority;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the baseline file here and print a summary.")
        Path output;

        @Override
        public Integer call() throws InputException {
            PrintWriter out = spec.commandLine().getOut();
            BaselineDerivation.Derived d = BaselineDerivation.derive(tree, Optional.ofNullable(name), Optional.ofNullable(priority));
            String text = PolicyJson.write(List.of(d.policy()));
            if (output == null) {
                out.print(text);
                out.flush();
                return ExitStatus.OK;
            }
            AtomicWrite.write(output, text.getBytes(StandardCharsets.UTF_8));
            out.println("wrote " + output + ": " + d.policy().name() + ", priority " + d.policy().priority());
            for (String a : d.policy().architectures()) {
                Rows.row(out, a, String.join(", ", newest(d.policy(), a).values()));
                Rows.row(out, "read", String.join(", ", d.libraries().get(a).keySet()));
                List<String> missing = d.missing().get(a);
                if (!missing.isEmpty()) {
                    Rows.row(out, "not found", String.join(", ", missing) + " (whitelisted all the same)");
                }
            }
            out.flush();
            return ExitStatus.OK;
        }
    }

    @Command(name = "validate", description = "Check baseline files: lint's checks, then a load as the verdicts read them.",
            footer = {"", "Examples:", "  wheelsh baseline validate baselines/loongarch64.json",
                    "  wheelsh baseline validate --json baselines/*.json"})
    static final class ValidateBaselines implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "The baseline files.")
        List<Path> files;

        @Option(names = "--json", description = "Print the findings as `wheelsh lint --json` does (schema: docs/schemas/lint.schema.json).")
        boolean json;

        @Override
        public Integer call() {
            int status = Linting.run(new Linting.Request(files, Optional.of("baseline"), List.of(), List.of(), json),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
            if (status != ExitStatus.OK) {
                return status;
            }
            // The checks found no error; the file must also load as the verdicts will read it.
            for (Path f : files) {
                try {
                    PolicyJson.read(f);
                } catch (InputException e) {
                    spec.commandLine().getErr().println("wheelsh: " + e.getMessage());
                    return ExitStatus.PROBLEM;
                }
            }
            return ExitStatus.OK;
        }
    }

    /** The newest version of each family the policy allows on an architecture ("GLIBC_2.38"); empty without one. */
    private static Map<String, String> newest(Policy p, String arch) {
        return arch == null ? new LinkedHashMap<>() : p.newestVersions(arch);
    }
}
