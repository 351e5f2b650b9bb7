package dev.wheelsh.shell;

import dev.wheelsh.shell.io.CommandOutput;
import dev.wheelsh.shell.io.ExitStatus;
import dev.wheelsh.shell.io.Stopped;
import dev.wheelsh.shell.io.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The interactive shell: a prompt showing the session's target, completion of commands, options,
 * values and tags component by component, highlighting of invalid tag components, persistent
 * history, Ctrl-C to cancel the line or the running command, Ctrl-D to leave.
 */
final class Repl {

    private final Map<String, String> env;

    Repl(Map<String, String> env) {
        this.env = env;
    }

    int run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("wheelsh").build()) {
            boolean colour = Style.colourAllowed(env, !Terminal.TYPE_DUMB.equals(terminal.getType())
                    && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType()));
            PrintWriter screen = terminal.writer();
            // Commands write through a gate that Ctrl-C closes on them (see runCancellable).
            CommandOutput gate = new CommandOutput(screen);
            PrintWriter out = new PrintWriter(gate, true);
            // One session for the whole shell: every line runs through its command line and target.
            Wheelsh session = new Wheelsh(out, out);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("wheelsh")
                    .completer(new WheelshCompleter(session.commandLine()))
                    .highlighter(new TagHighlighter(colour))
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.HISTORY_SIZE, 2000)
                    .option(LineReader.Option.BRACKETED_PASTE, true)
                    .build();
            screen.println("wheelsh: will this wheel run there? Type help, or a command; Tab completes; Ctrl-D leaves.");
            int last = ExitStatus.OK;
            while (true) {
                String text;
                try {
                    text = reader.readLine(prompt(session, colour));
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C drops the line being typed
                } catch (EndOfFileException e) {
                    return last;
                }
                // A bracketed paste of several lines arrives as one text: each line is a command of
                // its own, run in turn, as if typed one after the other.
                for (String line : text.split("\\R")) {
                    String trimmed = line.strip();
                    if (trimmed.equals("exit") || trimmed.equals("quit")) {
                        return last;
                    }
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    last = runCancellable(terminal, gate, session, trimmed);
                    screen.flush();
                    if (last == ExitStatus.STOPPED) {
                        screen.println("wheelsh: stopped");
                        break; // Ctrl-C stops the rest of a paste too
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("wheelsh: cannot open the terminal: " + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    /**
     * Runs one line on a worker thread, so that Ctrl-C stops the command, not the shell: it closes
     * the output gate on the worker (its next write ends it), interrupts it, and the prompt comes
     * back at once. A command that neither writes nor heeds the interrupt is left to finish on its
     * own (a daemon thread) with its output dropped.
     */
    private static int runCancellable(Terminal terminal, CommandOutput gate, Wheelsh session, String line) {
        AtomicInteger status = new AtomicInteger(ExitStatus.OK);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                status.set(session.runScript(line));
            } catch (Stopped e) {
                status.set(ExitStatus.STOPPED);
            } finally {
                finished.countDown();
            }
        }, "wheelsh-command");
        worker.setDaemon(true);
        gate.runBy(worker);
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            stopped.set(true);
            gate.stop();
            worker.interrupt();
            finished.countDown();
        });
        try {
            worker.start();
            finished.await();
            if (stopped.get()) {
                // Give the command a moment to end at its next write, so the session is left whole.
                worker.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gate.stop();
            terminal.handle(Terminal.Signal.INT, previous);
        }
        return stopped.get() ? ExitStatus.STOPPED : status.get();
    }

    private static String prompt(Wheelsh session, boolean colour) {
        String label = session.session().promptLabel();
        if (!colour) {
            return "wheelsh [" + label + "]> ";
        }
        return new AttributedStringBuilder()
                .style(AttributedStyle.BOLD).append("wheelsh")
                .style(AttributedStyle.DEFAULT).append(" [")
                .style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)).append(label)
                .style(AttributedStyle.DEFAULT).append("]> ")
                .toAnsi();
    }

    /** $XDG_STATE_HOME/wheelsh/history, by default ~/.local/state/wheelsh/history. */
    private Path historyFile() {
        String state = env.get("XDG_STATE_HOME");
        Path dir = state != null && !state.isBlank() ? Path.of(state, "wheelsh")
                : Path.of(System.getProperty("user.home"), ".local", "state", "wheelsh");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            // history stays in memory for this session
        }
        return dir.resolve("history");
    }
}
