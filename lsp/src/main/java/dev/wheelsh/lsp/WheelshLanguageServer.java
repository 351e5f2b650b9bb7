package dev.wheelsh.lsp;

import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.config.DocumentPlace;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.Unregistration;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The wheelsh language server: diagnostics, hovers, completions and quick fixes for
 * {@code pyproject.toml}, {@code pip.conf}/{@code pip.ini} and baseline JSON files. It holds no
 * process-global state, so tests run it in-process over pipes exactly as the launcher runs it over
 * standard input and output.
 */
public final class WheelshLanguageServer implements LanguageServer, LanguageClientAware {

    /** Long enough to let a burst of keystrokes settle, short enough to feel immediate. */
    public static final long DEFAULT_DEBOUNCE_MILLIS = 150;

    private final Function<CheckSettings, DocumentAnalyzer> analyzerFactory;
    private final Log log;
    private final IntConsumer exit;
    private final DocumentStore store = new DocumentStore();
    private final Validator validator;
    private final ExecutorService requests;
    private final WheelshTextDocumentService textDocuments;
    private final WheelshWorkspaceService workspace;

    private volatile LanguageClient client;
    private volatile CheckSettings settings = CheckSettings.defaults();
    private volatile DocumentAnalyzer analyzer;
    private volatile Optional<Path> workspaceRoot = Optional.empty();
    private volatile boolean shutdownRequested;
    private volatile ClientCapabilities clientCapabilities;
    private volatile boolean initialized;
    private boolean watching; // guarded by this

    /** The id under which the watchers of the extra baseline files are registered with the client. */
    static final String BASELINE_WATCH_ID = "wheelsh-baseline-files";

