package dev.wheelsh.core.words;

import dev.wheelsh.core.policy.PolicySet;

/**
 * A platform tag in one sentence: what it promises and, when a baseline of the given set stands
 * behind it, what that baseline lets a wheel take from the system. {@code wheelsh explain TAG
 * --baseline FILE} and the editor's hover on the same tag with the same baseline files say
 * exactly these words.
 */
public final class PlatformTagWords {

    private PlatformTagWords() {
    }

    /**
     * E.g. "Linux on loongarch64 with glibc 2.38 or newer, ...; its baseline (auditwheel's
     * manylinux_2_38) lets a wheel take 24 libraries from the system (...) with symbol versions
     * up to ...". {@code baselines} is the built-in set with the user's baseline files added
     * ({@code BuiltinPolicies.all().with(...)}), so a file that redefines a built-in baseline
     * changes the second half.
     */
    public static String describe(String platformTag, PolicySet baselines) {
        return TagWords.platform(platformTag)
                + BaselineWords.forPlatformTag(platformTag, baselines).map(w -> "; " + w).orElse("");
    }
}
