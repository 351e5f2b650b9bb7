package dev.wheelsh.shell.io;

import java.io.PrintStream;

/**
 * A one-line progress indicator for long work (many wheels, large wheels), on standard error and
 * only when wheelsh talks to a terminal: piped or redirected runs stay silent, so their output is
 * exactly the report.
 */
public final class Progress implements AutoCloseable {

    private final PrintStream err;
    private final String label;
    private final int total;
    private final boolean visible;
    private int done;
    private long lastDrawn;

    private Progress(PrintStream err, String label, int total, boolean visible) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.visible = visible;
    }

    /** Starts a bar of {@code total} steps; invisible unless on a terminal. */
    public static Progress start(String label, int total) {
        return new Progress(System.err, label, total, System.console() != null && total > 1);
    }

    /** One step done; {@code item} says which. Redraws at most every 100 ms. */
    public void advance(String item) {
        done++;
        if (!visible) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawn < 100_000_000L && done < total) {
            return;
        }
        lastDrawn = now;
        int width = 24;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        String name = item.length() > 40 ? "..." + item.substring(item.length() - 37) : item;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " " + name
                + "\u001b[K");
        err.flush();
    }

    @Override
    public void close() {
        if (visible) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
