package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Runs wheelsh in process for the tests, and finds a real ELF program to feed it. */
public final class TestRuns {

    private TestRuns() {
    }

    /** What a run printed and returned. */
    public record Run(int status, String out, String err) {
    }

    /** As {@code wheelsh ARGS...} runs: options such as {@code -c} included. */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new Wheelsh(new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** One command and its arguments, as the REPL and {@code -c} run each command. */
    public static Run runCommand(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new Wheelsh(new PrintWriter(out, true), new PrintWriter(err, true)).runCommand(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** The running JVM's launcher: a real dynamically linked ELF program on Linux. */
    public static Path javaLauncher() throws IOException {
        Optional<String> cmd = ProcessHandle.current().info().command();
        assumeTrue(cmd.isPresent(), "this platform does not say which program runs the JVM");
        Path p = Path.of(cmd.get()).toRealPath();
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(p)) {
            assumeTrue(in.read(head) == 4 && head[0] == 0x7f && head[1] == 'E', "the JVM launcher is not an ELF file here");
        }
        return p;
    }
}
