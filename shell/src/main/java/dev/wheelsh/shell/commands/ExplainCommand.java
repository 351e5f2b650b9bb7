package dev.wheelsh.shell.commands;

import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.explain.Explainer;
import dev.wheelsh.core.explain.Explanation;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.explain.InstallVerdict;
import dev.wheelsh.core.explain.NextStep;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.Session;
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

    @Mixin
    PackagingOptions packagingOptions;

    @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
    boolean json;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A wheel file's promise is judged with this baseline "
            + "(policy) JSON file too, besides the built-in ones. Repeatable.")
    List<Path> baselines = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String name = Path.of(input).getFileName() == null ? input : Path.of(input).getFileName().toString();
        if (input.contains("/") && !Files.exists(Path.of(input))) {
            // A bare filename is explained as a name; a path must be a file.
            throw new InputException(input + ": no such file (give the bare filename to explain the name alone)");
        }
        Optional<Explanation.Kind> kind = Explainer.kindOf(name);
        Optional<Target> machine = Optional.empty();
        String hostProblem = null;
        if (kind.isPresent() && (kind.get() != Explanation.Kind.PLATFORM || target.given())) {
            try {
                machine = Optional.of(target.resolveOrHost(session));
            } catch (InputException e) {
                if (target.given() || session.target().isPresent()) {
                    throw e;
                }
                hostProblem = e.getMessage();
            }
        }
        PolicySet policies = BaselineFiles.policies(baselines);
        PackagingRelease release = packagingOptions.release();
        Explanation explanation = kind.orElse(null) == Explanation.Kind.WHEEL && Files.isRegularFile(Path.of(input))
                ? Explainer.explainWheelFile(Path.of(input), machine, policies, release)
                : Explainer.explainName(name, machine, policies, release);
        if (hostProblem != null) {
            spec.commandLine().getErr().println("wheelsh: no verdict: this machine could not be probed (" + hostProblem
                    + "); give --target");
        }
        print(explanation);
        return explanation.outcome().exitStatus();
    }

    private void print(Explanation e) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(jsonOf(e)));
            return;
        }
        e.componentLines().forEach(out::println);
        e.pypiLines().forEach(out::println);
        e.tagFindings().forEach(f -> out.println(Explanation.findingLine(f)));
        e.contents().forEach(f -> out.println(Explanation.findingLine(f)));
        e.notes().forEach(n -> out.println("note: " + n));
        if (e.target().isEmpty()) {
            if (e.kind() != Explanation.Kind.PLATFORM) {
                out.println("target: none set; give --target, --profile or --python/--arch/--glibc, or run `target SPEC` first");
            }
            e.nextLines().forEach(out::println);
            return;
        }
        out.println(e.targetLine().orElseThrow());
        e.verdictLines().forEach(out::println);
        e.nextLines().forEach(out::println);
    }

    private Map<String, Object> jsonOf(Explanation e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("input", input);
        doc.put("kind", e.kind().id());
        doc.put("components", e.components());
        doc.put("pypi_accepts", e.pypiRefusals().isEmpty());
        doc.put("pypi_refusals", e.pypiRefusals());
        doc.put("tag_findings", findings(e.tagFindings()));
        doc.put("contents", findings(e.contents()));
        doc.put("notes", e.notes());
        doc.put("next", e.next().stream().map(ExplainCommand::next).toList());
        e.target().ifPresent(m -> doc.put("target", m.compact()));
        e.verdict().ifPresent(v -> {
            doc.put("installable", v instanceof InstallVerdict.Installs);
            if (v instanceof InstallVerdict.Installs installs) {
                doc.put("best_tag", installs.bestTag().toString());
                doc.put("rank", installs.rank());
            } else if (v instanceof InstallVerdict.Misses misses) {
                doc.put("closest_miss", miss(misses.closest()));
                doc.put("other_misses", misses.others().stream().map(ExplainCommand::miss).toList());
            }
        });
        return doc;
    }

    private static List<Map<String, String>> findings(List<Finding> findings) {
        List<Map<String, String>> found = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("code", f.code().id());
            m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            m.put("message", f.message());
            m.put("explanation", f.explanation());
            found.add(m);
        }
        return found;
    }

    private static Map<String, Object> next(NextStep n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", n.action().id());
        m.put("advice", n.advice());
        m.put("command", n.command().orElse(null));
        return m;
    }

    private static Map<String, Object> miss(InstallVerdict.Miss m) {
        Map<String, Object> miss = new LinkedHashMap<>();
        miss.put("component", m.component().name().toLowerCase(Locale.ROOT));
        miss.put("wheel_tag", m.wheelTag().toString());
        m.nearest().ifPresent(n -> miss.put("target_nearest_tag", n.toString()));
        miss.put("reason", m.reason());
        return miss;
    }
}
