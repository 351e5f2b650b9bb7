package dev.wheelsh.lsp;

import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.config.Completion;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.config.ConfigFileKind;
import dev.wheelsh.core.config.DocumentPlace;
import dev.wheelsh.core.config.HoverText;
import dev.wheelsh.core.config.ParsedDocument;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.vocabulary.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scripted checks for testing the protocol mechanics independently of what the real checks say.
 * Rules, per line of text:
 * <ul>
 *   <li>the word {@code loong64} is a warning WH191 with the fix "Replace loong64 with loongarch64";</li>
 *   <li>the word {@code manylinux2014} is a hint WH192 with two fixes (the PEP 600 name first);</li>
 *   <li>a line holding {@code BOOM} makes the check throw, as a broken check would;</li>
 *   <li>a line holding {@code PRINT} makes the check print to {@code System.out};</li>
 *   <li>with {@code digest} set, one more finding WH099 at 0:0 carries the text's length and hash,
 *       so a test can tell which text the server checked.</li>
 * </ul>
 * HoverText on any word answers {@code word `W`}; completion offers {@code loongarch64} and
 * {@code x86_64}, replacing the word part before the cursor. Documents are parsed by core (the
 * scripted answers read only their text).
 */
final class FakeAnalyzer implements DocumentAnalyzer {

    private static final ConfigAnalyzer PARSER = new ConfigAnalyzer(CheckSettings.defaults());
    private final boolean digest;

    FakeAnalyzer(boolean digest) {
        this.digest = digest;
    }

    static String digestOf(String text) {
        return "length " + text.length() + " hash " + Integer.toHexString(text.hashCode());
    }

    @Override
    public ParsedDocument parse(ConfigFileKind kind, String text, DocumentPlace place) {
        return PARSER.parse(kind, text, place);
    }

    @Override
    public List<Finding> check(ParsedDocument document) {
        String text = document.text();
        List<Finding> findings = new ArrayList<>();
        if (digest) {
            findings.add(Finding.at(Code.WH099, Severity.INFO, SourceRange.at(0, 0), digestOf(text), ""));
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int line = 0; line < lines.length; line++) {
            String l = lines[line];
            if (l.contains("PRINT")) {
                System.out.println("stray output from a check"); // must never reach the protocol stream
            }
            if (l.contains("BOOM")) {
                throw new IllegalStateException("scripted failure on line " + line);
            }
            for (int at = l.indexOf("loong64"); at >= 0; at = l.indexOf("loong64", at + 1)) {
                SourceRange r = SourceRange.onLine(line, at, at + "loong64".length());
                findings.add(Finding.at(Code.WH191, Severity.WARNING, r, "unknown architecture loong64",
                                "Python spells this architecture loongarch64 in platform tags.")
                        .withFix(new Fix("Replace loong64 with loongarch64", List.of(new Edit(r, "loongarch64")))));
            }
            for (int at = l.indexOf("manylinux2014"); at >= 0; at = l.indexOf("manylinux2014", at + 1)) {
                SourceRange r = SourceRange.onLine(line, at, at + "manylinux2014".length());
                findings.add(Finding.at(Code.WH192, Severity.HINT, r, "legacy alias manylinux2014", "")
                        .withFix(new Fix("Replace manylinux2014 with manylinux_2_17", List.of(new Edit(r, "manylinux_2_17"))))
                        .withFix(new Fix("Replace manylinux2014 with manylinux_2_28", List.of(new Edit(r, "manylinux_2_28")))));
            }
        }
        // Core promises document order; so does the fake.
        findings.sort(java.util.Comparator.comparing((Finding f) -> f.range().orElseThrow().startLine())
                .thenComparing(f -> f.range().orElseThrow().startColumn()));
        return findings;
    }

    @Override
    public Optional<HoverText> hover(ParsedDocument document, int line, int column) {
        String[] lines = document.text().split("\r\n|\r|\n", -1);
        if (line < 0 || line >= lines.length) {
            return Optional.empty();
        }
        String l = lines[line];
        int start = Math.min(Math.max(column, 0), l.length());
        int end = start;
        while (start > 0 && isWord(l.charAt(start - 1))) {
            start--;
        }
        while (end < l.length() && isWord(l.charAt(end))) {
            end++;
        }
        if (start == end) {
            return Optional.empty();
        }
        return Optional.of(new HoverText(SourceRange.onLine(line, start, end), "word `" + l.substring(start, end) + "`"));
    }

    @Override
    public List<Completion> complete(ParsedDocument document, int line, int column) {
        String[] lines = document.text().split("\r\n|\r|\n", -1);
        if (line < 0 || line >= lines.length) {
            return List.of();
        }
        String l = lines[line];
        int end = Math.min(Math.max(column, 0), l.length());
        int start = end;
        while (start > 0 && isWord(l.charAt(start - 1))) {
            start--;
        }
        SourceRange r = SourceRange.onLine(line, start, end);
        return List.of(
                new Completion("loongarch64", Completion.Kind.ARCH, "LoongArch 64-bit", "", new Edit(r, "loongarch64")),
                new Completion("x86_64", Completion.Kind.ARCH, "x86-64", "", new Edit(r, "x86_64")));
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
