package dev.wheelsh.shell.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version",
        footer = {"", "Examples:", "  wheelsh version"}, description = "Print wheelsh's version.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        spec.commandLine().getOut().println("wheelsh " + (version == null ? "0.1.0-SNAPSHOT" : version));
        return 0;
    }
}
