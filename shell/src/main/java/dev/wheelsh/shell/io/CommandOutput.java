package dev.wheelsh.shell.io;

import java.io.IOException;
import java.io.Writer;

/**
 * The interactive shell's output: only the thread of the running command may write through it.
 * When the user stops that command, {@link #stop()} takes the right away and the command's next
 * write throws {@link Stopped}, so a command printing three hundred thousand lines ends at the next
 * line instead of after the last one, and nothing of it appears after the prompt.
 */
public final class CommandOutput extends Writer {

    private final Writer terminal;
    private volatile Thread running;

    public CommandOutput(Writer terminal) {
        this.terminal = terminal;
    }

    /** From now on {@code command} (and only it) writes. */
    public void runBy(Thread command) {
        running = command;
    }

    /** No thread writes any more; the one that did gets {@link Stopped} on its next write. */
    public void stop() {
        running = null;
    }

    private void check() {
        if (Thread.currentThread() != running) {
            throw new Stopped();
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        check();
        terminal.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (Thread.currentThread() == running) {
            terminal.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
