package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.vocabulary.Code;
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
 * musl against glibc: native code linked against one C library in a wheel whose tags name the
 * other (WH312), or on a target that runs the other (WH313). Neither loads: a glibc object asks for
 * libc.so.6 and GLIBC_x.y versions that musl does not provide, and a musl object asks for
 * libc.musl-*.so.1 (or plain libc.so) and the musl loader, which glibc systems do not have.
 */
public final class LibcFamilyChecks {

    private LibcFamilyChecks() {
    }

    /** Which Linux C library one member is linked against, when it says (never for Android code). */
    public static Optional<LibcFamily> linkedAgainst(SystemNeeds.Member m) {
        if (m.musl()) {
            return Optional.of(LibcFamily.MUSL);
        }
        boolean glibc = m.libraries().contains("libc.so.6") || m.versions().stream().anyMatch(v -> v.family().equals("GLIBC"));
        return glibc ? Optional.of(LibcFamily.GLIBC) : Optional.empty();
    }

    /** WH312: members of the other C library than every Linux tag of the wheel names. */
    public static final Check<CheckContext> AGAINST_TAGS = Check.of(Code.WH312, (facts, context) -> againstTags(facts, context.needs()));

    /** WH313: members of the other C library than the target runs (nothing without a Linux target). */
    public static final Check<CheckContext> ON_TARGET = Check.of(Code.WH313, (facts, context) ->
            context.target().map(t -> t.platform() instanceof Platform.Linux linux
                    ? againstSystem(context.needs(), linux.libc(), "the target") : List.<Finding>of()).orElse(List.of()));

    /** WH312 on a wheel already read; see {@link #AGAINST_TAGS}. */
    public static List<Finding> againstTags(WheelChecks.Result wheel) {
        return againstTags(wheel.facts(), SystemNeeds.of(wheel.facts()));
    }

    private static List<Finding> againstTags(WheelFacts facts, SystemNeeds needs) {
        List<Finding> out = new ArrayList<>();
        Optional<LibcFamily> promised = Optional.empty();
        for (Tag t : facts.filename().tags().tags()) {
            PlatformTag.Family f = PlatformTag.parse(t.platform()).family();
            Optional<LibcFamily> k = switch (f) {
                case MANYLINUX, MANYLINUX_LEGACY -> Optional.of(LibcFamily.GLIBC);
                case MUSLLINUX -> Optional.of(LibcFamily.MUSL);
                default -> Optional.empty();
            };
            if (k.isEmpty()) {
                continue;
            }
            if (promised.isPresent() && promised.get() != k.get()) {
                return out; // tags for both C libraries: each member is judged by its own tag's family elsewhere
            }
            promised = k;
        }
        if (promised.isEmpty()) {
            return out;
        }
        for (SystemNeeds.Member m : needs.members()) {
            Optional<LibcFamily> linked = linkedAgainst(m);
            if (linked.isPresent() && linked.get() != promised.get()) {
                out.add(Finding.of(Code.WH312, Severity.ERROR, m.name() + " is linked against " + name(linked.get())
                                + " but the wheel's tags are " + (promised.get() == LibcFamily.GLIBC ? "manylinux (glibc)" : "musllinux (musl)"),
                        explanation(linked.get())));
            }
        }
        return out;
    }

    /** WH313: members of the other C library than the target runs. */
    public static List<Finding> againstSystem(WheelChecks.Result wheel, Libc target, String where) {
        return againstSystem(SystemNeeds.of(wheel), target, where);
    }

    private static List<Finding> againstSystem(SystemNeeds needs, Libc target, String where) {
        List<Finding> out = new ArrayList<>();
        if (target.family() == LibcFamily.NONE) {
            return out;
        }
        for (SystemNeeds.Member m : needs.members()) {
            Optional<LibcFamily> linked = linkedAgainst(m);
            if (linked.isPresent() && linked.get() != target.family()) {
                out.add(Finding.of(Code.WH313, Severity.ERROR, m.name() + " is linked against " + name(linked.get()) + "; "
                        + where + " runs " + target, explanation(linked.get())));
            }
        }
        return out;
    }

    private static String name(LibcFamily k) {
        return k.word();
    }

    private static String explanation(LibcFamily linked) {
        return linked == LibcFamily.GLIBC
                ? "It needs libc.so.6 and glibc's symbol versions, which a musl system (Alpine) does not have: "
                        + "importing it fails with \"Error loading shared library libc.so.6\" or a missing symbol."
                : "It needs musl's C library and loader (libc.musl-<arch>.so.1, ld-musl-<arch>.so.1), which a glibc "
                        + "system does not have: importing it fails with \"libc.musl-...: cannot open shared object file\".";
    }
}
