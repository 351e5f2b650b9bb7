package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.core.vocabulary.Suggest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects findings of one document, placing issues found inside strings at their source ranges. */
final class Found {

    private static final Pattern IGNORE = Pattern.compile("wheelsh:\\s*ignore\\s+((?:WH\\d{3}[\\s,]*)+)", Pattern.CASE_INSENSITIVE);

    private final List<Finding> findings = new ArrayList<>();

    void add(Finding f) {
        if (findings.size() < 2000) {
            findings.add(f);
        }
    }

    void add(Code code, Severity severity, SourceRange range, String message, String explanation) {
        add(Finding.at(code, severity, range, message, explanation));
    }

    void add(Code code, Severity severity, SourceRange range, String message, String explanation, String fixTitle, String replacement) {
        add(Finding.at(code, severity, range, message, explanation).withFix(new Fix(fixTitle, List.of(new Edit(range, replacement)))));
    }

    /** Places an issue found at offsets of a string whose ranges {@code ranger} gives. */
    void add(Issue issue, BiFunction<Integer, Integer, SourceRange> ranger) {
        SourceRange r = ranger.apply(issue.from(), issue.to());
        Finding f = Finding.at(issue.code(), issue.severity(), r, issue.message(), issue.explanation());
        if (issue.replacement().isPresent()) {
            f = f.withFix(new Fix(issue.fixTitle(), List.of(new Edit(r, issue.replacement().get()))));
        }
        add(f);
    }

    /** Codes silenced by comments of the form {@code wheelsh: ignore WH110, WH111}. */
    static Set<String> ignoredCodes(List<String> commentTexts) {
        Set<String> out = new HashSet<>();
        for (String c : commentTexts) {
            Matcher m = IGNORE.matcher(c);
            while (m.find()) {
                for (String code : TextShapes.COMMAS_OR_SPACES.split(m.group(1))) {
                    if (!code.isBlank()) {
                        out.add(code.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }

    List<Finding> result(Set<String> ignored) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!ignored.contains(f.code().id())) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing((Finding f) -> f.range().map(SourceRange::startLine).orElse(-1))
                .thenComparing(f -> f.range().map(SourceRange::startColumn).orElse(-1))
                .thenComparing(f -> f.code().id()));
        return out;
    }

    static Optional<String> nearest(String word, List<String> known) {
        return Suggest.closest(word, known);
    }
}
