package dev.wheelsh.core.wheel;

import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** One line of a wheel's RECORD: path, optional hash (algorithm=urlsafe-base64 digest), optional size. */
public record RecordEntry(String path, Optional<Hash> hash, OptionalLong size) {

    public record Hash(String algorithm, String digest) {
    }

    /** The longest RECORD line read, in bytes: a path is at most a few KiB, a hash 100 bytes. */
    public static final int MAX_LINE = 64 * 1024;

    /** Parses RECORD as CSV (commas, double-quoted fields with "" escapes), as Python's csv module writes it. */
    static List<RecordEntry> parse(String where, String text) throws InputException {
        List<RecordEntry> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            if (!line.isEmpty()) {
                out.add(line(where, lineNo, line));
            }
        }
        return out;
    }

    /** One non-empty RECORD line. */
    static RecordEntry line(String where, long lineNo, String line) throws InputException {
        List<String> f = fields(line);
        if (f.size() != 3) {
            throw new InputException(where + ":" + lineNo + ": " + f.size() + " fields, a RECORD line has 3");
        }
        Optional<Hash> hash = Optional.empty();
        if (!f.get(1).isEmpty()) {
            int eq = f.get(1).indexOf('=');
            if (eq <= 0) {
                throw new InputException(where + ":" + lineNo + ": hash \"" + ElfReader.printable(shorten(f.get(1)))
                        + "\" is not algorithm=digest");
            }
            hash = Optional.of(new Hash(f.get(1).substring(0, eq), f.get(1).substring(eq + 1)));
        }
        OptionalLong size = OptionalLong.empty();
        if (!f.get(2).isEmpty()) {
            try {
                size = OptionalLong.of(Long.parseLong(f.get(2)));
            } catch (NumberFormatException e) {
                throw new InputException(where + ":" + lineNo + ": size \"" + ElfReader.printable(shorten(f.get(2)))
                        + "\" is not a number");
            }
        }
        return new RecordEntry(f.get(0), hash, size);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /**
     * RECORD read line by line from a stream, as it inflates: memory is one line, however many
     * lines there are. Lines end at LF (a CR before it is dropped), as {@link #parse} splits them.
     */
    static final class Lines {
        private final String where;
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private long lineNo;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(String where, InputStream in) {
            this.where = where;
            this.in = in;
        }

        /** The next non-empty line's entry, or null at the end. */
        RecordEntry next() throws IOException, InputException {
            while (true) {
                String text = nextLine();
                if (text == null) {
                    return null;
                }
                if (!text.isEmpty()) {
                    return line(where, lineNo, text);
                }
            }
        }

        private String nextLine() throws IOException, InputException {
            line.reset();
            while (true) {
                if (pos == end) {
                    end = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (end < 0) {
                        end = 0;
                        if (line.size() == 0) {
                            return null;
                        }
                        lineNo++;
                        return decode();
                    }
                }
                int start = pos;
                while (pos < end && buf[pos] != '\n') {
                    pos++;
                }
                if (line.size() + (pos - start) > MAX_LINE) {
                    throw new InputException(where + ":" + (lineNo + 1) + ": a line longer than " + MAX_LINE
                            + " bytes; no path and hash need that many");
                }
                line.write(buf, start, pos - start);
                if (pos < end) {
                    pos++;
                    lineNo++;
                    return decode();
                }
            }
        }

        private String decode() {
            byte[] b = line.toByteArray();
            int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
            return new String(b, 0, n, StandardCharsets.UTF_8);
        }
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
