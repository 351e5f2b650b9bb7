package dev.wheelsh.shell.io;

import dev.wheelsh.core.machine.Target;
import java.util.Optional;

/**
 * What one wheelsh session remembers between its commands: the current target. {@code simulate}
 * and {@code target} set it; {@code explain} and {@code pick} use it; the interactive prompt shows
 * it. Empty means "this machine". A {@code -c "simulate ...; explain ..."} run, a stream of lines
 * on standard input and an interactive shell each have one, shared by all their commands; two
 * sessions in one process know nothing of each other.
 *
 * <p>The REPL runs each command on a worker thread, so the field is volatile: the prompt, read on
 * the terminal's thread, sees what the command set.
 */
public final class Session {

    private volatile Optional<Target> target = Optional.empty();

    public Optional<Target> target() {
        return target;
    }

    public void useTarget(Target machine) {
        target = Optional.of(machine);
    }

    public void useHost() {
        target = Optional.empty();
    }

    /** For the prompt: the compact form, or "host". */
    public String promptLabel() {
        return target.map(Target::compact).orElse("host");
    }
}
