package dev.wheelsh.lsp;

import dev.wheelsh.core.config.Completion;
import dev.wheelsh.core.config.HoverText;
import dev.wheelsh.core.config.ParsedDocument;
import dev.wheelsh.core.vocabulary.Finding;
import java.util.List;
import java.util.Optional;

/**
 * One version of an open document as the current checks read it: the parsed document and the
 * analyzer that parsed it, so that diagnostics, hovers, completions and code actions all work on
 * the same parse and none of them reads the text again.
 */
record Analysis(DocumentAnalyzer analyzer, ParsedDocument document) {

    List<Finding> findings() {
        return analyzer.check(document);
    }

    Optional<HoverText> hover(int line, int column) {
        return analyzer.hover(document, line, column);
    }

    List<Completion> complete(int line, int column) {
        return analyzer.complete(document, line, column);
    }
}
