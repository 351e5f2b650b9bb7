package dev.wheelsh.core.config;

import dev.wheelsh.core.explain.Finding;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point for checking the files where tags and baselines are written down.
 * {@code wheelsh lint} and the language server both call it, so both say the same words.
 * Every method accepts any text (half-typed, binary, huge) and never throws for bad input:
 * problems with the text are findings.
 */
public final class ConfigAnalyzer {

    private final CheckSettings settings;

    public ConfigAnalyzer(CheckSettings settings) {
        this.settings = settings;
    }

    public CheckSettings settings() {
        return settings;
    }

    /** All findings for a document of the given kind, in document order. */
    public List<Finding> check(ConfigFileKind kind, String text) {
        return List.of();
    }

    /** What the word at (line, column) means, zero-based, column in UTF-16 units. */
    public Optional<Hover> hover(ConfigFileKind kind, String text, int line, int column) {
        return Optional.empty();
    }

    /** Candidates for what can be typed at (line, column). */
    public List<Completion> complete(ConfigFileKind kind, String text, int line, int column) {
        return List.of();
    }
}
