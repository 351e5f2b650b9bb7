package dev.wheelsh.lsp;

import dev.wheelsh.core.config.ConfigFileKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open documents by URI, each at its latest version. All methods are synchronized on the
 * store, and the validator publishes while holding the same monitor, so "is this still the
 * newest version?" and "publish" happen as one step.
 */
public final class DocumentStore {

    private final Map<String, OpenDocument> documents = new HashMap<>();

    public synchronized OpenDocument open(String uri, int version, String text) {
        OpenDocument document = new OpenDocument(uri, kindOf(uri), version, text);
        documents.put(uri, document);
        return document;
    }

    /** Replaces the document's text; empty if the document is not open. */
    public synchronized Optional<OpenDocument> update(String uri, int version, String text) {
        OpenDocument current = documents.get(uri);
        if (current == null) {
            return Optional.empty();
        }
        OpenDocument next = current.withText(version, text);
        documents.put(uri, next);
        return Optional.of(next);
    }

    public synchronized Optional<OpenDocument> get(String uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    public synchronized Optional<OpenDocument> close(String uri) {
        return Optional.ofNullable(documents.remove(uri));
    }

    public synchronized List<OpenDocument> all() {
        return new ArrayList<>(documents.values());
    }

    /** True when {@code document} is still the version the editor has. */
    public synchronized boolean isCurrent(OpenDocument document) {
        OpenDocument current = documents.get(document.uri());
        return current != null && current.version() == document.version();
    }

    /** Which kind of file a URI names, by its last path segment. */
    public static Optional<ConfigFileKind> kindOf(String uri) {
        String path;
        try {
            URI parsed = new URI(uri);
            path = parsed.getPath() != null ? parsed.getPath() : parsed.getSchemeSpecificPart();
        } catch (Exception e) {
            path = uri;
        }
        if (path == null || path.isEmpty()) {
            path = uri;
        }
        return ConfigFileKind.ofFileName(path);
    }
}
