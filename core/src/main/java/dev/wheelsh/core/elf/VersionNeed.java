package dev.wheelsh.core.elf;

import java.util.List;

/**
 * The symbol versions an object needs from one library (.gnu.version_r). A weak need
 * (VER_FLG_WEAK) does not stop the object loading when the library lacks the version.
 */
public record VersionNeed(String file, List<Entry> entries) {

    public static final int VER_FLG_WEAK = 0x2;
    /** Solaris: the version is recorded for information only and binds nothing. */
    public static final int VER_FLG_INFO = 0x4;

    public VersionNeed {
        entries = List.copyOf(entries);
    }

    /** One needed version: its name, hash, flags and the index .gnu.version uses for it. */
    public record Entry(String name, long hash, int flags, int index) {
        public boolean weak() {
            return (flags & VER_FLG_WEAK) != 0;
        }

        public boolean informational() {
            return (flags & VER_FLG_INFO) != 0;
        }
    }
}
