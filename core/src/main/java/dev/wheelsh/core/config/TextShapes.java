package dev.wheelsh.core.config;

import java.util.regex.Pattern;

/**
 * The shapes of words the config checks recognise, each compiled once: the checks run over a
 * whole document on every keystroke in the editor, and compiling a pattern per key or per value
 * made that cost grow with the document.
 */
final class TextShapes {

    /** cibuildwheel's container image options: manylinux-x86_64-image, musllinux-aarch64-image. */
    static final Pattern IMAGE_OPTION = Pattern.compile("(manylinux|musllinux)-.+-image");
    /** A release written as one to three dotted numbers: 3, 3.12, 26.2.1. */
    static final Pattern DOTTED_RELEASE = Pattern.compile("\\d+(\\.\\d+){0,2}");
    /** A number small enough to read as an int part of a release. */
    static final Pattern RELEASE_PART = Pattern.compile("\\d{1,6}");
    /** White space: the separator of pip's list options. */
    static final Pattern SPACES = Pattern.compile("\\s+");
    /** Commas and white space: the separator of pip's format lists and of the codes in an ignore comment. */
    static final Pattern COMMAS_OR_SPACES = Pattern.compile("[,\\s]+");
    /** One word of cibuildwheel's archs value (separated by spaces or commas). */
    static final Pattern ARCH_WORD = Pattern.compile("[^\\s,]+");
    /** One value word of a marker's string (separated by spaces, commas, ';' or '|'). */
    static final Pattern MARKER_WORD = Pattern.compile("[^\\s,;|]+");
    /** A test-skip pattern's suffix naming one half of a universal2 build. */
    static final Pattern UNIVERSAL2_HALF = Pattern.compile(":(arm64|x86_64)$");
    /** A URL scheme. */
    static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    static final Pattern DIGITS = Pattern.compile("[0-9]+");
    static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    /** A Windows absolute path: C:\\ or C:/. */
    static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("[A-Za-z]:[\\\\/].*");
    /** The interpreter part of a build identifier: cp313, cp313t, pp310. */
    static final Pattern PYTHON_TAG = Pattern.compile("[a-z]+\\d+t?");
    static final Pattern PLATFORM_WORD = Pattern.compile("[a-z0-9_]+");

    private TextShapes() {
    }
}
