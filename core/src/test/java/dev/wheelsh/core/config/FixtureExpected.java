package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a fixture folder's expected.txt from the findings of today's checks, each line with the
 * message and the first fix's title as its note. For a new fixture or a deliberate change only:
 * read the result before committing it, since FixtureTest then holds the checks to it.
 *
 * Run its main with the test classpath and the fixture folders as arguments.
 */
final class FixtureExpected {

    private FixtureExpected() {
    }

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            Path dir = Path.of(arg);
            Path file = FixtureTest.configFile(dir);
            ConfigFileKind kind = ConfigFileKind.ofFileName(file.getFileName().toString()).orElseThrow();
            List<String> lines = new ArrayList<>();
            lines.add("# startLine:startCol-endLine:endCol CODE severity   (one-based; text after # is a note)");
            for (Finding f : new ConfigAnalyzer(CheckSettings.defaults()).check(kind, Files.readString(file, StandardCharsets.UTF_8))) {
                String note = f.message().replace('\n', ' ').replace("#", "'#'")
                        + f.fixes().stream().findFirst().map(x -> "  [fix: " + x.title() + "]").orElse("");
                lines.add(FixtureTest.render(f) + "   # " + note);
            }
            Files.write(dir.resolve("expected.txt"), lines, StandardCharsets.UTF_8);
            System.out.println(dir.getFileName() + ": " + (lines.size() - 1) + " findings");
        }
    }
}
