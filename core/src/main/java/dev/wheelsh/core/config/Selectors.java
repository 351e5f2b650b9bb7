package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * cibuildwheel build selectors: space-separated fnmatch patterns with bracex's brace expansion
 * ({a,b}, nested braces, and the ranges {9..13}, {a..e}, {1..9..2}), matched against build
 * identifiers {@code python_tag-platform_tag} (cp313-manylinux_x86_64). The identifiers are those
 * of the cibuildwheel release in cibuildwheel-facts.json and the retired ones of older releases.
 */
final class Selectors {

    /** One pattern of a selector string with its offset in the string. */
    record Part(String pattern, int offset) {
    }

    private static final int MAX_EXPANSIONS = 256;

    private Selectors() {
    }

    /** Every identifier some cibuildwheel release since 2.0 built, the current release's first. */
    static List<String> identifiers() {
        List<String> ids = new ArrayList<>(ConfigFacts.INSTANCE.cibwIdentifiers);
        ConfigFacts.INSTANCE.cibwIdentifierHistory.keySet().stream().filter(i -> !ids.contains(i)).forEach(ids::add);
        return List.copyOf(ids);
    }

    private static final List<String> IDENTIFIERS = identifiers();

    /*
     * Every answer below is a function of the pattern alone (the identifiers are fixed facts), so
     * each is kept: an editor re-checking a document per keystroke translates and matches only the
     * patterns that changed.
     */
    private static final int MEMO_ENTRIES = 4096;
    private static final int MEMO_KEY_LENGTH = 256;
    /** Alternatives kept per pattern at most: a brace expansion to more is translated each time. */
    private static final int MEMO_PATTERNS = 16;
    private static final Memo<List<Pattern>> COMPILED = new Memo<>(MEMO_ENTRIES, MEMO_KEY_LENGTH,
            p -> List.copyOf(translateAll(p)), patterns -> patterns.size() <= MEMO_PATTERNS);
    private static final Memo<Optional<String>> FIRST_MATCH = new Memo<>(MEMO_ENTRIES, MEMO_KEY_LENGTH,
            p -> firstMatch(p, IDENTIFIERS));
    private static final Memo<Optional<String>> FIRST_CURRENT_MATCH = new Memo<>(MEMO_ENTRIES, MEMO_KEY_LENGTH,
            p -> firstMatch(p, ConfigFacts.INSTANCE.cibwIdentifiers));
    // Match lists share the identifier strings, so one costs at most a reference per identifier.
    private static final Memo<List<String>> MATCHES = new Memo<>(MEMO_ENTRIES / 8, MEMO_KEY_LENGTH, Selectors::matchAll);
    private static final Memo<List<Issue>> PROBLEMS = new Memo<>(MEMO_ENTRIES, MEMO_KEY_LENGTH,
            p -> List.copyOf(problems(p)));

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
        return FIRST_MATCH.get(pattern);
    }

    /** Every identifier of any release since 2.0 the pattern matches. */
    static List<String> matches(String pattern) {
        return MATCHES.get(pattern);
    }

    private static List<String> matchAll(String pattern) {
        List<Pattern> res = compile(pattern);
        return IDENTIFIERS.stream().filter(id -> res.stream().anyMatch(p -> p.matcher(id).matches())).toList();
    }

    /** Whether a pattern matches an identifier the current cibuildwheel release builds. */
    static boolean matchesCurrent(String pattern) {
        return FIRST_CURRENT_MATCH.get(pattern).isPresent();
    }

    private static Optional<String> firstMatch(String pattern, List<String> identifiers) {
        List<Pattern> res = compile(pattern);
        for (String id : identifiers) {
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
        return PROBLEMS.get(pattern);
    }

    private static List<Issue> problems(String pattern) {
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
        return COMPILED.get(pattern);
    }

    private static List<Pattern> translateAll(String pattern) {
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

    /** Brace expansion as bracex does it for cibuildwheel; text without a valid brace stays literal. */
    static List<String> expand(String pattern) {
        List<String> done = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(pattern));
        while (!todo.isEmpty() && done.size() + todo.size() <= MAX_EXPANSIONS) {
            String p = todo.remove(0);
            Optional<List<String>> next = expandFirst(p);
            if (next.isEmpty()) {
                done.add(p);
            } else {
                todo.addAll(0, next.get());
            }
        }
        return done;
    }

    /** The alternatives of the first expandable brace of p, or empty when p has none. */
    private static Optional<List<String>> expandFirst(String p) {
        for (int open = p.indexOf('{'); open >= 0; open = p.indexOf('{', open + 1)) {
            int depth = 0;
            int close = -1;
            List<Integer> commas = new ArrayList<>();
            for (int i = open; i < p.length() && close < 0; i++) {
                char c = p.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    close = i;
                } else if (c == ',' && depth == 1) {
                    commas.add(i);
                }
            }
            if (close < 0) {
                return Optional.empty();
            }
            String head = p.substring(0, open);
            String tail = p.substring(close + 1);
            List<String> options = new ArrayList<>();
            if (!commas.isEmpty()) {
                int from = open + 1;
                for (int comma : commas) {
                    options.add(p.substring(from, comma));
                    from = comma + 1;
                }
                options.add(p.substring(from, close));
            } else {
                options = range(p.substring(open + 1, close)).orElse(null);
            }
            if (options != null) {
                List<String> out = new ArrayList<>();
                for (String o : options) {
                    out.add(head + o + tail);
                }
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    private static final Pattern NUMBER_RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)(?:\\.\\.(-?\\d+))?");
    private static final Pattern LETTER_RANGE = Pattern.compile("([A-Za-z])\\.\\.([A-Za-z])(?:\\.\\.(-?\\d+))?");

    /** {9..13}, {01..10} (padded), {a..e}, with an optional step: bracex's sequences. */
    private static Optional<List<String>> range(String inside) {
        Matcher n = NUMBER_RANGE.matcher(inside);
        Matcher l = LETTER_RANGE.matcher(inside);
        boolean numbers = n.matches();
        if (!numbers && !l.matches()) {
            return Optional.empty();
        }
        Matcher m = numbers ? n : l;
        long from;
        long to;
        try {
            from = numbers ? Long.parseLong(m.group(1)) : m.group(1).charAt(0);
            to = numbers ? Long.parseLong(m.group(2)) : m.group(2).charAt(0);
            long step = m.group(3) == null ? 1 : Math.abs(Long.parseLong(m.group(3)));
            if (step == 0) {
                step = 1;
            }
            if (Math.abs(to - from) / step >= MAX_EXPANSIONS) {
                return Optional.empty();
            }
            int width = numbers && (padded(m.group(1)) || padded(m.group(2))) ? Math.max(m.group(1).length(), m.group(2).length()) : 0;
            List<String> out = new ArrayList<>();
            long dir = to >= from ? step : -step;
            for (long v = from; dir > 0 ? v <= to : v >= to; v += dir) {
                out.add(numbers ? pad(v, width) : String.valueOf((char) v));
            }
            return Optional.of(out);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean padded(String number) {
        String digits = number.startsWith("-") ? number.substring(1) : number;
        return digits.length() > 1 && digits.startsWith("0");
    }

    private static String pad(long v, int width) {
        String digits = String.valueOf(Math.abs(v));
        while (digits.length() < width - (v < 0 ? 1 : 0)) {
            digits = "0" + digits;
        }
        return (v < 0 ? "-" : "") + digits;
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
