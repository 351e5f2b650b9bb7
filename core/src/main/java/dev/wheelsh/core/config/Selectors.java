package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * cibuildwheel build selectors: space-separated fnmatch patterns with {a,b} braces, matched
 * against build identifiers {@code python_tag-platform_tag} (cp313-manylinux_x86_64).
 */
final class Selectors {

    /** One pattern of a selector string with its offset in the string. */
    record Part(String pattern, int offset) {
    }

    private static final int MAX_EXPANSIONS = 256;

    private Selectors() {
    }

    static List<String> identifiers() {
        List<String> ids = new ArrayList<>();
        for (String py : ConfigFacts.INSTANCE.cibwPythons) {
            for (String plat : ConfigFacts.INSTANCE.cibwPlatforms) {
                ids.add(py + "-" + plat);
            }
        }
        return ids;
    }

    private static final List<String> IDENTIFIERS = identifiers();

    static List<Part> split(String value) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < value.length() && !Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                parts.add(new Part(value.substring(start, i), start));
            }
        }
        return parts;
    }

    /** Whether a pattern matches at least one known identifier. */
    static boolean matchesAny(String pattern) {
        return firstMatch(pattern).isPresent();
    }

    static Optional<String> firstMatch(String pattern) {
        List<Pattern> res = compile(pattern);
        for (String id : IDENTIFIERS) {
            for (Pattern p : res) {
                if (p.matcher(id).matches()) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    /** Problems of one pattern, offsets within the pattern. */
    static List<Issue> check(String pattern) {
        List<Issue> out = new ArrayList<>();
        if (pattern.length() > 200) {
            out.add(Issue.of(Code.WH110, Severity.ERROR, 0, pattern.length(), "selector pattern too long to be meant", ""));
            return out;
        }
        if (pattern.chars().filter(c -> c == '*').count() > 8 || matchesAny(pattern)) {
            return out; // many wildcards: backtracking would cost more than the answer is worth
        }
        String explanation = "Build identifiers are python_tag-platform_tag, e.g. cp313-manylinux_x86_64, cp313t-musllinux_aarch64, "
                + "pp311-win_amd64, cp312-macosx_arm64, cp313-ios_arm64_iphoneos, cp312-pyodide_wasm32; patterns use * ? [..] and {a,b}.";
        // the longest prefix that can still start some identifier
        int k = 0;
        for (int i = pattern.length(); i >= 0; i--) {
            String prefix = pattern.substring(0, i);
            if (balanced(prefix) && matchesAny(prefix + "*")) {
                k = i;
                break;
            }
        }
        if (k == pattern.length()) {
            Issue issue = Issue.of(Code.WH110, Severity.ERROR, 0, pattern.length(),
                    "selector '" + pattern + "' matches no build identifier (it stops short; a '*' at the end would match "
                            + firstMatch(pattern + "*").orElse("?") + ")", explanation);
            out.add(issue.withFix(pattern + "*", "Append * to " + pattern));
            return out;
        }
        int start = k;
        while (start > 0 && pattern.charAt(start - 1) != '-' && pattern.charAt(start - 1) != '_') {
            start--;
        }
        int end = k;
        while (end < pattern.length() && pattern.charAt(end) != '-' && pattern.charAt(end) != '_'
                && !(end > k && pattern.charAt(end) == '*')) {
            end++;
        }
        if (end == start) {
            end = Math.min(pattern.length(), start + 1);
        }
        String bad = pattern.substring(start, end);
        Issue issue = Issue.of(Code.WH110, Severity.ERROR, start, end,
                "selector '" + pattern + "' matches no build identifier: nothing fits '" + bad + "' here", explanation);
        String alias = ConfigFacts.INSTANCE.archAliases.get(bad);
        if (alias != null) {
            String fixed = pattern.substring(0, start) + alias + pattern.substring(end);
            if (matchesAny(fixed)) {
                issue = issue.withFix(alias, "Replace " + bad + " with " + alias);
            }
        }
        out.add(issue);
        return out;
    }

    private static boolean balanced(String prefix) {
        int brackets = 0;
        int braces = 0;
        for (char c : prefix.toCharArray()) {
            switch (c) {
                case '[' -> brackets++;
                case ']' -> brackets = Math.max(0, brackets - 1);
                case '{' -> braces++;
                case '}' -> braces = Math.max(0, braces - 1);
                default -> {
                }
            }
        }
        return brackets == 0 && braces == 0;
    }

    /** Brace-expands then translates each alternative as Python's fnmatch.translate does. */
    static List<Pattern> compile(String pattern) {
        List<Pattern> out = new ArrayList<>();
        for (String alt : expand(pattern)) {
            try {
                out.add(Pattern.compile(translate(alt)));
            } catch (PatternSyntaxException e) {
                // an unbalanced '[' is a literal in fnmatch; a translation that fails matches nothing
            }
        }
        return out;
    }

    static List<String> expand(String pattern) {
        List<String> done = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(pattern));
        while (!todo.isEmpty() && done.size() + todo.size() <= MAX_EXPANSIONS) {
            String p = todo.remove(todo.size() - 1);
            int open = p.indexOf('{');
            int close = open < 0 ? -1 : p.indexOf('}', open);
            if (open < 0 || close < 0) {
                done.add(p);
                continue;
            }
            String inside = p.substring(open + 1, close);
            if (!inside.contains(",")) {
                done.add(p);
                continue;
            }
            for (String opt : inside.split(",", -1)) {
                todo.add(p.substring(0, open) + opt + p.substring(close + 1));
            }
        }
        return done;
    }

    static String translate(String glob) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == '*') {
                while (i < glob.length() && glob.charAt(i) == '*') {
                    i++;
                }
                sb.append(".*");
            } else if (c == '?') {
                sb.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < glob.length() && glob.charAt(j) == '!') {
                    j++;
                }
                if (j < glob.length() && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < glob.length() && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= glob.length()) {
                    sb.append("\\[");
                } else {
                    String stuff = glob.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (stuff.startsWith("!")) {
                        stuff = "^" + stuff.substring(1);
                    } else if (stuff.startsWith("^")) {
                        stuff = "\\" + stuff;
                    }
                    sb.append('[').append(stuff.replace("[", "\\[")).append(']');
                }
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
