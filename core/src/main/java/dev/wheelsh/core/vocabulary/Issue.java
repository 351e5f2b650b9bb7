package dev.wheelsh.core.vocabulary;

import java.util.Optional;

/**
 * A problem found inside one string value, at character offsets [from, to) of the value, before
 * it is placed in a document. {@code replacement}, when present, is a fix: put it at [from, to).
 */
public record Issue(Code code, Severity severity, int from, int to, String message, String explanation,
             Optional<String> replacement, String fixTitle) {

    public static Issue of(Code code, Severity severity, int from, int to, String message, String explanation) {
        return new Issue(code, severity, from, to, message, explanation, Optional.empty(), "");
    }

    public Issue withFix(String replacement, String title) {
        return new Issue(code, severity, from, to, message, explanation, Optional.of(replacement), title);
    }

    public Issue shift(int by) {
        return new Issue(code, severity, from + by, to + by, message, explanation, replacement, fixTitle);
    }
}
