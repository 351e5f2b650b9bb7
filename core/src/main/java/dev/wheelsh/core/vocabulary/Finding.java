package dev.wheelsh.core.vocabulary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of a check, in a form every face renders: the shell prints {@code code message},
 * the language server publishes it as a diagnostic at {@link #range()}.
 *
 * @param code        stable identifier, {@code WH} and three digits (see docs/codes.md)
 * @param severity    how much it matters
 * @param range       where in the input it applies, when the input is a text document
 * @param message     one line, says what is wrong and where
 * @param explanation the longer why, in plain words; may be empty
 * @param fixes       mechanical corrections, best first; may be empty
 */
public record Finding(Code code, Severity severity, Optional<SourceRange> range, String message,
                      String explanation, List<Fix> fixes) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(message, "message");
        explanation = explanation == null ? "" : explanation;
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
    }

    public Finding(Code code, Severity severity, Optional<SourceRange> range, String message,
                   String explanation) {
        this(code, severity, range, message, explanation, List.of());
    }

    /** The same finding with one more fix. */
    public Finding withFix(Fix fix) {
        List<Fix> all = new java.util.ArrayList<>(fixes);
        all.add(fix);
        return new Finding(code, severity, range, message, explanation, all);
    }

    public static Finding at(Code code, Severity severity, SourceRange range, String message,
                             String explanation) {
        return new Finding(code, severity, Optional.of(range), message, explanation);
    }

    public static Finding of(Code code, Severity severity, String message, String explanation) {
        return new Finding(code, severity, Optional.empty(), message, explanation);
    }
}
