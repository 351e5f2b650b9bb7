package dev.wheelsh.core.wheel;

import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One check of a wheel: the code it reports, and a function from the wheel's facts (read once,
 * see {@link WheelFacts}) and what else the check needs to its findings. Checks of the contents
 * against the wheel's own claims need nothing else ({@code Check<Object>}); the promise checks
 * and the checks against a target read baselines and a target from a context of the layer that
 * knows them. A check reads no file and throws nothing: everything it judges is in its inputs.
 *
 * @param <C> what the check reads besides the facts
 */
public interface Check<C> {

    Code code();

    List<Finding> run(WheelFacts facts, C context);

    /** A check from its code and its function. */
    static <C> Check<C> of(Code code, BiFunction<WheelFacts, C, List<Finding>> run) {
        record Named<C>(Code code, BiFunction<WheelFacts, C, List<Finding>> function) implements Check<C> {
            @Override
            public List<Finding> run(WheelFacts facts, C context) {
                return function.apply(facts, context);
            }

            @Override
            public String toString() {
                return code.id();
            }
        }
        return new Named<>(code, run);
    }
}
