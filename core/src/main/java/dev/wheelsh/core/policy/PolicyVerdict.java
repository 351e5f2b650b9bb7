package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The baseline verdict on a wheel's native code for one architecture, computed as auditwheel
 * computes it: each criterion (symbol versions, libraries outside the whitelist, blacklisted
 * symbols, the x86-64 ISA level) gives the most widely installable policy it allows, and the
 * wheel is consistent with the most restrictive of those. For every more widely installable
 * policy than that, the obstacles say what stands in its way, naming the member, the library and
 * the symbol or version.
 *
 * @param arch      the architecture judged
 * @param libc      which C library the code is linked against
 * @param policies  every policy judged, most widely installable first, with its obstacles
 * @param best      the policy the wheel is consistent with ({@code linux} when no baseline holds)
 * @param notes     what else the verdict rests on, in words: the musl floor of musl code, and where
 *                  auditwheel answers differently, why
 */
public record PolicyVerdict(String arch, LibcFamily libc, List<Fit> policies, Policy best, List<Note> notes) {

    public PolicyVerdict {
        policies = List.copyOf(policies);
        notes = List.copyOf(notes);
    }

    /** A verdict with nothing to add. */
    public PolicyVerdict(String arch, LibcFamily libc, List<Fit> policies, Policy best) {
        this(arch, libc, policies, best, List.of());
    }

    /**
     * One thing the verdict rests on, said once for every face.
     *
     * @param kind    {@code musl-floor} (the musl the code needs, from its imports) or
     *                {@code auditwheel-differs} (auditwheel answers another tag, and why)
     * @param member  the member it is about
     * @param message the sentence
     */
    public record Note(String kind, String member, String message) {
    }

    /** A policy and what stops the wheel from meeting it; no obstacles means it holds. */
    public record Fit(Policy policy, List<Obstacle> obstacles) {
        public Fit {
            obstacles = List.copyOf(obstacles);
        }

        public boolean holds() {
            return obstacles.isEmpty();
        }
    }

    /** What stands between a wheel and a baseline. Each says it in words, once, for every face. */
    public sealed interface Obstacle {
        String member();

        /** Which of auditwheel's criteria this is: symbol-version, library, blacklist, isa, python-abi. */
        String kind();

        /** One sentence, naming what is needed and what the policy allows. */
        String describe(Policy p, String arch);
    }

    /** A symbol version the policy's libraries do not define. */
    public record TooNewVersion(String member, String library, String version) implements Obstacle {
        public String kind() {
            return "symbol-version";
        }

        public String describe(Policy p, String arch) {
            return version + " from " + library + " (asked by " + member + ") rules out " + p.platformTag(arch);
        }
    }

    /** A library neither bundled in the wheel nor on the policy's whitelist. */
    public record ExternalLibrary(String member, String library) implements Obstacle {
        public String kind() {
            return "library";
        }

        public String describe(Policy p, String arch) {
            return library + " (needed by " + member + ") is not bundled and is not among the libraries "
                    + p.platformTag(arch) + " lets a wheel take from the system";
        }
    }

    /** A symbol imported from a whitelisted library that the policy blacklists. */
    public record BlacklistedSymbol(String member, String library, String symbol) implements Obstacle {
        public String kind() {
            return "blacklist";
        }

        public String describe(Policy p, String arch) {
            return member + " imports " + symbol + " from " + library + ", which " + p.platformTag(arch)
                    + " forbids (missing or broken on some systems it covers)";
        }
    }

    /** x86-64 code that needs a newer micro-architecture level than the baseline's x86-64-v1. */
    public record IsaLevel(String member, int level) implements Obstacle {
        public String kind() {
            return "isa";
        }

        public String describe(Policy p, String arch) {
            return member + " needs x86-64-v" + level + " instructions; " + p.platformTag(arch)
                    + " promises only the x86-64 baseline (v1)";
        }
    }

    /** An extension built for a Python ABI no baseline admits (narrow-unicode Python 2, fpectl). */
    public record PythonAbi(String member, String symbol) implements Obstacle {
        public String kind() {
            return "python-abi";
        }

        public String describe(Policy p, String arch) {
            return member + " imports " + symbol + ", so it was built for a "
                    + (symbol.startsWith("PyUnicodeUCS2_") ? "narrow-unicode (UCS-2) Python 2" : "Python configured --with-fpectl")
                    + " that " + p.platformTag(arch) + " does not promise";
        }
    }

    /**
     * An import from musl's C library that the policy's musl series does not have: musl has no
     * symbol versions, so the release that added the symbol is the floor (elf/musl-symbols.tsv).
     */
    public record MuslSymbol(String member, String symbol, String release, String series) implements Obstacle {
        public String kind() {
            return "musl-symbol";
        }

        public String describe(Policy p, String arch) {
            return member + " needs musl " + series + ": imports " + symbol + " (added in musl " + release + "), which "
                    + p.platformTag(arch) + " does not promise";
        }
    }

    /** Whether some baseline other than {@code linux} holds. */
    public boolean consistentWithABaseline() {
        return !best.promisesNothing();
    }

    /** The platform tag the wheel is consistent with. */
    public String bestTag() {
        return best.platformTag(arch);
    }

    /** The fit of a named policy, when it was judged. */
    public Optional<Fit> fit(String policyName) {
        return policies.stream().filter(f -> f.policy().named(policyName)).findFirst();
    }

    /** The policies more widely installable than the best, each with what stands in its way. */
    public List<Fit> blocked() {
        List<Fit> out = new ArrayList<>();
        for (Fit f : policies) {
            if (f.policy().priority() > best.priority()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The nearest better policy (the one just above the best), when there is one. */
    public Optional<Fit> nextBetter() {
        List<Fit> b = blocked();
        return b.isEmpty() ? Optional.empty() : Optional.of(b.get(b.size() - 1));
    }

    static OptionalInt maxPriority(List<Fit> fits, java.util.function.Predicate<Obstacle> criterion) {
        return fits.stream().filter(f -> f.obstacles().stream().noneMatch(criterion))
                .mapToInt(f -> f.policy().priority()).max();
    }
}
