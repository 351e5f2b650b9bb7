package dev.wheelsh.lsp;

import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.config.Completion;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.config.ConfigFileKind;
import dev.wheelsh.core.config.DocumentPlace;
import dev.wheelsh.core.config.HoverText;
import dev.wheelsh.core.config.ParsedDocument;
import dev.wheelsh.core.vocabulary.Finding;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the server asks of the checks. In production every call goes to core's
 * {@link ConfigAnalyzer}, so the editor and {@code wheelsh lint} say the same words; the seam
 * exists so that protocol tests can script findings without depending on what the checks say,
 * and count how often a document is parsed.
 *
 * <p>The server parses each version of a document once ({@link #parse}) and hands that parse to
 * the other three methods, however many requests arrive for the version.
 */
public interface DocumentAnalyzer {

    ParsedDocument parse(ConfigFileKind kind, String text, DocumentPlace place);

    List<Finding> check(ParsedDocument document);

    Optional<HoverText> hover(ParsedDocument document, int line, int column);

    List<Completion> complete(ParsedDocument document, int line, int column);

    /** The production analyzer for given settings. */
    static DocumentAnalyzer of(ConfigAnalyzer analyzer) {
        return new DocumentAnalyzer() {
            @Override
            public ParsedDocument parse(ConfigFileKind kind, String text, DocumentPlace place) {
                return analyzer.parse(kind, text, place);
            }

            @Override
            public List<Finding> check(ParsedDocument document) {
                return analyzer.check(document);
            }

            @Override
            public Optional<HoverText> hover(ParsedDocument document, int line, int column) {
                return analyzer.hover(document, line, column);
            }

            @Override
            public List<Completion> complete(ParsedDocument document, int line, int column) {
                return analyzer.complete(document, line, column);
            }
        };
    }

    /** Builds core's analyzer anew whenever the editor's settings change. */
    static Function<CheckSettings, DocumentAnalyzer> coreFactory() {
        return settings -> of(new ConfigAnalyzer(settings));
    }
}
