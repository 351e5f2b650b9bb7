package dev.wheelsh.core.document;

import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads pip.conf / pip.ini as pip does, through Python's configparser (RawConfigParser with its
 * defaults): {@code [section]} headers (names case-sensitive), {@code name = value} or
 * {@code name: value} (names lower-cased, white space around them dropped), whole-line comments
 * starting with {@code #} or {@code ;} (no inline comments: {@code x = 1 # y} keeps the {@code # y}),
 * and continuation lines indented deeper than the option's own line, empty lines included.
 */
public final class IniReader {

    /** One line of a value: its text and where it sits. */
    public record ValueLine(String text, SourceRange range) {
    }

    /**
     * An option. {@code name} is lower-cased as configparser does; {@code rawName} as written.
     * The value is configparser's: the lines joined with newlines, trailing empty lines dropped.
     */
    public record Option(String section, String name, String rawName, SourceRange nameRange,
                         List<ValueLine> valueLines, int sectionIndex) {
        public String value() {
            List<String> parts = new ArrayList<>();
            for (ValueLine v : valueLines) {
                parts.add(v.text());
            }
            int end = parts.size();
            while (end > 1 && parts.get(end - 1).isEmpty()) {
                end--;
            }
            return String.join("\n", parts.subList(0, end)).strip();
        }

        public SourceRange valueRange() {
            ValueLine first = valueLines.get(0);
            ValueLine last = first;
            for (ValueLine v : valueLines) {
                if (!v.text().isEmpty()) {
                    last = v;
                }
            }
            return new SourceRange(first.range().startLine(), first.range().startColumn(),
                    last.range().endLine(), last.range().endColumn());
        }
    }

    public record Section(String name, SourceRange nameRange, SourceRange headerRange) {
    }

    public record Problem(SourceRange range, String message) {
    }

    public record Comment(int line, int column, String text) {
    }

    public record Document(List<Section> sections, List<Option> options, List<Problem> problems,
                           List<Comment> comments, List<String> lines) {
    }

    private IniReader() {
    }

    public static Document read(String text) {
        List<String> lines = Lines.split(text);
        List<Section> sections = new ArrayList<>();
        List<Option> options = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        String section = null;
        int sectionIndex = -1;
        // the option whose value continuation lines extend
        String curName = null;
        String curRaw = null;
        SourceRange curNameRange = null;
        List<ValueLine> curLines = null;
        int curIndent = 0;
        for (int ln = 0; ln < lines.size(); ln++) {
            String raw = lines.get(ln);
            int indent = 0;
            while (indent < raw.length() && Character.isWhitespace(raw.charAt(indent))) {
                indent++;
            }
            String stripped = raw.strip();
            if (!stripped.isEmpty() && (stripped.charAt(0) == '#' || stripped.charAt(0) == ';')) {
                comments.add(new Comment(ln, indent, stripped.substring(1)));
                continue; // comment lines never end a value
            }
            if (stripped.isEmpty()) {
                if (curLines != null) {
                    curLines.add(new ValueLine("", SourceRange.at(ln, 0)));
                }
                continue;
            }
            if (curLines != null && indent > curIndent) {
                int end = raw.length();
                while (end > indent && Character.isWhitespace(raw.charAt(end - 1))) {
                    end--;
                }
                curLines.add(new ValueLine(raw.substring(indent, end), SourceRange.onLine(ln, indent, end)));
                continue;
            }
            if (curLines != null) {
                options.add(new Option(section, curName, curRaw, curNameRange, List.copyOf(curLines), sectionIndex));
                curLines = null;
            }
            curIndent = indent;
            if (stripped.startsWith("[")) {
                int close = raw.lastIndexOf(']');
                if (close > indent + 1) {
                    section = raw.substring(indent + 1, close);
                    sections.add(new Section(section, SourceRange.onLine(ln, indent + 1, close),
                            SourceRange.onLine(ln, indent, close + 1)));
                    sectionIndex = sections.size() - 1;
                    if (!raw.substring(close + 1).isBlank()) {
                        // configparser ignores text after ']'; say so, since it is never a value
                        problems.add(new Problem(SourceRange.onLine(ln, close + 1, raw.length()),
                                "text after the section header is ignored"));
                    }
                    continue;
                }
                problems.add(new Problem(SourceRange.onLine(ln, indent, raw.length()),
                        "a section header needs a name and a closing ']'"));
                continue;
            }
            int sep = -1;
            for (int i = indent; i < raw.length(); i++) {
                if (raw.charAt(i) == '=' || raw.charAt(i) == ':') {
                    sep = i;
                    break;
                }
            }
            if (sep < 0) {
                problems.add(new Problem(SourceRange.onLine(ln, indent, raw.length()),
                        "not an option ('name = value'), a section header or a comment; pip fails to read the file"));
                continue;
            }
            int nameEnd = sep;
            while (nameEnd > indent && Character.isWhitespace(raw.charAt(nameEnd - 1))) {
                nameEnd--;
            }
            if (nameEnd == indent) {
                problems.add(new Problem(SourceRange.onLine(ln, indent, sep + 1), "an option without a name"));
                continue;
            }
            if (section == null) {
                problems.add(new Problem(SourceRange.onLine(ln, indent, raw.length()),
                        "an option before any [section]; configparser refuses the file (MissingSectionHeaderError)"));
                continue;
            }
            curRaw = raw.substring(indent, nameEnd);
            curName = curRaw.toLowerCase(Locale.ROOT);
            curNameRange = SourceRange.onLine(ln, indent, nameEnd);
            int vs = sep + 1;
            while (vs < raw.length() && Character.isWhitespace(raw.charAt(vs))) {
                vs++;
            }
            int ve = raw.length();
            while (ve > vs && Character.isWhitespace(raw.charAt(ve - 1))) {
                ve--;
            }
            curLines = new ArrayList<>();
            curLines.add(new ValueLine(raw.substring(vs, ve), SourceRange.onLine(ln, vs, ve)));
        }
        if (curLines != null) {
            options.add(new Option(section, curName, curRaw, curNameRange, List.copyOf(curLines), sectionIndex));
        }
        return new Document(List.copyOf(sections), List.copyOf(options), List.copyOf(problems),
                List.copyOf(comments), lines);
    }
}
