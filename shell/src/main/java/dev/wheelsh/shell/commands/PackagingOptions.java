package dev.wheelsh.shell.commands;

import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.vocabulary.InputException;
import picocli.CommandLine.Option;

/** Which packaging release's tag order and name rules apply: named, or as a pip release vendors it. */
final class PackagingOptions {

    @Option(names = "--packaging", completionCandidates = OptionValues.PackagingReleases.class, paramLabel = "RELEASE",
            description = "The packaging release whose tag order and name rules apply: 26.2 (default; vendored by pip 26.1 to 26.2.1) "
                    + "or 26.3 (pip's main branch): linux_* before manylinux, fat3, stricter names.")
    String packaging;

    @Option(names = "--pip", paramLabel = "VERSION",
            description = "The packaging that this pip release vendors (e.g. 26.2, 26.1.1, 26.3.dev0; table in docs/tags.md).")
    String pip;

    PackagingRelease release() throws InputException {
        PackagingRelease named = packaging == null ? null : PackagingRelease.parse(packaging);
        PackagingRelease vendored = pip == null ? null : PackagingRelease.forPip(pip);
        if (named != null && vendored != null && named != vendored) {
            throw new InputException("--packaging " + packaging + " and --pip " + pip + " disagree: pip " + pip
                    + " vendors packaging " + vendored.version());
        }
        return named != null ? named : vendored != null ? vendored : PackagingRelease.DEFAULT;
    }
}
