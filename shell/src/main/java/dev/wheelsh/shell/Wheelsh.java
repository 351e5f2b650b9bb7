package dev.wheelsh.shell;

import dev.wheelsh.shell.commands.Commands;
import dev.wheelsh.shell.io.ExitStatus;
import dev.wheelsh.shell.io.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import picocli.CommandLine;

/**
 * One wheelsh session: runs commands given on the command line, with {@code -c}, or read from
 * standard input, all through one command line and one {@link Session}, so that a target set by
 * one command is the target of the next. Each instance is a session of its own.
 */
public final class Wheelsh {

    private static final int OK = ExitStatus.OK;
    private static final int USAGE = ExitStatus.USAGE;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Session session = new Session();
    /** Every command's model, built when first needed (help, completion, the REPL, a typo). */
    private CommandLine all;
    /** The one-command lines built so far, by command name, each built once per session. */
    private final Map<String, CommandLine> single = new HashMap<>();

    public Wheelsh(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** What this session remembers between commands. */
    public Session session() {
        return session;
    }

    /** The session's commands, for help and completion, which read their model. */
    CommandLine commandLine() {
        if (all == null) {
            all = Commands.commandLine(session, out, err);
        }
        return all;
    }

    /** The command line a run starting with {@code first} needs: one command's when that is enough. */
    private CommandLine commandLineFor(String first) {
        if (all != null) {
            return all;
        }
        CommandLine cl = single.computeIfAbsent(first, f -> Commands.commandLine(session, out, err, f));
        if (cl.getSubcommands().size() > 1) {
            all = cl; // the word named no single command: this is the whole model, keep it
        }
        return cl;
    }

    public int run(String[] args) {
        if (args.length >= 1 && args[0].equals("-c")) {
            if (args.length != 2) {
                err.println("wheelsh: -c takes one argument, the commands separated by ';'");
                return USAGE;
            }
            return runScript(args[1]);
        }
        if (args.length == 0) {
            // A person at a terminal gets the interactive shell; piped input is read line by line
            // with no prompt and no colour.
            if (System.console() != null) {
                return new Repl(System.getenv()).run();
            }
            return runLines();
        }
        return runCommand(args);
    }

    /** Runs {@code CMD; CMD; ...}; the status is the highest of the commands' statuses. */
    public int runScript(String script) {
        int worst = OK;
        for (String line : splitCommands(script)) {
            worst = Math.max(worst, runLine(line));
        }
        return worst;
    }

    private int runLines() {
        int worst = OK;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                worst = Math.max(worst, runScript(line));
            }
        } catch (IOException e) {
            err.println("wheelsh: cannot read standard input: " + e.getMessage());
            return USAGE;
        }
        return worst;
    }

    private int runLine(String line) {
        List<String> words = CommandWords.split(line);
        if (words.isEmpty()) {
            return OK;
        }
        if (words.get(0).equals("lsp")) {
            // The server takes over standard input and output, which a script or the shell is
            // reading and writing: it only runs as the whole command line.
            err.println("wheelsh: lsp: the language server speaks on standard input and output, so it runs only as "
                    + "`wheelsh lsp` (what an editor starts), not inside -c, a script or the interactive shell");
            return USAGE;
        }
        return runCommand(words.toArray(new String[0]));
    }

    /**
     * Runs one command. {@code --quiet} (or {@code -q}) anywhere on the line silences standard
     * output, for scripts that want only the exit status; errors still go to standard error.
     */
    public int runCommand(String[] args) {
        List<String> words = new ArrayList<>(List.of(args));
        boolean quiet = words.remove("--quiet") | words.remove("-q");
        CommandLine commands = commandLineFor(words.isEmpty() ? "" : words.get(0));
        commands.setOut(quiet ? new PrintWriter(Writer.nullWriter()) : out);
        try {
            return commands.execute(words.toArray(new String[0]));
        } finally {
            commands.setOut(out);
        }
    }

    static List<String> splitCommands(String script) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == ';') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
