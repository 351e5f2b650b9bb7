package dev.wheelsh.core.explain;

import dev.wheelsh.core.checks.SystemLibraries;
import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.explain.InstallVerdict.Component;
import dev.wheelsh.core.explain.NextStep.Action;
import dev.wheelsh.core.machine.Platform;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.Policy;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagSet;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.core.words.TagWords;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to do next about a wheel, decided once for every face: from pip's verdict on its tags
 * (another Python, or a build from the sdist), from the baseline verdict on its code (the tag
 * {@code auditwheel addtag} or {@code auditwheel repair --plat X} would give a linux_* wheel, the
 * libraries repair would graft and what blocks it), from the libraries a target must provide, and
 * from the LoongArch world the code needs.
 */
public final class NextSteps {

    /** Components another interpreter fixes: the wheel's platform fits, only its Python does not. */
    private static final Set<Component> INTERPRETER = EnumSet.of(Component.IMPLEMENTATION, Component.PYTHON_VERSION,
            Component.ABI, Component.FREE_THREADING);

    private NextSteps() {
    }

    /** The steps for a name (no contents): from pip's verdict alone. */
    public static List<NextStep> forName(Optional<String> project, Optional<Target> target, Optional<InstallVerdict> verdict) {
        List<NextStep> out = new ArrayList<>();
        verdict.ifPresent(v -> out.addAll(forInstall(v, project, target)));
        if (Explanation.oldWorldCannotLoad(target, verdict) && verdict.get() instanceof InstallVerdict.Installs i) {
            out.add(new NextStep(Action.LOONGARCH_WORLD, "the code of " + i.bestTag().platform() + " needs a new-world (ABI2.0) "
                    + "system; on this old-world one use a linux_loongarch64 wheel built for the old world, or build from the sdist",
                    Optional.empty()));
        }
        return List.copyOf(out);
    }

    /** The steps for a wheel file: pip's verdict, the code's baseline verdict, and the target's libraries. */
    public static List<NextStep> forFile(String file, CheckContext context, Optional<InstallVerdict> verdict) {
        List<NextStep> out = new ArrayList<>(forName(Optional.of(context.facts().filename().name()), context.target(), verdict));
        context.verdict().ifPresent(v -> out.addAll(forCode(file, context.facts().filename().tags(), v)));
        context.target().ifPresent(t -> {
            out.addAll(systemLibraries(context, t));
            out.addAll(worlds(context, t));
        });
        return List.copyOf(out);
    }

    private static List<NextStep> forInstall(InstallVerdict v, Optional<String> project, Optional<Target> target) {
        if (!(v instanceof InstallVerdict.Misses misses)) {
            return List.of();
        }
        Tag wheel = misses.closest().wheelTag();
        boolean onlyInterpreter = misses.all().stream().allMatch(m -> INTERPRETER.contains(m.component()));
        if (onlyInterpreter && wheel.interpreter().startsWith("cp")) {
            String python = TagWords.interpreter(wheel.interpreter());
            String build = wheel.abi().endsWith("t") ? "a free-threaded build of " + python
                    : misses.all().stream().anyMatch(m -> m.component() == Component.FREE_THREADING) ? "a GIL build of " + python : python;
            String newer = wheel.abi().equals("abi3") ? " or newer" : "";
            return List.of(new NextStep(Action.USE_PYTHON, "use " + build + newer + ": the wheel's platform fits this machine, "
                    + "only its Python does not; or build from the sdist for this one", Optional.empty()));
        }
        String where = target.map(t -> t.platform().describe()).orElse("the target");
        return List.of(new NextStep(Action.BUILD_FROM_SDIST, "build from the sdist on " + where + " (pip does when the project "
                + "publishes one and --only-binary is not given): no wheel tagged " + wheel + " installs there",
                project.map(p -> "pip install --no-binary " + p + " " + p)));
    }

