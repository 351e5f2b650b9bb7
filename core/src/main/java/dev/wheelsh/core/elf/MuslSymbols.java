package dev.wheelsh.core.elf;

import dev.wheelsh.core.vocabulary.DataFiles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What musl's C library provides, release by release: the symbols each release's libc.so exports
 * (musl-symbols.tsv) and the library names its loader answers itself (musl-loader.tsv). Both files
 * are written by scripts/facts/generate_musl_symbols.py from real libc.so files and musl's own
 * source, which their headers name.
 *
 * <p>musl has no symbol versions, so the release a symbol first appeared in is the only evidence of
 * the oldest musl that code importing it loads on: a 32-bit object built against musl 1.2 imports
 * {@code __clock_gettime64}, which no 1.1 release has, and its loader refuses it there ("Error
 * relocating ...: symbol not found").
 */
public final class MuslSymbols {

    /** A musl release, such as 1.2.0. */
    public record Release(int major, int minor, int patch) implements Comparable<Release> {
        static Release parse(String text) {
            String[] p = text.split("\\.");
            if (p.length != 3) {
                throw new IllegalStateException("musl-symbols.tsv: '" + text + "' is not a release number");
            }
            return new Release(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }

        @Override
        public int compareTo(Release o) {
            return major != o.major ? Integer.compare(major, o.major)
                    : minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(patch, o.patch);
        }

        /** Whether this release belongs to the X.Y series of a musllinux_X_Y tag or an older one. */
        public boolean withinSeries(int seriesMajor, int seriesMinor) {
            return major < seriesMajor || (major == seriesMajor && minor <= seriesMinor);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    /**
     * When a symbol came into musl on one architecture.
     *
     * @param release the release
     * @param exact   true when it was added in that release; false when the table only knows it was
     *                there by then (the oldest release read, or releases between two read ones)
     */
    public record Since(String symbol, Release release, boolean exact) {
        /** "added in musl 1.2.0", or "there by musl 1.1.24" when the release it came in is not known. */
        public String words() {
            return (exact ? "added in musl " : "there by musl ") + release;
        }
    }

    private static final Map<String, Map<String, Since>> BY_ARCH = new HashMap<>();
    private static final Map<String, Release> OLDEST = new HashMap<>();
    private static final List<String> RESERVED = new ArrayList<>();
    private static final Set<String> NOT_MUSLS = new TreeSet<>();

    static {
        for (String line : lines("musl-symbols.tsv")) {
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new IllegalStateException("musl-symbols.tsv: expected 3 columns: " + line);
            }
            if (f[1].equals("none")) {
                NOT_MUSLS.add(f[0]); // exported by a packager's build only
                continue;
            }
            boolean exact = !f[1].startsWith("<=");
            Release r = Release.parse(exact ? f[1] : f[1].substring(2));
            for (String arch : f[2].split(",")) {
                BY_ARCH.computeIfAbsent(arch, a -> new HashMap<>()).put(f[0], new Since(f[0], r, exact));
                OLDEST.merge(arch, r, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        RESERVED.addAll(lines("musl-loader.tsv"));
    }

    private MuslSymbols() {
    }

    private static List<String> lines(String resource) {
        return DataFiles.lines(MuslSymbols.class, resource);
    }

    /** The architectures (Python's spelling: x86_64, aarch64, i686, armv7l) the table covers. */
    public static Set<String> arches() {
        return new TreeSet<>(BY_ARCH.keySet());
    }

    /** The oldest release read for an architecture, when the table covers it. */
    public static Optional<Release> oldest(String arch) {
        return Optional.ofNullable(OLDEST.get(arch));
    }

    /** When musl's libc.so on this architecture came to export the symbol; empty for a symbol it does not export. */
    public static Optional<Since> since(String symbol, String arch) {
        return Optional.ofNullable(BY_ARCH.getOrDefault(arch, Map.of()).get(symbol));
    }

    /**
     * The newest of the imported symbols musl provides, judged by the exact releases only (a
     * symbol only known to be there by some release is no evidence of needing that release);
     * empty when none was added after the oldest release read, or the architecture is not covered.
     */
    public static Optional<Since> newest(Collection<String> imports, String arch) {
        Map<String, Since> table = BY_ARCH.getOrDefault(arch, Map.of());
        Since best = null;
        for (String sym : imports) {
            Since s = table.get(sym);
            if (s != null && s.exact() && (best == null || s.release().compareTo(best.release()) > 0
                    || (s.release().equals(best.release()) && sym.compareTo(best.symbol()) < 0))) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a packager's libc.so exports the symbol but musl's own source has no such function (Debian's fts_*). */
    public static boolean packagersAddition(String symbol) {
        return NOT_MUSLS.contains(symbol);
    }

    /** The stems of the names musl's loader answers itself: c, pthread, rt, m, dl, util, xnet. */
    public static List<String> reservedStems() {
        return List.copyOf(RESERVED);
    }

    /**
     * Whether musl's loader answers a DT_NEEDED name itself instead of looking for a file: "lib",
     * a reserved stem and a dot begin it (libc.so, libpthread.so.0, libc.musl-x86_64.so.1), as
     * load_library in musl's ldso/dynlink.c compares them.
     */
    public static boolean answeredByLoader(String needed) {
        if (!needed.startsWith("lib")) {
            return false;
        }
        for (String stem : RESERVED) {
            if (needed.startsWith(stem + ".", 3)) {
                return true;
            }
        }
        return false;
    }

    /** The names musl's loader answers, as a user would write them: libc.so, libpthread.so, ... */
    public static List<String> reservedNames() {
        return RESERVED.stream().map(s -> "lib" + s + ".so").toList();
    }
}
