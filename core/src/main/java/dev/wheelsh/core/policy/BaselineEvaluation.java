package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.policy.PolicyVerdict.BlacklistedSymbol;
import dev.wheelsh.core.policy.PolicyVerdict.ExternalLibrary;
import dev.wheelsh.core.policy.PolicyVerdict.Fit;
import dev.wheelsh.core.policy.PolicyVerdict.IsaLevel;
import dev.wheelsh.core.policy.PolicyVerdict.Obstacle;
import dev.wheelsh.core.policy.PolicyVerdict.TooNewVersion;
import dev.wheelsh.core.elf.MuslSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Judges a wheel's needs against every baseline of one architecture, by auditwheel's rules:
 * <ul>
 * <li>symbol versions: a version asked of the system whose family (the text before the first
 *     underscore: GLIBC, GLIBCXX, CXXABI, GCC, ZLIB, LIBATOMIC) the policy lists, but which is
 *     not in the policy's list for that family; families a policy does not list are not judged
 *     (OPENSSL_3.0 says nothing about manylinux). Weak versions count too, as auditwheel counts
 *     them: a weak version still binds when the library has it.</li>
 * <li>libraries: a library the wheel does not bundle and the policy's whitelist does not name.</li>
 * <li>blacklist: a symbol imported (not weakly) by a member that needs a library whose
 *     blacklist names it.</li>
 * <li>ISA level: x86-64 code marked as needing x86-64-v2 or higher; every manylinux x86_64
 *     baseline promises v1.</li>
 * <li>Python ABI: an extension importing {@code PyUnicodeUCS2_*} (a narrow-unicode Python 2
 *     build) or {@code PyFPE_*} (a Python built with --with-fpectl) meets no baseline.</li>
 * <li>musl symbols (wheelsh's own criterion; auditwheel judges musl code by its libraries only): a
 *     musl member's newest import from musl's C library, by the release that added it, against
 *     the musl series of a musllinux baseline ({@link MuslNeeds}).</li>
 * </ul>
 * Versions asked of the ELF loader are left out, as auditwheel leaves them out. For musl
 * baselines, a library musl's loader answers itself ({@code libc.so}, {@code libc.musl-x86_64.so.1},
 * {@code libpthread.so}, {@code libm.so}, ...: {@link MuslSymbols#answeredByLoader}) is never a
 * library taken from the system; auditwheel reads the whitelist's {@code libc.so} the same way for
 * the C library itself.
 * Each criterion gives the highest priority it allows; the verdict is the lowest of those.
 */
public final class BaselineEvaluation {

    private static final Set<String> PYFPE = Set.of("PyFPE_jbuf", "PyFPE_dummy", "PyFPE_counter");

    private BaselineEvaluation() {
    }

    public static PolicyVerdict evaluate(SystemNeeds needs, String arch, PolicySet set) {
        LibcFamily libc = needs.musl() ? LibcFamily.MUSL : LibcFamily.GLIBC;
        Map<SystemNeeds.Member, String> pythonAbi = pythonAbiImports(needs);
        List<Fit> fits = new ArrayList<>();
        Policy linux = null;
        for (Policy p : set.forArch(arch)) {
            if (p.promisesNothing()) {
                linux = linux == null ? p : linux;
                continue;
            }
            if (p.libc() != LibcFamily.NONE && p.libc() != libc) {
                continue;
            }
            fits.add(new Fit(p, obstacles(needs, arch, p, pythonAbi)));
        }
        if (linux == null) {
            linux = new Policy("linux", List.of(), 0, java.util.Map.of(), List.of(), java.util.Map.of());
        }
        int best = Integer.MAX_VALUE;
        for (String kind : List.of("symbol-version", "library", "blacklist", "isa", "python-abi", "musl-symbol")) {
            OptionalInt p = PolicyVerdict.maxPriority(fits, o -> o.kind().equals(kind));
            best = Math.min(best, p.orElse(0));
        }
        Policy chosen = linux;
        for (Fit f : fits) {
            if (f.policy().priority() == best) {
                chosen = f.policy();
                break;
            }
        }
        return new PolicyVerdict(arch, libc, fits, chosen, libc == LibcFamily.MUSL ? muslNotes(needs, arch, chosen) : List.of());
    }

    /** The musl floor in words and, where auditwheel would answer another tag, why. */
    private static List<PolicyVerdict.Note> muslNotes(SystemNeeds needs, String arch, Policy chosen) {
        List<PolicyVerdict.Note> notes = new ArrayList<>();
        Optional<MuslNeeds.Need> floor = MuslNeeds.floor(needs);
        SystemNeeds.Member first = needs.members().stream().filter(SystemNeeds.Member::musl).findFirst().orElseThrow();
        if (floor.isPresent()) {
            notes.add(new PolicyVerdict.Note("musl-floor", floor.get().member(), floor.get().member() + " " + floor.get().words()));
        } else if (MuslNeeds.uncovered(needs).isEmpty()) {
            notes.add(new PolicyVerdict.Note("musl-floor", first.name(), "no import needs a musl newer than "
                    + MuslSymbols.oldest(first.arch()).orElseThrow() + ", the oldest release the musl symbol table covers for "
                    + first.arch()));
        }
        for (String a : MuslNeeds.uncovered(needs)) {
            notes.add(new PolicyVerdict.Note("musl-floor", first.name(), "the musl symbol table does not cover " + a
                    + " (it covers " + String.join(", ", MuslSymbols.arches()) + "): the musl release its imports need is not judged"));
        }
        // auditwheel (6.8.1, lddtree.py and wheel_abi.py) knows musl code only by ld-musl-* or
        // libc.musl-* among its needs or a -linux-musl.so file name; otherwise it judges the code
        // by the C library of the machine it runs on. Where wheelsh finds no baseline either, both say linux_*.
        Optional<SystemNeeds.Member> unseen = chosen.promisesNothing() ? Optional.empty() : needs.members().stream()
                .filter(SystemNeeds.Member::musl)
                .filter(m -> needs.members().stream().filter(SystemNeeds.Member::musl).allMatch(SystemNeeds.Member::muslByPlainName))
                .findFirst();
        if (unseen.isPresent()) {
            SystemNeeds.Member m = unseen.get();
            String theirs = needs.members().stream().anyMatch(SystemNeeds.Member::pythonExtension)
                    ? "stops with \"couldn't detect libc for python extension\""
                    : "answers linux_" + arch;
            notes.add(new PolicyVerdict.Note("auditwheel-differs", m.name(), "auditwheel " + theirs + " here, wheelsh "
                    + chosen.platformTag(arch) + ": " + m.name() + " needs plain libc.so, and auditwheel knows musl code only by "
                    + "ld-musl-*, libc.musl-* or a -linux-musl.so file name, so it judges this code by the C library of the "
                    + "machine it runs on (on glibc, against manylinux, which does not list libc.so). musl's loader answers "
                    + String.join(", ", MuslSymbols.reservedNames()) + " itself, so this is musl code and musllinux is its baseline"));
        }
        return notes;
    }

    /** Everything that stops the needs from meeting one policy, in member order. */
    public static List<Obstacle> obstacles(SystemNeeds needs, String arch, Policy p) {
        return obstacles(needs, arch, p, pythonAbiImports(needs));
    }

    /** Per member, the first import that marks a Python ABI no baseline admits; found once, not once per policy. */
    private static Map<SystemNeeds.Member, String> pythonAbiImports(SystemNeeds needs) {
        Map<SystemNeeds.Member, String> out = new java.util.IdentityHashMap<>(); // by identity: a member's hash would walk its imports
        for (SystemNeeds.Member m : needs.members()) {
            for (String sym : m.imports()) {
                if (sym.startsWith("PyUnicodeUCS2_") || PYFPE.contains(sym)) {
                    out.put(m, sym);
                    break;
                }
            }
        }
        return out;
    }

    private static List<Obstacle> obstacles(SystemNeeds needs, String arch, Policy p, Map<SystemNeeds.Member, String> pythonAbi) {
        List<Obstacle> out = new ArrayList<>();
        Set<String> whitelist = new HashSet<>(p.libWhitelist());
        // The lists as sets, once per policy: a large wheel asks tens of thousands of versions.
        Map<String, Set<String>> allowedSets = new HashMap<>();
        p.symbolVersions().getOrDefault(arch, Map.of()).forEach((fam, vs) -> allowedSets.put(fam, new HashSet<>(vs)));
        for (SystemNeeds.Member m : needs.members()) {
            for (SystemNeeds.VersionAsk v : m.versions()) {
                if (v.ofLoader()) {
                    continue;
                }
                Set<String> allowed = allowedSets.get(v.family());
                if (allowed != null && !allowed.contains(v.withinFamily())) {
                    out.add(new TooNewVersion(m.name(), v.library(), v.version()));
                }
            }
            for (String lib : m.libraries()) {
                // musl's loader answers its reserved names itself: no file of the system is asked for.
                boolean loaders = p.libc() == LibcFamily.MUSL && MuslSymbols.answeredByLoader(lib);
                if (!whitelist.contains(lib) && !loaders) {
                    out.add(new ExternalLibrary(m.name(), lib));
                }
            }
            for (String lib : m.libraries()) {
                List<String> banned = p.blacklist().get(lib);
                if (banned == null) {
                    continue;
                }
                for (String sym : banned) {
                    if (m.imports().contains(sym) && !m.weakImports().contains(sym)) {
                        out.add(new BlacklistedSymbol(m.name(), lib, sym));
                    }
                }
            }
            String abiSymbol = pythonAbi.get(m);
            if (abiSymbol != null) {
                out.add(new PolicyVerdict.PythonAbi(m.name(), abiSymbol));
            }
            if (arch.equals("x86_64") && m.x86IsaLevel().isPresent() && m.x86IsaLevel().getAsInt() > 1) {
                out.add(new IsaLevel(m.name(), m.x86IsaLevel().getAsInt()));
            }
            if (m.musl() && p.libc() == LibcFamily.MUSL && p.libcVersion().isPresent()) {
                int[] series = p.libcVersion().get();
                MuslNeeds.of(m).filter(n -> !n.metBy(series[0], series[1])).ifPresent(n -> out.add(
                        new PolicyVerdict.MuslSymbol(m.name(), n.since().symbol(), n.since().release().toString(), n.series())));
            }
        }
        return out;
    }
}
