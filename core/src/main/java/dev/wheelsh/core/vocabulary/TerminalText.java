package dev.wheelsh.core.vocabulary;

/**
 * Text from untrusted bytes (ELF strings, member names, file contents) made safe to print on a
 * terminal: the one place every renderer and message goes through.
 *
 * <p>Control characters (C0, DEL and the C1 range, where U+009B alone starts an escape sequence
 * on many terminals) become a backslash, x and two hex digits; characters that reorder or split
 * what is shown (the bidirectional overrides and isolates, the line and paragraph separators)
 * become a backslash, u and the code point in braces. Everything else, other scripts included,
 * is kept as it is.
 */
public final class TerminalText {

    private TerminalText() {
    }

    public static String safe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escaped = escape(c);
            if (escaped != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(escaped);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static String escape(char c) {
        if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
            return String.format("\\x%02x", (int) c);
        }
        if (c == '\u200e' || c == '\u200f' || c >= '\u2028' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069') {
            return String.format("\\u{%04x}", (int) c);
        }
        return null;
    }
}
