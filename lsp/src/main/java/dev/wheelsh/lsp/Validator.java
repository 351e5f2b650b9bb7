package dev.wheelsh.lsp;

import dev.wheelsh.core.vocabulary.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;

/**
 * Checks documents a short while after they stop changing and publishes the findings.
 *
 * <p>Every change (re)schedules a check of its document after the debounce delay, cancelling the
 * one still waiting; all checks run on one thread, one after another. A check works on a
 * snapshot of one version; its result is published only if that version is still the newest
 * (tested and published under the store's monitor), otherwise it is dropped, because the change
 * that made it stale has already scheduled a check of its own. So diagnostics of an old version
 * are never published after those of a newer one, and the last publication for a document is
 * always for its last version.
 */
public final class Validator implements AutoCloseable {

    private final DocumentStore store;
    private final Function<OpenDocument, Optional<Analysis>> analyses;
    private final Consumer<PublishDiagnosticsParams> publisher;
    private final long debounceMillis;
    private final Log log;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param analyses the parse of a document version shared with the requests (empty for files
     *                 wheelsh does not check)
     */
    Validator(DocumentStore store, Function<OpenDocument, Optional<Analysis>> analyses,
              Consumer<PublishDiagnosticsParams> publisher, long debounceMillis, Log log) {
        this.store = store;
        this.analyses = analyses;
        this.publisher = publisher;
        this.debounceMillis = debounceMillis;
        this.log = log;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wheelsh-validate");
            t.setDaemon(true);
            return t;
        });
        // A burst of keystrokes cancels many waiting checks: drop them at once, not when due.
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
    }

    /** Check the document after the debounce delay, replacing any check still waiting for it. */
    public void schedule(String uri) {
        schedule(uri, debounceMillis);
    }

    /** Check the document as soon as the checker is free (on open, on a settings change). */
    public void scheduleNow(String uri) {
        schedule(uri, 0);
    }

    private void schedule(String uri, long delayMillis) {
        if (closed) {
            return; // after shutdown the protocol allows only exit
        }
        try {
            ScheduledFuture<?> next = scheduler.schedule(() -> run(uri), delayMillis, TimeUnit.MILLISECONDS);
            ScheduledFuture<?> previous = pending.put(uri, next);
            if (previous != null) {
                previous.cancel(false);
            }
        } catch (RuntimeException e) {
            log.failure("scheduling a check of " + uri, e);
        }
    }

    /** Forget a closed document: drop its waiting check and clear its diagnostics in the editor. */
    public void closed(String uri) {
        ScheduledFuture<?> previous = pending.remove(uri);
        if (previous != null) {
            previous.cancel(false);
        }
        synchronized (store) {
            publisher.accept(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    private void run(String uri) {
        OpenDocument snapshot = store.get(uri).orElse(null);
        if (snapshot == null || !store.isCurrent(snapshot)) {
            return;
        }
        List<Diagnostic> diagnostics = check(snapshot);
        PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri, diagnostics, snapshot.version());
        synchronized (store) {
            if (!store.isCurrent(snapshot)) {
                return; // stale: the newer version's own check is already scheduled
            }
            try {
                publisher.accept(params);
            } catch (RuntimeException e) {
                log.failure("publishing diagnostics for " + uri, e);
            }
        }
    }

    private List<Diagnostic> check(OpenDocument document) {
        try {
            Optional<Analysis> analysis = analyses.apply(document);
            if (analysis.isEmpty()) {
                return List.of();
            }
            List<Finding> findings = analysis.get().findings();
            List<Diagnostic> diagnostics = new ArrayList<>(findings.size());
            for (Finding f : findings) {
                diagnostics.add(Protocol.diagnostic(document.uri(), f));
            }
            return diagnostics;
        } catch (Throwable t) {
            // The checks promise never to throw; if one does anyway, say so in the editor rather
            // than leave diagnostics of an older version standing.
            log.failure("checking " + document.uri() + " version " + document.version(), t);
            Diagnostic d = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
                    "wheelsh could not check this file (internal error: " + t.getClass().getSimpleName()
                            + "); the language server log has the details",
                    DiagnosticSeverity.Error, Protocol.SOURCE);
            return List.of(d);
        }
    }

    /**
     * Stops checking: waiting checks are dropped, a running one finishes. No thread is
     * interrupted, since an interrupt while writing to an interruptible channel would close the
     * connection to the client.
     */
    @Override
    public void close() {
        closed = true;
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
        scheduler.shutdown();
    }
}
