package dev.wheelsh.bench;

import dev.wheelsh.core.config.ConfigFileKind;

/**
 * The keystroke the editor benchmarks type: one character into a value past the middle of the
 * document, keeping it valid, so every version is checked in full (a keystroke that broke the
 * syntax would stop the checks early and flatter the numbers). In a baseline file a digit before
 * a policy's priority (750 becomes 1750, which reorders the policies); in a pyproject.toml a
 * letter at the start of a string value.
 */
final class Keystroke {

    private Keystroke() {
    }

    /** The document before and after the keystroke. */
    static String[] versions(String text, ConfigFileKind kind) {
        String marker = kind == ConfigFileKind.BASELINE_JSON ? "\"priority\": " : "= \"";
        String typed = kind == ConfigFileKind.BASELINE_JSON ? "1" : "x";
        int at = text.indexOf(marker, text.length() / 2);
        if (at < 0) {
            throw new IllegalStateException("no " + marker + " past the middle of the document to type into");
        }
        int pos = at + marker.length();
        return new String[] {text, text.substring(0, pos) + typed + text.substring(pos)};
    }
}
