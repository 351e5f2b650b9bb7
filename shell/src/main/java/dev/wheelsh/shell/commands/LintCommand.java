package dev.wheelsh.shell.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelsh lint FILE...}: the language server's checks of pyproject.toml, pip.conf / pip.ini
 * and baseline JSON files, printed as {@code path:line:col: CODE severity: message} (one-based).
 */
@Command(name = "lint",
        footer = {"", "Examples:", "  wheelsh lint pyproject.toml pip.conf", "  wheelsh lint --json policies/loongarch64.json"}, description = "Check pyproject.toml, pip.conf/pip.ini and baseline (policy) JSON files: "
        + "cibuildwheel selectors, uv markers, pip options, platform tags, policies (codes: docs/codes.md).")
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to check; the kind comes from the name "
            + "(pyproject.toml; pip.conf or pip.ini; any other .json is a baseline file) unless --kind says.")
    List<Path> files;

    @Option(names = "--kind", description = "Read every FILE as this kind: pyproject, pip-conf or baseline.")
    String kind;

    @Option(names = "--target", paramLabel = "TARGET", description = "A target (compact form, e.g. cp313-glibc2.38-loongarch64) "
            + "requires-python is compared with when the file names none ([tool.wheelsh] targets). Repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE", description = "A baseline (policy) JSON file whose policy names count as "
            + "known platform tags (e.g. a custom loongnix_2_28 policy makes loongnix_2_28_loongarch64 known). Repeatable.")
    List<Path> baselines = new ArrayList<>();

    @Option(names = "--json", description = "Print the findings as JSON (schema: docs/cli.md, \"wheelsh lint\").")
    boolean json;

    @Override
    public Integer call() {
        return Linting.run(new Linting.Request(files, Optional.ofNullable(kind), targets, baselines, json),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
