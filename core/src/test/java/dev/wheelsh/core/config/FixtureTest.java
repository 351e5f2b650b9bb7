package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture folder holds one config file and expected.txt listing its findings, one per line:
 * {@code startLine:startCol-endLine:endCol CODE severity}, one-based (see fixtures/README.md).
 */
class FixtureTest {

    static Path fixtures() throws URISyntaxException {
        return Path.of(FixtureTest.class.getResource("fixtures").toURI());
    }

    /** The config file of a fixture folder: the one file that is not expected.txt. */
    static Path configFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(p -> !p.getFileName().toString().equals("expected.txt")).toList();
            assertEquals(1, all.size(), dir + " must hold exactly one config file");
            return all.get(0);
        }
    }

    static Stream<Path> cases() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(fixtures())) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    static String render(Finding f) {
        SourceRange r = f.range().orElse(SourceRange.at(0, 0));
        return (r.startLine() + 1) + ":" + (r.startColumn() + 1) + "-" + (r.endLine() + 1) + ":" + (r.endColumn() + 1)
                + " " + f.code().id() + " " + f.severity().name().toLowerCase(java.util.Locale.ROOT);
    }

    static List<String> actual(Path file) throws IOException {
        ConfigFileKind kind = ConfigFileKind.ofFileName(file.getFileName().toString()).orElseThrow();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (Finding f : new ConfigAnalyzer(CheckSettings.defaults()).check(kind, text)) {
            out.add(render(f));
        }
        return out;
    }

    static List<String> expected(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("expected.txt")).stream()
                .map(l -> l.split("#", 2)[0].strip()).filter(l -> !l.isEmpty()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsAreTheDeclaredOnes(Path dir) throws IOException {
        assertEquals(expected(dir), actual(configFile(dir)), "findings of " + dir.getFileName());
    }

    @Test
    void thereAreAtLeastFortyFixturesOfEveryKind() throws IOException, URISyntaxException {
        List<Path> all = cases().toList();
        assertTrue(all.size() >= 40, "fixtures: " + all.size());
        for (ConfigFileKind kind : ConfigFileKind.values()) {
            long n = 0;
            for (Path d : all) {
                if (ConfigFileKind.ofFileName(configFile(d).getFileName().toString()).orElseThrow() == kind) {
                    n++;
                }
            }
            assertTrue(n >= 5, kind + " fixtures: " + n);
        }
    }
}
