package dev.wheelsh.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What a check may depend on beyond the document itself: baseline files that define extra
 * policy names, and the default target (in the compact target form) that requires-python and
 * tag settings are compared against when the document declares none.
 */
public record CheckSettings(List<Path> extraBaselineFiles, List<String> defaultTargets) {

    public CheckSettings {
        extraBaselineFiles = List.copyOf(extraBaselineFiles);
        defaultTargets = List.copyOf(defaultTargets);
    }

    public static CheckSettings defaults() {
        return new CheckSettings(List.of(), List.of());
    }
}
