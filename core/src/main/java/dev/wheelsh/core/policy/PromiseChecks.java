package dev.wheelsh.core.policy;

import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.WheelChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every finding about whether a wheel's contents keep its own tags' promise: the content checks
 * of {@link WheelChecks}, then the checks of this list, over the same facts: the glibc floor of
 * {@link GlibcNeeds} (WH309), the C library the code is linked against ({@link LibcFamilyChecks},
 * WH312) and the rest of the baseline the tag names ({@link BaselinePromise}, WH311). The whole
 * list of wheel checks, these included, is {@code checks.WheelCheckList}.
 */
public final class PromiseChecks {

    private PromiseChecks() {
    }

    /** The promise checks, in the order their findings are reported (after the content checks). */
    public static final List<Check<CheckContext>> PROMISES = List.of(GlibcNeeds.FLOOR, LibcFamilyChecks.AGAINST_TAGS,
            BaselinePromise.AGAINST_TAGS);

    public static List<Finding> all(WheelChecks.Result wheel) {
        return all(wheel, BuiltinPolicies.all());
    }

    /** With these baselines (the built-in ones and a project's own): the wheel's findings, then the promise checks'. */
    public static List<Finding> all(WheelChecks.Result wheel, PolicySet policies) {
        CheckContext context = CheckContext.of(wheel.facts(), policies, Optional.empty());
        List<Finding> out = new ArrayList<>(wheel.findings());
        for (Check<CheckContext> c : PROMISES) {
            out.addAll(c.run(wheel.facts(), context));
        }
        return out;
    }
}
