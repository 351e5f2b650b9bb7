package dev.wheelsh.core.wheel;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WHEEL file of a wheel (PEP 427 / the binary distribution format): its format version, the
 * tool that built it, whether the root is purelib, and its Tag lines.
 */
public record WheelMetadata(String wheelVersion, Optional<String> generator, boolean rootIsPurelib,
                            List<String> tags, Optional<String> build) {

    public WheelMetadata {
        tags = List.copyOf(tags);
    }

    static WheelMetadata parse(String where, String text) throws InputException {
        Map<String, List<String>> h = headers(text);
        List<String> version = h.getOrDefault("Wheel-Version", List.of());
        if (version.isEmpty()) {
            throw new InputException(where + ": no Wheel-Version line");
        }
        List<String> purelib = h.getOrDefault("Root-Is-Purelib", List.of());
        if (purelib.isEmpty()) {
            throw new InputException(where + ": no Root-Is-Purelib line");
        }
        String p = purelib.get(0).trim().toLowerCase(java.util.Locale.ROOT);
        if (!p.equals("true") && !p.equals("false")) {
            throw new InputException(where + ": Root-Is-Purelib is \"" + purelib.get(0) + "\", not true or false");
        }
        return new WheelMetadata(version.get(0).trim(), first(h, "Generator"), p.equals("true"),
                h.getOrDefault("Tag", List.of()).stream().map(String::trim).toList(), first(h, "Build"));
    }

    private static Optional<String> first(Map<String, List<String>> h, String key) {
        List<String> v = h.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0).trim());
    }

    /**
     * "Name: value" header lines up to the first blank line (RFC 822 style, as WHEEL and METADATA
     * use); a line starting with whitespace continues the previous value.
     */
    static Map<String, List<String>> headers(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String lastKey = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && lastKey != null) {
                List<String> vals = out.get(lastKey);
                vals.set(vals.size() - 1, vals.get(vals.size() - 1) + "\n" + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            lastKey = line.substring(0, colon).trim();
            out.computeIfAbsent(lastKey, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        return out;
    }
}
