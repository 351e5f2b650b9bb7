package dev.wheelsh.shell.io;

/** The exit statuses shared by every command (docs/cli.md, "Conventions shared by every command"). */
public final class ExitStatus {

    /** The check holds (installable, covered, no error finding). */
    public static final int OK = 0;
    /** The check found a problem. */
    public static final int PROBLEM = 1;
    /** Bad usage or input: one line on standard error says what, where and why. */
    public static final int USAGE = 2;
    /** The user stopped the command (Ctrl-C in the interactive shell), as shells report SIGINT: 128 + 2. */
    public static final int STOPPED = 130;

    private ExitStatus() {
    }
}
