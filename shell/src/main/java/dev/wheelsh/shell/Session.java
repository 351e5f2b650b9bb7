package dev.wheelsh.shell;

import dev.wheelsh.core.machine.Target;
import java.util.Optional;

/**
 * What a wheelsh session remembers between commands: the current target. `simulate` and
 * `target` set it; `explain` and `pick` use it; the interactive prompt shows it. Empty means
 * "this machine". One per process: a `-c "simulate ...; explain ..."` run shares it across its
 * commands, as an interactive session does.
 */
public final class Session {

    private static volatile Optional<Target> current = Optional.empty();

    private Session() {
    }

    public static Optional<Target> currentTarget() {
        return current;
    }

    public static void setTarget(Target target) {
        current = Optional.of(target);
    }

    public static void useHost() {
        current = Optional.empty();
    }

    /** For the prompt: the compact form, or "host". */
    public static String promptLabel() {
        return current.map(Target::compact).orElse("host");
    }
}
