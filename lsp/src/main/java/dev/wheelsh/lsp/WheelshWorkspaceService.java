package dev.wheelsh.lsp;

import com.google.gson.JsonPrimitive;
import dev.wheelsh.core.vocabulary.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings from the editor, changes to the extra baseline files on disk, and the commands the editor runs (ServerCommands). */
final class WheelshWorkspaceService implements WorkspaceService {

    private final WheelshLanguageServer server;

    WheelshWorkspaceService(WheelshLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        try {
            server.applySettings(params.getSettings());
        } catch (Throwable t) {
            server.log().failure("didChangeConfiguration", t);
        }
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        try {
            // A baseline file named in the settings changed on disk: its policies may be different now.
            for (FileEvent event : params.getChanges()) {
                Path changed = WheelshLanguageServer.pathOf(event.getUri()).map(Path::normalize).orElse(null);
                if (changed != null && server.settings().extraBaselineFiles().contains(changed)) {
                    server.rebuildAnalyzer();
                    return;
                }
            }
        } catch (Throwable t) {
            server.log().failure("didChangeWatchedFiles", t);
        }
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        List<String> arguments = new ArrayList<>();
        if (params.getArguments() != null) {
            for (Object a : params.getArguments()) {
                arguments.add(a instanceof JsonPrimitive p ? p.getAsString() : String.valueOf(a));
            }
        }
        try {
            return CompletableFuture.completedFuture(ServerCommands.run(params.getCommand(), arguments, server.settings()));
        } catch (InputException e) {
            // bad input is the user's: one line back to the editor, which shows it
            return CompletableFuture.failedFuture(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidParams, e.getMessage(), null)));
        } catch (RuntimeException e) {
            server.log().failure("executeCommand " + params.getCommand(), e);
            return CompletableFuture.failedFuture(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InternalError, "wheelsh: internal error in " + params.getCommand(), null)));
        }
    }
}
