package dev.wheelsh.core.target;

import dev.wheelsh.core.tags.PlatformTags;

/** The architecture part of sysconfig's platform ("linux-x86_64" gives x86_64), normalised as tags spell it. */
final class PlatformTagsArch {

    private PlatformTagsArch() {
    }

    static String of(String sysconfigArch) {
        return PlatformTags.normalize(sysconfigArch);
    }
}
