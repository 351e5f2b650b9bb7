package dev.wheelsh.core.checks;

import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.machine.Platform;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.ExtensionSuffix;
import dev.wheelsh.core.wheel.WheelChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a wheel's native members mean for one target beyond its tags: pip installs by tags alone,
 * and these are the ways an installed wheel then fails on import (WH307, WH308; the C-library
 * checks against a target, WH310 and WH313, are with the baselines). Without a target they find
 * nothing.
 */
public final class TargetChecks {

    private TargetChecks() {
    }

    /** WH307: extension modules whose suffix the target's interpreter does not import. */
    public static final Check<CheckContext> MODULE_SUFFIXES = Check.of(Code.WH307, (facts, context) -> {
        List<Finding> out = new ArrayList<>();
        Optional<Target> target = context.target();
        if (target.isPresent() && target.get().interpreter().isCpython()) {
            for (WheelChecks.Member m : facts.natives()) {
                moduleSuffix(m.name(), target.get()).ifPresent(out::add);
            }
        }
        return out;
    });

    /** WH308: LoongArch members of the other ABI world than the target's. */
    public static final Check<CheckContext> LOONGARCH_WORLDS = Check.of(Code.WH308, (facts, context) -> {
        List<Finding> out = new ArrayList<>();
        if (context.target().isPresent() && context.target().get().platform() instanceof Platform.Linux linux
                && linux.loongArchWorld().isPresent()) {
            LoongArchWorld.World system = linux.loongArchWorld().get();
            for (WheelChecks.Member m : facts.natives()) {
                m.loongArchWorld().flatMap(w -> worldMismatch(m.name(), w, system)).ifPresent(out::add);
            }
        }
        return out;
    });

    /** WH307 for one member: a module whose suffix this interpreter does not import. */
    public static Optional<Finding> moduleSuffix(String member, Target target) {
        String base = member.substring(member.lastIndexOf('/') + 1);
        if (!base.endsWith(".so") || base.startsWith("lib")) {
            return Optional.empty(); // a shared library, not an extension module
        }
        Optional<ExtensionSuffix> x = ExtensionSuffix.of(base);
        if (x.isEmpty()) {
            return Optional.empty();
        }
        String version = target.interpreter().version().nodot();
        boolean ft = target.interpreter().freeThreaded();
        String problem = null;
        ExtensionSuffix sfx = x.get();
        if (sfx.kind() == ExtensionSuffix.Kind.VERSIONED) {
            String moduleVersion = "" + sfx.major() + sfx.minor();
            if (!moduleVersion.equals(version) || sfx.freeThreaded() != ft) {
                problem = "is built for CPython " + sfx.describeVersion()
                        + "; " + target.interpreter().describe() + " imports only .cpython-" + version + (ft ? "t" : "")
                        + "-*.so, " + (ft ? ".abi3t.so" : ".abi3.so") + " and plain .so modules";
            }
        } else if (sfx.kind() == ExtensionSuffix.Kind.ABI3 && ft) {
            problem = "uses the stable ABI (abi3), which free-threaded CPython does not import";
        } else if (sfx.kind() == ExtensionSuffix.Kind.ABI3T && !ft) {
            problem = "uses the free-threaded stable ABI (abi3t), which a GIL build does not import";
        }
        if (problem == null) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(Code.WH307, Severity.ERROR, member + " " + problem,
                "pip installs the wheel by its tags, but Python never finds this module: importing it fails with "
                        + "\"No module named ...\" (the way 'numpy.core._multiarray_umath' goes missing)."));
    }

    /** WH308 for one member: a LoongArch member of the other ABI world than the target's. */
    public static Optional<Finding> worldMismatch(String member, LoongArchWorld world, LoongArchWorld.World machine) {
        boolean memberOld = world.world() == LoongArchWorld.World.OLD;
        boolean memberNew = world.world() == LoongArchWorld.World.NEW;
        if ((machine == LoongArchWorld.World.NEW && memberOld) || (machine == LoongArchWorld.World.OLD && memberNew)) {
            String built = memberOld ? "the old world (ABI1.0)" : "the new world (ABI2.0)";
            String runs = machine == LoongArchWorld.World.OLD ? "an old-world" : "a new-world";
            return Optional.of(Finding.of(Code.WH308, Severity.ERROR,
                    member + " is built for " + built + "; the target is " + runs + " system, where it does not load",
                    String.join("; ", world.evidence()) + ". " + world.consequence()));
        }
        return Optional.empty();
    }
}
