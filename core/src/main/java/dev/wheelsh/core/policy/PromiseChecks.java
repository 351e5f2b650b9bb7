package dev.wheelsh.core.policy;

import dev.wheelsh.core.explain.Finding;
import dev.wheelsh.core.wheel.WheelChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * Every finding about whether a wheel's contents keep its own tags' promise: the content checks
 * of {@link WheelChecks} and the glibc floor of {@link GlibcNeeds}. show, check and explain all
 * report this list, so they never disagree.
 */
public final class PromiseChecks {

    private PromiseChecks() {
    }

    public static List<Finding> all(WheelChecks.Result wheel) {
        List<Finding> out = new ArrayList<>(wheel.findings());
        out.addAll(GlibcNeeds.againstTags(wheel));
        return out;
    }
}
