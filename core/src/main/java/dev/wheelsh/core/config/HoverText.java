package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.SourceRange;

/** What to show for the word under the cursor: the range it covers and Markdown text. */
public record HoverText(SourceRange range, String markdown) {
}
