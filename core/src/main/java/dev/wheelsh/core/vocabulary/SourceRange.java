package dev.wheelsh.core.vocabulary;

/**
 * A span in a text document, zero-based lines and zero-based columns counted in UTF-16 code units
 * (the Java {@code String} index), end exclusive. This is the Language Server Protocol's convention,
 * so the editor needs no conversion; the command line adds one to both when it prints
 * {@code path:line:col}.
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {

    public SourceRange {
        if (startLine < 0 || startColumn < 0 || endLine < startLine
                || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException(
                    "bad range " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
        }
    }

    /** A range within one line. */
    public static SourceRange onLine(int line, int startColumn, int endColumn) {
        return new SourceRange(line, startColumn, line, endColumn);
    }

    /** An empty range at a point, for findings about a whole input (a file, a wheel). */
    public static SourceRange at(int line, int column) {
        return new SourceRange(line, column, line, column);
    }
}
