package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The editor's checks run over the tree its parsed document already holds: for every fixture the
 * findings of a parsed document are exactly those of checking the text, so reading each version
 * once changes nothing.
 */
class ParsedChecksTest {

    static Stream<Path> cases() throws Exception {
        return FixtureTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theParsedDocumentsFindingsAreTheTextsFindings(Path dir) throws Exception {
        Path file = FixtureTest.configFile(dir);
        ConfigFileKind kind = ConfigFileKind.ofFileName(file.getFileName().toString()).orElseThrow();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        ConfigAnalyzer a = new ConfigAnalyzer(CheckSettings.defaults());
        assertEquals(a.check(kind, text), a.check(a.parse(kind, text)));
    }
}
