package dev.wheelsh.core.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON with the source range of every value and member name, read with Jackson's streaming
 * parser (its token locations count lines from one and columns in chars from one; here both are
 * made zero-based). A syntax error ends the reading: the error is kept with its position and the
 * values read before it are returned.
 */
public final class JsonReader {

    public sealed interface Node permits Obj, Arr, Str, Num, Lit {
        SourceRange range();
    }

    public record Member(String name, SourceRange nameRange, Node value) {
    }

    public record Obj(List<Member> members, SourceRange range) implements Node {
        public Optional<Member> member(String name) {
            return members.stream().filter(m -> m.name().equals(name)).findFirst();
        }
    }

    public record Arr(List<Node> items, SourceRange range) implements Node {
    }

    /** A string; {@code raw} tells whether the source has no escapes, so sub-ranges are exact. */
    public record Str(String value, SourceRange range, boolean raw) implements Node {
        /** Range of characters [from, to) of the value, or the whole string when it had escapes. */
        public SourceRange sub(int from, int to) {
            if (!raw || range.startLine() != range.endLine()) {
                return range;
            }
            int c = range.startColumn() + 1;
            return SourceRange.onLine(range.startLine(), c + from, c + Math.max(from, to));
        }
    }

    public record Num(String text, SourceRange range) implements Node {
    }

    /** true, false or null. */
    public record Lit(String text, SourceRange range) implements Node {
    }

    public record Result(Optional<Node> root, Optional<Toml.SyntaxError> error) {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200)
                    .maxStringLength(1_000_000).maxNumberLength(1000).build())
            .build();

    private final String text;
    private final List<String> lines;
    private JsonParser parser;

    private JsonReader(String text) {
        this.text = text;
        this.lines = Lines.split(text);
    }

    public static Result read(String text) {
        return new JsonReader(text).run();
    }

    private Result run() {
        Node[] holder = new Node[1];
        try (JsonParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Result(Optional.empty(), Optional.of(new Toml.SyntaxError(SourceRange.at(0, 0), "the file is empty")));
            }
            holder[0] = value(t, 0);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                return new Result(Optional.ofNullable(holder[0]), Optional.of(new Toml.SyntaxError(
                        start(p.currentTokenLocation(), 1), "more JSON after the end of the document")));
            }
            return new Result(Optional.of(holder[0]), Optional.empty());
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            if (nl >= 0) {
                msg = msg.substring(0, nl);
            }
            SourceRange r = loc == null ? SourceRange.at(0, 0) : start(loc, 1);
            return new Result(Optional.empty(), Optional.of(new Toml.SyntaxError(r, "JSON syntax error: " + msg)));
        } catch (IOException | RuntimeException e) {
            return new Result(Optional.empty(), Optional.of(new Toml.SyntaxError(SourceRange.at(0, 0),
                    "JSON could not be read: " + e.getClass().getSimpleName())));
        }
    }

    private Node value(JsonToken t, int depth) throws IOException {
        JsonLocation begin = parser.currentTokenLocation();
        switch (t) {
            case START_OBJECT -> {
                List<Member> members = new ArrayList<>();
                JsonToken k;
                while ((k = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation nameLoc = parser.currentTokenLocation();
                    SourceRange nameRange = stringRange(nameLoc);
                    Node v = value(parser.nextToken(), depth + 1);
                    members.add(new Member(name, nameRange, v));
                }
                return new Obj(List.copyOf(members), span(begin, parser.currentLocation()));
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken k;
                while ((k = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(value(k, depth + 1));
                }
                return new Arr(List.copyOf(items), span(begin, parser.currentLocation()));
            }
            case VALUE_STRING -> {
                String v = parser.getText();
                SourceRange r = stringRange(begin);
                String src = r.startLine() == r.endLine() && r.startLine() < lines.size()
                        ? safeSub(lines.get(r.startLine()), r.startColumn() + 1, r.endColumn() - 1) : "";
                return new Str(v, r, src.equals(v));
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String s = parser.getText();
                return new Num(s, start(begin, s.length()));
            }
            default -> {
                String s = parser.getText();
                return new Lit(s, start(begin, s == null ? 0 : s.length()));
            }
        }
    }

    /** The range of a string token starting at {@code loc}: scan the source to the closing quote. */
    private SourceRange stringRange(JsonLocation loc) {
        int line = Math.max(0, loc.getLineNr() - 1);
        int col = Math.max(0, loc.getColumnNr() - 1);
        if (line >= lines.size()) {
            return SourceRange.at(line, col);
        }
        String l = lines.get(line);
        int i = col + 1;
        while (i < l.length()) {
            char c = l.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return SourceRange.onLine(line, col, i + 1);
            }
            i++;
        }
        return SourceRange.onLine(line, col, l.length());
    }

    private static String safeSub(String s, int from, int to) {
        if (from < 0 || to > s.length() || from > to) {
            return "\u0000";
        }
        return s.substring(from, to);
    }

    private static SourceRange start(JsonLocation loc, int width) {
        int line = Math.max(0, loc.getLineNr() - 1);
        int col = Math.max(0, loc.getColumnNr() - 1);
        return SourceRange.onLine(line, col, col + width);
    }

    private static SourceRange span(JsonLocation a, JsonLocation b) {
        int l1 = Math.max(0, a.getLineNr() - 1);
        int c1 = Math.max(0, a.getColumnNr() - 1);
        int l2 = Math.max(l1, b.getLineNr() - 1);
        int c2 = Math.max(0, b.getColumnNr() - 1);
        if (l2 == l1 && c2 < c1) {
            c2 = c1;
        }
        return new SourceRange(l1, c1, l2, c2);
    }
}
