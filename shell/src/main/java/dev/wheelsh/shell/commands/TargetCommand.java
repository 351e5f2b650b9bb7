package dev.wheelsh.shell.commands;

import dev.wheelsh.core.machine.Profiles;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.shell.io.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows or sets the session's current target. */
@Command(name = "target",
        description = "Show the session's target, or set it: `target host`, `target PROFILE`, `target SPEC`.",
        footer = {"", "Examples:", "  wheelsh -c \"target openeuler-24.03; target\"",
                "  wheelsh -c \"target cp313t-glibc2.38-loongarch64; simulate --all\""})
final class TargetCommand implements Callable<Integer> {

    private final Session session;

    TargetCommand(Session session) {
        this.session = session;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "host|PROFILE|SPEC")
    String value;

    @Override
    public Integer call() throws Exception {
        if (value != null) {
            if (value.equals("host")) {
                session.useHost();
            } else if (Profiles.all().stream().anyMatch(p -> p.name().equalsIgnoreCase(value))) {
                session.useTarget(Profiles.named(value).target(Optional.empty()));
            } else {
                session.useTarget(TargetSpec.parse(value));
            }
        }
        spec.commandLine().getOut().println(session.target()
                .map(t -> t.describe() + "  [" + t.compact() + "]")
                .orElse("host (this machine, as python3 on PATH sees it)"));
        return 0;
    }
}
