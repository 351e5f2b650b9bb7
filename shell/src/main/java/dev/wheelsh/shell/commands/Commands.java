package dev.wheelsh.shell.commands;

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
                    VersionCommand.class,
                    ElfCommand.class,
                    ShowCommand.class,
                    LintCommand.class,
            })
    static final class Root {
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Root());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            err.println("wheelsh: " + ex.getMessage());
            return Wheelsh.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof dev.wheelsh.core.InputException) {
                err.println("wheelsh: " + ex.getMessage());
                return Wheelsh.USAGE;
            }
            throw ex;
        });
        return cl;
    }
}
