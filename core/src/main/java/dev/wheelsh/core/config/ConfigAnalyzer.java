package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point for checking the files where tags and baselines are written down.
 * {@code wheelsh lint} and the language server both call it, so both say the same words.
 * Every method accepts any text (half-typed, binary, huge) and never throws for bad input:
 * problems with the text are findings.
 */
public final class ConfigAnalyzer {

    /** Texts longer than this are not read (a config file this big is not one). */
    public static final int MAX_CHARS = 8_000_000;

    private final CheckSettings settings;
    /** Policy names (and aliases) of the extra baseline files, read once. */
    private final java.util.Set<String> extraPolicyNames;

    public ConfigAnalyzer(CheckSettings settings) {
        this.settings = settings;
        this.extraPolicyNames = BaselineChecks.policyNames(settings.extraBaselineFiles());
    }

    /** The policy names the extra baseline files define; platform tags made of them count as known. */
    public java.util.Set<String> extraPolicyNames() {
        return extraPolicyNames;
    }

    public CheckSettings settings() {
        return settings;
    }

    /** All findings for a document of the given kind, in document order. */
    public List<Finding> check(ConfigFileKind kind, String text) {
        if (text.length() > MAX_CHARS) {
            return List.of(Finding.at(Code.WH099, Severity.ERROR, SourceRange.at(0, 0),
                    "the file is larger than " + MAX_CHARS + " characters; wheelsh does not read it", ""));
        }
        try {
            return switch (kind) {
                case PYPROJECT -> PyprojectChecks.check(text, settings);
                case PIP_CONF -> PipConfChecks.check(text, extraPolicyNames);
                case BASELINE_JSON -> BaselineChecks.check(text);
            };
        } catch (RuntimeException | StackOverflowError e) {
            // a bug in a check must not take the editor or the command down; say so on the file
            return List.of(Finding.at(Code.WH099, Severity.ERROR, SourceRange.at(0, 0),
                    "wheelsh could not check this file (" + e.getClass().getSimpleName() + ")", ""));
        }
    }

    /** What the word at (line, column) means, zero-based, column in UTF-16 units. */
    public Optional<HoverText> hover(ConfigFileKind kind, String text, int line, int column) {
        if (text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        try {
            return Assist.hover(kind, text, line, column);
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** Candidates for what can be typed at (line, column). */
    public List<Completion> complete(ConfigFileKind kind, String text, int line, int column) {
        if (text.length() > MAX_CHARS) {
            return List.of();
        }
        try {
            return Assist.complete(kind, text, line, column);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }
}
