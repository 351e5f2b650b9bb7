package dev.wheelsh.shell.commands;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.spi.ToolProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wheelsh lsp}: the language server on standard input and output, as editors start it.
 *
 * <p>The shell never sees the server's classes: the lsp module registers itself as the JDK tool
 * {@value #TOOL} ({@link ToolProvider}, found through {@link java.util.ServiceLoader}), and the
 * wheelsh jar bundles both modules. So {@code shell} and {@code lsp} still share only {@code core}
 * (docs/architecture.md, "One command").
 */
@Command(name = "lsp",
        description = "Start the language server on standard input and output (for editors: "
                + "diagnostics, hovers and fixes in pyproject.toml, pip.conf and baseline files; docs/lsp.md).",
        footer = {"", "Examples:", "  wheelsh lsp                       # what an editor runs",
                "  wheelsh lsp --debounce-ms=0       # check on every keystroke"})
final class LspCommand implements Callable<Integer> {

    /** The name the server registers under {@code META-INF/services/java.util.spi.ToolProvider}. */
    static final String TOOL = "wheelsh-lsp";

    @Option(names = "--stdio", description = "Accepted for editors that pass it; standard input and output is the only transport.")
    boolean stdio;

    @Option(names = "--debounce-ms", paramLabel = "N", description = "Milliseconds of quiet after an edit before a document is checked again.")
    Long debounceMillis;

    @Override
    public Integer call() throws InputException {
        Optional<ToolProvider> server = ToolProvider.findFirst(TOOL);
        if (server.isEmpty()) {
            throw new InputException("lsp: this build of wheelsh has no language server in it "
                    + "(build the jar with ./mvnw -B -pl shell -am package, which bundles it)");
        }
        List<String> args = new ArrayList<>();
        if (debounceMillis != null) {
            if (debounceMillis < 0) {
                throw new InputException("lsp: --debounce-ms " + debounceMillis + ": a number of milliseconds is 0 or more");
            }
            args.add("--debounce-ms=" + debounceMillis);
        }
        // The server owns the process from here: it speaks the protocol on the real standard
        // streams and ends the process when the client says exit or goes away.
        return server.get().run(System.out, System.err, args.toArray(new String[0]));
    }
}
