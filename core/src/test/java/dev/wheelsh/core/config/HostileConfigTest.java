package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.Finding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bytes, random truncations and random edits of the fixtures: the analyzer answers every
 * call without throwing and never reports its own failure (WH099). Fixed seeds, so a failure
 * repeats; the inputs found to break it are kept in {@link #REGRESSIONS}.
 */
class HostileConfigTest {

    private final ConfigAnalyzer analyzer = new ConfigAnalyzer(CheckSettings.defaults());

    /** Inputs that once broke a reader. */
    private static final List<String> REGRESSIONS = List.of(
            "[", "[[", "]", "a=", "a=\"", "a='''", "a=\"\"\"\\", "a=[", "a={", "a={b=", "x = [[[[[[[[[", "\"\\u", "a.b.c",
            "[tool.cibuildwheel]\nbuild = \"{\"", "[tool.cibuildwheel]\nskip = \"[\"", "[tool.uv]\nenvironments = [\"(\"]",
            "[tool.uv]\nenvironments = [\"'\"]", "[tool.wheelsh]\ntargets = [\"-\"]", "[project]\nrequires-python = \",\"",
            "[global]\n  x", "x:", "[]", "{\"policies\": 1}", "[{\"name\": 1}]", "[{\"symbol_versions\": {\"x86_64\": {\"GLIBC\": [\"99999999999.1\"]}}}]");

    private void exercise(String text) {
        for (ConfigFileKind kind : ConfigFileKind.values()) {
            List<Finding> findings = assertDoesNotThrow(() -> analyzer.check(kind, text));
            assertFalse(findings.stream().anyMatch(f -> f.code().id().equals("WH099")),
                    () -> "the analyzer failed on " + kind + " input: " + text.substring(0, Math.min(200, text.length())));
            int lines = text.split("\n", -1).length;
            Random r = new Random(text.hashCode());
            for (int i = 0; i < 3; i++) {
                int line = r.nextInt(lines + 2) - 1;
                int col = r.nextInt(80) - 1;
                assertDoesNotThrow(() -> analyzer.hover(kind, text, line, col));
                assertDoesNotThrow(() -> analyzer.complete(kind, text, line, col));
            }
        }
    }

    @Test
    void regressionInputs() {
        REGRESSIONS.forEach(this::exercise);
    }

    @Test
    void randomBytes() {
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[r.nextInt(400)];
            r.nextBytes(b);
            exercise(new String(b, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void randomTruncationsAndEditsOfEveryFixture() throws IOException, URISyntaxException {
        Random r = new Random(7);
        String alphabet = "[]{}\"'=,.#\n\\ -_*?:abcXYZ019";
        List<Path> dirs = FixtureTest.cases().toList();
        assertTrue(dirs.size() >= 40);
        for (Path dir : dirs) {
            String text = Files.readString(FixtureTest.configFile(dir));
            for (int i = 0; i < 15; i++) {
                exercise(text.substring(0, r.nextInt(text.length() + 1)));
                StringBuilder sb = new StringBuilder(text);
                for (int k = 0; k < 5; k++) {
                    int at = r.nextInt(sb.length() + 1);
                    if (r.nextBoolean() && at < sb.length()) {
                        sb.deleteCharAt(at);
                    } else {
                        sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                }
                exercise(sb.toString());
            }
        }
    }

    @Test
    void deepNestingAndLongLinesAreRead() {
        exercise("a = " + "[".repeat(5000));
        exercise("[" + "{\"a\":[".repeat(3000));
        exercise("[tool.cibuildwheel]\nbuild = \"" + "*".repeat(100_000) + "\"");
        exercise("[tool.uv]\nenvironments = [\"" + "(".repeat(5000) + "\"]");
        exercise("[global]\n" + "platform = " + "manylinux_2_17_x86_64 ".repeat(5000));
    }
}
