package dev.wheelsh.core.machine;

import dev.wheelsh.core.tags.InterpreterTagInputs;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.PlatformTags;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagGenerator;
import java.util.List;
import java.util.Objects;

/**
 * A machine a wheel may be installed on: its platform and its interpreter. The compatible tags
 * it accepts are exactly pip's for that machine ({@link #tags()}).
 */
public record Target(Platform platform, Interpreter interpreter) {

    public Target {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(interpreter, "interpreter");
    }

    /** pip's compatible tags, best first (packaging's sys_tags for this machine). */
    public List<Tag> tags() {
        return tags(PlatformTags.Mode.PACKAGING);
    }

    public List<Tag> tags(PlatformTags.Mode mode) {
        return tags(mode, PackagingRelease.V26_2);
    }

    /** pip's compatible tags as a given packaging release orders them. */
    public List<Tag> tags(PackagingRelease release) {
        return tags(PlatformTags.Mode.PACKAGING, release);
    }

    private List<Tag> tags(PlatformTags.Mode mode, PackagingRelease release) {
        List<String> platforms = release.platforms(platform.platformTags(mode));
        InterpreterTagInputs inputs = new InterpreterTagInputs(interpreter.implementation(), interpreter.version(),
                interpreter.version().nodot(), interpreter.abis(), platforms);
        return TagGenerator.sysTags(inputs, release);
    }

    /** The compact one-string form (see {@link TargetSpec}). */
    public String compact() {
        return TargetSpec.format(this);
    }

    /** In words: "CPython 3.13 free-threaded on Linux loongarch64, glibc 2.38". */
    public String describe() {
        return interpreter.describe() + " on " + platform.describe();
    }
}
