package dev.wheelsh.lsp;

import dev.wheelsh.core.config.ConfigFileKind;
import dev.wheelsh.core.config.ParsedDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The open documents by URI, each at its latest version, and each one's parse. All methods are
 * synchronized on the store, and the validator publishes while holding the same monitor, so "is
 * this still the newest version?" and "publish" happen as one step.
 *
 * <p>At most one parse is kept per open document: the one of its newest version, made by the
 * current analyzer. A change or a close drops it, so memory stays bounded by the open documents.
 * The parse itself runs outside the store's monitor (a large document must not hold up the
 * notifications of the others), once, by whichever request or check asks first.
 */
public final class DocumentStore {

    private final Map<String, OpenDocument> documents = new HashMap<>();
    private final Map<String, Parse> parses = new HashMap<>();

    /** The parse of one version of a document by one analyzer. */
    private record Parse(int version, DocumentAnalyzer analyzer, Once<ParsedDocument> document) {
    }

    public synchronized OpenDocument open(String uri, int version, String text) {
        OpenDocument document = new OpenDocument(uri, kindOf(uri), version, text);
        documents.put(uri, document);
        parses.remove(uri);
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
        parses.remove(uri);
        return Optional.of(next);
    }

    public synchronized Optional<OpenDocument> get(String uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    public synchronized Optional<OpenDocument> close(String uri) {
        parses.remove(uri);
        return Optional.ofNullable(documents.remove(uri));
    }

    /**
     * The parse of {@code snapshot} by {@code analyzer}: the kept one when it is of the same
     * version and analyzer, otherwise made by {@code parse} and kept if the snapshot is still the
     * newest version (a parse of a stale or closed document is used once and not kept).
     */
    public ParsedDocument parsed(OpenDocument snapshot, DocumentAnalyzer analyzer, Supplier<ParsedDocument> parse) {
        Once<ParsedDocument> once;
        synchronized (this) {
            Parse kept = parses.get(snapshot.uri());
            if (kept != null && kept.version() == snapshot.version() && kept.analyzer() == analyzer) {
                once = kept.document();
            } else {
                once = new Once<>(parse);
                if (isCurrent(snapshot)) {
                    parses.put(snapshot.uri(), new Parse(snapshot.version(), analyzer, once));
                }
            }
        }
        return once.get();
    }

    /**
     * Drops every kept parse: the analyzer changed, or a file on disk that parses may have read
     * (a baseline file, the workspace's pyproject.toml) may have changed.
     */
    public synchronized void forgetParses() {
        parses.clear();
    }

    /** How many parses are kept (at most one per open document). */
    public synchronized int parseCount() {
        return parses.size();
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
