package dev.wheelsh.core.machine;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.List;

/**
 * The bound on a target matrix. Each target is judged against every wheel, so the work of one
 * check grows with targets times wheels; a real matrix (interpreters x systems x architectures)
 * has tens of targets, rarely hundreds, and 4096 leaves room for generated ones while keeping a
 * check over a directory of wheels to seconds (docs/limits.md).
 */
public final class TargetMatrix {

    public static final int MAX_TARGETS = 4096;

    private TargetMatrix() {
    }

    /** The matrix as it is, or a one-line refusal naming where it came from when it is larger than the bound. */
    public static List<Target> bounded(String where, List<Target> matrix) throws InputException {
        if (matrix.size() > MAX_TARGETS) {
            throw new InputException(where + ": " + matrix.size() + " targets, more than the " + MAX_TARGETS
                    + " one run judges (docs/limits.md)");
        }
        return matrix;
    }
}
