package dev.wheelsh.lsp;

import dev.wheelsh.core.config.CheckSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A language server running in this JVM, connected to an LSP4J client through two pipes: the
 * same JSON-RPC framing as over standard input and output, without a process.
 */
final class LspSession implements AutoCloseable {

    /** What the client saw: every diagnostics publication, in order. */
    final List<PublishDiagnosticsParams> published = new ArrayList<>();
    /** Every client/registerCapability request, in order. */
    final List<RegistrationParams> registrations = new java.util.concurrent.CopyOnWriteArrayList<>();
    final LanguageServer server;
    /** The server object itself, for what a test inspects beyond the protocol. */
    final WheelshLanguageServer impl;
    final ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
    private final OutputStream toServer;
    private final Future<Void> serverListening;
    private final Future<Void> clientListening;
    volatile Integer exitCode;

    LspSession(Function<CheckSettings, DocumentAnalyzer> analyzers, long debounceMillis) throws IOException {
        Pipe clientToServer = Pipe.open();
        Pipe serverToClient = Pipe.open();
        toServer = Channels.newOutputStream(clientToServer.sink());
        InputStream serverIn = Channels.newInputStream(clientToServer.source());
        OutputStream serverOut = Channels.newOutputStream(serverToClient.sink());
        InputStream clientIn = Channels.newInputStream(serverToClient.source());

        impl = new WheelshLanguageServer(analyzers, debounceMillis,
                new Log(new PrintStream(serverLog, true, StandardCharsets.UTF_8)), code -> exitCode = code);
        Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(impl, serverIn, serverOut);
        impl.connect(serverLauncher.getRemoteProxy());
        serverListening = serverLauncher.startListening();

        Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(new RecordingClient(), clientIn, toServer);
        server = clientLauncher.getRemoteProxy();
        clientListening = clientLauncher.startListening();
    }

    static LspSession fake() throws Exception {
        return started(s -> new FakeAnalyzer(false), 20);
    }

    static LspSession started(Function<CheckSettings, DocumentAnalyzer> analyzers, long debounceMillis) throws Exception {
        return started(analyzers, debounceMillis, init -> { });
    }

    /** Started with initialize parameters a test adjusts (a workspace folder, say). */
    static LspSession started(Function<CheckSettings, DocumentAnalyzer> analyzers, long debounceMillis,
                              Consumer<InitializeParams> adjust) throws Exception {
        LspSession session = new LspSession(analyzers, debounceMillis);
        InitializeParams init = new InitializeParams();
        // Like most editors: file watchers can be registered at run time.
        ClientCapabilities capabilities = new ClientCapabilities();
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        capabilities.setWorkspace(workspace);
        init.setCapabilities(capabilities);
        adjust.accept(init);
        session.server.initialize(init).get(30, TimeUnit.SECONDS);
        session.server.initialized(new InitializedParams());
        return session;
    }

    void open(String uri, int version, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "plaintext", version, text)));
    }

    void change(String uri, int version, TextDocumentContentChangeEvent... changes) {
        server.getTextDocumentService().didChange(
                new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(changes)));
    }

    /** Bytes straight onto the wire, for tests of malformed input. */
    void sendRaw(byte[] bytes) throws IOException {
        synchronized (toServer) {
            toServer.write(bytes);
            toServer.flush();
        }
    }

    /** Waits for a publication for {@code uri} that satisfies {@code test}. */
    PublishDiagnosticsParams await(String uri, Predicate<PublishDiagnosticsParams> test, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (published) {
            while (true) {
                for (int i = published.size() - 1; i >= 0; i--) {
                    PublishDiagnosticsParams p = published.get(i);
                    if (p.getUri().equals(uri) && test.test(p)) {
                        return p;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no diagnostics for " + uri + " matching the expectation within " + timeout
                            + "; published: " + published + "\nserver log:\n" + serverLog);
                }
                published.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    PublishDiagnosticsParams awaitVersion(String uri, int version) throws InterruptedException {
        return await(uri, p -> p.getVersion() != null && p.getVersion() == version, Duration.ofSeconds(30));
    }

    List<PublishDiagnosticsParams> publishedFor(String uri) {
        synchronized (published) {
            return published.stream().filter(p -> p.getUri().equals(uri)).toList();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (exitCode == null) {
                server.shutdown().get(10, TimeUnit.SECONDS);
                server.exit();
            }
        } finally {
            toServer.close();
            serverListening.cancel(true);
            clientListening.cancel(true);
        }
    }

    private final class RecordingClient implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            synchronized (published) {
                published.add(diagnostics);
                published.notifyAll();
            }
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            registrations.add(params);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
