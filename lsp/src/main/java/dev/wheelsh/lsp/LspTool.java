package dev.wheelsh.lsp;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.spi.ToolProvider;

/**
 * The server as the JDK tool {@code wheelsh-lsp}, so that {@code wheelsh lsp} can start it without
 * the shell depending on this module: the shell finds it with {@link ToolProvider#findFirst}.
 * It speaks the protocol on the process's standard input and output (not on the streams handed
 * in, which are for a tool's text) and ends the process when the client says exit.
 */
public final class LspTool implements ToolProvider {

    @Override
    public String name() {
        return "wheelsh-lsp";
    }

    @Override
    public int run(PrintWriter out, PrintWriter err, String... args) {
        return start(args);
    }

    @Override
    public int run(PrintStream out, PrintStream err, String... args) {
        return start(args);
    }

    private static int start(String... args) {
        try {
            ServerMain.main(args);
        } catch (Exception e) {
            System.err.println("wheelsh lsp: the server stopped: " + e);
            return 1;
        }
        return 0;
    }
}
