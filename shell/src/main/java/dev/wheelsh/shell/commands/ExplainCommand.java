package dev.wheelsh.shell.commands;

import dev.wheelsh.core.policy.PromiseChecks;
import dev.wheelsh.core.tags.PlatformTagInfo;
import dev.wheelsh.core.words.BaselineWords;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.explain.IndexAcceptance;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.explain.TargetContentChecks;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.core.explain.InstallVerdict;
import dev.wheelsh.core.words.TagWords;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagSet;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.Session;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Explains a wheel filename, a tag set or a platform tag, and gives pip's verdict for a target. */
@Command(name = "explain",
        description = {"Explain a wheel filename, tag set or platform tag in words, and whether pip would install it "
                + "on the target (exit 0 installable, 1 not, 2 bad input)."},
        footer = {"", "Examples:",
                "  wheelsh explain numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl --profile openeuler-24.03",
                "  wheelsh explain cp313-cp313t-musllinux_1_2_aarch64 --target cp313-glibc2.36-aarch64",
                "  wheelsh explain linux_loongarch64",
                "  wheelsh -c \"target cp310-glibc2.38-loongarch64; explain numpy-2.2.4-cp310-cp310-linux_loongarch64.whl\""})
final class ExplainCommand implements Callable<Integer> {

    private final Session session;

    ExplainCommand(Session session) {
        this.session = session;
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHEEL|TAGS|PLATFORM", description = "A wheel filename (or path), a tag set such as cp313-abi3-any, or a platform tag.")
    String input;

    @Mixin
    TargetOptions target;

    @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
    boolean json;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A wheel file's promise is judged with this baseline "
            + "(policy) JSON file too, besides the built-in ones. Repeatable.")
    List<Path> baselines = new ArrayList<>();

    /** A platform tag in words, with what its baseline lets a wheel take from the system. */
    private String platformWords(String platform) throws InputException {
        return TagWords.platform(platform) + BaselineWords.forPlatformTag(platform,
                BaselineFiles.policies(baselines)).map(w -> "; " + w).orElse("");
    }

    /** One component of the input and what it means. */
    record Component(String text, String role, String meaning) {
    }

    @Override
    public Integer call() throws Exception {
        String name = Path.of(input).getFileName() == null ? input : Path.of(input).getFileName().toString();
        String kind;
        List<Component> components = new ArrayList<>();
        Optional<TagSet> tags = Optional.empty();
        if (input.contains("/") && !Files.exists(Path.of(input))) {
            // A bare filename is explained as a name; a path must be a file.
            throw new InputException(input + ": no such file (give the bare filename to explain the name alone)");
        }
        if (name.endsWith(".whl")) {
            kind = "wheel";
            WheelFilename w = WheelFilename.parse(name);
            components.add(new Component(w.rawName(), "project", "project " + w.name() + ", version " + w.version()));
            w.build().ifPresent(b -> components.add(new Component(b.toString(), "build tag",
                    "build " + b + ": pip prefers the higher build tag among wheels with the same best tag")));
            tags = Optional.of(w.tags());
        } else if (name.chars().filter(c -> c == '-').count() == 2) {
            kind = "tags";
            tags = Optional.of(TagSet.parse(name));
        } else if (name.matches("[A-Za-z0-9_.]+") && PlatformTagInfo.parse(
                name.toLowerCase(java.util.Locale.ROOT)).family() != PlatformTagInfo.Family.OTHER) {
            kind = "platform";
        } else {
            throw new InputException("explain '" + input + "': not a wheel filename, a tag set (INTERPRETER-ABI-PLATFORM) or a known platform tag");
        }
        Set<String> pypiRefusals = new LinkedHashSet<>();
        if (tags.isPresent()) {
            Set<String> seen = new LinkedHashSet<>();
            for (Tag t : tags.get().tags()) {
                if (seen.add("i:" + t.interpreter())) {
                    components.add(new Component(t.interpreter(), "interpreter", TagWords.interpreter(t.interpreter())));
                }
            }
            for (Tag t : tags.get().tags()) {
                if (seen.add("a:" + t.abi())) {
                    components.add(new Component(t.abi(), "abi", TagWords.abi(t.abi())));
                }
            }
            for (Tag t : tags.get().tags()) {
                if (seen.add("p:" + t.platform())) {
                    components.add(new Component(t.platform(), "platform", platformWords(t.platform())));
                    if (!IndexAcceptance.pypiAccepts(t.platform())) {
                        pypiRefusals.add(IndexAcceptance.whyRefused(t.platform()));
                    }
                }
            }
        } else {
            String platform = name.toLowerCase(java.util.Locale.ROOT);
            components.add(new Component(platform, "platform", platformWords(platform)));
            if (!IndexAcceptance.pypiAccepts(platform)) {
                pypiRefusals.add(IndexAcceptance.whyRefused(platform));
            }
        }
        Optional<Target> machine = Optional.empty();
        String hostProblem = null;
        if (!kind.equals("platform") || target.given()) {
            try {
                machine = Optional.of(target.resolveOrHost(session));
            } catch (InputException e) {
                if (target.given() || session.target().isPresent()) {
                    throw e;
                }
                hostProblem = e.getMessage();
            }
        }
        Optional<InstallVerdict> verdict = Optional.empty();
        if (tags.isPresent() && machine.isPresent()) {
            verdict = Optional.of(InstallVerdict.of(tags.get(), machine.get()));
        }
        // A wheel file: what its contents mean, for its own claims and for the target.
        List<Finding> contents = new ArrayList<>();
        if (kind.equals("wheel") && Files.isRegularFile(Path.of(input))) {
            try (WheelArchive archive = WheelArchive.open(Path.of(input))) {
                WheelChecks.Result checked = WheelChecks.check(archive, false);
                contents.addAll(PromiseChecks.all(checked, BaselineFiles.policies(baselines)));
                machine.ifPresent(m -> contents.addAll(TargetContentChecks.check(checked, m)));
            }
        }
        boolean breaks = contents.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        if (hostProblem != null) {
            spec.commandLine().getErr().println("wheelsh: no verdict: this machine could not be probed (" + hostProblem
                    + "); give --target");
        }
        print(kind, components, pypiRefusals, machine, verdict, contents);
        return verdict.map(v -> v.installable() && !breaks ? 0 : 1).orElse(breaks ? 1 : 0);
    }

