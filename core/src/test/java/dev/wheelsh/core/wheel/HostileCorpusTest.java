package dev.wheelsh.core.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile corpus (scripts/hostile/make_corpus.py: lying sizes and CRCs, overlapping members,
 * truncations at every structure boundary, escape bytes, non-files) read as a command reads it:
 * each case reads or ends in one line that says what and where, in bounded time, never another
 * exception.
 */
class HostileCorpusTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "hostile", "make_corpus.py");
    private static final Path CORPUS = Path.of("target", "hostile-corpus");

    /** One case: a file, and what its refusal must say (empty: it may read, or fail in one line). */
    record Case(String name, String expect) {
    }

    @BeforeAll
    static void writeCorpus() throws Exception {
        if (Files.isRegularFile(CORPUS.resolve("expected.tsv"))
                && Files.getLastModifiedTime(CORPUS.resolve("expected.tsv")).compareTo(Files.getLastModifiedTime(SCRIPT)) > 0) {
            return;
        }
        List<Path> pythons = ReferencePython.candidates();
        Assumptions.assumeFalse(pythons.isEmpty(), "no python3 to run scripts/hostile/make_corpus.py; hostile corpus skipped");
        Files.createDirectories(CORPUS);
        Process p = new ProcessBuilder(pythons.get(0).toString(), SCRIPT.toString(), CORPUS.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "make_corpus.py finishes");
        assertEquals(0, p.exitValue(), out);
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Case(f[0], f.length > 1 ? f[1] : ""));
        }
        return out;
    }

    /** Everything a command reads: the members' heads (each checked whole), ELF members, RECORD verified. */
    static void readAsShowDoes(Path whl) throws InputException {
        try (WheelArchive w = WheelArchive.open(whl)) {
            String di = w.distInfoDir(Optional.empty());
            w.wheelFile(di);
            for (WheelArchive.Member m : w.members()) {
                if (!m.directory()) {
                    w.head(m.name(), 4);
                }
            }
            for (WheelArchive.Member m : w.elfMembers()) {
                w.readElf(m.name());
            }
            w.verifyRecord(di);
        } catch (IOException e) {
            throw new InputException(whl.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @TestFactory
    List<DynamicTest> everyCaseReadsOrFailsInOneLine() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                long start = System.nanoTime();
                String message = null;
                try {
                    readAsShowDoes(CORPUS.resolve(c.name()));
                } catch (InputException e) {
                    message = e.getMessage();
                } catch (RuntimeException | Error e) {
                    fail(c.name() + " threw " + e);
                }
                // A guard against a hang, not a speed test (speed is the benchmarks' business):
                // the bound is far above any honest reading, also on a loaded machine.
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertTrue(seconds < 120, c.name() + " took " + seconds + " s: it does not end");
                if (!c.expect().isEmpty()) {
                    assertTrue(message != null, c.name() + " is refused");
                    assertTrue(message.contains(c.expect()), message);
                }
                if (message != null) {
                    assertFalse(message.contains("\n"), message);
                    assertFalse(message.contains("\u001b"), "escape bytes come back escaped: " + message);
                    assertTrue(message.contains(c.name()), "the refusal names the file: " + message);
                    assertFalse(message.contains("Error reading Zip content"), message);
                }
            }));
        }
        return tests;
    }
}
