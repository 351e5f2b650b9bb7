package dev.wheelsh.core.explain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to do next about a wheel, in words, with the command that does it when there is one:
 * "auditwheel repair --plat manylinux_2_17_x86_64 would give a manylinux_2_17_x86_64 wheel,
 * grafting libyaml-0.so.2". Every face shows the same steps ({@link NextSteps} decides them).
 *
 * @param action  what kind of step it is
 * @param advice  the step in one sentence
 * @param command the command that does it, when one does
 */
public record NextStep(Action action, String advice, Optional<String> command) {

    /** The kinds of step, as the JSON output names them ({@code repair}, {@code use-python}, ...). */
    public enum Action {
        /** auditwheel addtag: the code already meets a baseline; only the tag is missing. */
        ADDTAG,
        /** auditwheel repair --plat X: graft the libraries no baseline promises, then tag. */
        REPAIR,
        /** Nothing auditwheel can do gives a baseline tag: what blocks it. */
        REPAIR_BLOCKED,
        /** The tags promise more than the code keeps: the tag the code meets. */
        RETAG,
        /** Another interpreter would install the wheel: the one its tags name. */
        USE_PYTHON,
        /** No wheel of these tags runs on the target: build one there. */
        BUILD_FROM_SDIST,
        /** The system must provide libraries the wheel does not bundle. */
        INSTALL_SYSTEM_LIBRARIES,
        /** LoongArch: the ABI world the code needs. */
        LOONGARCH_WORLD;

        /** As the JSON output names it: {@code repair-blocked}, {@code use-python}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public NextStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(command, "command");
    }
}
