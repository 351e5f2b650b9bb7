package dev.wheelsh.shell;

import dev.wheelsh.shell.io.ExitStatus;
import dev.wheelsh.shell.io.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
            PrintWriter out = terminal.writer();
            // One session for the whole shell: every line runs through its command line and target.
            Wheelsh session = new Wheelsh(out, out);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("wheelsh")
                    .completer(new WheelshCompleter(session.commandLine()))
                    .highlighter(new TagHighlighter(colour))
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.HISTORY_SIZE, 2000)
                    .build();
            out.println("wheelsh: will this wheel run there? Type help, or a command; Tab completes; Ctrl-D leaves.");
            int last = ExitStatus.OK;
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt(session, colour));
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C drops the line being typed
                } catch (EndOfFileException e) {
                    return last;
                }
                String trimmed = line.strip();
                if (trimmed.equals("exit") || trimmed.equals("quit")) {
                    return last;
                }
                if (trimmed.isEmpty()) {
                    continue;
                }
                last = runCancellable(terminal, session, trimmed, out);
                out.flush();
            }
        } catch (IOException e) {
            System.err.println("wheelsh: cannot open the terminal: " + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    /** Runs one line on a worker thread, so that Ctrl-C interrupts the command, not the shell. */
    private int runCancellable(Terminal terminal, Wheelsh session, String line, PrintWriter out) {
        AtomicReference<Integer> status = new AtomicReference<>(ExitStatus.OK);
        Thread worker = new Thread(() -> status.set(runLine(session, line, out)), "wheelsh-command");
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
        try {
            worker.start();
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        return status.get();
    }

    private static int runLine(Wheelsh session, String line, PrintWriter out) {
        return session.runScript(line);
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
