package dev.wheelsh.core.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real wheels (rebuilt from installed packages by scripts/fetch.d/40-rebuilt-wheels.sh) keep the
 * glibc promise of their manylinux tags; the same wheel relabelled manylinux_2_5 breaks it
 * whenever its code needs anything newer than glibc 2.5.
 */
class GlibcNeedsRealWheelsTest {

    @TempDir
    Path relabelled;

    static Stream<Path> wheels() throws Exception {
        Path dir = ReferencePython.repoRoot().resolve(".corpus/wheels");
        if (!Files.isDirectory(dir)) {
            return Stream.of(Path.of("(no .corpus/wheels: run scripts/fetch-test-inputs.sh)"));
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".whl") && p.toString().contains("manylinux")).sorted().toList();
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wheels")
    void realWheelsKeepTheirPromiseAndARelabelledCopyDoesNot(Path wheel) throws Exception {
        assumeTrue(Files.isRegularFile(wheel), wheel.toString());
        List<Finding> own;
        List<GlibcNeeds.Need> needs;
        try (WheelArchive w = WheelArchive.open(wheel)) {
            WheelChecks.Result r = WheelChecks.check(w, false);
            own = GlibcNeeds.againstTags(r);
            needs = GlibcNeeds.highest(r);
        }
        assertTrue(own.isEmpty(), () -> wheel.getFileName() + ": " + own);
        String name = wheel.getFileName().toString();
        String[] parts = name.substring(0, name.length() - 4).split("-");
        Path copy = relabelled.resolve(String.join("-", parts[0], parts[1], parts[parts.length - 3], parts[parts.length - 2],
                "manylinux_2_5_x86_64") + ".whl");
        Files.copy(wheel, copy);
        boolean needsNewer = needs.stream().anyMatch(n -> n.major() > 2 || n.minor() > 5);
        try (WheelArchive w = WheelArchive.open(copy)) {
            List<Finding> relabelledFindings = GlibcNeeds.againstTags(WheelChecks.check(w, false));
            assertTrue(relabelledFindings.isEmpty() != needsNewer, () -> copy.getFileName() + ": " + relabelledFindings);
            relabelledFindings.forEach(f -> assertFalse(f.message().contains("\n")));
        }
    }
}
