package dev.wheelsh.core.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.testing.ReferencePython;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `tags host` against the interpreter's own answer, for every Python on this machine: packaging
 * 26's sys_tags() run inside that interpreter where packaging 26 runs (3.8 and newer), else the
 * tags the interpreter's own pip computes. Old pips predate PEP 600 and list fewer platforms, so
 * for them the comparison is of the interpreter-ABI pairs in order (cp27mu, cp36m, ...), which is
 * what those interpreters decide; the platform side is packaging 26's and checked above.
 */
class HostProbeDifferentialTest {

    @TempDir
    static Path packagingCopy;

    static Stream<Path> interpreters() {
        return ReferencePython.candidates().stream().filter(p -> p.toString().contains("versions"));
    }

    /** A folder holding only packaging 26, to put on PYTHONPATH of other interpreters. */
    private static Optional<Path> packaging26() throws Exception {
        Optional<Path> python = ReferencePython.withPackaging26();
        if (python.isEmpty()) {
            return Optional.empty();
        }
        Path target = packagingCopy.resolve("packaging");
        if (!Files.exists(target)) {
            ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), "-c",
                    "import packaging, os; print(os.path.dirname(packaging.__file__))"), 30);
            Path source = Path.of(r.stdout().strip());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else if (f.toString().endsWith(".py")) {
                        Files.copy(f, to);
                    }
                }
            }
        }
        return Optional.of(packagingCopy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void tagsHostEqualTheInterpretersOwnAnswer(Path python) throws Exception {
        Target probed = new HostProbe(HostProbe.local()).probe(python.toString());
        List<String> ours = new ArrayList<>();
        for (Tag t : probed.tags()) {
            ours.add(t.toString());
        }
        boolean modern = probed.interpreter().version().atLeast(3, 8);
        if (modern) {
            Optional<Path> pk = packaging26();
            assumeTrue(pk.isPresent(), "no packaging >= 26 to run inside " + python);
            ReferencePython.ProcessResult r = ReferencePython.run(List.of("env", "PYTHONPATH=" + pk.get(),
                    python.toString(), "-c", "from packaging import tags; print('\\n'.join(map(str, tags.sys_tags())))"), 60);
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(r.stdout().strip().lines().toList(), ours, python + ": sys_tags()");
            return;
        }
        String script = "import sys\n"
                + "try:\n"
                + "    from pip._vendor.packaging import tags\n"
                + "    out = [str(t) for t in tags.sys_tags()]\n"
                + "except ImportError:\n"
                + "    from pip._internal import pep425tags\n"
                + "    out = ['-'.join(t) for t in pep425tags.get_supported()]\n"
                + "print('\\n'.join(out))\n";
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.toString(), "-c", script), 60);
        assumeTrue(r.exitCode() == 0, python + " has no pip to ask: " + r.stderr());
        assertEquals(pairs(r.stdout().strip().lines().toList()), pairs(ours), python + ": interpreter-ABI pairs");
    }

    private static List<String> pairs(List<String> tags) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            String[] p = t.split("-");
            if (!p[1].equals("none")) {
                out.add(p[0] + "-" + p[1]);
            }
        }
        return new ArrayList<>(out);
    }
}
