package dev.wheelsh.shell.io;

import dev.wheelsh.core.elf.ElfReader;
import java.io.PrintWriter;

/** The two-column "  key         value" lines of the text reports, made printable. */
public final class Rows {

    private Rows() {
    }

    /** One row with a key column of 12, as show, baseline and derive print them. */
    public static void row(PrintWriter out, String key, String value) {
        out.println(ElfReader.printable("  " + pad(key, 12) + " " + value));
    }

    /** {@code s} followed by spaces up to {@code width} characters (never cut). */
    public static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
