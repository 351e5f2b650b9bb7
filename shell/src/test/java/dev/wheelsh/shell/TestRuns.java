package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs wheelsh for the tests, in process or as a process of its own, and finds a real ELF program to feed it. */
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

    /**
     * As {@code wheelsh ARGS...} runs from a terminal: a new JVM (this one's launcher, with the test
     * class path) running Main, so that nothing of this JVM (its hash seeds, its loaded classes)
     * is shared. Standard output and error are kept apart, as bytes.
     */
    public static ProcessRun runProcess(String... args) throws IOException, InterruptedException {
        // The JIT and GC settings of the wheelsh launcher script: a short run starts faster with them.
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wheelsh " + String.join(" ", args) + ": still running after 60 s");
        }
        return new ProcessRun(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    }

    /** What a separate wheelsh process printed (standard output as bytes) and returned. */
    public record ProcessRun(int status, byte[] out, String err) {
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
