package dev.wheelsh.lsp;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Positions and edits in document text the way the Language Server Protocol counts them:
 * zero-based lines, columns in UTF-16 code units (which is exactly a Java {@code String} index
 * within a line), and {@code \n}, {@code \r\n} and {@code \r} all ending a line.
 */
public final class DocumentText {

    private DocumentText() {
    }

    /**
     * The string index of a position. A line past the end means the end of the text; a column
     * past the end of its line means the end of that line (the protocol asks servers to clamp
     * rather than fail, because clients do send such positions).
     */
    public static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 0; l < line; l++) {
            int next = startOfNextLine(text, offset);
            if (next < 0) {
                return text.length();
            }
            offset = next;
        }
        int lineEnd = endOfLineContent(text, offset);
        return offset + Math.min(Math.max(column, 0), lineEnd - offset);
    }

    /** The position of a string index (clamped to the text). */
    public static Position positionOf(String text, int offset) {
        int target = Math.max(0, Math.min(offset, text.length()));
        int line = 0;
        int lineStart = 0;
        while (true) {
            int next = startOfNextLine(text, lineStart);
            if (next < 0 || next > target) {
                break;
            }
            line++;
            lineStart = next;
        }
        return new Position(line, target - lineStart);
    }

    /** The text after applying the changes in order, as the protocol requires. */
    public static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
        String result = text;
        for (TextDocumentContentChangeEvent change : changes) {
            result = apply(result, change);
        }
        return result;
    }

    /** One change: a whole new text when it has no range, otherwise a replacement of the range. */
    public static String apply(String text, TextDocumentContentChangeEvent change) {
        String newText = change.getText() == null ? "" : change.getText();
        Range range = change.getRange();
        if (range == null || range.getStart() == null || range.getEnd() == null) {
            return newText;
        }
        int start = offsetOf(text, range.getStart().getLine(), range.getStart().getCharacter());
        int end = offsetOf(text, range.getEnd().getLine(), range.getEnd().getCharacter());
        if (end < start) {
            // A reversed range from a confused client: treat it as the same span rather than fail.
            int swap = start;
            start = end;
            end = swap;
        }
        return new StringBuilder(text.length() - (end - start) + newText.length())
                .append(text, 0, start)
                .append(newText)
                .append(text, end, text.length())
                .toString();
    }

    /** Index just after the line terminator that ends the line starting at {@code from}, or -1. */
    private static int startOfNextLine(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return -1;
    }

    /** Index of the terminator that ends the line starting at {@code from}, or the text length. */
    private static int endOfLineContent(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }
}
