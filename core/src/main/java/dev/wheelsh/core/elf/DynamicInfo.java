package dev.wheelsh.core.elf;

import java.util.List;
import java.util.Optional;

/**
 * The dynamic section: every entry as stored (up to DT_NULL) and the facts a loader acts on.
 * RPATH and RUNPATH are kept as written (colon-separated, with $ORIGIN unexpanded).
 */
public record DynamicInfo(
        List<DynamicEntry> entries,
        List<String> needed,
        Optional<String> soname,
        Optional<String> rpath,
        Optional<String> runpath,
        long flags,
        long flags1) {

    public static final long DF_BIND_NOW = 0x8;
    public static final long DF_STATIC_TLS = 0x10;
    public static final long DF_1_NOW = 0x1;
    public static final long DF_1_PIE = 0x08000000L;

    public DynamicInfo {
        entries = List.copyOf(entries);
        needed = List.copyOf(needed);
    }

    /** The value of the first entry with this tag, if any. */
    public Optional<Long> value(long tag) {
        for (DynamicEntry e : entries) {
            if (e.tag() == tag) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }
}
