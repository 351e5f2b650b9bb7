package dev.wheelsh.shell.commands;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.shell.io.ExitStatus;
import dev.wheelsh.shell.io.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
                    CheckCommand.class,
                    CompletionCommand.class,
                    VersionCommand.class,
                    ElfCommand.class,
                    ShowCommand.class,
                    LintCommand.class,
                    BaselineCommand.class,
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
            ex.getCommandLine().getErr().println("wheelsh: " + ex.getMessage());
            return ExitStatus.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
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
        for (CommandLine sub : cl.getSubcommands().values()) {
            withHelp(sub);
        }
    }
}
