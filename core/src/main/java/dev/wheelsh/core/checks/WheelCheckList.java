package dev.wheelsh.core.checks;

import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.GlibcNeeds;
import dev.wheelsh.core.policy.LibcFamilyChecks;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.policy.PromiseChecks;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.ContentChecks;
import dev.wheelsh.core.wheel.WheelFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every wheel check (WH3xx), once, in the order their findings are reported: the checks of the
 * contents against the wheel's own claims ({@link ContentChecks#ALL}), the Mach-O and PE members
 * and every member's format against the tags ({@link #OTHER_SYSTEMS}), the promise checks against
 * Android code against its tags ({@link #ANDROID}), the promise checks against
 * the baselines its tags name ({@link PromiseChecks#PROMISES}), then the checks against a target
 * ({@link #ON_TARGET}). Each check is registered in the one list of the layer that knows what it
 * reads; this list joins them, so show, check and explain judge a wheel alike. A wheel's facts
 * are read once ({@link WheelFacts#read}) and every check reads them, with one {@link CheckContext}.
 */
public final class WheelCheckList {

    private WheelCheckList() {
    }

    /** The checks against a target, in their order; without a target they find nothing. */
    public static final List<Check<CheckContext>> ON_TARGET = List.of(TargetChecks.MODULE_SUFFIXES, GlibcNeeds.ON_TARGET,
            LibcFamilyChecks.ON_TARGET, AndroidChecks.ON_TARGET, TargetChecks.LOONGARCH_WORLDS, SystemLibraries.ON_TARGET, OtherSystemTargets.ON_TARGET);

    /** The checks of Android code against the tags (WH314). */
    public static final List<Check<CheckContext>> ANDROID = List.of(AndroidChecks.AGAINST_TAGS);

    /** The checks of Mach-O and PE members, and of every member's format, against the tags (WH320-WH327). */
    public static final List<Check<Object>> OTHER_SYSTEMS = join2(NativeFormats.ALL, AppleChecks.ALL, WindowsChecks.ALL);

    /** Every wheel check. */
    public static final List<Check<? super CheckContext>> ALL = join(ContentChecks.ALL, OTHER_SYSTEMS, ANDROID, PromiseChecks.PROMISES, ON_TARGET);

    @SafeVarargs
    private static List<Check<Object>> join2(List<Check<Object>>... parts) {
        List<Check<Object>> out = new ArrayList<>();
        for (List<Check<Object>> p : parts) {
            out.addAll(p);
        }
        return List.copyOf(out);
    }

    @SafeVarargs
    private static List<Check<? super CheckContext>> join(List<? extends Check<? super CheckContext>>... parts) {
        List<Check<? super CheckContext>> out = new ArrayList<>();
        for (List<? extends Check<? super CheckContext>> p : parts) {
            out.addAll(p);
        }
        return List.copyOf(out);
    }

    /** The findings of every check, in order. */
    public static List<Finding> run(CheckContext context) {
        return run(ALL, context);
    }

    /** The findings of every check on these facts, with these baselines, on the target if one is given. */
    public static List<Finding> run(WheelFacts facts, PolicySet policies, Optional<Target> target) {
        return run(CheckContext.of(facts, policies, target));
    }

    /** The findings of some of the checks, in the order of the list given. */
    public static List<Finding> run(List<? extends Check<? super CheckContext>> checks, CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (Check<? super CheckContext> c : checks) {
            out.addAll(c.run(context.facts(), context));
        }
        return out;
    }
}
