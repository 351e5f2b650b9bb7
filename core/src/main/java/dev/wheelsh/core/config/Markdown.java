package dev.wheelsh.core.config;

/**
 * Text made safe to put into a hover's Markdown (CommonMark, as editors render it). Every piece
 * of a hover that comes from the user's file or from shared words goes through here, at the
 * hover's edge: the words themselves stay plain text, because {@code wheelsh explain} prints the
 * same sentences to a terminal.
 *
 * <p>Identifiers (selectors, option names, tags, values) go into code spans ({@link #code}), where
 * nothing but backticks is markup; prose goes through {@link #text}, which escapes what CommonMark
 * would read as markup there.
 */
final class Markdown {

    private Markdown() {
    }

    /**
     * {@code s} as literal text: a backslash before each character CommonMark would take as
     * markup. That is {@code \ ` * [ ] < > | ~}, an {@code _} that could open or close emphasis
     * (one between two letters or digits cannot, so {@code manylinux_2_28} stays as it is), an
     * {@code &} that could start an entity, and at the start of a line what would make it a
     * heading, a list item, a quote or a rule ({@code # - + = >}, {@code 1.}).
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        boolean lineStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (lineStart && c == ' ') {
                b.append(c);
                continue;
            }
            if (lineStart && Character.isDigit(c)) {
                int end = orderedListMarkerEnd(s, i);
                if (end > i) {
                    b.append(s, i, end).append('\\').append(s.charAt(end));
                    i = end;
                    lineStart = false;
                    continue;
                }
            }
            if (lineStart && "#-+=>".indexOf(c) >= 0) {
                b.append('\\');
            } else if (escapesAnywhere(c) || c == '_' && !intraword(s, i) || c == '&' && entityFollows(s, i)) {
                b.append('\\');
            }
            b.append(c);
            lineStart = c == '\n' || c == '\r';
        }
        return b.toString();
    }

    /**
     * {@code s} as one code span: fenced with one backtick more than its longest run of
     * backticks, padded with a space where CommonMark would otherwise join a backtick of the
     * content to the fence or strip the content's own spaces. Line breaks become spaces (a code
     * span shows them as spaces anyway). An empty {@code s} is an empty string: CommonMark has no
     * empty code span.
     */
    static String code(String s) {
        String one = s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        if (one.isEmpty()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < one.length(); i++) {
            run = one.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean allSpaces = one.isBlank();
        boolean pad = !allSpaces && (one.startsWith("`") || one.endsWith("`")
                || one.startsWith(" ") && one.endsWith(" "));
        String inner = pad ? " " + one + " " : one;
        return fence + inner + fence;
    }

    private static boolean escapesAnywhere(char c) {
        return "\\`*[]<>|~".indexOf(c) >= 0;
    }

    private static boolean intraword(String s, int i) {
        return i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
                && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    private static boolean entityFollows(String s, int i) {
        return i + 1 < s.length() && (s.charAt(i + 1) == '#' || Character.isLetterOrDigit(s.charAt(i + 1)));
    }

    /** Where the {@code .} or {@code )} of an ordered-list marker ("1." "12)") starting at {@code i} is; {@code i} if none. */
    private static int orderedListMarkerEnd(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j)) && j - i < 9) {
            j++;
        }
        return j < s.length() && (s.charAt(j) == '.' || s.charAt(j) == ')') ? j : i;
    }
}
