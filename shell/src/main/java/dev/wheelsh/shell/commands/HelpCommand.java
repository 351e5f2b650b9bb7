package dev.wheelsh.shell.commands;

import dev.wheelsh.shell.io.ExitStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wheelsh help [CMD [SUBCMD]]}: the list of commands, or one command's options and examples. */
@Command(name = "help", description = "Print the commands, or one command's options and examples.",
        footer = {"", "Examples:", "  wheelsh help", "  wheelsh help tags", "  wheelsh help baseline derive"})
final class HelpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command (and subcommand) to describe.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CommandLine at = spec.root().commandLine();
        for (String name : command) {
            CommandLine sub = at.getSubcommands().get(name);
            if (sub == null) {
                String where = at.getCommandSpec().qualifiedName(" ");
                spec.commandLine().getErr().println("wheelsh: help: " + (at.getParent() == null ? "no command '" : "no subcommand '")
                        + name + "'" + (at.getParent() == null ? "" : " of " + where)
                        + Commands.didYouMean(name, at.getSubcommands().keySet())
                        + " (wheelsh help" + (at.getParent() == null ? "" : " " + where.substring("wheelsh ".length()))
                        + " lists them)");
                return ExitStatus.USAGE;
            }
            at = sub;
        }
        at.usage(out);
        out.flush();
        return ExitStatus.OK;
    }
}
