package dev.wheelsh.core.policy;

import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.core.wheel.WheelFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WH311: the wheel's native code does not meet the baseline its own platform tag names, for a
 * reason other than the glibc floor (which WH309 reports): a newer libstdc++ or libgcc version, a
 * library outside the baseline's whitelist, a blacklisted symbol, x86-64-v2+ code, a Python 2
 * narrow-unicode or fpectl build. The tag judged is the most widely installable one the wheel
 * claims; pip installs the wheel wherever that one matches.
 */
public final class BaselinePromise {

    private BaselinePromise() {
    }

    /** WH311: the baseline the wheel's most widely installable tag names, against the verdict on its code. */
    public static final Check<CheckContext> AGAINST_TAGS = Check.of(Code.WH311,
            (facts, context) -> againstTags(facts, context.policies(), context.verdict()));

    /** The verdict for the architecture of the wheel's tags (or of its code), with these policies. */
    public static Optional<PolicyVerdict> verdict(WheelChecks.Result wheel, PolicySet policies) {
        return CheckContext.of(wheel.facts(), policies, Optional.empty()).verdict();
    }

    static Optional<PolicyVerdict> verdict(WheelFacts facts, SystemNeeds needs, PolicySet policies) {
        if (facts.natives().isEmpty()) {
            return Optional.empty();
        }
        if (needs.android()) {
            return Optional.of(AndroidBaseline.evaluate(facts, needs)); // bionic code: Android's rules, never manylinux or musllinux
        }
        String arch = null;
        for (Tag t : facts.filename().tags().tags()) {
            Optional<PolicySet.TagPolicy> p = policies.resolve(t.platform());
            if (p.isPresent()) {
                arch = p.get().arch();
            }
        }
        // The tags' architecture when some member is of it, else the code's own: a wheel whose
        // every member is foreign is judged as what its code is.
        if (arch == null || !needs.architectures().contains(arch)) {
            arch = facts.natives().get(0).arch();
        }
        return Optional.of(BaselineEvaluation.evaluate(needs.only(arch), arch, policies));
    }

    /**
     * The verdicts on the members of other architectures than the main verdict's (WH304 reports
     * them), each architecture judged against its own baselines: an aarch64 member of an x86_64
     * wheel says nothing about the x86_64 baselines. Empty for a wheel of one architecture.
     */
    static List<PolicyVerdict> foreignVerdicts(SystemNeeds needs, Optional<PolicyVerdict> main, PolicySet policies) {
        List<PolicyVerdict> out = new ArrayList<>();
        if (main.isEmpty() || needs.android()) {
            return out;
        }
        for (String arch : needs.architectures()) {
            if (!arch.equals(main.get().arch())) {
                out.add(BaselineEvaluation.evaluate(needs.only(arch), arch, policies));
            }
        }
        return out;
    }

    /** WH311 on a wheel already read; see {@link #AGAINST_TAGS}. */
    public static List<Finding> againstTags(WheelChecks.Result wheel, PolicySet policies) {
        CheckContext context = CheckContext.of(wheel.facts(), policies, Optional.empty());
        return AGAINST_TAGS.run(wheel.facts(), context);
    }

    private static List<Finding> againstTags(WheelFacts facts, PolicySet policies, Optional<PolicyVerdict> verdict) {
        List<Finding> out = new ArrayList<>();
        if (verdict.isEmpty()) {
            return out;
        }
        PolicyVerdict v = verdict.get();
        Policy promised = null;
        for (Tag t : facts.filename().tags().tags()) {
            Optional<Policy> p = policies.ofPlatformTag(t.platform());
            if (p.isPresent() && !p.get().promisesNothing() && p.get().covers(v.arch())
                    && (promised == null || p.get().priority() > promised.priority())) {
                promised = p.get();
            }
        }
        if (promised == null) {
            return out;
        }
        Optional<PolicyVerdict.Fit> fit = v.fit(promised.name());
        if (fit.isEmpty()) {
            return out;
        }
        for (PolicyVerdict.Obstacle o : fit.get().obstacles()) {
            if (o instanceof PolicyVerdict.TooNewVersion t && t.version().startsWith("GLIBC_")) {
                continue; // the glibc floor: WH309
            }
            out.add(Finding.of(Code.WH311, Severity.ERROR, o.describe(promised, v.arch()),
                    "The wheel claims " + promised.platformTag(v.arch()) + ", so pip installs it on every system that baseline "
                            + "describes, but its code needs more than those systems have; by auditwheel's rules it is consistent with "
                            + v.bestTag() + "."));
        }
        return out;
    }
}
