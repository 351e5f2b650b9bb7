package dev.wheelsh.core.policy;

import dev.wheelsh.core.elf.MuslSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The musl a wheel's musl code really needs. musl has no symbol versions, so the evidence is which
 * symbols each member imports and the musl release that added each (elf/musl-symbols.tsv): a
 * member's floor is its newest import. Weak imports do not count (the member loads without them).
 */
public final class MuslNeeds {

    /** A member's newest import from musl's C library. */
    public record Need(String member, String arch, MuslSymbols.Since since) {
        /** The musl series (1.2) the member needs. */
        public String series() {
            return since.release().major() + "." + since.release().minor();
        }

        /** Whether a musllinux_X_Y baseline, whose systems have musl X.Y, provides the symbol. */
        public boolean metBy(int major, int minor) {
            return since.release().withinSeries(major, minor);
        }

        /** "needs musl 1.2: imports __clock_gettime64 (added in musl 1.2.0)". */
        public String words() {
            return "needs musl " + series() + ": imports " + since.symbol() + " (" + since.words() + ")";
        }
    }

    private MuslNeeds() {
    }

    /** Each musl member's newest import added after the oldest release the table covers, in member order. */
    public static List<Need> newest(SystemNeeds needs) {
        List<Need> out = new ArrayList<>();
        for (SystemNeeds.Member m : needs.members()) {
            of(m).ifPresent(out::add);
        }
        return out;
    }

    /** One member's newest import added after the oldest release covered; empty for code that is not musl's. */
    public static Optional<Need> of(SystemNeeds.Member m) {
        if (!m.musl()) {
            return Optional.empty();
        }
        Set<String> strong = new TreeSet<>(m.imports());
        strong.removeAll(m.weakImports());
        return MuslSymbols.newest(strong, m.arch()).map(s -> new Need(m.name(), m.arch(), s));
    }

    /** The newest need of the whole wheel (the first member's, among equals). */
    public static Optional<Need> floor(SystemNeeds needs) {
        Need best = null;
        for (Need n : newest(needs)) {
            if (best == null || n.since().release().compareTo(best.since().release()) > 0) {
                best = n;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The architectures of musl members that the symbol table does not cover, sorted. */
    public static Set<String> uncovered(SystemNeeds needs) {
        Set<String> out = new TreeSet<>();
        for (SystemNeeds.Member m : needs.members()) {
            if (m.musl() && MuslSymbols.oldest(m.arch()).isEmpty()) {
                out.add(m.arch());
            }
        }
        return out;
    }
}
