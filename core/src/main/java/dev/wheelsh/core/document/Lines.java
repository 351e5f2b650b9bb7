package dev.wheelsh.core.document;

import java.util.ArrayList;
import java.util.List;

/** Splitting text into lines as the Language Server Protocol counts them: \n, \r\n and \r end a line. */
public final class Lines {

    private Lines() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        out.add(text.substring(start));
        return out;
    }
}
