package dev.wheelsh.core.wheel;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** One line of a wheel's RECORD: path, optional hash (algorithm=urlsafe-base64 digest), optional size. */
public record RecordEntry(String path, Optional<Hash> hash, OptionalLong size) {

    public record Hash(String algorithm, String digest) {
    }

    /** Parses RECORD as CSV (commas, double-quoted fields with "" escapes), as Python's csv module writes it. */
    static List<RecordEntry> parse(String where, String text) throws InputException {
        List<RecordEntry> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            List<String> f = fields(line);
            if (f.size() != 3) {
                throw new InputException(where + ":" + lineNo + ": " + f.size() + " fields, a RECORD line has 3");
            }
            Optional<Hash> hash = Optional.empty();
            if (!f.get(1).isEmpty()) {
                int eq = f.get(1).indexOf('=');
                if (eq <= 0) {
                    throw new InputException(where + ":" + lineNo + ": hash \"" + f.get(1) + "\" is not algorithm=digest");
                }
                hash = Optional.of(new Hash(f.get(1).substring(0, eq), f.get(1).substring(eq + 1)));
            }
            OptionalLong size = OptionalLong.empty();
            if (!f.get(2).isEmpty()) {
                try {
                    size = OptionalLong.of(Long.parseLong(f.get(2)));
                } catch (NumberFormatException e) {
                    throw new InputException(where + ":" + lineNo + ": size \"" + f.get(2) + "\" is not a number");
                }
            }
            out.add(new RecordEntry(f.get(0), hash, size));
        }
        return out;
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
