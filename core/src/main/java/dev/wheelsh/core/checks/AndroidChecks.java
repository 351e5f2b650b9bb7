package dev.wheelsh.core.checks;

import dev.wheelsh.core.elf.BionicCode;
import dev.wheelsh.core.machine.Platform;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.AndroidBaseline;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.LibcFamilyChecks;
import dev.wheelsh.core.policy.SystemNeeds;
import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.core.wheel.WheelFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Android's rules (PEP 738 wheels, {@code android_N_<abi>}): WH314 judges the members against the
 * wheel's tags, WH315 against a target. Android code runs on bionic with Android's loader; it
 * loads on an Android of at least the API level it was built for, of its own ABI, and links only
 * the system libraries an app may link ({@link AndroidBaseline}). Linux code (glibc or musl) loads on
 * no Android, and Android code on no Linux.
 */
public final class AndroidChecks {

    private AndroidChecks() {
    }

    /** WH314: each member against the wheel's android tags, and Android code in Linux-tagged wheels. */
    public static final Check<CheckContext> AGAINST_TAGS = Check.of(Code.WH314, (facts, context) -> againstTags(facts, context.needs()));

    /** WH315: each member against an Android or Linux target; nothing without one. */
    public static final Check<CheckContext> ON_TARGET = Check.of(Code.WH315, (facts, context) ->
            context.target().map(t -> onTarget(facts, context.needs(), t)).orElse(List.of()));

    private static List<Finding> againstTags(WheelFacts facts, SystemNeeds needs) {
        List<Finding> out = new ArrayList<>();
        List<PlatformTag.Android> android = new ArrayList<>();
        Set<String> linuxTags = new LinkedHashSet<>();
        for (Tag t : facts.filename().tags().tags()) {
            PlatformTag p = PlatformTag.parse(t.platform());
            if (p instanceof PlatformTag.Android a) {
                android.add(a);
            } else if (switch (p.family()) {
                case MANYLINUX, MANYLINUX_LEGACY, MUSLLINUX, LINUX -> true;
                default -> false;
            }) {
                linuxTags.add(t.platform());
            }
        }
        if (android.isEmpty() && linuxTags.isEmpty()) {
            return out;
        }
        for (WheelChecks.Member m : facts.natives()) {
            Optional<BionicCode> bionic = m.elf().bionic();
            Optional<SystemNeeds.Member> needsOf = needsOf(needs, m.name());
            if (!android.isEmpty()) {
                PlatformTag.Android lowest = android.stream().min((a, b) -> Integer.compare(a.apiLevel(), b.apiLevel())).orElseThrow();
                if (bionic.isPresent()) {
                    androidProblems(m, bionic.get(), needsOf, android.stream().map(PlatformTag.Android::arch).toList(),
                            lowest.apiLevel(), "the tag " + lowest.tag()).forEach(why -> out.add(Finding.of(Code.WH314, Severity.ERROR,
                            m.name() + " " + why, "pip installs the wheel on every Android the tag " + lowest.tag()
                                    + " matches; there the member does not load, and importing it fails.")));
                } else {
                    linuxCode(needsOf).ifPresent(libc -> out.add(Finding.of(Code.WH314, Severity.ERROR,
                            m.name() + " is Linux code linked against " + libc.word() + ", but the wheel's tags are android ("
                                    + lowest.tag() + "); Android has neither glibc nor musl",
                            "Android's C library is bionic and its loader /system/bin/linker64; code built for a Linux C library "
                                    + "does not load there. Build it with the Android NDK for the tag's API level.")));
                }
            } else if (bionic.isPresent()) {
                out.add(Finding.of(Code.WH314, Severity.ERROR,
                        m.name() + " is Android code (" + String.join(", ", bionic.get().evidence()) + "), but the wheel's tags are "
                                + String.join(", ", linuxTags) + "; no Linux loader loads it",
                        "Android code needs bionic and Android's loader; on Linux importing it fails. An Android wheel is tagged "
                                + "android_<API level>_<ABI>" + consistentTag(m, bionic.get()).map(t -> " (this code: " + t + ")").orElse("") + "."));
            }
        }
        return out;
    }

