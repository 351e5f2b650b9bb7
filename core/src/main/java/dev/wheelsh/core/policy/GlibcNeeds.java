package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.elf.VersionNames;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.tags.Libc;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.machine.Platform;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.core.wheel.WheelFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The glibc a wheel's native code really needs, from the GLIBC_x.y symbol versions its members
 * require of libraries outside the wheel, against the glibc its manylinux tags promise (WH309)
 * and against a target's glibc (WH310). This is the symbol-version part of a manylinux policy, the
 * part that decides the glibc floor; the full policies (whitelists, GLIBCXX and the rest) build on
 * it.
 */
public final class GlibcNeeds {

    /** The highest GLIBC version one member needs, and from which library. */
    public record Need(String member, String library, String version, int major, int minor) {
    }

    private GlibcNeeds() {
    }

    /**
     * For each native member, its highest non-weak GLIBC_x.y requirement on a library outside the
     * wheel, the ELF loader included (an old loader refuses a version just as an old libc does).
     */
    public static List<Need> highest(WheelChecks.Result wheel) {
        return highest(SystemNeeds.of(wheel));
    }

    /** As {@link #highest(WheelChecks.Result)}, from needs already worked out. */
    public static List<Need> highest(SystemNeeds needs) {
        List<Need> out = new ArrayList<>();
        for (SystemNeeds.Member m : needs.members()) {
            Need best = null;
            for (SystemNeeds.VersionAsk a : m.versions()) {
                VersionNames.Parsed p = VersionNames.parse(a.version());
                if (a.weak() || !p.family().equals("GLIBC") || p.numbers().size() < 2) {
                    continue;
                }
                int major = p.numbers().get(0);
                int minor = p.numbers().get(1);
                if (best == null || major > best.major() || (major == best.major() && minor > best.minor())) {
                    best = new Need(m.name(), a.library(), a.version(), major, minor);
                }
            }
            if (best != null) {
                out.add(best);
            }
        }
        return out;
    }

    /** WH309: members that need a newer glibc than the lowest one the wheel's manylinux tags promise. */
    public static final Check<CheckContext> FLOOR = Check.of(Code.WH309, (facts, context) -> againstTags(facts, context.needs()));

    /** WH310: members that need a newer glibc than the target has (nothing without a Linux target). */
    public static final Check<CheckContext> ON_TARGET = Check.of(Code.WH310, (facts, context) ->
            context.target().map(t -> t.platform() instanceof Platform.Linux linux
                    ? againstSystem(context.needs(), linux.libc(), "the target") : List.<Finding>of()).orElse(List.of()));

    /** WH309 on a wheel already read; see {@link #FLOOR}. */
    public static List<Finding> againstTags(WheelChecks.Result wheel) {
        return againstTags(wheel.facts(), SystemNeeds.of(wheel.facts()));
    }

    private static List<Finding> againstTags(WheelFacts facts, SystemNeeds needs) {
        Optional<PlatformTag> promise = Optional.empty();
        for (Tag t : facts.filename().tags().tags()) {
            PlatformTag p = PlatformTag.parse(t.platform());
            if (p.libc().equals(Optional.of(LibcFamily.GLIBC)) && (promise.isEmpty() || lower(p, promise.get()))) {
                promise = Optional.of(p);
            }
        }
        List<Finding> out = new ArrayList<>();
        if (promise.isEmpty()) {
            return out;
        }
        PlatformTag p = promise.get();
        // members of another architecture (WH304) are judged against their own, not this tag's glibc
        for (Need n : highest(needs.only(p.arch()))) {
            if (n.major() > p.major() || (n.major() == p.major() && n.minor() > p.minor())) {
                out.add(Finding.of(Code.WH309, Severity.ERROR,
                        n.member() + " needs " + n.version() + " from " + n.library() + ", newer than the glibc "
                                + p.major() + "." + p.minor() + " that " + p.tag() + " promises",
                        "pip installs this wheel on any system with glibc " + p.major() + "." + p.minor()
                                + " or newer; on those older than " + n.major() + "." + n.minor()
                                + " the module fails to load (\"version `" + n.version() + "' not found\"). "
                                + "The tag should be manylinux_" + n.major() + "_" + n.minor() + "_" + p.arch() + " or newer."));
            }
        }
        return out;
    }

    /** WH310: members that need a newer glibc than the target has. */
    public static List<Finding> againstSystem(WheelChecks.Result wheel, Libc libc, String where) {
        return againstSystem(SystemNeeds.of(wheel), libc, where);
    }

    private static List<Finding> againstSystem(SystemNeeds needs, Libc libc, String where) {
        List<Finding> out = new ArrayList<>();
        if (libc.family() != LibcFamily.GLIBC) {
            return out;
        }
        for (Need n : highest(needs)) {
            if (n.major() > libc.major() || (n.major() == libc.major() && n.minor() > libc.minor())) {
                out.add(Finding.of(Code.WH310, Severity.ERROR,
                        n.member() + " needs " + n.version() + " from " + n.library() + "; " + where + " has " + libc,
                        "Loading it fails with \"version `" + n.version() + "' not found\", whatever the wheel's tags say."));
            }
        }
        return out;
    }

    private static boolean lower(PlatformTag a, PlatformTag b) {
        return a.major() < b.major() || (a.major() == b.major() && a.minor() < b.minor());
    }
}
