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
import java.util.Optional;
import java.util.Set;
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

    /**
     * Every command, in the order help lists them. Each class's own {@code @Command} annotation
     * names it, so the name is written once; the model of a command is built only when a run
     * needs it (see {@link #commandLine(Session, PrintWriter, PrintWriter, String)}).
     */
    private static final List<Class<?>> ALL = List.of(
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
            HelpCommand.class);

    /**
     * The commands that read the whole model (the list of commands, every option for completion),
     * so a run of one of them gets every command.
     */
    private static final Set<Class<?>> READ_THE_WHOLE_MODEL = Set.of(HelpCommand.class, CompletionCommand.class);

    @Command(name = "wheelsh", mixinStandardHelpOptions = false,
            description = "Tells whether a Python wheel will run on a machine, and why not.")
    static final class Root {
    }

    /** The command class a first word names, if it names one; reading an annotation builds no model. */
    private static Optional<Class<?>> named(String word) {
        for (Class<?> c : ALL) {
            if (c.getAnnotation(Command.class).name().equals(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
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
        return build(session, out, err, ALL);
    }

    /**
     * The command line for a run whose first word is {@code first}: the root with only that
     * command when the word names one that needs no other, else every command. picocli builds a
     * command's model by reflection over all its options, mixins and subcommands; building the
     * one a run uses instead of all fourteen is most of what a short run's start-up costs beyond
     * the JVM (docs/benchmarks.md, "Start-up"). The answer is the same either way: help, errors
     * and did-you-mean read the whole model, and get it.
     */
    public static CommandLine commandLine(Session session, PrintWriter out, PrintWriter err, String first) {
        Optional<Class<?>> only = named(first).filter(c -> !READ_THE_WHOLE_MODEL.contains(c));
        return build(session, out, err, only.<List<Class<?>>>map(List::of).orElse(ALL));
    }

    private static CommandLine build(Session session, PrintWriter out, PrintWriter err, List<Class<?>> commands) {
        SessionFactory factory = new SessionFactory(session);
        CommandLine cl = new CommandLine(new Root(), factory);
        for (Class<?> command : commands) {
            cl.addSubcommand(new CommandLine(command, factory));
        }
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
