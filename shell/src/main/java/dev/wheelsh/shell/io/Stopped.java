package dev.wheelsh.shell.io;

/**
 * Thrown into a running command when the user stopped it (Ctrl-C in the interactive shell): its
 * next write ends it, however long its output would have been. Not an error: the shell says
 * "stopped" and shows the prompt again.
 */
public final class Stopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Stopped() {
        super("stopped", null, false, false);
    }
}
