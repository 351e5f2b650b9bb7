package dev.wheelsh.lsp;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * The server's log. It goes to standard error and never to standard output, which carries only
 * the protocol; editors show standard error in their language-server log.
 */
public final class Log {

    private final PrintStream err;

    public Log(PrintStream err) {
        this.err = err;
    }

    public void info(String message) {
        err.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " wheelsh-lsp: " + message);
    }

    /** A handler failed; the server goes on, so the whole trace is kept here for a bug report. */
    public void failure(String where, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        info("error in " + where + ": " + t + System.lineSeparator() + trace);
    }
}
