package dev.wheelsh.lsp;

import dev.wheelsh.core.config.Completion;
import dev.wheelsh.core.vocabulary.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document synchronisation and the per-document requests. Notifications arrive one at a time in
 * order on the protocol thread, so the store sees every change in sequence; requests run on a
 * separate thread against the newest text and honour {@code $/cancelRequest}. Every handler
 * catches what goes wrong, logs it and answers with nothing: no input ends the server.
 */
final class WheelshTextDocumentService implements TextDocumentService {

    private final WheelshLanguageServer server;

    WheelshTextDocumentService(WheelshLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        try {
            var doc = params.getTextDocument();
            String text = doc.getText() == null ? "" : doc.getText();
            server.store().open(doc.getUri(), doc.getVersion(), text);
            server.validator().scheduleNow(doc.getUri());
        } catch (Throwable t) {
            server.log().failure("didOpen", t);
        }
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        try {
            String uri = params.getTextDocument().getUri();
            Optional<OpenDocument> current = server.store().get(uri);
            if (current.isEmpty()) {
                server.log().info("didChange for a document that is not open: " + uri);
                return;
            }
            String text = DocumentText.apply(current.get().text(), params.getContentChanges());
            Integer version = params.getTextDocument().getVersion();
            int next = version != null ? version : current.get().version() + 1;
            server.store().update(uri, next, text);
            server.validator().schedule(uri);
        } catch (Throwable t) {
            server.log().failure("didChange", t);
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        try {
            String uri = params.getTextDocument().getUri();
            server.store().close(uri);
            server.validator().closed(uri);
        } catch (Throwable t) {
            server.log().failure("didClose", t);
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The text is already up to date through didChange. But a saved file may be one that
        // hovers read from disk (a pyproject.toml's baseline files, the workspace's pyproject.toml
        // for a pip.conf), so the parses that read them are made again when next asked for.
        try {
            server.store().forgetParses();
        } catch (Throwable t) {
            server.log().failure("didSave", t);
        }
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return request("hover", null, cancel -> {
            Optional<Analysis> doc = analysis(params.getTextDocument().getUri());
            if (doc.isEmpty()) {
                return null;
            }
            Position p = params.getPosition();
            cancel.checkCanceled();
            return doc.get().hover(p.getLine(), p.getCharacter()).map(Protocol::hover).orElse(null);
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        Either<List<CompletionItem>, CompletionList> none = Either.forRight(new CompletionList(false, List.of()));
        return request("completion", none, cancel -> {
            Optional<Analysis> doc = analysis(params.getTextDocument().getUri());
            if (doc.isEmpty()) {
                return none;
            }
            Position p = params.getPosition();
            cancel.checkCanceled();
            List<Completion> candidates = doc.get().complete(p.getLine(), p.getCharacter());
            List<CompletionItem> items = new ArrayList<>(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                items.add(Protocol.completion(candidates.get(i), i));
            }
            return Either.forRight(new CompletionList(false, items));
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return request("codeAction", List.of(), cancel -> {
            List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
            if (only != null && !only.isEmpty() && only.stream().noneMatch(k -> CodeActionKind.QuickFix.startsWith(k))) {
                return List.of();
            }
            String uri = params.getTextDocument().getUri();
            Optional<Analysis> doc = analysis(uri);
            if (doc.isEmpty()) {
                return List.of();
            }
            cancel.checkCanceled();
            // The findings of the newest version (a fix must edit the text the editor has now),
            // shared with its diagnostics: the parse of a version is made once.
            List<Finding> findings = doc.get().findings();
            cancel.checkCanceled();
            List<Either<Command, CodeAction>> actions = new ArrayList<>();
            List<Diagnostic> sent = params.getContext() == null || params.getContext().getDiagnostics() == null
                    ? List.of() : params.getContext().getDiagnostics();
            boolean matchedAny = false;
            for (Diagnostic diagnostic : sent) {
                for (Finding finding : findings) {
                    if (Protocol.matches(diagnostic, finding)) {
                        matchedAny = true;
                        Protocol.quickFixes(uri, finding, diagnostic).forEach(a -> actions.add(Either.forRight(a)));
                        break;
                    }
                }
            }
            if (!matchedAny) {
                // Some clients send no diagnostics with the request: offer the fixes of findings
                // that touch the requested range.
                for (Finding finding : findings) {
                    if (!finding.fixes().isEmpty() && overlaps(Protocol.rangeOf(finding), params.getRange())) {
                        Diagnostic d = Protocol.diagnostic(uri, finding);
                        Protocol.quickFixes(uri, finding, d).forEach(a -> actions.add(Either.forRight(a)));
                    }
                }
            }
            return actions;
        });
    }

    /** The newest version of an open document that wheelsh checks, parsed once for all requests. */
    private Optional<Analysis> analysis(String uri) {
        return server.store().get(uri).flatMap(server::analysis);
    }

    /** Runs a request off the protocol thread; any failure is logged and answered with {@code fallback}. */
    private <T> CompletableFuture<T> request(String what, T fallback, Function<CancelChecker, T> body) {
        try {
            return CompletableFutures.computeAsync(server.requests(), cancel -> {
                try {
                    return body.apply(cancel);
                } catch (CancellationException e) {
                    throw e;
                } catch (Throwable t) {
                    server.log().failure(what, t);
                    return fallback;
                }
            });
        } catch (Throwable t) {
            server.log().failure(what, t);
            return CompletableFuture.completedFuture(fallback);
        }
    }

    static boolean overlaps(Range a, Range b) {
        if (b == null) {
            return true;
        }
        return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
    }

    private static int compare(Position x, Position y) {
        return x.getLine() != y.getLine() ? Integer.compare(x.getLine(), y.getLine())
                : Integer.compare(x.getCharacter(), y.getCharacter());
    }
}
