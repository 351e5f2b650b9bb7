package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Severity;
import java.util.Optional;

/**
 * A problem found inside one string value, at character offsets [from, to) of the value, before
 * it is placed in a document. {@code replacement}, when present, is a fix: put it at [from, to).
 */
record Issue(Code code, Severity severity, int from, int to, String message, String explanation,
             Optional<String> replacement, String fixTitle) {

    static Issue of(Code code, Severity severity, int from, int to, String message, String explanation) {
        return new Issue(code, severity, from, to, message, explanation, Optional.empty(), "");
    }

    Issue withFix(String replacement, String title) {
        return new Issue(code, severity, from, to, message, explanation, Optional.of(replacement), title);
    }

    Issue shift(int by) {
        return new Issue(code, severity, from + by, to + by, message, explanation, replacement, fixTitle);
    }
}
