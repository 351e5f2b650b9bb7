package dev.wheelsh.lsp;

import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.config.Completion;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.config.ConfigFileKind;
import dev.wheelsh.core.config.HoverText;
import dev.wheelsh.core.vocabulary.Finding;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the server asks of the checks. In production every call goes to core's
 * {@link ConfigAnalyzer}, so the editor and {@code wheelsh lint} say the same words; the seam
 * exists so that protocol tests can script findings without depending on what the checks say.
 */
public interface DocumentAnalyzer {

    List<Finding> check(ConfigFileKind kind, String text);

    Optional<HoverText> hover(ConfigFileKind kind, String text, int line, int column);

    List<Completion> complete(ConfigFileKind kind, String text, int line, int column);

    /** The production analyzer for given settings. */
    static DocumentAnalyzer of(ConfigAnalyzer analyzer) {
        return new DocumentAnalyzer() {
            @Override
            public List<Finding> check(ConfigFileKind kind, String text) {
                return analyzer.check(kind, text);
            }

            @Override
            public Optional<HoverText> hover(ConfigFileKind kind, String text, int line, int column) {
                return analyzer.hover(kind, text, line, column);
            }

            @Override
            public List<Completion> complete(ConfigFileKind kind, String text, int line, int column) {
                return analyzer.complete(kind, text, line, column);
            }
        };
    }

    /** Builds core's analyzer anew whenever the editor's settings change. */
    static Function<CheckSettings, DocumentAnalyzer> coreFactory() {
        return settings -> of(new ConfigAnalyzer(settings));
    }
}
