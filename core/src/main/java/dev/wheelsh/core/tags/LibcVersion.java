package dev.wheelsh.core.tags;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A C library's {@code major.minor} version, as manylinux and musllinux tags name it
 * ({@code manylinux_2_38} is glibc 2.38, {@code musllinux_1_2} is musl 1.2). Ordered by number,
 * so 2.9 comes before 2.10.
 */
public record LibcVersion(int major, int minor) implements Comparable<LibcVersion> {

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,6})[._](\\d{1,6})");

    public LibcVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative libc version " + major + "." + minor);
        }
    }

    /** {@code 2.38} or {@code 2_38}; empty for anything else. */
    public static Optional<LibcVersion> parse(String text) {
        Matcher m = DOTTED.matcher(text);
        return m.matches()
                ? Optional.of(new LibcVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    public boolean isAtLeast(LibcVersion other) {
        return compareTo(other) >= 0;
    }

    public boolean isNewerThan(LibcVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(LibcVersion o) {
        int c = Integer.compare(major, o.major);
        return c != 0 ? c : Integer.compare(minor, o.minor);
    }

    /** The form platform tags use: {@code 2_38}. */
    public String underscored() {
        return major + "_" + minor;
    }

    /** {@code 2.38}. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
