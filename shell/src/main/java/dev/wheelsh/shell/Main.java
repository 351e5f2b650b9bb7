package dev.wheelsh.shell;

import java.io.PrintWriter;

/**
 * Entry point of {@code wheelsh}. {@code wheelsh CMD args...} runs one command,
 * {@code wheelsh -c "CMD; CMD"} runs several and exits with the highest status,
 * {@code wheelsh} alone starts the interactive shell.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = new Wheelsh(out, err).run(args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
