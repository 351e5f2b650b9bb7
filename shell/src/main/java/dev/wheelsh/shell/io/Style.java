package dev.wheelsh.shell.io;

import java.util.Map;

/** When wheelsh may print colour: on a terminal, and never with NO_COLOR set (no-color.org). */
public final class Style {

    private Style() {
    }

    public static boolean colourAllowed(Map<String, String> env, boolean onTerminal) {
        String noColor = env.get("NO_COLOR");
        return onTerminal && (noColor == null || noColor.isEmpty());
    }
}
