package dev.wheelsh.shell.commands;

import dev.wheelsh.core.vocabulary.InputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a shell completion script for the `wheelsh CMD` form, generated from the command model. */
@Command(name = "completion",
        description = "Print a completion script for bash, zsh or fish.",
        footer = {"", "Examples:",
                "  source <(wheelsh completion bash)           # in ~/.bashrc",
                "  source <(wheelsh completion zsh)            # in ~/.zshrc",
                "  wheelsh completion fish > ~/.config/fish/completions/wheelsh.fish"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "bash|zsh|fish")
    String shell;

    @Override
    public Integer call() throws Exception {
        // Generated from the same model the commands run with, so new commands and options complete.
        PrintWriter out = spec.commandLine().getOut();
        switch (shell) {
            case "bash" -> out.print(AutoComplete.bash("wheelsh", spec.root().commandLine()));
            case "zsh" -> {
                // zsh runs bash completion functions through bashcompinit.
                out.println("autoload -U +X compinit && compinit");
                out.println("autoload -U +X bashcompinit && bashcompinit");
                out.print(AutoComplete.bash("wheelsh", spec.root().commandLine()));
            }
            case "fish" -> out.print(FishCompletion.script(spec.root().commandLine()));
            default -> throw new InputException("completion '" + shell + "': the shells are bash, zsh and fish");
        }
        out.flush();
        return 0;
    }
}
