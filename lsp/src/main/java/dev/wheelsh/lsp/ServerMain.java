package dev.wheelsh.lsp;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Future;
import java.util.function.Function;
import dev.wheelsh.core.config.CheckSettings;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Starts the wheelsh language server on standard input and output:
 * {@code wheelsh lsp} (or {@code java -jar wheelsh-lsp.jar}). Standard output carries only the protocol: before anything
 * else runs, {@code System.out} is pointed at standard error, so a stray print anywhere can
 * never corrupt a message; the log goes to standard error too.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        run(args, DocumentAnalyzer.coreFactory());
    }

    /** Runs the server with the given checks until the client says exit or goes away; exits the JVM. */
    static void run(String[] args, Function<CheckSettings, DocumentAnalyzer> analyzers) throws Exception {
        InputStream protocolIn = System.in;
        OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        PrintStream err = System.err;
        System.setOut(err);

        long debounce = WheelshLanguageServer.DEFAULT_DEBOUNCE_MILLIS;
        for (String arg : args) {
            if (arg.equals("--stdio")) {
                continue; // some clients pass it; standard input and output is the only transport
            } else if (arg.startsWith("--debounce-ms=")) {
                try {
                    debounce = Math.max(0, Long.parseLong(arg.substring("--debounce-ms=".length())));
                } catch (NumberFormatException e) {
                    err.println("wheelsh-lsp: --debounce-ms needs a number of milliseconds, got " + arg);
                    System.exit(2);
                }
            } else if (arg.equals("--help") || arg.equals("-h")) {
                err.println("usage: wheelsh lsp [--stdio] [--debounce-ms=N]   (or: java -jar wheelsh-lsp.jar, with the same arguments)");
                err.println("Speaks the Language Server Protocol on standard input and output; logs to standard error.");
                System.exit(0);
            } else {
                err.println("wheelsh-lsp: unknown argument " + arg + " (see --help)");
                System.exit(2);
            }
        }

        Log log = new Log(err);
        WheelshLanguageServer server = new WheelshLanguageServer(
                analyzers, debounce, log, ServerMain::exitNow);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, protocolIn, protocolOut);
        server.connect(launcher.getRemoteProxy());
        log.info("listening on standard input");
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (Exception e) {
            log.info("connection ended: " + e);
        }
        // Standard input closed without an exit notification: the client is gone.
        exitNow(server.isShutdownRequested() ? 0 : 1);
    }

    private static void exitNow(int code) {
        System.err.flush();
        System.exit(code);
    }
}
