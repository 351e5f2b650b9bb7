package dev.wheelsh.core.policy;

import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.wheel.WheelFacts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the promise checks and the checks against a target read besides a wheel's facts: the
 * baselines to judge with, the target when there is one, and what follows from the facts once for
 * all of them: what the native code asks of the system ({@link SystemNeeds}) and the baseline
 * verdict. The verdict is worked out the first time a check asks for it, since only WH311 and the
 * reports read it; after that every reader gets the same value.
 */
public final class CheckContext {

    private final WheelFacts facts;
    private final PolicySet policies;
    private final Optional<Target> target;
    private final SystemNeeds needs;
    private Optional<PolicyVerdict> verdict;
    private List<PolicyVerdict> foreignVerdicts;

    private CheckContext(WheelFacts facts, PolicySet policies, Optional<Target> target) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.target = Objects.requireNonNull(target, "target");
        this.needs = SystemNeeds.of(facts);
    }

    /** The context of these facts, judged with these baselines, on this target if one is given. */
    public static CheckContext of(WheelFacts facts, PolicySet policies, Optional<Target> target) {
        return new CheckContext(facts, policies, target);
    }

    /** The facts this context was made for. */
    public WheelFacts facts() {
        return facts;
    }

    public PolicySet policies() {
        return policies;
    }

    public Optional<Target> target() {
        return target;
    }

    public SystemNeeds needs() {
        return needs;
    }

    /** The baseline verdict on the wheel's native code; empty when it has none. */
    public synchronized Optional<PolicyVerdict> verdict() {
        if (verdict == null) {
            verdict = BaselinePromise.verdict(facts, needs, policies);
        }
        return verdict;
    }

    /**
     * The verdicts on members of other architectures than {@link #verdict}'s, one per
     * architecture, each judged against that architecture's baselines; empty for a wheel of one
     * architecture.
     */
    public synchronized List<PolicyVerdict> foreignVerdicts() {
        if (foreignVerdicts == null) {
            foreignVerdicts = List.copyOf(BaselinePromise.foreignVerdicts(needs, verdict(), policies));
        }
        return foreignVerdicts;
    }
}
