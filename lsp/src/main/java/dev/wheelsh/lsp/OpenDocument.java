package dev.wheelsh.lsp;

import dev.wheelsh.core.config.ConfigFileKind;
import java.util.Objects;
import java.util.Optional;

/**
 * One document the editor has open: its text at one version. {@code kind} is empty for files
 * wheelsh does not check (the server keeps them anyway so that a rename or a later change of
 * mind costs nothing, but publishes nothing for them).
 */
public record OpenDocument(String uri, Optional<ConfigFileKind> kind, int version, String text) {

    public OpenDocument {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public OpenDocument withText(int newVersion, String newText) {
        return new OpenDocument(uri, kind, newVersion, newText);
    }
}
