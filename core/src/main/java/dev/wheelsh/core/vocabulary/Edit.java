package dev.wheelsh.core.vocabulary;

import java.util.Objects;

/** Replace the text at {@code range} with {@code newText}; an empty range inserts. */
public record Edit(SourceRange range, String newText) {
    public Edit {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(newText, "newText");
    }
}
