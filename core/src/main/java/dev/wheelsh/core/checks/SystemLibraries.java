package dev.wheelsh.core.checks;

import dev.wheelsh.core.machine.Platform;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.BaselineEvaluation;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.Policy;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.policy.SystemNeeds;
import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.tags.LibcVersion;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.wheel.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WH318: on a Linux target, the libraries the wheel's code takes from the system that the target's
 * baseline does not promise. pip installs by tags alone, so a wheel whose extension needs
 * {@code libyaml-0.so.2} installs everywhere its tags fit and then fails on import ("ImportError:
 * libyaml-0.so.2: cannot open shared object file") wherever the system lacks it. The target's
 * baseline is the newest manylinux (or musllinux) policy its C library meets: the libraries of its
 * whitelist are the ones every such system has. Whether this system has the others cannot be told
 * from a target, so this is a warning naming the library and, when Debian's shlibs say, the package
 * that provides it.
 */
public final class SystemLibraries {

    private SystemLibraries() {
    }

    /** One library a member takes from the system beyond the target's baseline. */
    public record Outside(String member, String library, Optional<String> debianPackage) {
        /** "libssl.so.3 (Debian 12: libssl3)" or the bare soname when no package is known. */
        public String words() {
            return library + debianPackage.map(p -> " (" + DebianPackages.RELEASE + ": " + p + ")").orElse("");
        }
    }

    /** WH318: each library outside the target's baseline, once per member. */
    public static final Check<CheckContext> ON_TARGET = Check.of(Code.WH318, (facts, context) -> {
        List<Finding> out = new ArrayList<>();
        Optional<Policy> baseline = context.target().flatMap(t -> targetBaseline(t, context.policies()));
        if (baseline.isEmpty()) {
            return out;
        }
        String arch = ((Platform.Linux) context.target().get().platform()).userlandArch();
        for (Outside o : outside(context.needs(), arch, baseline.get())) {
            out.add(Finding.of(Code.WH318, Severity.WARNING,
                    "pip installs it; importing " + module(o.member()) + " fails where " + o.library() + " is missing: "
                            + "it is not part of " + baseline.get().platformTag(arch)
                            + "; on the target it must come from the system"
                            + o.debianPackage().map(p -> " (" + DebianPackages.RELEASE + ": " + p + ")").orElse(""),
                    "The wheel does not bundle " + o.library() + " and the target's baseline, "
                            + baseline.get().platformTag(arch) + ", does not promise it, so the loader looks for it among the"
                            + " system's libraries (\"ImportError: " + o.library() + ": cannot open shared object file\" where"
                            + " it is missing). auditwheel repair would copy it into the wheel."));
        }
        return out;
    });

    /**
     * The newest baseline a Linux target's C library meets, for the architecture its interpreter
     * runs: manylinux_2_36 on glibc 2.36, musllinux_1_2 on musl 1.2; empty for other systems and
     * for a C library older than every baseline.
     */
    public static Optional<Policy> targetBaseline(Target target, PolicySet policies) {
        if (!(target.platform() instanceof Platform.Linux l) || l.libc().family() == LibcFamily.NONE) {
            return Optional.empty();
        }
        Policy best = null;
        for (Policy p : policies.forArch(l.userlandArch())) {
            Optional<int[]> v = p.libcVersion();
            if (p.libc() != l.libc().family() || v.isEmpty()
                    || new LibcVersion(v.get()[0], v.get()[1]).isNewerThan(l.libc().version())) {
                continue;
            }
            if (best == null || p.priority() < best.priority()) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The libraries the members of one architecture take from the system that a baseline does not
     * whitelist, in member order: the baseline verdict's own library criterion, so show, explain and
     * check say the same. Members of another C library than the baseline's are left to WH313.
     */
    public static List<Outside> outside(SystemNeeds needs, String arch, Policy baseline) {
        SystemNeeds own = needs.only(arch);
        boolean musl = baseline.libc() == LibcFamily.MUSL;
        List<SystemNeeds.Member> sameLibc = own.members().stream().filter(m -> !m.android() && m.musl() == musl).toList();
        List<Outside> out = new ArrayList<>();
        for (PolicyVerdict.Obstacle o : BaselineEvaluation.obstacles(new SystemNeeds(sameLibc, own.bundled()), arch, baseline)) {
            if (o instanceof PolicyVerdict.ExternalLibrary x) {
                out.add(new Outside(x.member(), x.library(), DebianPackages.of(x.library())));
            }
        }
        return out;
    }

    /**
     * The module a member is imported as ({@code yaml/_yaml.cpython-311-x86_64-linux-gnu.so} is
     * {@code yaml._yaml}), or the member's path for a library that is loaded rather than imported.
     */
    static String module(String member) {
        String base = member.substring(member.lastIndexOf('/') + 1);
        if (base.startsWith("lib") || member.contains(".data/") || base.indexOf('.') <= 0) {
            return member;
        }
        String dir = member.substring(0, member.length() - base.length());
        return (dir.replace('/', '.') + base.substring(0, base.indexOf('.')));
    }
}
