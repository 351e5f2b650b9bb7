package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.lsp.EditorScenarios;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `wheelsh lsp`, the language server as it is delivered: one jar, one command. Neovim and Emacs
 * (eglot) start it exactly as their configurations in docs/lsp.md do; a bare JSON-RPC round trip
 * checks it without any editor installed. Skipped, with the reason, when the jar or an editor is
 * missing.
 */
class LspCommandIT {

    private static final Path JAR = Path.of("target", "wheelsh.jar").toAbsolutePath();

    private static List<String> wheelshLsp() {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run through `./mvnw verify`, which builds it first");
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "lsp");
    }

    @Test
    void neovimGetsDiagnosticsAndHoversFromWheelshLsp(@TempDir Path dir) throws Exception {
        EditorScenarios.realServer(EditorScenarios.NEOVIM, dir, wheelshLsp());
    }

    @Test
    void emacsEglotGetsDiagnosticsAndHoversFromWheelshLsp(@TempDir Path dir) throws Exception {
        EditorScenarios.realServer(EditorScenarios.EMACS, dir, wheelshLsp());
    }

    private static byte[] message(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    @Test
    void initializeShutdownExitOnStandardStreamsWithNothingElseOnStandardOutput() throws Exception {
        Process p = new ProcessBuilder(wheelshLsp()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(message("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}"));
            in.write(message("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}"));
            in.write(message("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream stdout = p.getInputStream()) {
            stdout.transferTo(out);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "wheelsh lsp did not exit after the exit notification");
        assertEquals(0, p.exitValue(), "exit after shutdown is status 0; log: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        String protocol = out.toString(StandardCharsets.UTF_8);
        assertTrue(protocol.startsWith("Content-Length: "), "standard output starts with a message: " + protocol);
        assertTrue(protocol.contains("\"id\":1,\"result\":{\"capabilities\""), protocol);
        assertTrue(protocol.contains("\"id\":2,\"result\":null"), protocol);
        // Nothing but messages: removing every framed message leaves nothing.
        String rest = protocol.replaceAll("Content-Length: \\d+\r\n\r\n\\{.*?\\}(?=Content-Length: |$)", "");
        assertEquals("", rest, "standard output carries only the protocol");
    }
}
