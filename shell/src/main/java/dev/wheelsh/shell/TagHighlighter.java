package dev.wheelsh.shell;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.tags.WheelFilename;
import org.jline.reader.LineReader;
import org.jline.reader.impl.DefaultHighlighter;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Marks what is wrong while it is typed: a tag-set word (three dash-separated components) with an
 * unknown interpreter, ABI or platform component has that component shown in red; a wheel
 * filename that does not parse is shown in red as a whole.
 */
final class TagHighlighter extends DefaultHighlighter {

    private static final AttributedStyle BAD = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();

    private final boolean colour;

    TagHighlighter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!colour) {
            return new AttributedString(buffer);
        }
        AttributedStringBuilder sb = new AttributedStringBuilder();
        int i = 0;
        while (i < buffer.length()) {
            if (Character.isWhitespace(buffer.charAt(i))) {
                sb.append(buffer.charAt(i++));
                continue;
            }
            int end = i;
            while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
                end++;
            }
            appendWord(sb, buffer.substring(i, end), i == 0);
            i = end;
        }
        return sb.toAttributedString();
    }

    static void appendWord(AttributedStringBuilder sb, String word, boolean first) {
        if (first || word.startsWith("-") || word.contains("/")) {
            sb.append(word);
            return;
        }
        if (word.endsWith(".whl")) {
            try {
                WheelFilename.parse(word);
                sb.append(word);
            } catch (InputException e) {
                sb.styled(BAD, word);
            }
            return;
        }
        String[] parts = word.split("-", -1);
        if (parts.length != 3) {
            sb.append(word);
            return;
        }
        for (int p = 0; p < 3; p++) {
            if (p > 0) {
                sb.append('-');
            }
            String component = parts[p].toLowerCase(java.util.Locale.ROOT);
            if (component.isEmpty() || Vocabulary.validComponent(p, component)) {
                sb.append(parts[p]);
            } else {
                sb.styled(BAD, parts[p]);
            }
        }
    }
}
