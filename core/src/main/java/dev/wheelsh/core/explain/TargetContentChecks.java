package dev.wheelsh.core.explain;

import dev.wheelsh.core.checks.TargetChecks;
import dev.wheelsh.core.checks.WheelCheckList;
import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.WheelChecks;
import java.util.List;
import java.util.Optional;

/**
 * What a wheel's native contents mean for one target, beyond its tags: the checks that explain
 * runs on a wheel file (WH307, WH310, WH313, WH308; docs/codes.md), over the facts the wheel was
 * read into. pip installs by tags alone; these are the ways an installed wheel then fails on
 * import. The checks themselves are {@link WheelCheckList#ON_TARGET}.
 */
public final class TargetContentChecks {

    private TargetContentChecks() {
    }

    public static List<Finding> check(WheelChecks.Result wheel, Target target) {
        // The target checks read no baseline; the built-in set only fills the context.
        CheckContext context = CheckContext.of(wheel.facts(), BuiltinPolicies.all(), Optional.of(target));
        return WheelCheckList.run(WheelCheckList.ON_TARGET, context);
    }

    /** WH307: an extension module whose suffix this interpreter does not import. */
    static Optional<Finding> moduleSuffix(String member, Target target) {
        return TargetChecks.moduleSuffix(member, target);
    }

    /** WH308: a LoongArch member of the other ABI world than the target's. */
    static Optional<Finding> worldMismatch(String member, LoongArchWorld world, LoongArchWorld.World machine) {
        return TargetChecks.worldMismatch(member, world, machine);
    }
}
