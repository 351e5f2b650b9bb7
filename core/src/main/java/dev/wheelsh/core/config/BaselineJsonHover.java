package dev.wheelsh.core.config;

import static dev.wheelsh.core.config.CursorWords.contains;

import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.words.Glossary;
import dev.wheelsh.core.words.Glossary.Topic;
import dev.wheelsh.core.words.TagWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hovers in a baseline (policy) JSON file: on a policy field, what it holds; under
 * symbol_versions, the architecture, the symbol-version family and what one version requires;
 * on a policy name or alias, the baseline it stands for; on a whitelisted library, what that means.
 */
final class BaselineJsonHover {

    private static final Pattern PEP600_NAME = Pattern.compile("(manylinux|musllinux)_(\\d+)_(\\d+)");

    private BaselineJsonHover() {
    }

    static Optional<HoverText> at(JsonReader.Result json, int line, int col) {
        return json.root().flatMap(r -> at(r, line, col, List.of()));
    }

    /** {@code path}: the member names from the root to {@code node}, "[]" for an array element. */
    private static Optional<HoverText> at(JsonReader.Node node, int line, int col, List<String> path) {
        if (node instanceof JsonReader.Obj o) {
            for (JsonReader.Member m : o.members()) {
                List<String> p = new ArrayList<>(path);
                p.add(m.name());
                if (contains(m.nameRange(), line, col)) {
                    return words(p, m.name(), true).map(w -> new HoverText(m.nameRange(), w));
                }
                if (contains(m.value().range(), line, col)) {
                    return at(m.value(), line, col, p);
                }
            }
        } else if (node instanceof JsonReader.Arr a) {
            for (JsonReader.Node i : a.items()) {
                if (contains(i.range(), line, col)) {
                    List<String> p = new ArrayList<>(path);
                    p.add("[]");
                    return at(i, line, col, p);
                }
            }
        } else if (node instanceof JsonReader.Str s) {
            return words(path, s.value(), false).map(w -> new HoverText(s.range(), w));
        }
        return Optional.empty();
    }

    private static Optional<String> words(List<String> path, String word, boolean isKey) {
        int sv = path.indexOf("symbol_versions");
        if (sv >= 0) {
            int depth = path.size() - sv - 1;
            if (isKey && depth == 1) {
                return Glossary.lookup(Topic.ARCH, word).map(t -> term(word, t));
            }
            if (isKey && depth == 2) {
                return Optional.of(term(word, Glossary.lookup(Topic.SYMBOL, word).orElse(word + " symbol versions")));
            }
            if (!isKey && depth >= 3) {
                return Optional.of(Markdown.text(Glossary.symbolVersion(path.get(sv + 2), word)));
            }
        }
        String last = path.isEmpty() ? "" : path.get(path.size() - 1);
        if (isKey) {
            return Glossary.lookup(Topic.POLICY, word).map(t -> term(word, t));
        }
        if (last.equals("name") || path.contains("aliases")) {
            Matcher m = PEP600_NAME.matcher(word);
            if (m.matches()) {
                return Optional.of(term(word, "the " + m.group(1) + " baseline for "
                        + (m.group(1).equals("manylinux") ? "glibc " : "musl ") + m.group(2) + "." + m.group(3)
                        + "; e.g. " + word + "_x86_64 means " + TagWords.platform(word + "_x86_64")));
            }
            if (word.matches("manylinux(1|2010|2014)")) {
                return Optional.of(term(word, TagWords.platform(word + "_x86_64")));
            }
        }
        if (path.contains("lib_whitelist")) {
            return Optional.of(term(word, "a system library wheels may link against without bundling it"));
        }
        return Optional.empty();
    }

    /** A name from the file as a code span, then its words as text. */
    private static String term(String word, String words) {
        return Markdown.code(word) + ": " + Markdown.text(words);
    }
}
