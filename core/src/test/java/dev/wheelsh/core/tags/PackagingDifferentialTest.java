package dev.wheelsh.core.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.testing.ReferencePython;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against packaging itself, live: the golden script runs in a Python that has
 * packaging 26+, and every target and filename must come out the same. Skipped, with the reason,
 * when no such Python is found. Also catches committed golden files that have gone stale.
 */
class PackagingDifferentialTest {

    @TempDir
    static Path live;

    private static Optional<Path> python;

    @BeforeAll
    static void generate() throws Exception {
        python = ReferencePython.withPackaging26();
        if (python.isEmpty()) {
            System.err.println("SKIPPED: no Python with packaging >= 26 found (python3 on PATH, pyenv versions)");
            return;
        }
        Path script = ReferencePython.repoRoot().resolve("scripts/golden/generate_tags.py");
        ReferencePython.ProcessResult r = ReferencePython.run(
                List.of(python.get().toString(), script.toString(), live.toString()), 300);
        assertEquals(0, r.exitCode(), "generate_tags.py failed: " + r.stderr());
    }

    @Test
    void tagListsEqualLivePackaging() throws Exception {
        assumeTrue(python.isPresent(), "no Python with packaging >= 26 found");
        assertTrue(PackagingGolden.assertTagsEqual(live) >= 30);
    }

    @Test
    void filenamesEqualLivePackaging() throws Exception {
        assumeTrue(python.isPresent(), "no Python with packaging >= 26 found");
        assertTrue(PackagingGolden.assertWheelFilenamesEqual(live) >= 300);
        assertTrue(PackagingGolden.assertSdistFilenamesEqual(live) > 10);
    }

    @Test
    void committedGoldenFilesAreCurrent() throws Exception {
        assumeTrue(python.isPresent(), "no Python with packaging >= 26 found");
        Path committed = ReferencePython.repoRoot().resolve("core/src/test/resources/dev/wheelsh/core/tags/golden");
        for (String name : List.of("tags.golden.json", "wheel-filenames.golden.json", "sdist-filenames.golden.json")) {
            assertEquals(PackagingGolden.read(committed, name).get(name.startsWith("tags") ? "targets" : "filenames"),
                    PackagingGolden.read(live, name).get(name.startsWith("tags") ? "targets" : "filenames"),
                    name + " is stale: run scripts/golden/generate_tags.py " + committed);
        }
    }
}
