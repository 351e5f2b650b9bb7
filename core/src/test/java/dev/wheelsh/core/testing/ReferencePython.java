package dev.wheelsh.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds a Python interpreter with Python's {@code packaging} 26 or newer, the reference the
 * differential tests compare with: first {@code python3} on PATH, then pyenv's interpreters.
 */
public final class ReferencePython {

    private ReferencePython() {
    }

    /** The interpreter, or empty with nothing found (the caller skips and says why). */
    public static Optional<Path> withPackaging26() {
        for (Path candidate : candidates()) {
            if (hasPackaging26(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Every interpreter a test could use: python3 on PATH, then $PYENV_ROOT or ~/.pyenv versions. */
    public static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, "python3");
                if (Files.isExecutable(p)) {
                    out.add(p);
                    break;
                }
            }
        }
        String pyenvRoot = System.getenv("PYENV_ROOT");
        Path root = pyenvRoot != null ? Path.of(pyenvRoot) : Path.of(System.getProperty("user.home"), ".pyenv");
        Path versions = root.resolve("versions");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> s = Files.list(versions)) {
                s.sorted().forEach(v -> {
                    for (String exe : List.of("bin/python3", "bin/python")) {
                        Path p = v.resolve(exe);
                        if (Files.isExecutable(p)) {
                            out.add(p);
                            break;
                        }
                    }
                });
            } catch (IOException e) {
                // no pyenv interpreters to offer
            }
        }
        return out;
    }

    private static boolean hasPackaging26(Path python) {
        try {
            ProcessResult r = run(List.of(python.toString(), "-c",
                    "import packaging; print(int(packaging.__version__.split('.')[0]) >= 26)"), 30);
            return r.exitCode() == 0 && r.stdout().trim().equals("True");
        } catch (IOException e) {
            return false;
        }
    }

    /** What a finished process printed. */
    public record ProcessResult(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command with a time limit, capturing both streams. */
    public static ProcessResult run(List<String> command, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("wheelsh-ref", ".out");
        Path err = Files.createTempFile("wheelsh-ref", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ProcessResult(-1, "", "timed out");
            }
            return new ProcessResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The project's root: the nearest folder upwards holding the Maven wrapper. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
