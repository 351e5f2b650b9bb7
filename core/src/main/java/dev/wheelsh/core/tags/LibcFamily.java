package dev.wheelsh.core.tags;

import java.util.Optional;

/**
 * Which C library a Linux userland runs, as platform tags name it: glibc for manylinux, musl for
 * musllinux; {@link #NONE} where it is unknown or neither (such a system gets only
 * {@code linux_<arch>} tags). The one spelling of the family in core.
 */
public enum LibcFamily {
    GLIBC("glibc", "manylinux"),
    MUSL("musl", "musllinux"),
    /** Android's C library (bionic): its code is judged by Android's baseline, never a Linux one. */
    ANDROID("bionic", "android"),
    NONE("unknown libc", "linux");

    private final String word;
    private final String tagPrefix;

    LibcFamily(String word, String tagPrefix) {
        this.word = word;
        this.tagPrefix = tagPrefix;
    }

    /** In words: {@code glibc}, {@code musl}. */
    public String word() {
        return word;
    }

    /** As JSON output names it: {@code glibc}, {@code musl}, {@code android}, {@code none}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The platform tags that need it: {@code manylinux}, {@code musllinux}. */
    public String tagPrefix() {
        return tagPrefix;
    }

    /** The family whose platform tags start with {@code prefix} ({@code manylinux}, {@code musllinux}). */
    public static Optional<LibcFamily> ofTagPrefix(String prefix) {
        for (LibcFamily f : values()) {
            if (f != NONE && f != ANDROID && f.tagPrefix.equals(prefix)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The word, so that sentences read "the wheel needs glibc". */
    @Override
    public String toString() {
        return word;
    }
}