    /**
     * @param analyzerFactory builds the checks for given settings (core's in production)
     * @param debounceMillis  how long a document must stay unchanged before it is checked
     * @param log             where the server's log goes (standard error in production)
     * @param exit            what the {@code exit} notification does with its exit code
     */
    public WheelshLanguageServer(Function<CheckSettings, DocumentAnalyzer> analyzerFactory, long debounceMillis,
                                 Log log, IntConsumer exit) {
        this.analyzerFactory = analyzerFactory;
        this.log = log;
        this.exit = exit;
        this.analyzer = analyzerFactory.apply(settings);
        this.validator = new Validator(store, this::analysis, this::publish, debounceMillis, log);
        this.requests = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wheelsh-requests");
            t.setDaemon(true);
            return t;
        });
        this.textDocuments = new WheelshTextDocumentService(this);
        this.workspace = new WheelshWorkspaceService(this);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        try {
            workspaceRoot = rootOf(params);
            clientCapabilities = params.getCapabilities();
            if (params.getInitializationOptions() != null) {
                applySettings(params.getInitializationOptions());
            }
        } catch (RuntimeException e) {
            log.failure("initialize", e);
        }
        ServerCapabilities capabilities = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        capabilities.setTextDocumentSync(sync);
        // Columns are UTF-16 code units: the protocol's default and what every client supports.
        capabilities.setPositionEncoding("utf-16");
        capabilities.setHoverProvider(true);
        // Tags are completed component by component, so "_", "-" and "." start a new candidate.
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of("\"", "'", "_", "-", ".", "=", "[")));
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(ServerCommands.names()));
        String version = Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("dev");
        log.info("initialized; workspace root " + workspaceRoot.map(Path::toString).orElse("(none)"));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("wheelsh", version)));
    }

    @Override
    public void initialized(InitializedParams params) {
        initialized = true;
        watchBaselineFiles();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        validator.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        validator.close();
        requests.shutdown(); // no interrupt: a request thread may be writing its response
        // The protocol: exit code 0 after a shutdown request, 1 when the client skipped it.
        exit.accept(shutdownRequested ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    // What the services share.

    DocumentStore store() {
        return store;
    }

    Validator validator() {
        return validator;
    }

    ExecutorService requests() {
        return requests;
    }

    /**
     * One version of a document as the current checks read it, parsed once however many checks
     * and requests ask for it; empty for files wheelsh does not check.
     */
    Optional<Analysis> analysis(OpenDocument snapshot) {
        DocumentAnalyzer current = analyzer;
        return snapshot.kind().map(kind -> new Analysis(current, store.parsed(snapshot, current,
                () -> current.parse(kind, snapshot.text(), placeOf(snapshot.uri())))));
    }

    /** Where a document lives: its file (for a file URI) and the workspace it belongs to. */
    DocumentPlace placeOf(String uri) {
        return new DocumentPlace(pathOf(uri), workspaceRoot);
    }

    Log log() {
        return log;
    }

    boolean isShutdownRequested() {
        return shutdownRequested;
    }

    /** The settings the checks run with now. */
    public CheckSettings settings() {
        return settings;
    }

    /** Takes new settings if the object says anything about wheelsh, and checks every open document again. */
    void applySettings(Object configuration) {
        Optional<CheckSettings> next = ServerSettings.read(configuration, workspaceRoot);
        if (next.isEmpty()) {
            return;
        }
        settings = next.get();
        rebuildAnalyzer();
        watchBaselineFiles();
    }

    /**
     * Asks the client to report changes to the extra baseline files, when it can register file
     * watchers at run time (requests may only be sent after {@code initialized}).
     */
    private synchronized void watchBaselineFiles() {
        LanguageClient c = client;
        ClientCapabilities caps = clientCapabilities;
        boolean dynamic = caps != null && caps.getWorkspace() != null && caps.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
        if (c == null || !dynamic || !initialized) {
            return;
        }
        try {
            if (watching) {
                c.unregisterCapability(new UnregistrationParams(List.of(
                        new Unregistration(BASELINE_WATCH_ID, "workspace/didChangeWatchedFiles"))));
                watching = false;
            }
            List<FileSystemWatcher> watchers = settings.extraBaselineFiles().stream()
                    .map(p -> new FileSystemWatcher(Either.forLeft(p.toString().replace('\\', '/'))))
                    .toList();
            if (watchers.isEmpty()) {
                return;
            }
            c.registerCapability(new RegistrationParams(List.of(new Registration(BASELINE_WATCH_ID,
                            "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers)))))
                    .exceptionally(t -> {
                        log.info("the client refused to watch the baseline files: " + t);
                        return null;
                    });
            watching = true;
        } catch (RuntimeException e) {
            log.failure("registering watchers of the baseline files", e);
        }
    }

    /** Builds the checks anew (settings or a baseline file changed) and checks every open document again. */
    void rebuildAnalyzer() {
        analyzer = analyzerFactory.apply(settings);
        store.forgetParses();
        log.info("settings: baselines " + settings.extraBaselineFiles() + ", default targets " + settings.defaultTargets());
        for (OpenDocument document : store.all()) {
            validator.scheduleNow(document.uri());
        }
    }

    private void publish(PublishDiagnosticsParams params) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(params);
        }
    }

    private static Optional<Path> rootOf(InitializeParams params) {
        List<WorkspaceFolder> folders = params.getWorkspaceFolders();
        if (folders != null && !folders.isEmpty() && folders.get(0).getUri() != null) {
            Optional<Path> p = pathOf(folders.get(0).getUri());
            if (p.isPresent()) {
                return p;
            }
        }
        @SuppressWarnings("deprecation")
        String rootUri = params.getRootUri();
        if (rootUri != null) {
            return pathOf(rootUri);
        }
        @SuppressWarnings("deprecation")
        String rootPath = params.getRootPath();
        return rootPath == null ? Optional.empty() : Optional.of(Path.of(rootPath));
    }

    static Optional<Path> pathOf(String uri) {
        try {
            URI parsed = new URI(uri);
            if ("file".equalsIgnoreCase(parsed.getScheme())) {
                return Optional.of(Path.of(parsed));
            }
        } catch (Exception e) {
            // not a file URI: no path
        }
        return Optional.empty();
    }
}
