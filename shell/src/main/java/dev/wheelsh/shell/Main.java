package dev.wheelsh.shell;

import dev.wheelsh.shell.io.ExitStatus;
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
        // an Error escapes picocli's handler; on any thread it is one line, never a trace
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.exit(internalError(err, e)));
        int status;
        try {
            status = new Wheelsh(out, err).run(args);
        } catch (VirtualMachineError e) {
            status = internalError(err, e);
        }
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * The one line for an error the JVM raised: out of memory names the heap, a stack overflow the
     * nesting; both say where the limits are written down (docs/limits.md).
     */
    static int internalError(PrintWriter err, Throwable e) {
        String what;
        if (e instanceof OutOfMemoryError) {
            what = "out of memory (the heap is " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB; give more with WHEELSH_JAVA_OPTS=-Xmx..., or see docs/limits.md)";
        } else if (e instanceof StackOverflowError) {
            what = "input nested too deeply (stack overflow; docs/limits.md)";
        } else {
            what = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + " (please report it; WHEELSH_DEBUG=1 shows the stack trace)";
        }
        err.println("wheelsh: internal error: " + what);
        if (System.getenv("WHEELSH_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitStatus.USAGE;
    }
}
