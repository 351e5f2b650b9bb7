package dev.wheelsh.core.tags;

import java.util.Objects;

/**
 * The C library a Linux userland runs: its family and version. {@link LibcFamily#NONE} stands for an
 * interpreter whose libc is unknown or neither glibc nor musl; it gets only {@code linux_<arch>}.
 */
public record Libc(LibcFamily family, int major, int minor) implements Comparable<Libc> {

    public Libc {
        Objects.requireNonNull(family, "family");
    }

    public static Libc glibc(int major, int minor) {
        return new Libc(LibcFamily.GLIBC, major, minor);
    }

    public static Libc musl(int major, int minor) {
        return new Libc(LibcFamily.MUSL, major, minor);
    }

    public static Libc none() {
        return new Libc(LibcFamily.NONE, 0, 0);
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
        return switch (family) {
            case GLIBC -> "glibc " + major + "." + minor;
            case MUSL -> "musl " + major + "." + minor;
            case ANDROID -> "bionic";
            case NONE -> "unknown libc";
        };
    }
}
