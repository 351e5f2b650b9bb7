package dev.wheelsh.core.config;

import static dev.wheelsh.core.config.CursorWords.items;
import static dev.wheelsh.core.config.CursorWords.wordStart;

import dev.wheelsh.core.words.Glossary.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * Completions in a baseline (policy) JSON file: policy fields, architectures and symbol-version
 * families under symbol_versions, and policy names. The text being typed is rarely valid JSON,
 * so the context is found by scanning the text before the cursor, not from the parsed tree.
 */
final class BaselineJsonCompletion {

    private static final ConfigFacts F = ConfigFacts.INSTANCE;
    private static final List<String> POLICY_NAMES = List.of("manylinux_2_17", "manylinux_2_28", "manylinux_2_31",
            "manylinux_2_34", "manylinux_2_35", "manylinux_2_36", "manylinux_2_38", "manylinux_2_39", "musllinux_1_1",
            "musllinux_1_2", "linux");

    private BaselineJsonCompletion() {
    }

    /** {@code before}: the text of the line before the cursor, which is at column {@code c}. */
    static List<Completion> at(String text, List<String> lines, int line, int c, String before) {
        int offset = 0;
        for (int i = 0; i < line; i++) {
            offset += lines.get(i).length() + 1;
        }
        offset = Math.min(text.length(), offset + c);
        List<String> context = context(text, offset);
        int from = wordStart(before, "_.");
        String word = before.substring(from);
        String enclosing = context.isEmpty() ? "" : context.get(context.size() - 1);
        if (enclosing.startsWith("=")) {
            String key = enclosing.substring(1);
            if (key.equals("name")) {
                return items(POLICY_NAMES, Completion.Kind.POLICY, "policy name", line, from, c, word, null);
            }
            return List.of();
        }
        if (enclosing.equals("symbol_versions")) {
            return items(F.policyArchs, Completion.Kind.ARCH, "architecture", line, from, c, word, Topic.ARCH);
        }
        if (F.policyArchs.contains(enclosing)) {
            return items(List.of("GLIBC", "GLIBCXX", "CXXABI", "GCC", "ZLIB"), Completion.Kind.KEY, "symbol-version prefix",
                    line, from, c, word, Topic.SYMBOL);
        }
        if (enclosing.equals("[]") || enclosing.isEmpty()) {
            return items(BaselineChecks.FIELDS, Completion.Kind.KEY, "policy field", line, from, c, word, Topic.POLICY);
        }
        return List.of();
    }

    /**
     * The chain of keys enclosing an offset in possibly broken JSON: "[]" for an array element
     * object, a key for an object that is that key's value, "=key" when the offset is in a value.
     */
    private static List<String> context(String text, int offset) {
        List<String> stack = new ArrayList<>();
        String lastKey = "";
        boolean afterColon = false;
        int i = 0;
        while (i < offset) {
            char ch = text.charAt(i);
            if (ch == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '"') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= offset) {
                    // the offset is inside this string
                    if (afterColon) {
                        stack.add("=" + lastKey);
                    }
                    return stack;
                }
                String s = text.substring(i + 1, Math.min(j, text.length()));
                int k = j + 1;
                while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                if (k < text.length() && text.charAt(k) == ':' && !afterColon) {
                    lastKey = s;
                }
                i = j + 1;
                continue;
            }
            switch (ch) {
                case '{' -> {
                    stack.add(afterColon ? lastKey : "[]");
                    afterColon = false;
                }
                case '[' -> {
                    stack.add(afterColon ? "list:" + lastKey : "list");
                    afterColon = false;
                }
                case '}', ']' -> {
                    if (!stack.isEmpty()) {
                        stack.remove(stack.size() - 1);
                    }
                    afterColon = false;
                }
                case ':' -> afterColon = true;
                case ',' -> afterColon = false;
                default -> {
                }
            }
            i++;
        }
        return stack;
    }
}
