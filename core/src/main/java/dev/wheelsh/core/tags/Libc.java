package dev.wheelsh.core.tags;

import java.util.Objects;

/**
 * The C library a Linux userland runs: its family and version. {@link Kind#NONE} stands for an
 * interpreter whose libc is unknown or neither glibc nor musl; it gets only {@code linux_<arch>}.
 */
public record Libc(Kind kind, int major, int minor) implements Comparable<Libc> {

    public enum Kind { GLIBC, MUSL, NONE }

    public Libc {
        Objects.requireNonNull(kind, "kind");
    }

    public static Libc glibc(int major, int minor) {
        return new Libc(Kind.GLIBC, major, minor);
    }

    public static Libc musl(int major, int minor) {
        return new Libc(Kind.MUSL, major, minor);
    }

    public static Libc none() {
        return new Libc(Kind.NONE, 0, 0);
    }

    /** The version, for comparisons: {@code libc.version().isAtLeast(...)}. */
    public LibcVersion version() {
        return new LibcVersion(major, minor);
    }

    @Override
    public int compareTo(Libc o) {
        int c = Integer.compare(major, o.major);
        return c != 0 ? c : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case GLIBC -> "glibc " + major + "." + minor;
            case MUSL -> "musl " + major + "." + minor;
            case NONE -> "unknown libc";
        };
    }
}
