package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.words.Glossary;
import dev.wheelsh.core.words.Glossary.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * The lookups every hover and completion provider shares: is the cursor inside a range, which
 * word of a value is under it, where the word being typed starts, and candidates from a list of
 * labels with their words from the glossary.
 */
final class CursorWords {

    private CursorWords() {
    }

    /** A word of a value: characters {@code from} (inclusive) to {@code to} (exclusive). */
    record Span(int from, int to) {

        boolean isEmpty() {
            return from == to;
        }

        String of(String value) {
            return value.substring(from, to);
        }
    }

    /** Whether (line, column) lies in the range, both ends included. */
    static boolean contains(SourceRange r, int line, int col) {
        if (line < r.startLine() || line > r.endLine()) {
            return false;
        }
        if (line == r.startLine() && col < r.startColumn()) {
            return false;
        }
        return !(line == r.endLine() && col > r.endColumn());
    }

    /** The word of {@code v} around index {@code idx}, words being separated by any of {@code separators}. */
    static Span wordAt(String v, int idx, String separators) {
        int a = Math.min(idx, v.length());
        int b = a;
        while (a > 0 && separators.indexOf(v.charAt(a - 1)) < 0) {
            a--;
        }
        while (b < v.length() && separators.indexOf(v.charAt(b)) < 0) {
            b++;
        }
        return new Span(a, b);
    }

    /** Where the word that ends the text before the cursor starts: letters, digits and {@code wordChars}. */
    static int wordStart(String before, String wordChars) {
        int s = before.length();
        while (s > 0 && (Character.isLetterOrDigit(before.charAt(s - 1)) || wordChars.indexOf(before.charAt(s - 1)) >= 0)) {
            s--;
        }
        return s;
    }

    /**
     * The labels that start with {@code prefix} (ignoring case), in their order, each replacing
     * columns {@code from} to {@code to} of the line, documented from the glossary's
     * {@code topic} when there is one (Markdown, as a completion's documentation is).
     */
    static List<Completion> items(Iterable<String> labels, Completion.Kind kind, String detail, int line, int from, int to,
                                  String prefix, Topic topic) {
        List<Completion> out = new ArrayList<>();
        for (String label : labels) {
            if (!label.toLowerCase().startsWith(prefix.toLowerCase())) {
                continue;
            }
            String doc = topic == null ? "" : Glossary.lookup(topic, label).map(Markdown::text).orElse("");
            out.add(new Completion(label, kind, detail, doc, new Edit(SourceRange.onLine(line, from, to), label)));
        }
        return out;
    }
}
