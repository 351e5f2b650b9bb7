package dev.wheelsh.core.config;

import dev.wheelsh.core.document.Lines;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.Edit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every fix offered on a fixture, applied, removes its finding and breaks nothing else. */
class FixesTest {

    private final ConfigAnalyzer analyzer = new ConfigAnalyzer(CheckSettings.defaults());

    static String apply(String text, Fix fix) {
        List<String> lines = new ArrayList<>(Lines.split(text));
        List<Edit> edits = new ArrayList<>(fix.edits());
        // apply from the end so earlier positions stay valid
        edits.sort(Comparator.comparing((Edit e) -> e.range().startLine()).thenComparing(e -> e.range().startColumn()).reversed());
        StringBuilder sb = new StringBuilder(String.join("\n", lines));
        for (Edit e : edits) {
            int from = offset(lines, e.range().startLine(), e.range().startColumn());
            int to = offset(lines, e.range().endLine(), e.range().endColumn());
            sb.replace(from, to, e.newText());
        }
        return sb.toString();
    }

    private static int offset(List<String> lines, int line, int col) {
        int o = 0;
        for (int i = 0; i < line && i < lines.size(); i++) {
            o += lines.get(i).length() + 1;
        }
        return o + (line < lines.size() ? Math.min(col, lines.get(line).length()) : 0);
    }

    @Test
    void everyFixRemovesItsFinding() throws IOException, URISyntaxException {
        int applied = 0;
        for (Path dir : FixtureTest.cases().toList()) {
            Path file = FixtureTest.configFile(dir);
            ConfigFileKind kind = ConfigFileKind.ofFileName(file.getFileName().toString()).orElseThrow();
            String text = Files.readString(file);
            List<Finding> before = analyzer.check(kind, text);
            for (Finding f : before) {
                for (Fix fix : f.fixes()) {
                    String fixed = apply(text, fix);
                    List<Finding> after = analyzer.check(kind, fixed);
                    long sameBefore = before.stream().filter(x -> x.code().id().equals(f.code().id())).count();
                    long sameAfter = after.stream().filter(x -> x.code().id().equals(f.code().id())).count();
                    assertTrue(sameAfter < sameBefore, dir.getFileName() + ": '" + fix.title() + "' left " + f.code().id() + "\n" + fixed);
                    long syntaxBefore = before.stream().filter(x -> x.code().id().equals("WH100") || x.code().id().equals("WH600")).count();
                    long syntaxAfter = after.stream().filter(x -> x.code().id().equals("WH100") || x.code().id().equals("WH600")).count();
                    assertFalse(syntaxAfter > syntaxBefore, dir.getFileName() + ": '" + fix.title() + "' broke the syntax\n" + fixed);
                    applied++;
                }
            }
        }
        assertTrue(applied >= 20, "fixes applied: " + applied);
    }
}
