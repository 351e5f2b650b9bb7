package dev.wheelsh.shell.commands;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.shell.Wheelsh;
import java.io.PrintWriter;
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

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Root());
        // --help (and -h) on every command, printing its usage with its examples, exit 0.
        cl.getCommandSpec().mixinStandardHelpOptions(true);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            err.println("wheelsh: " + ex.getMessage());
            return Wheelsh.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException) {
                err.println("wheelsh: " + ex.getMessage());
                return Wheelsh.USAGE;
            }
            // Writing JSON can only fail on a value of ours Jackson cannot write: a bug, not the user's input.
            if ((ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException)
                    && !(ex instanceof com.fasterxml.jackson.core.JsonProcessingException)) {
                err.println("wheelsh: " + oneLine(ex.getMessage()));
                return Wheelsh.USAGE;
            }
            // A bug of ours, not the user's input: one line that says so; the trace only on request.
            err.println("wheelsh: internal error: " + ex.getClass().getSimpleName() + ": " + oneLine(String.valueOf(ex.getMessage()))
                    + " (please report it; WHEELSH_DEBUG=1 shows the stack trace)");
            if (System.getenv("WHEELSH_DEBUG") != null) {
                ex.printStackTrace(new java.io.PrintWriter(err, true));
            }
            return Wheelsh.USAGE;
        });
        return cl;
    }
}
