package dev.wheelsh.core.policy;

import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.WheelChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * Every finding about whether a wheel's contents keep its own tags' promise: the content checks
 * of {@link WheelChecks}, the glibc floor of {@link GlibcNeeds}, the C library the code is linked
 * against ({@link LibcFamilyChecks}) and the rest of the baseline the tag names
 * ({@link BaselinePromise}). show, check and explain all report this list, so they
 * never disagree.
 */
public final class PromiseChecks {

    private PromiseChecks() {
    }

    public static List<Finding> all(WheelChecks.Result wheel) {
        return all(wheel, BuiltinPolicies.all());
    }

    /** With these baselines (the built-in ones and a project's own). */
    public static List<Finding> all(WheelChecks.Result wheel, PolicySet policies) {
        List<Finding> out = new ArrayList<>(wheel.findings());
        out.addAll(GlibcNeeds.againstTags(wheel));
        out.addAll(LibcFamilyChecks.againstTags(wheel));
        out.addAll(BaselinePromise.againstTags(wheel, policies));
        return out;
    }
}
