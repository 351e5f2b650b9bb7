package dev.wheelsh.core.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small reader of the CommonMark inline rules a hover can trip over, to check hovers without
 * an editor: code spans (a run of n backticks closed by the next run of exactly n), backslash
 * escapes, and emphasis delimiters ({@code *} and {@code _} runs, which open when left-flanking
 * and close when right-flanking, as CommonMark defines flanking). It reports what would render
 * as markup the hover did not mean, and the text an editor would show.
 */
final class MarkdownCheck {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private MarkdownCheck() {
    }

    /** What the text an editor shows, and the problems met on the way. */
    record Reading(String visible, List<String> problems) {
    }

    static List<String> problems(String md) {
        return read(md).problems();
    }

    static String visible(String md) {
        return read(md).visible();
    }

    private record Run(char ch, int length, int at) {
    }

    static Reading read(String md) {
        List<String> problems = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Deque<Run> open = new ArrayDeque<>();
        int i = 0;
        while (i < md.length()) {
            char c = md.charAt(i);
            if (c == '\\' && i + 1 < md.length() && PUNCTUATION.indexOf(md.charAt(i + 1)) >= 0) {
                out.append(md.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int n = runLength(md, i, '`');
                int close = closingFence(md, i + n, n);
                if (close < 0) {
                    problems.add("a code span opened at " + i + " is never closed: " + md);
                    out.append(md, i, i + n);
                    i += n;
                    continue;
                }
                String inner = md.substring(i + n, close);
                if (inner.length() >= 2 && inner.startsWith(" ") && inner.endsWith(" ") && !inner.isBlank()) {
                    inner = inner.substring(1, inner.length() - 1);
                }
                out.append(inner);
                i = close + n;
            } else if (c == '*' || c == '_') {
                int n = runLength(md, i, c);
                char before = i == 0 ? ' ' : md.charAt(i - 1);
                char after = i + n >= md.length() ? ' ' : md.charAt(i + n);
                boolean left = leftFlanking(before, after);
                boolean right = leftFlanking(after, before);
                boolean canOpen = c == '*' ? left : left && (!right || isPunct(before));
                boolean canClose = c == '*' ? right : right && (!left || isPunct(after));
                if (canClose && !open.isEmpty() && open.peek().ch() == c && open.peek().length() == n) {
                    open.pop();
                } else if (canOpen) {
                    open.push(new Run(c, n, i));
                } else if (canClose) {
                    problems.add("an emphasis closer " + "*".repeat(n) + " at " + i + " with nothing open: " + md);
                } else {
                    out.append(md, i, i + n);
                }
                i += n;
            } else if (c == '<' || c == '[' || c == ']') {
                problems.add("an unescaped " + c + " at " + i + " (an HTML tag or a link): " + md);
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        for (Run r : open) {
            problems.add("an emphasis opener " + String.valueOf(r.ch()).repeat(r.length()) + " at " + r.at() + " is never closed: " + md);
        }
        return new Reading(out.toString(), List.copyOf(problems));
    }

    /** CommonMark's left-flanking: not followed by white space, and not followed by punctuation unless preceded by space or punctuation. */
    private static boolean leftFlanking(char before, char after) {
        if (Character.isWhitespace(after)) {
            return false;
        }
        return !isPunct(after) || Character.isWhitespace(before) || isPunct(before);
    }

    private static boolean isPunct(char c) {
        return PUNCTUATION.indexOf(c) >= 0;
    }

    private static int runLength(String s, int i, char c) {
        int j = i;
        while (j < s.length() && s.charAt(j) == c) {
            j++;
        }
        return j - i;
    }

    /** Where the next run of exactly {@code n} backticks at or after {@code from} starts; -1 if none. */
    private static int closingFence(String s, int from, int n) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '`') {
                int m = runLength(s, i, '`');
                if (m == n) {
                    return i;
                }
                i += m;
            } else {
                i++;
            }
        }
        return -1;
    }
}
