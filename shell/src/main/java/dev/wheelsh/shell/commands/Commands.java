package dev.wheelsh.shell.commands;

import dev.wheelsh.core.vocabulary.Suggest;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.shell.io.ExitStatus;
import dev.wheelsh.shell.io.Session;
import dev.wheelsh.shell.io.Stopped;
import dev.wheelsh.shell.io.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The one list of wheelsh's commands, used by every way of running them. */
public final class Commands {

    private Commands() {
    }

    @Command(name = "wheelsh", mixinStandardHelpOptions = false,
            description = "Tells whether a Python wheel will run on a machine, and why not.",
            subcommands = {
                    TagsCommand.class,
                    SimulateCommand.class,
                    TargetCommand.class,
                    ExplainCommand.class,
                    PickCommand.class,
                    LockCommand.class,
                    CheckCommand.class,
                    CompletionCommand.class,
                    VersionCommand.class,
                    ElfCommand.class,
                    ShowCommand.class,
                    LintCommand.class,
                    BaselineCommand.class,
                    LspCommand.class,
                    HelpCommand.class,
            })
    static final class Root {
    }

    /**
     * Makes the command objects of one session: a class with a constructor taking the
     * {@link Session} gets the session, any other class is made as picocli makes it. The commands
     * stay free of statics, and two sessions never share a target.
     */
    private record SessionFactory(Session session) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            Constructor<K> withSession;
            try {
                withSession = cls.getDeclaredConstructor(Session.class);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
            withSession.setAccessible(true);
            return withSession.newInstance(session);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * The command line of one session: built once and run for each of the session's commands
     * (picocli puts every option back to its initial value before it parses the next line).
     */
    public static CommandLine commandLine(Session session, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Root(), new SessionFactory(session));
        // --help (and -h) on every command and subcommand, printing its usage with its examples, exit 0.
        withHelp(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(usageError(ex));
            return ExitStatus.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof Stopped) {
                return ExitStatus.STOPPED; // the user asked for it; the shell says so
            }
            if (ex instanceof InputException bad) {
                // The code of the same mistake in a checked file (WH191 for a misspelt
                // architecture), so the shell and lint name it alike.
                e.println("wheelsh: " + bad.code().map(c -> c.id() + " " + c.severity().name().toLowerCase(Locale.ROOT) + ": ")
                        .orElse("") + ex.getMessage());
                return ExitStatus.USAGE;
            }
            if (ex instanceof UncheckedIOException || ex instanceof IOException) {
                e.println("wheelsh: " + oneLine(ex.getMessage()));
                return ExitStatus.USAGE;
            }
            // A bug of ours, not the user's input: one line that says so; the trace only on request.
            e.println("wheelsh: internal error: " + ex.getClass().getSimpleName() + ": " + oneLine(String.valueOf(ex.getMessage()))
                    + " (please report it; WHEELSH_DEBUG=1 shows the stack trace)");
            if (System.getenv("WHEELSH_DEBUG") != null) {
                ex.printStackTrace(e);
            }
            return ExitStatus.USAGE;
        });
        return cl;
    }

    private static void withHelp(CommandLine cl) {
        cl.getCommandSpec().mixinStandardHelpOptions(true);
        // -V and --version print the version line on every command, as `wheelsh version` does.
        cl.getCommandSpec().versionProvider(() -> new String[] {Version.line()});
        // The footer holds the examples, meant to be copied: printed line by line as written,
        // never wrapped in the middle of a filename as picocli wraps text at 80 columns.
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            String[] lines = help.commandSpec().usageMessage().footer();
            return lines.length == 0 ? "" : String.join(System.lineSeparator(), lines) + System.lineSeparator();
        });
        for (CommandLine sub : cl.getSubcommands().values()) {
            withHelp(sub);
        }
    }

    /**
     * One line for a mistake on the command line, in wheelsh's words: the command it happened in,
     * what the user typed, the closest command or option when one is close, and where the list is.
     */
    static String usageError(ParameterException ex) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String command = spec.qualifiedName(" ");
        boolean root = spec.parent() == null;
        String helpFor = root ? "wheelsh help" : "wheelsh help " + command.substring("wheelsh ".length());
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> words = unmatched.getUnmatched();
            String option = words.stream().filter(w -> w.startsWith("-") && w.length() > 1).findFirst().orElse(null);
            if (option != null) {
                String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
                // A one-letter option is too short for a guess to mean anything (-x is one edit from -h and -V).
                String meant = name.startsWith("--") ? didYouMean(name, spec.optionsMap().keySet()) : "";
                return command + ": unknown option '" + name + "'" + meant
                        + " (" + helpFor + " lists the options)";
            }
            String word = words.get(0);
            if (!spec.subcommands().isEmpty()) {
                return command + ": unknown " + (root ? "command" : "subcommand") + " '" + word + "'"
                        + didYouMean(word, spec.subcommands().keySet()) + " (" + helpFor + " lists them)";
            }
            return command + ": unexpected argument '" + word + "' (" + helpFor + " shows what it takes)";
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : oneLine(ex.getMessage());
        if (!message.isEmpty()) {
            message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        return command + ": " + message + " (" + helpFor + ")";
    }

    /** {@code "; did you mean 'X'?"} when a known word is close to what was typed, else nothing. */
    static String didYouMean(String typed, Collection<String> known) {
        return Suggest.closest(typed, known).map(n -> "; did you mean '" + n + "'?").orElse("");
    }
}
