package dev.wheelsh.shell.commands;

import dev.wheelsh.shell.io.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version",
        footer = {"", "Examples:", "  wheelsh version", "  wheelsh --version"}, description = "Print wheelsh's version.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Version.line());
        return 0;
    }
}
