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
 * The engine under {@link PackagingRelease#V26_3} against packaging 26.3 itself, live: a source
 * tree of packaging at tag 26.3, named by the environment variable {@value #TREE}, is run by
 * scripts/golden/packaging-source.sh (from a temporary directory; the tree is never part of this
 * repository). Skipped, saying why, when the variable is unset or no Python runs the tree.
 */
class Packaging263DifferentialTest {

    static final String TREE = "WHEELSH_PACKAGING_26_3_TREE";

    @TempDir
    static Path live;

    private static Optional<String> skipped = Optional.empty();

    @BeforeAll
    static void generate() throws Exception {
        String tree = System.getenv(TREE);
        if (tree == null || !Files.isRegularFile(Path.of(tree, "src", "packaging", "tags.py"))) {
            skipped = Optional.of(TREE + " does not name a packaging 26.3 source tree (git clone --branch 26.3 "
                    + "https://github.com/pypa/packaging)");
            System.err.println("SKIPPED: " + skipped.get());
            return;
        }
        Path script = ReferencePython.repoRoot().resolve("scripts/golden/packaging-source.sh");
        for (Path python : ReferencePython.candidates()) {
            ReferencePython.ProcessResult r = ReferencePython.run(
                    List.of("sh", script.toString(), tree, live.toString(), python.toString()), 300);
            if (r.exitCode() == 0) {
                return;
            }
        }
        skipped = Optional.of("no Python runs packaging 26.3 from " + tree);
        System.err.println("SKIPPED: " + skipped.get());
    }

    @Test
    void tagListsAndNamesEqualLivePackaging263() throws Exception {
        assumeTrue(skipped.isEmpty(), skipped.orElse(""));
        assertEquals("26.3", PackagingGolden.read(live, "tags.golden.json").get("packaging").asText(),
                "the tree is not packaging 26.3");
        assertTrue(PackagingGolden.assertTagsEqual(live, PackagingRelease.V26_3) >= 60);
        assertTrue(PackagingGolden.assertWheelFilenamesEqual(live, PackagingRelease.V26_3) >= 300);
        assertTrue(PackagingGolden.assertSdistFilenamesEqual(live, PackagingRelease.V26_3) > 10);
    }

    @Test
    void committedGoldenFilesAreCurrent() throws Exception {
        assumeTrue(skipped.isEmpty(), skipped.orElse(""));
        Path committed = ReferencePython.repoRoot().resolve("core/src/test/resources/dev/wheelsh/core/tags/golden-26.3");
        for (String name : List.of("tags.golden.json", "wheel-filenames.golden.json", "sdist-filenames.golden.json")) {
            String key = name.startsWith("tags") ? "targets" : "filenames";
            assertEquals(PackagingGolden.read(committed, name).get(key), PackagingGolden.read(live, name).get(key),
                    name + " is stale: run scripts/golden/packaging-source.sh TREE " + committed);
        }
    }
}
