package dev.wheelsh.core.words;

import dev.wheelsh.core.policy.PolicySet;

/**
 * A platform tag in words with what its baseline lets a wheel take from the system: the one
 * sentence the shell's explain and the editor's hover both show, over the same baselines (the
 * built-in ones with the project's baseline files merged in).
 */
public final class PlatformWords {

    private PlatformWords() {
    }

    public static String describe(String platformTag, PolicySet policies) {
        return TagWords.platform(platformTag) + BaselineWords.forPlatformTag(platformTag, policies)
                .map(w -> "; " + w).orElse("");
    }
}
