package dev.wheelsh.core.document;

import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A TOML document as read by {@link TomlReader}: every key and value with its exact source range,
 * and the syntax errors met on the way. Values keep a map from each decoded character to its
 * place in the source, so a check can range one component inside a string with escapes.
 */
public final class Toml {

    private Toml() {
    }

    /** A value with its range. */
    public sealed interface Node permits Str, Arr, Table, Scalar {
        SourceRange range();
    }

    /**
     * A string value. {@code lines[i]}/{@code cols[i]} give where decoded character {@code i}
     * starts; index {@code value.length()} gives where the content ends.
     */
    public record Str(String value, SourceRange range, int[] lines, int[] cols) implements Node {
        /** The source range of decoded characters [from, to). */
        public SourceRange sub(int from, int to) {
            int f = Math.max(0, Math.min(from, value.length()));
            int t = Math.max(f, Math.min(to, value.length()));
            int endLine = lines[t];
            int endCol = cols[t];
            if (t > f && t > 0 && (lines[t] != lines[t - 1])) {
                // the range ends at the end of a line: close it after the last character
                endLine = lines[t - 1];
                endCol = cols[t - 1] + 1;
            }
            return new SourceRange(lines[f], cols[f], endLine, endCol);
        }

        /** The decoded index at a source position, or -1 when the position is outside the string. */
        public int indexAt(int line, int col) {
            for (int i = 0; i <= value.length(); i++) {
                if (lines[i] == line && cols[i] >= col) {
                    return cols[i] == col ? i : Math.max(0, i - 1);
                }
                if (lines[i] > line) {
                    return Math.max(0, i - 1);
                }
            }
            return lines[value.length()] == line ? value.length() : -1;
        }
    }

    public record Arr(List<Node> items, SourceRange range) implements Node {
    }

    /** An inline table. */
    public record Table(List<Entry> entries, SourceRange range) implements Node {
    }

    /** Integers, floats, booleans, dates and times, kept as written. */
    public record Scalar(Kind kind, String text, SourceRange range) implements Node {
        public enum Kind { INTEGER, FLOAT, BOOLEAN, DATETIME, INVALID }
    }

    /**
     * {@code key = value}. {@code path} is the full path from the document root (table header
     * prefix plus the dotted key); {@code keyRanges} has one range per dotted-key part.
     */
    public record Entry(List<String> path, List<SourceRange> keyRanges, Node value, int headerIndex) {
        public SourceRange keyRange() {
            SourceRange first = keyRanges.get(0);
            SourceRange last = keyRanges.get(keyRanges.size() - 1);
            return new SourceRange(first.startLine(), first.startColumn(), last.endLine(), last.endColumn());
        }

        public String name() {
            return path.get(path.size() - 1);
        }

        /** The range of the whole line(s) from the key to the end of the value. */
        public SourceRange wholeRange() {
            SourceRange k = keyRange();
            return new SourceRange(k.startLine(), k.startColumn(), value.range().endLine(), value.range().endColumn());
        }
    }

    /** {@code [table]} or {@code [[array.table]]}. */
    public record Header(List<String> path, List<SourceRange> keyRanges, boolean arrayTable, SourceRange range) {
    }

    /** A syntax error at a range. */
    public record SyntaxError(SourceRange range, String message) {
    }

    /** A comment: its line, the column of '#', and its text after '#'. */
    public record Comment(int line, int column, String text) {
    }

    /** The whole document. Entries include those of inline tables, flattened with full paths. */
    public record Document(List<Entry> entries, List<Header> headers, List<SyntaxError> errors,
                           List<Comment> comments, List<String> lines) {
        public Document {
            entries = List.copyOf(entries);
            headers = List.copyOf(headers);
            errors = List.copyOf(errors);
            comments = List.copyOf(comments);
            lines = List.copyOf(lines);
        }

        /** Entries whose path starts with {@code prefix}. */
        public List<Entry> under(List<String> prefix) {
            List<Entry> out = new ArrayList<>();
            for (Entry e : entries) {
                if (e.path().size() > prefix.size() && e.path().subList(0, prefix.size()).equals(prefix)) {
                    out.add(e);
                }
            }
            return out;
        }
    }
}