    private static List<Finding> onTarget(WheelFacts facts, SystemNeeds needs, Target target) {
        List<Finding> out = new ArrayList<>();
        Platform p = target.platform();
        for (WheelChecks.Member m : facts.natives()) {
            Optional<BionicCode> bionic = m.elf().bionic();
            Optional<SystemNeeds.Member> needsOf = needsOf(needs, m.name());
            if (p instanceof Platform.Android a) {
                if (bionic.isPresent()) {
                    androidProblems(m, bionic.get(), needsOf, List.of(a.abi()), a.apiLevel(), "the target (" + p.describe() + ")")
                            .forEach(why -> out.add(Finding.of(Code.WH315, Severity.ERROR, m.name() + " " + why,
                                    "The member does not load on the target, whatever the wheel's tags say.")));
                } else {
                    linuxCode(needsOf).ifPresent(libc -> out.add(Finding.of(Code.WH315, Severity.ERROR,
                            m.name() + " is Linux code linked against " + libc.word() + "; the target (" + p.describe()
                                    + ") runs bionic, Android's C library",
                            "Android has neither glibc nor musl, so Linux code does not load there; the package needs a wheel "
                                    + "built with the Android NDK (android_N_<abi>) or a build from source for Android.")));
                }
            } else if (p instanceof Platform.Linux && bionic.isPresent()) {
                out.add(Finding.of(Code.WH315, Severity.ERROR,
                        m.name() + " is Android code (" + String.join(", ", bionic.get().evidence()) + "); the target ("
                                + p.describe() + ") is Linux, whose loader cannot load it",
                        "Android code needs bionic and /system/bin/linker64; a Linux system has neither."));
            }
        }
        return out;
    }

    /**
     * What stops one Android member from loading on an Android of this API level and one of these
     * ABIs: another ABI, a higher API level than {@code apiLevel}, system libraries an app may not link.
     */
    private static List<String> androidProblems(WheelChecks.Member m, BionicCode code, Optional<SystemNeeds.Member> needsOf,
                                                List<String> abis, int apiLevel, String promise) {
        List<String> out = new ArrayList<>();
        Optional<String> abi = BionicCode.abi(m.elf().header());
        if (abi.isEmpty() || !abis.contains(abi.get())) {
            out.add("is " + abi.orElse(m.arch()) + " code (" + m.arch() + "), but " + promise + " is for "
                    + String.join(" or ", abis));
        }
        OptionalInt built = code.builtFor();
        if (built.isPresent() && built.getAsInt() > apiLevel) {
            out.add("was built for Android API level " + built.getAsInt() + " (" + code.builtForEvidence() + "), but " + promise
                    + " promises API level " + apiLevel + consistentTag(m, code).map(t -> "; the code is consistent with " + t).orElse(""));
        }
        Set<String> allowed = AndroidBaseline.allowedLibraries(apiLevel);
        for (String lib : needsOf.map(SystemNeeds.Member::libraries).orElse(List.of())) {
            if (!allowed.contains(lib)) {
                out.add("needs " + lib + ", which the wheel does not bundle and which is not among the system libraries an Android app "
                        + "may link at API level " + apiLevel);
            }
        }
        return out;
    }

    /** The android tag the member's own facts name, when it records its API level and has an Android ABI. */
    private static Optional<String> consistentTag(WheelChecks.Member m, BionicCode code) {
        Optional<String> abi = BionicCode.abi(m.elf().header());
        if (abi.isEmpty() || code.builtFor().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("android_" + code.builtFor().getAsInt() + "_" + abi.get());
    }

    /** The Linux C library a member that is not Android code links against, when it says. */
    private static Optional<LibcFamily> linuxCode(Optional<SystemNeeds.Member> m) {
        return m.flatMap(LibcFamilyChecks::linkedAgainst);
    }

    private static Optional<SystemNeeds.Member> needsOf(SystemNeeds needs, String member) {
        return needs.members().stream().filter(n -> n.name().equals(member)).findFirst();
    }
}
