package dev.wheelsh.shell.commands;

import dev.wheelsh.core.lock.LockFile;
import dev.wheelsh.core.lock.LockPlan;
import dev.wheelsh.core.lock.LockReader;
import dev.wheelsh.core.machine.HostProbe;
import dev.wheelsh.core.machine.Profiles;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetMatrix;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.ProjectName;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What a lock file or a pip report installs on each target, package by package, with a summary. */
@Command(name = "lock",
        description = {"For each target, the file each locked package installs from (a wheel, an sdist to build, a direct "
                + "source), the packages with nothing for the target (with the closest wheel), and a summary. Reads "
                + "pylock.toml (PEP 751), uv.lock and pip's installation report (pip install --dry-run --report FILE). "
                + "Exit 0 when every package of every target has a file, 1 otherwise, 2 bad input."},
        footer = {"", "Examples:",
                "  wheelsh lock pylock.toml --target cp312-glibc2.38-loongarch64 --target cp312-windows-amd64",
                "  wheelsh lock uv.lock --profile debian-12 --profile alpine-3.21 --verbose",
                "  wheelsh lock report.json --target cp313-musl1.2-aarch64 --json"})
final class LockCommand implements Callable<Integer> {

    private final Session session;

    LockCommand(Session session) {
        this.session = session;
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "pylock.toml, pylock.NAME.toml, uv.lock, or a pip report (JSON).")
    List<Path> files;

    @Option(names = "--target", description = "A target in compact form; repeatable (default: the session's target, else this machine).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--profile", completionCandidates = OptionValues.ProfileNames.class, description = "A named machine; repeatable.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--python-full", paramLabel = "X.Y.Z",
            description = "The interpreter's full version, held against requires-python (default: each target's X.Y.0).")
    String pythonFull;

    @Option(names = "--group", paramLabel = "GROUP", description = "Install this dependency group (repeatable; default: the lock's default groups, uv's dev).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--all-groups", description = "Install every dependency group (uv.lock).")
    boolean allGroups;

    @Option(names = "--extra", paramLabel = "EXTRA", description = "Install this extra (repeatable).")
    List<String> extras = new ArrayList<>();

    @Mixin
    PackagingOptions packagingOptions;

    @Option(names = "--verbose", description = "Also list the packages not needed on a target, with why.")
    boolean verbose;

    @Option(names = "--json", description = "Print JSON (schema in docs/schemas/lock.schema.json).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<LockFile> locks = new ArrayList<>();
        for (Path f : files) {
            locks.add(LockReader.read(f.toString(), read(f)));
        }
        List<Target> matrix = new ArrayList<>();
        for (String t : targets) {
            matrix.add(TargetSpec.parse(t));
        }
        for (String p : profiles) {
            matrix.add(Profiles.named(p).target(Optional.empty()));
        }
        if (matrix.isEmpty()) {
            matrix.add(session.target().isPresent() ? session.target().get() : new HostProbe(HostProbe.local()).probe("python3"));
        }
        TargetMatrix.bounded("lock", matrix);
        PackagingRelease release = packagingOptions.release();
        Optional<Version> python = Optional.empty();
        if (pythonFull != null) {
            python = Optional.of(Version.parse(pythonFull));
            for (Target t : matrix) {
                Version v = python.get();
                String xy = v.release().size() >= 2 ? v.release().get(0) + "." + v.release().get(1) : v.toString();
                if (!xy.equals(t.interpreter().version().toString())) {
                    throw new InputException("lock: --python-full " + pythonFull + " is not a version of the Python of "
                            + t.compact());
                }
            }
        }
        LockPlan.Request request = new LockPlan.Request(
                groups.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(groups.stream().map(ProjectName::canonicalize).toList())),
                allGroups, Set.copyOf(extras.stream().map(ProjectName::canonicalize).toList()));
        List<LockPlan> plans = new ArrayList<>();
        for (LockFile lock : locks) {
            for (Target t : matrix) {
                plans.add(LockPlan.of(lock, t, release, python, request));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Object> docs = new ArrayList<>();
            for (LockPlan p : plans) {
                docs.add(planJson(p));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("packaging", release.version());
            doc.put("plans", docs);
            doc.put("ok", plans.stream().allMatch(LockPlan::installs));
            out.println(Json.pretty(doc));
        } else {
            for (LockPlan p : plans) {
                out.println(p.lock().source() + " (" + p.lock().format().words() + ") on " + p.target().describe()
                        + "  [" + p.target().compact() + "]");
                if (p.refusal().isPresent()) {
                    out.println("  refused: " + p.refusal().get());
                    continue;
                }
                for (LockPlan.Entry e : p.entries()) {
                    if (verbose || !(e.outcome() instanceof LockPlan.NotNeeded)) {
                        out.println("  " + e.sentence());
                    }
                }
                out.println("  summary: " + p.summary().words());
            }
        }
        return plans.stream().allMatch(LockPlan::installs) ? 0 : 1;
    }

    private static Map<String, Object> planJson(LockPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.lock().source());
        m.put("format", p.lock().format().name().toLowerCase(Locale.ROOT));
        m.put("target", p.target().compact());
        p.lock().madeFor().ifPresent(f -> m.put("made_for", f));
        m.put("installs", p.installs());
        p.refusal().ifPresent(r -> m.put("refusal", r));
        List<Object> packages = new ArrayList<>();
        for (LockPlan.Entry e : p.entries()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", e.pkg().name());
            e.pkg().version().ifPresent(v -> one.put("version", v));
            one.put("place", e.pkg().place());
            LockPlan.Outcome o = e.outcome();
            if (o instanceof LockPlan.Wheel w) {
                one.put("outcome", "wheel");
                one.put("file", w.filename());
                one.put("tag", w.tag().toString());
                one.put("rank", w.rank());
            } else if (o instanceof LockPlan.Sdist s) {
                one.put("outcome", "sdist");
                one.put("file", s.filename());
                s.closest().ifPresent(c -> closest(one, c));
            } else if (o instanceof LockPlan.Direct d) {
                one.put("outcome", "direct");
                one.put("source", d.source());
            } else if (o instanceof LockPlan.Nothing n) {
                one.put("outcome", "nothing");
                one.put("why", n.why());
                n.closest().ifPresent(c -> closest(one, c));
            } else if (o instanceof LockPlan.NotNeeded n) {
                one.put("outcome", "not_needed");
                one.put("why", n.why());
            }
            one.put("sentence", e.sentence());
            packages.add(one);
        }
        m.put("packages", packages);
        LockPlan.Summary s = p.summary();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("packages", s.packages() - s.notNeeded().size());
        summary.put("wheels", s.wheels().size());
        summary.put("sdists", s.sdists());
        summary.put("nothing", s.nothing());
        summary.put("direct", s.direct());
        summary.put("not_needed", s.notNeeded().size());
        summary.put("words", s.words());
        m.put("summary", summary);
        return m;
    }

    private static void closest(Map<String, Object> one, LockPlan.Closest c) {
        one.put("closest_wheel", c.wheel().render());
        one.put("closest_miss", c.miss().component().name().toLowerCase(Locale.ROOT));
        one.put("reason", c.miss().reason());
    }

    private static String read(Path f) throws InputException {
        try {
            if (!Files.isRegularFile(f)) {
                throw new InputException(f + ": no such file");
            }
            if (Files.size(f) > LockReader.MAX_CHARS * 4L) {
                throw new InputException(f + ": larger than " + (LockReader.MAX_CHARS >> 20) + " MiB; not read as a lock file");
            }
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new InputException(f + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(f + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