    /**
     * From the code's baseline verdict: for a wheel that claims no baseline (linux_*), the tag
     * addtag or repair would give; for one whose tags promise more than its code keeps, the tag it meets.
     */
    static List<NextStep> forCode(String file, TagSet tags, PolicyVerdict v) {
        if (v.libc() != LibcFamily.GLIBC && v.libc() != LibcFamily.MUSL) {
            return List.of(); // Android: its own rules; auditwheel keeps the android tag and grafts
        }
        boolean claimsBaseline = false;
        Optional<Policy> widestClaim = Optional.empty();
        for (Tag t : tags.tags()) {
            Optional<PolicyVerdict.Fit> fit = v.policies().stream()
                    .filter(f -> t.platform().equals(f.policy().platformTag(v.arch()))
                            || f.policy().aliases().stream().anyMatch(a -> t.platform().equals(a + "_" + v.arch())))
                    .findFirst();
            if (fit.isPresent()) {
                claimsBaseline = true;
                if (widestClaim.isEmpty() || fit.get().policy().priority() > widestClaim.get().priority()) {
                    widestClaim = Optional.of(fit.get().policy());
                }
            }
        }
        List<NextStep> out = new ArrayList<>();
        if (claimsBaseline && widestClaim.get().priority() <= v.best().priority()) {
            return out; // the code keeps what the tags promise
        }
        if (claimsBaseline && v.consistentWithABaseline()) {
            Policy claim = widestClaim.get();
            out.add(new NextStep(Action.RETAG, "the code meets " + v.bestTag() + ", not the " + claim.platformTag(v.arch())
                    + " its tags promise: tag it " + v.bestTag() + ", or build it on a system as old as "
                    + claim.platformTag(v.arch()) + " describes", Optional.empty()));
            return out;
        }
        // A linux_* wheel, or tags that promise a baseline the code meets only with libraries grafted:
        // what auditwheel can make of the code.
        if (v.consistentWithABaseline()) {
            out.add(new NextStep(Action.ADDTAG, "auditwheel addtag would tag it " + v.bestTag() + ": the code already meets "
                    + "that baseline and needs nothing grafted", Optional.of("auditwheel addtag " + file)));
            return out;
        }
        // What repair can reach: the widest policy whose only obstacles are libraries (repair grafts those).
        Optional<PolicyVerdict.Fit> reachable = v.policies().stream()
                .filter(f -> f.obstacles().stream().allMatch(o -> o instanceof PolicyVerdict.ExternalLibrary))
                .max((a, b) -> Integer.compare(a.policy().priority(), b.policy().priority()));
        if (reachable.isPresent()) {
            Set<String> graft = new LinkedHashSet<>();
            reachable.get().obstacles().forEach(o -> graft.add(((PolicyVerdict.ExternalLibrary) o).library()));
            String tag = reachable.get().policy().platformTag(v.arch());
            out.add(new NextStep(Action.REPAIR, "auditwheel repair --plat " + tag + " would give a " + tag + " wheel, grafting "
                    + String.join(", ", graft) + " (what those libraries need themselves is judged when repair reads them)",
                    Optional.of("auditwheel repair --plat " + tag + " " + file)));
            return out;
        }
        // Nothing reachable: say what blocks the newest (least demanding) baseline, apart from libraries.
        v.policies().stream().min((a, b) -> Integer.compare(a.policy().priority(), b.policy().priority())).ifPresent(newest -> {
            List<String> blockers = new ArrayList<>();
            for (PolicyVerdict.Obstacle o : newest.obstacles()) {
                if (!(o instanceof PolicyVerdict.ExternalLibrary) && blockers.size() < 3) {
                    blockers.add(o.describe(newest.policy(), v.arch()));
                }
            }
            out.add(new NextStep(Action.REPAIR_BLOCKED, "auditwheel repair cannot give this code any baseline tag: "
                    + String.join("; ", blockers) + (blockers.isEmpty() ? "" : "; build it on an older system"), Optional.empty()));
        });
        return out;
    }

    private static List<NextStep> systemLibraries(CheckContext context, Target target) {
        Optional<Policy> baseline = SystemLibraries.targetBaseline(target, context.policies());
        if (baseline.isEmpty()) {
            return List.of();
        }
        String arch = ((Platform.Linux) target.platform()).userlandArch();
        Set<String> libraries = new LinkedHashSet<>();
        Set<String> packages = new LinkedHashSet<>();
        boolean allKnown = true;
        for (SystemLibraries.Outside o : SystemLibraries.outside(context.needs(), arch, baseline.get())) {
            libraries.add(o.words());
            o.debianPackage().ifPresent(packages::add);
            allKnown &= o.debianPackage().isPresent();
        }
        if (libraries.isEmpty()) {
            return List.of();
        }
        return List.of(new NextStep(Action.INSTALL_SYSTEM_LIBRARIES, "the target must provide " + String.join(", ", libraries)
                + " (or auditwheel repair grafts them into the wheel)",
                allKnown ? Optional.of("apt-get install " + String.join(" ", packages)) : Optional.empty()));
    }

    private static List<NextStep> worlds(CheckContext context, Target target) {
        if (!(target.platform() instanceof Platform.Linux l) || l.loongArchWorld().isEmpty()) {
            return List.of();
        }
        for (WheelChecks.Member m : context.facts().natives()) {
            Optional<LoongArchWorld> w = m.loongArchWorld();
            if (w.isPresent() && (w.get().world() == LoongArchWorld.World.OLD || w.get().world() == LoongArchWorld.World.NEW)
                    && w.get().world() != l.loongArchWorld().get()) {
                String needs = w.get().world() == LoongArchWorld.World.OLD ? "an old-world (ABI1.0) system, such as Loongnix"
                        : "a new-world (ABI2.0) system (upstream glibc 2.36 or later)";
                return List.of(new NextStep(Action.LOONGARCH_WORLD, "the code (" + m.name() + " first) needs " + needs
                        + "; on this one build from the sdist or use a wheel built for its world", Optional.empty()));
            }
        }
        return List.of();
    }
}
