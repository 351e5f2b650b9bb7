package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.OptionalInt;

/**
 * The Python language version a target runs, {@code major.minor}; a major-only version
 * ({@code 3}) is allowed, as packaging allows, and then yields fewer tags.
 */
public record PythonVersion(int major, OptionalInt minor) implements Comparable<PythonVersion> {

    public PythonVersion {
        if (major < 0 || (minor.isPresent() && minor.getAsInt() < 0)) {
            throw new IllegalArgumentException("negative Python version");
        }
    }

    public static PythonVersion of(int major, int minor) {
        return new PythonVersion(major, OptionalInt.of(minor));
    }

    /** Parses {@code 3.13}, {@code 313}-style is not accepted; {@code 3} is major-only. */
    public static PythonVersion parse(String text) throws InputException {
        String[] parts = text.trim().split("\\.", -1);
        try {
            if (parts.length == 1) {
                return new PythonVersion(Integer.parseInt(parts[0]), OptionalInt.empty());
            }
            if (parts.length == 2 || parts.length == 3) {
                int major = Integer.parseInt(parts[0]);
                int minor = Integer.parseInt(parts[1]);
                if (major >= 0 && minor >= 0 && major < 100 && minor < 1000) {
                    return of(major, minor);
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new InputException("Python version '" + text + "': expected MAJOR.MINOR, e.g. 3.13");
    }

    /** {@code 313} for 3.13, {@code 3} for major-only: packaging's _version_nodot. */
    public String nodot() {
        return minor.isPresent() ? "" + major + minor.getAsInt() : "" + major;
    }

    public boolean atLeast(int major, int minor) {
        if (this.major != major) {
            return this.major > major;
        }
        return this.minor.isPresent() && this.minor.getAsInt() >= minor;
    }

    @Override
    public int compareTo(PythonVersion o) {
        int c = Integer.compare(major, o.major);
        return c != 0 ? c : Integer.compare(minor.orElse(-1), o.minor.orElse(-1));
    }

    @Override
    public String toString() {
        return minor.isPresent() ? major + "." + minor.getAsInt() : Integer.toString(major);
    }
}
