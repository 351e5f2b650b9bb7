package dev.wheelsh.shell.commands;

import dev.wheelsh.core.machine.HostProbe;
import dev.wheelsh.core.machine.PipDebugReport;
import dev.wheelsh.core.machine.Profiles;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.machine.UvPythonPlatform;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.PythonVersion;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.shell.io.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows or sets the session's current target. */
@Command(name = "target",
        description = "Show the session's target, or set it: `target host [--python PATH]`, `target PROFILE`, `target SPEC`, "
                + "`target UV-PLATFORM --python X.Y`, `target --pip-debug FILE`.",
        footer = {"", "Examples:", "  wheelsh -c \"target openeuler-24.03; target\"",
                "  wheelsh -c \"target cp313t-glibc2.38-loongarch64; simulate --all\"",
                "  wheelsh -c \"target host --python /usr/bin/python3.11; pick simple/\"",
                "  wheelsh -c \"target aarch64-unknown-linux-gnu --python 3.12; explain numpy-2.2.4-cp312-cp312-manylinux_2_17_aarch64.whl\"",
                "  pip debug --verbose > debug.txt; wheelsh target --pip-debug debug.txt"})
final class TargetCommand implements Callable<Integer> {

    private final Session session;

    TargetCommand(Session session) {
        this.session = session;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "host|PROFILE|SPEC|UV-PLATFORM")
    String value;

    @Option(names = "--python", paramLabel = "PATH|X.Y",
            description = "With host: the interpreter to probe (default python3 on PATH); with a uv python-platform: the Python version.")
    String python;

    @Option(names = "--pip-debug", paramLabel = "FILE",
            description = "The output of `pip debug --verbose`: its target, and its compatible tags against wheelsh's (exit 1 when they differ).")
    Path pipDebug;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (pipDebug != null) {
            if (value != null) {
                throw new InputException("target: --pip-debug gives the target; drop '" + value + "'");
            }
            return fromPipDebug(out);
        }
        if (value != null) {
            if (value.equals("host")) {
                if (python != null) {
                    // probed now, so the session keeps this interpreter's machine
                    session.useTarget(new HostProbe(HostProbe.local()).probe(python));
                } else {
                    session.useHost();
                }
            } else if (python != null && UvPythonPlatform.known(value)) {
                session.useTarget(UvPythonPlatform.target(value, "cp" + PythonVersion.parse(python).nodot()));
            } else if (python != null) {
                throw new InputException("target: --python goes with host or a uv python-platform, not '" + value + "'");
            } else if (UvPythonPlatform.known(value)) {
                throw new InputException("target: '" + value + "' is uv's python-platform; give the Python version too: target "
                        + value + " --python X.Y");
            } else if (Profiles.all().stream().anyMatch(p -> p.name().equalsIgnoreCase(value))) {
                session.useTarget(Profiles.named(value).target(Optional.empty()));
            } else {
                session.useTarget(TargetSpec.parse(value));
            }
        }
        if (session.target().isPresent()) {
            Target t = session.target().get();
            out.println(t.describe() + "  [" + t.compact() + "]");
        } else {
            // host: say what python3 on PATH resolves to now
            try {
                Target t = new HostProbe(HostProbe.local()).probe("python3");
                out.println("host: " + t.describe() + "  [" + t.compact() + "] (as python3 on PATH sees it)");
            } catch (InputException e) {
                out.println("host (this machine, as python3 on PATH sees it; not probed now: " + e.getMessage() + ")");
            }
        }
        return 0;
    }

    private int fromPipDebug(PrintWriter out) throws InputException {
        String text;
        try {
            if (!Files.isRegularFile(pipDebug)) {
                throw new InputException(pipDebug + ": no such file");
            }
            if (Files.size(pipDebug) > 64L * 1024 * 1024) {
                throw new InputException(pipDebug + ": larger than 64 MiB; not pip debug output");
            }
            text = Files.readString(pipDebug, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(pipDebug + ": cannot read (" + e.getMessage() + ")");
        }
        PipDebugReport report = PipDebugReport.parse(pipDebug.toString(), text);
        Target t = report.target();
        PackagingRelease release;
        try {
            release = PackagingRelease.forPip(report.pipVersion());
        } catch (InputException e) {
            release = PackagingRelease.DEFAULT;
            out.println("pip " + report.pipVersion() + " vendors packaging " + report.packaging().orElse("(not listed)")
                    + ", which wheelsh does not reproduce; compared with packaging " + release.version());
        }
        session.useTarget(t);
        out.println(t.describe() + "  [" + t.compact() + "]  (from pip " + report.pipVersion() + "'s debug output)");
        PipDebugReport.Comparison c = report.compare(t, release);
        out.println("tags: " + c.words());
        return c.equal() ? 0 : 1;
    }
}
