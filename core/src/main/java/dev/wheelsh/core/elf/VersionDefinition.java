package dev.wheelsh.core.elf;

import java.util.List;

/**
 * A version this object defines (.gnu.version_d). The first name is the version itself, the rest
 * its parents; VER_FLG_BASE marks the entry naming the object (its soname).
 */
public record VersionDefinition(int index, int flags, long hash, String name, List<String> parents) {

    public static final int VER_FLG_BASE = 0x1;

    public VersionDefinition {
        parents = List.copyOf(parents);
    }

    public boolean base() {
        return (flags & VER_FLG_BASE) != 0;
    }
}
