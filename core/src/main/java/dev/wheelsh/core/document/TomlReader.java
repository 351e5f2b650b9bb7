package dev.wheelsh.core.document;

import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A TOML 1.0 reader that keeps exact source positions (zero-based lines, UTF-16 columns) of
 * every key, every value and every syntax error, and recovers from errors line by line so that a
 * half-typed file still yields the rest.
 *
 * <p>Why not a library: of the Java TOML readers on Maven Central, tomlj reports the position of
 * a key and of the first error but not where values end nor where characters of a string with
 * escapes came from; night-config and toml4j keep no positions; jackson-dataformat-toml keeps
 * token starts but stops at the first error. Ranging a component inside a string and reading on
 * past an error need both, so the reader is written here.
 */
public final class TomlReader {

    private static final int MAX_DEPTH = 64;
    /** Compiled once: recovery after a syntax error runs these per line, and an editor asks per keystroke. */
    private static final Pattern KEY_BEFORE_EQUALS = Pattern.compile("[A-Za-z0-9_\\-.\"' ]+");
    private static final Pattern KEY_VALUE_LINE = Pattern.compile("[A-Za-z0-9_\\-.\"' ]+=.*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HEX_DIGITS = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern INTEGER = Pattern.compile(
            "[+-]?(0|[1-9](_?[0-9])*)|0x[0-9A-Fa-f](_?[0-9A-Fa-f])*|0o[0-7](_?[0-7])*|0b[01](_?[01])*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(0|[1-9](_?[0-9])*)(\\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?|[+-]?(inf|nan)");
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})?)?"
            + "|\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

    private final String text;
    private final int n;
    private int pos;
    private int line;
    private int lineStart;
    private int depth;
    /** Set when a value ended early at the start of a line that must be read as a new statement. */
    private boolean resumeHere;

    private final List<Toml.Entry> entries = new ArrayList<>();
    private final List<Toml.Header> headers = new ArrayList<>();
    private final List<Toml.SyntaxError> errors = new ArrayList<>();
    private final List<Toml.Comment> comments = new ArrayList<>();
    /** Every key path met, as a tree of numbered nodes, so a key of k parts costs O(k) to record. */
    private final KeyTree keys = new KeyTree();
    private List<String> tablePrefix = List.of();
    /** The node the current table's keys hang under (an array-of-tables instance has its own). */
    private int tableNode = KeyTree.ROOT;
    private int headerIndex = -1;
    private final Map<Integer, Integer> arrayTableCounts = new HashMap<>();

    /** Thrown inside the reader to abandon the current line; never leaves it. */
    private static final class Abandon extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandon() {
            super(null, null, false, false);
        }
    }

    private TomlReader(String text) {
        this.text = text;
        this.n = text.length();
    }

    public static Toml.Document read(String text) {
        TomlReader r = new TomlReader(text);
        r.document();
        return new Toml.Document(r.entries, r.headers, r.errors, r.comments, Lines.split(text));
    }

    private void document() {
        while (pos < n) {
            int before = pos;
            try {
                skipWhitespace();
                if (pos >= n) {
                    break;
                }
                char c = text.charAt(pos);
                if (c == '#') {
                    comment();
                } else if (c == '\n' || c == '\r') {
                    newline();
                } else if (c == '[') {
                    header();
                    endOfLine();
                } else {
                    keyValue(tablePrefix, tableNode, true);
                    endOfLine();
                }
            } catch (Abandon a) {
                recover();
            }
            if (pos == before) {
                pos++; // never loop in place
            }
        }
    }

    /** After an error: go on at the next line that looks like a header or a key/value pair. */
    private void recover() {
        while (pos < n) {
            skipToNextLine();
            int p = pos;
            while (p < n && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p++;
            }
            if (p >= n) {
                pos = n;
                return;
            }
            char c = text.charAt(p);
            if (c == '[' && p + 1 < n && text.charAt(p + 1) != ']' && text.charAt(p + 1) != '"'
                    && text.charAt(p + 1) != '\'' && !Character.isDigit(text.charAt(p + 1))
                    || (c == '[' && p + 1 < n && (text.charAt(p + 1) == '"' || text.charAt(p + 1) == '\'')
                    && lineText(p).trim().endsWith("]"))) {
                return;
            }
            if (isBareKeyChar(c) || c == '"' || c == '\'') {
                String rest = lineText(p);
                int eq = rest.indexOf('=');
                if (eq > 0 && KEY_BEFORE_EQUALS.matcher(rest.substring(0, eq).trim()).matches()) {
                    return;
                }
            }
            if (c == '#' || c == '\n' || c == '\r') {
                return;
            }
        }
    }

    private String lineText(int from) {
        int e = from;
        while (e < n && text.charAt(e) != '\n' && text.charAt(e) != '\r') {
            e++;
        }
        return text.substring(from, e);
    }

    private void skipToNextLine() {
        while (pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
        if (pos < n) {
            newline();
        }
    }

    private void newline() {
        if (text.charAt(pos) == '\r' && pos + 1 < n && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    private int col() {
        return pos - lineStart;
    }

    private void skipWhitespace() {
        while (pos < n && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** Whitespace, newlines and comments, as allowed inside arrays. */
    private void skipBlank() {
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n' || c == '\r') {
                newline();
            } else if (c == '#') {
                comment();
            } else {
                return;
            }
        }
    }

    private void comment() {
        int startCol = col();
        int start = ++pos;
        while (pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            char c = text.charAt(pos);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                errorHere(1, "control character U+" + String.format("%04X", (int) c) + " in a comment");
                // keep going: comments are never values
            }
            pos++;
        }
        comments.add(new Toml.Comment(line, startCol, text.substring(start, pos)));
    }

    private void endOfLine() {
        if (resumeHere) {
            resumeHere = false;
            return;
        }
        skipWhitespace();
        if (pos >= n) {
            return;
        }
        char c = text.charAt(pos);
        if (c == '#') {
            comment();
        }
        if (pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            throw fail(1, "expected the end of the line, found '" + printable(text.charAt(pos)) + "'");
        }
        if (pos < n) {
            newline();
        }
    }

    private void header() {
        int startLine = line;
        int startCol = col();
        boolean array = pos + 1 < n && text.charAt(pos + 1) == '[';
        pos += array ? 2 : 1;
        skipWhitespace();
        List<String> path = new ArrayList<>();
        List<SourceRange> ranges = new ArrayList<>();
        key(path, ranges);
        skipWhitespace();
        if (pos >= n || text.charAt(pos) != ']') {
            throw fail(1, "expected ']' to close the table header");
        }
        pos++;
        if (array) {
            if (pos >= n || text.charAt(pos) != ']') {
                throw fail(1, "expected ']]' to close the array-of-tables header");
            }
            pos++;
        }
        SourceRange range = SourceRange.onLine(startLine, startCol, col());
        headers.add(new Toml.Header(List.copyOf(path), List.copyOf(ranges), array, range));
        headerIndex = headers.size() - 1;
        // A header names a path through the latest instance of each array of tables on the way:
        // [a.b] after a second [[a]] opens that instance's b, not the first one's again.
        int node = KeyTree.ROOT;
        for (int i = 0; i < path.size(); i++) {
            node = keys.child(node, path.get(i));
            if (i < path.size() - 1 && keys.table(node) == KeyTree.Kind.ARRAY) {
                node = keys.instance(node, arrayTableCounts.getOrDefault(node, 0));
            }
        }
        String shown = shorten(String.join(".", path));
        if (array) {
            int count = arrayTableCounts.merge(node, 1, Integer::sum);
            KeyTree.Kind what = keys.table(node);
            if (what != null && what != KeyTree.Kind.ARRAY) {
                error(range, "'" + shown + "' is already defined as a table; it cannot also be an array of tables");
            }
            keys.defineTable(node, KeyTree.Kind.ARRAY);
            tableNode = keys.instance(node, count);
        } else {
            if (keys.table(node) != null) {
                error(range, "table '" + shown + "' is defined twice");
            } else if (keys.isValue(node)) {
                error(range, "'" + shown + "' is already a value; it cannot also be a table");
            } else if (keys.isDotted(node)) {
                error(range, "table '" + shown + "' was already made by dotted keys; it cannot be opened again");
            }
            keys.defineTable(node, KeyTree.Kind.TABLE);
            tableNode = node;
        }
        tablePrefix = List.copyOf(path);
    }

    /** One dotted key; appends its parts and their ranges. */
    private void key(List<String> parts, List<SourceRange> ranges) {
        while (true) {
            skipWhitespace();
            if (pos >= n) {
                throw fail(0, "expected a key");
            }
            char c = text.charAt(pos);
            int startCol = col();
            int startLine = line;
            if (c == '"') {
                Toml.Str s = basicString();
                if (s.range().endLine() != startLine) {
                    throw fail(0, "a key cannot span lines");
                }
                parts.add(s.value());
                ranges.add(s.range());
            } else if (c == '\'') {
                Toml.Str s = literalString();
                parts.add(s.value());
                ranges.add(s.range());
            } else if (isBareKeyChar(c)) {
                int start = pos;
                while (pos < n && isBareKeyChar(text.charAt(pos))) {
                    pos++;
                }
                parts.add(text.substring(start, pos));
                ranges.add(SourceRange.onLine(line, startCol, col()));
            } else {
                throw fail(1, "expected a key, found '" + printable(c) + "'");
            }
            skipWhitespace();
            if (pos < n && text.charAt(pos) == '.') {
                pos++;
                continue;
            }
            return;
        }
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** {@code key = value} under {@code prefix}; records entries (flattening inline tables). */
    private void keyValue(List<String> prefix, int scope, boolean topLevel) {
        List<String> keyParts = new ArrayList<>();
        List<SourceRange> ranges = new ArrayList<>();
        key(keyParts, ranges);
        skipWhitespace();
        if (pos >= n || text.charAt(pos) != '=') {
            throw fail(pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r' ? 1 : 0,
                    "expected '=' after the key '" + shorten(String.join(".", keyParts)) + "'");
        }
        pos++;
        skipWhitespace();
        List<String> path = KeyPath.of(prefix, List.copyOf(keyParts));
        Toml.Node value = value();
        // names are absolute within the current table instance, so [t] and t.x = 1 meet; each
        // prefix of the key is one step down the tree from the one before, never a new string
        int node = scope;
        boolean reported = false;
        for (int i = 0; i < keyParts.size() - 1; i++) {
            node = keys.child(node, keyParts.get(i));
            if (!reported && keys.isValue(node)) {
                error(ranges.get(i), "'" + shorten(String.join(".", keyParts.subList(0, i + 1))) + "' is a value, not a table");
                reported = true;
            }
            keys.markDotted(node);
        }
        node = keys.child(node, keyParts.get(keyParts.size() - 1));
        if (keys.isValue(node) || keys.table(node) != null || keys.isDotted(node)) {
            error(ranges.get(ranges.size() - 1), "key '" + shorten(String.join(".", path)) + "' is defined twice");
        }
        keys.markValue(node);
        Toml.Entry entry = new Toml.Entry(path, List.copyOf(ranges), value, headerIndex);
        addEntry(entry);
    }

    /** Adds an entry and, for inline tables and arrays of them, the entries inside. */
    private void addEntry(Toml.Entry entry) {
        entries.add(entry);
        flatten(entry.path(), entry.value(), 0);
    }

    private void flatten(List<String> path, Toml.Node value, int level) {
        if (level > MAX_DEPTH) {
            return;
        }
        if (value instanceof Toml.Table t) {
            for (Toml.Entry inner : t.entries()) {
                Toml.Entry e = new Toml.Entry(KeyPath.of(path, inner.path()), inner.keyRanges(), inner.value(), headerIndex);
                entries.add(e);
                flatten(e.path(), e.value(), level + 1);
            }
        } else if (value instanceof Toml.Arr a) {
            for (Toml.Node item : a.items()) {
                if (item instanceof Toml.Table) {
                    flatten(path, item, level + 1);
                }
            }
        }
    }

    private Toml.Node value() {
        if (pos >= n) {
            throw fail(0, "expected a value");
        }
        char c = text.charAt(pos);
        if (c == '"') {
            return basicString();
        }
        if (c == '\'') {
            return literalString();
        }
        if (c == '[') {
            return array();
        }
        if (c == '{') {
            return inlineTable();
        }
        if (c == '\n' || c == '\r' || c == '#') {
            throw fail(0, "expected a value after '='");
        }
        return scalar();
    }

    private Toml.Node scalar() {
        int start = pos;
        int startCol = col();
        while (pos < n) {
            char c = text.charAt(pos);
            if (isBareKeyChar(c) || c == '.' || c == '+' || c == ':') {
                pos++;
            } else if (c == ' ' && pos + 1 < n && Character.isDigit(text.charAt(pos + 1))
                    && DATE.matcher(text.substring(start, pos)).matches()) {
                pos++; // the space between date and time
            } else {
                break;
            }
        }
        String word = text.substring(start, pos);
        SourceRange range = SourceRange.onLine(line, startCol, col());
        if (word.isEmpty()) {
            throw fail(1, "expected a value, found '" + printable(text.charAt(pos)) + "'");
        }
        if (word.equals("true") || word.equals("false")) {
            return new Toml.Scalar(Toml.Scalar.Kind.BOOLEAN, word, range);
        }
        if (INTEGER.matcher(word).matches()) {
            return new Toml.Scalar(Toml.Scalar.Kind.INTEGER, word, range);
        }
        if (FLOAT.matcher(word).matches()) {
            return new Toml.Scalar(Toml.Scalar.Kind.FLOAT, word, range);
        }
        if (DATETIME.matcher(word).matches()) {
            return new Toml.Scalar(Toml.Scalar.Kind.DATETIME, word, range);
        }
        while (pos < n && " \t\r\n,]}#".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        word = text.substring(start, pos);
        range = SourceRange.onLine(line, startCol, col());
        error(range, "'" + shorten(word) + "' is not a TOML value (strings need quotes)");
        return new Toml.Scalar(Toml.Scalar.Kind.INVALID, word, range);
    }

    private Toml.Arr array() {
        int startLine = line;
        int startCol = col();
        enter();
        pos++;
        List<Toml.Node> items = new ArrayList<>();
        while (true) {
            skipBlank();
            if (pos >= n) {
                throw failAt(startLine, startCol, 1, "the array opened here is never closed");
            }
            if (text.charAt(pos) == ']') {
                pos++;
                break;
            }
            items.add(value());
            skipBlank();
            if (pos < n && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos < n && text.charAt(pos) == ']') {
                pos++;
                break;
            }
            if (pos >= n) {
                throw failAt(startLine, startCol, 1, "the array opened here is never closed");
            }
            if (text.substring(lineStart, pos).isBlank() && line > startLine
                    && (text.charAt(pos) == '[' || KEY_VALUE_LINE.matcher(lineText(pos)).matches())) {
                // the next line starts a new key or table: the array was left open; read on from there
                error(SourceRange.onLine(startLine, startCol, startCol + 1), "the array opened here is not closed");
                resumeHere = true;
                depth--;
                return new Toml.Arr(List.copyOf(items), new SourceRange(startLine, startCol, line, 0));
            }
            throw fail(1, "expected ',' or ']' in the array, found '" + printable(text.charAt(pos)) + "'");
        }
        depth--;
        return new Toml.Arr(List.copyOf(items), new SourceRange(startLine, startCol, line, col()));
    }

    private Toml.Table inlineTable() {
        int startLine = line;
        int startCol = col();
        enter();
        pos++;
        List<Toml.Entry> inner = new ArrayList<>();
        int scope = keys.inlineTable(startLine, startCol);
        skipWhitespace();
        if (pos < n && text.charAt(pos) == '}') {
            pos++;
            depth--;
            return new Toml.Table(List.of(), SourceRange.onLine(startLine, startCol, col()));
        }
        while (true) {
            skipWhitespace();
            List<String> keyParts = new ArrayList<>();
            List<SourceRange> ranges = new ArrayList<>();
            key(keyParts, ranges);
            skipWhitespace();
            if (pos >= n || text.charAt(pos) != '=') {
                throw fail(0, "expected '=' after the key '" + shorten(String.join(".", keyParts)) + "'");
            }
            pos++;
            skipWhitespace();
            Toml.Node v = value();
            if (!keys.markInlineKey(keys.path(scope, keyParts))) {
                error(ranges.get(ranges.size() - 1), "key '" + shorten(String.join(".", keyParts)) + "' is defined twice in the inline table");
            }
            inner.add(new Toml.Entry(List.copyOf(keyParts), List.copyOf(ranges), v, headerIndex));
            skipWhitespace();
            if (pos < n && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos < n && text.charAt(pos) == '}') {
                pos++;
                break;
            }
            throw fail(pos < n ? 1 : 0, "expected ',' or '}' in the inline table (it must stay on one line)");
        }
        depth--;
        return new Toml.Table(List.copyOf(inner), new SourceRange(startLine, startCol, line, col()));
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail(1, "values nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Toml.Str basicString() {
        int startLine = line;
        int startCol = col();
        boolean multi = text.startsWith("\"\"\"", pos);
        pos += multi ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        IntList lines = new IntList();
        IntList cols = new IntList();
        if (multi && pos < n && (text.charAt(pos) == '\n' || text.startsWith("\r\n", pos))) {
            newline(); // a newline right after the opening quotes is trimmed
        }
        while (true) {
            if (pos >= n) {
                throw failAt(startLine, startCol, 1, "the string opened here is never closed");
            }
            char c = text.charAt(pos);
            if (multi && text.startsWith("\"\"\"", pos)) {
                // up to two more quotes may belong to the content
                int extra = 0;
                while (extra < 2 && text.startsWith("\"\"\"", pos + 1)) {
                    lines.add(line);
                    cols.add(col());
                    sb.append('"');
                    pos++;
                    extra++;
                }
                pos += 3;
                break;
            }
            if (!multi && c == '"') {
                pos++;
                break;
            }
            if (c == '\n' || c == '\r') {
                if (!multi) {
                    throw failAt(startLine, startCol, col() - startCol, "the string is not closed before the end of the line");
                }
                lines.add(line);
                cols.add(col());
                sb.append('\n');
                newline();
                continue;
            }
            if (c == '\\') {
                int escLine = line;
                int escCol = col();
                if (pos + 1 >= n) {
                    throw fail(1, "a backslash at the end of the input");
                }
                char e = text.charAt(pos + 1);
                String decoded = switch (e) {
                    case 'b' -> "\b";
                    case 't' -> "\t";
                    case 'n' -> "\n";
                    case 'f' -> "\f";
                    case 'r' -> "\r";
                    case '"' -> "\"";
                    case '\\' -> "\\";
                    case 'u', 'U' -> null;
                    default -> "";
                };
                if (decoded == null) {
                    int len = e == 'u' ? 4 : 8;
                    if (pos + 2 + len > n || !HEX_DIGITS.matcher(text.substring(pos + 2, pos + 2 + len)).matches()) {
                        throw fail(2, "\\" + e + " needs " + len + " hex digits");
                    }
                    // eight hex digits can pass an int: read as a long, so \Uffffffff is refused as too large, not a crash
                    long cp = Long.parseLong(text.substring(pos + 2, pos + 2 + len), 16);
                    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        throw fail(2 + len, "\\" + e + text.substring(pos + 2, pos + 2 + len) + " is not a Unicode scalar value");
                    }
                    String s = new String(Character.toChars((int) cp));
                    for (int i = 0; i < s.length(); i++) {
                        lines.add(escLine);
                        cols.add(escCol);
                    }
                    sb.append(s);
                    pos += 2 + len;
                    continue;
                }
                if (decoded.isEmpty()) {
                    if (multi && (e == ' ' || e == '\t' || e == '\n' || e == '\r')) {
                        // line-ending backslash: trim whitespace and newlines up to the next content
                        int p = pos + 1;
                        while (p < n && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                            p++;
                        }
                        if (p < n && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
                            pos = p;
                            while (pos < n) {
                                char w = text.charAt(pos);
                                if (w == '\n' || w == '\r') {
                                    newline();
                                } else if (w == ' ' || w == '\t') {
                                    pos++;
                                } else {
                                    break;
                                }
                            }
                            continue;
                        }
                    }
                    throw fail(2, "unknown escape '\\" + printable(e) + "'");
                }
                lines.add(escLine);
                cols.add(escCol);
                sb.append(decoded);
                pos += 2;
                continue;
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw fail(1, "control character U+" + String.format("%04X", (int) c) + " in a string (escape it)");
            }
            lines.add(line);
            cols.add(col());
            sb.append(c);
            pos++;
        }
        return finish(sb, lines, cols, startLine, startCol, multi ? 3 : 1);
    }

    private Toml.Str literalString() {
        int startLine = line;
        int startCol = col();
        boolean multi = text.startsWith("'''", pos);
        pos += multi ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        IntList lines = new IntList();
        IntList cols = new IntList();
        if (multi && pos < n && (text.charAt(pos) == '\n' || text.startsWith("\r\n", pos))) {
            newline();
        }
        while (true) {
            if (pos >= n) {
                throw failAt(startLine, startCol, 1, "the string opened here is never closed");
            }
            char c = text.charAt(pos);
            if (multi && text.startsWith("'''", pos)) {
                int extra = 0;
                while (extra < 2 && text.startsWith("'''", pos + 1)) {
                    lines.add(line);
                    cols.add(col());
                    sb.append('\'');
                    pos++;
                    extra++;
                }
                pos += 3;
                break;
            }
            if (!multi && c == '\'') {
                pos++;
                break;
            }
            if (c == '\n' || c == '\r') {
                if (!multi) {
                    throw failAt(startLine, startCol, col() - startCol, "the string is not closed before the end of the line");
                }
                lines.add(line);
                cols.add(col());
                sb.append('\n');
                newline();
                continue;
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw fail(1, "control character U+" + String.format("%04X", (int) c) + " in a literal string");
            }
            lines.add(line);
            cols.add(col());
            sb.append(c);
            pos++;
        }
        return finish(sb, lines, cols, startLine, startCol, multi ? 3 : 1);
    }

    private Toml.Str finish(StringBuilder sb, IntList lines, IntList cols, int startLine, int startCol, int quoteLen) {
        // the end marker: where the closing quotes start
        lines.add(line);
        cols.add(col() - quoteLen);
        return new Toml.Str(sb.toString(), new SourceRange(startLine, startCol, line, col()),
                lines.toArray(), cols.toArray());
    }

    private Abandon fail(int width, String message) {
        errorHere(width, message);
        return new Abandon();
    }

    private Abandon failAt(int l, int c, int width, String message) {
        error(SourceRange.onLine(l, c, c + width), message);
        return new Abandon();
    }

    private void errorHere(int width, String message) {
        int w = Math.min(width, n - pos);
        error(SourceRange.onLine(line, col(), col() + Math.max(0, w)), message);
    }

    private void error(SourceRange range, String message) {
        if (errors.size() < 200) {
            errors.add(new Toml.SyntaxError(range, message));
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
