package dev.wheelsh.shell.commands;

import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.checks.WheelCheckList;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.wheel.WheelFacts;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.config.WheelshTable;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.TerminalText;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.explain.WheelPick;
import dev.wheelsh.core.machine.Profiles;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetMatrix;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.checks.WheelCheckList;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.shell.io.ReadLimits;
import dev.wheelsh.shell.io.InOrder;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The CI verb: does a set of wheels cover a target matrix, and does each wheel's content keep
 * its tags' promise?
 */
@Command(name = "check",
        description = {"Check that wheels cover every target (pip would install one of them) and that each wheel's "
                + "contents keep its tags' promise. Exit 0 when all holds, 1 otherwise, 2 on bad input."},
        footer = {"", "Examples:",
                "  wheelsh check dist/ --target cp313-glibc2.38-loongarch64 --target cp312-musl1.2-aarch64",
                "  wheelsh check dist/*.whl --profile debian-12 --profile alpine-3.21 --json",
                "  wheelsh -c \"check dist --profile openeuler-24.03\" && echo covered"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHEEL|DIR", arity = "0..*", description = "Wheels, or directories holding them (default: dist).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--target", description = "A target in compact form; repeatable (docs/targets.md).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--profile", completionCandidates = OptionValues.ProfileNames.class, description = "A named machine; repeatable (see `simulate --list-profiles`).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--config", paramLabel = "pyproject.toml",
            description = "Read the target matrix from [tool.wheelsh] targets (default: ./pyproject.toml when no --target or --profile is given and it has one).")
    Path config;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A baseline (policy) JSON file to judge the wheels' promises "
            + "with, besides the built-in ones and [tool.wheelsh] baselines. Repeatable.")
    List<Path> baselines = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
    boolean json;

    @Mixin
    PackagingOptions packagingOptions;

    @Override
    public Integer call() throws Exception {
        List<Target> matrix = new ArrayList<>();
        for (String t : targets) {
            matrix.add(TargetSpec.parse(t));
        }
        for (String p : profiles) {
            matrix.add(Profiles.named(p).target(Optional.empty()));
        }
        // The option's list stays as parsed: [tool.wheelsh] baselines go into a copy.
        List<Path> baselineFiles = new ArrayList<>(baselines);
        Path pyproject = config != null ? config
                : (matrix.isEmpty() && Files.isRegularFile(Path.of("pyproject.toml")) ? Path.of("pyproject.toml") : null);
        if (pyproject != null) {
            if (!Files.isRegularFile(pyproject)) {
                throw new InputException(pyproject + ": no such file");
            }
            String text;
            try {
                text = Files.readString(pyproject);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new InputException(pyproject + ": cannot read (" + e.getMessage() + ")");
            }
            if (text.length() > ConfigAnalyzer.MAX_CHARS) {
                // the bound lint and the language server apply to the same file
                throw new InputException(pyproject + ": larger than " + ConfigAnalyzer.MAX_CHARS
                        + " characters; wheelsh does not read it (docs/limits.md)");
            }
            WheelshTable table = WheelshTable.read(pyproject.toString(), text);
            matrix.addAll(table.targets());
            // [tool.wheelsh] baselines are relative to the pyproject.toml that names them.
            Path base = pyproject.toAbsolutePath().getParent();
            for (String b : table.baselines()) {
                baselineFiles.add(base.resolve(b));
            }
        }
        PolicySet policies = BaselineFiles.policies(baselineFiles);
        TargetMatrix.bounded("check", matrix);
        if (matrix.isEmpty()) {
            throw new InputException("check: no target; give --target SPEC or --profile NAME (repeatable), or [tool.wheelsh] targets in pyproject.toml");
        }
        List<Path> wheels = wheels(inputs.isEmpty() ? List.of(Path.of("dist")) : inputs);
        List<String> names = wheels.stream().map(p -> p.getFileName().toString()).toList();

        List<Judged> judged;
        // the wheels are read on a few threads; the rows come back in the order of the wheels
        try (Progress progress = Progress.start("checking", wheels.size())) {
            judged = InOrder.map(wheels, InOrder.readers(wheels.size()), w -> judge(w, policies),
                    w -> progress.advance(w.getFileName().toString()));
        }
        Map<String, WheelFacts> factsByName = new LinkedHashMap<>();
        judged.forEach(j -> factsByName.putIfAbsent(j.row().get("wheel").toString(), j.facts()));
        List<Map<String, Object>> targetRows = new ArrayList<>();
        int uncovered = 0;
        PackagingRelease release = packagingOptions.release();
        int notWorking = 0;
        for (Target t : matrix) {
            WheelPick.Result r = WheelPick.choose(names, t, release);
            for (WheelPick.Choice c : r.choices()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("target", t.compact());
                row.put("project", c.project());
                row.put("covered", c.chosen().isPresent());
                c.chosenWheel().ifPresent(w -> row.put("wheel", w.render()));
                c.matchedTag().ifPresent(tag -> row.put("tag", tag.toString()));
                c.closestMiss().ifPresent(m -> row.put("reason", m.reason()));
                if (c.chosen().isEmpty()) {
                    uncovered++;
                } else {
                    // pip's choice by tags, then what its code meets on this target (explain FILE's checks)
                    WheelFacts facts = factsByName.get(c.chosenWheel().get().render());
                    List<Finding> found = facts == null ? List.of()
                            : WheelCheckList.run(WheelCheckList.ON_TARGET, CheckContext.of(facts, policies, Optional.of(t)));
                    boolean works = found.stream().noneMatch(f -> f.severity() == Severity.ERROR);
                    row.put("works", works);
                    row.put("on_target", found.stream().map(CheckCommand::finding).toList());
                    if (!works) {
                        notWorking++;
                    }
                }
                targetRows.add(row);
            }
        }
        List<Map<String, Object>> wheelRows = judged.stream().map(Judged::row).toList();
        int broken = 0;
        for (Map<String, Object> row : wheelRows) {
            if (!(Boolean) row.get("promise_kept")) {
                broken++;
            }
        }
        boolean ok = uncovered == 0 && broken == 0 && notWorking == 0;
        print(targetRows, wheelRows, uncovered, broken, notWorking, ok);
        return ok ? 0 : 1;
    }

    /** One wheel's row, and its facts for the checks against the targets pip chooses it for. */
    private record Judged(Map<String, Object> row, WheelFacts facts) {
    }

    private static Map<String, String> finding(Finding f) {
        Map<String, String> finding = new LinkedHashMap<>();
        finding.put("code", f.code().id());
        finding.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        finding.put("message", f.message());
        return finding;
    }

    /** One wheel's row: its findings and verdict. Reads only the wheel, so wheels can be judged at once. */
    private static Judged judge(Path wheel, PolicySet policies) throws InputException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("wheel", wheel.getFileName().toString());
        List<Map<String, String>> findings = new ArrayList<>();
        boolean error = false;
        String consistentWith = null;
        WheelFacts facts;
        try (WheelArchive archive = WheelArchive.open(wheel, ReadLimits.wheel())) {
            // One reading of the wheel and one baseline verdict, shared by the checks and the row.
            facts = WheelFacts.read(archive, false);
            CheckContext context = CheckContext.of(facts, policies, Optional.empty());
            consistentWith = context.verdict().map(PolicyVerdict::bestTag).orElse(null);
            for (Finding f : WheelCheckList.run(context)) {
                findings.add(finding(f));
                error |= f.severity() == Severity.ERROR;
            }
        } catch (IOException e) {
            throw new InputException(wheel + ": cannot read (" + e.getMessage() + ")");
        }
        row.put("promise_kept", !error);
        row.put("consistent_with", consistentWith);
        row.put("findings", findings);
        return new Judged(row, facts);
    }

    private void print(List<Map<String, Object>> targetRows, List<Map<String, Object>> wheelRows, int uncovered,
                       int broken, int notWorking, boolean ok) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", ok);
            doc.put("targets", targetRows);
            doc.put("wheels", wheelRows);
            out.println(Json.pretty(doc));
            return;
        }
        out.println("targets:");
        for (Map<String, Object> r : targetRows) {
            boolean covered = (Boolean) r.get("covered");
            boolean works = covered && (Boolean) r.get("works");
            out.println(TerminalText.safe("  " + (works ? "ok    " : "FAIL  ") + r.get("target") + "  " + r.get("project") + ": "
                    + (covered ? r.get("wheel") + (works ? "" : " (pip installs it, but its code does not load there)")
                    : "no wheel fits: " + r.getOrDefault("reason", ""))));
            @SuppressWarnings("unchecked")
            List<Map<String, String>> onTarget = (List<Map<String, String>>) r.getOrDefault("on_target", List.of());
            for (Map<String, String> f : onTarget) {
                out.println(TerminalText.safe("        " + f.get("code") + " " + f.get("severity") + ": " + f.get("message")));
            }
        }
        out.println("wheels:");
        for (Map<String, Object> r : wheelRows) {
            boolean kept = (Boolean) r.get("promise_kept");
            out.println(TerminalText.safe("  " + (kept ? "ok    " : "FAIL  ") + r.get("wheel")
                    + (r.get("consistent_with") == null ? "" : "  (native code consistent with " + r.get("consistent_with") + ")")));
            @SuppressWarnings("unchecked")
            List<Map<String, String>> findings = (List<Map<String, String>>) r.get("findings");
            for (Map<String, String> f : findings) {
                out.println(TerminalText.safe("        " + f.get("code") + " " + f.get("severity") + ": " + f.get("message")));
            }
        }
        out.println(ok ? "check passed: every target covered, every wheel keeps its promise"
                : "check failed: " + uncovered + " target/project pair(s) uncovered, " + notWorking
                + " covered by a wheel whose code does not load there, " + broken + " wheel(s) break their promise");
    }

    private static List<Path> wheels(List<Path> inputs) throws InputException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".whl")).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new InputException(p + ": cannot list (" + e.getMessage() + ")");
                }
            } else if (Files.isRegularFile(p)) {
                if (!p.getFileName().toString().endsWith(".whl")) {
                    throw new InputException(p + ": not a wheel (the name must end in .whl)");
                }
                out.add(p);
            } else {
                throw new InputException(p + ": no such file or directory");
            }
        }
        if (out.isEmpty()) {
            throw new InputException("check: no wheels found in " + inputs);
        }
        return out;
    }
}