    private void print(String kind, List<Component> components, Set<String> pypiRefusals, Optional<Target> machine,
                       Optional<InstallVerdict> verdict, List<Finding> contents) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("input", input);
            doc.put("kind", kind);
            doc.put("components", components);
            doc.put("pypi_accepts", pypiRefusals.isEmpty());
            doc.put("pypi_refusals", new ArrayList<>(pypiRefusals));
            List<Map<String, String>> found = new ArrayList<>();
            for (Finding f : contents) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("code", f.code().id());
                m.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
                m.put("message", f.message());
                m.put("explanation", f.explanation());
                found.add(m);
            }
            doc.put("contents", found);
            machine.ifPresent(m -> doc.put("target", m.compact()));
            verdict.ifPresent(v -> {
                doc.put("installable", v.installable());
                v.bestTag().ifPresent(t -> doc.put("best_tag", t.toString()));
                if (v.installable()) {
                    doc.put("rank", v.rank());
                }
                v.closestMiss().ifPresent(m -> {
                    Map<String, Object> miss = new LinkedHashMap<>();
                    miss.put("component", m.component().name().toLowerCase(java.util.Locale.ROOT));
                    miss.put("wheel_tag", m.wheelTag().toString());
                    m.nearest().ifPresent(n -> miss.put("target_nearest_tag", n.toString()));
                    miss.put("reason", m.reason());
                    doc.put("closest_miss", miss);
                });
            });
            out.println(Json.pretty(doc));
            return;
        }
        int width = components.stream().mapToInt(c -> c.text().length()).max().orElse(0);
        for (Component c : components) {
            out.printf("  %-" + width + "s  %s%n", c.text(), c.meaning());
        }
        if (pypiRefusals.isEmpty()) {
            out.println("PyPI: accepts these platform tags");
        } else {
            pypiRefusals.forEach(r -> out.println("PyPI: " + r));
        }
        for (Finding f : contents) {
            out.println(f.code().id() + " " + f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.message());
        }
        if (machine.isEmpty()) {
            if (!kind.equals("platform")) {
                out.println("target: none set; give --target, --profile or --python/--arch/--glibc, or run `target SPEC` first");
            }
            return;
        }
        out.println("target: " + machine.get().describe() + "  [" + machine.get().compact() + "]");
        verdict.ifPresent(v -> {
            boolean breaks = contents.stream().anyMatch(f -> f.severity() == Severity.ERROR);
            if (v.installable() && breaks) {
                out.println("verdict: pip installs it (matching " + v.bestTag().orElseThrow()
                        + "), but it will not work there: see the errors above");
            } else if (v.installable()) {
                out.println("verdict: installable: pip matches " + v.bestTag().orElseThrow() + " (preference #" + (v.rank() + 1)
                        + " of the target's tags)");
            } else {
                InstallVerdict.Miss m = v.closestMiss().orElseThrow();
                out.println("verdict: not installable: " + m.component().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                out.println("  " + m.reason());
                out.println("  closest wheel tag:  " + m.wheelTag());
                m.nearest().ifPresent(n -> out.println("  target's nearest:   " + n));
            }
        });
    }
}
