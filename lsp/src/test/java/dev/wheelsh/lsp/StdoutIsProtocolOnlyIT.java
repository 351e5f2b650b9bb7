package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher's standard output carries nothing but protocol frames, even when code inside the
 * server prints to {@code System.out}: every byte read from the process is part of a
 * {@code Content-Length} frame holding one JSON message.
 */
class StdoutIsProtocolOnlyIT {

    @Test
    void strayPrintsGoToStandardErrorAndTheProtocolStreamStaysClean() throws Exception {
        Process p = new ProcessBuilder(EditorRun.fakeServer()).start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        OutputStream in = p.getOutputStream();
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"file:///x/pip.conf\",\"languageId\":\"ini\",\"version\":1,\"text\":\"PRINT\\nloong64\\n\"}}}");
        Thread.sleep(2000); // the check runs and prints meanwhile
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server exits after shutdown and exit");
        assertEquals(0, p.exitValue());

        List<JsonObject> messages = frames(stdout.get(10, TimeUnit.SECONDS));
        assertTrue(messages.stream().anyMatch(m -> "textDocument/publishDiagnostics".equals(
                m.has("method") ? m.get("method").getAsString() : null)), "diagnostics were published: " + messages);
        assertTrue(new String(stderr.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8).contains("stray output from a check"),
                "the stray print went to standard error");
    }

    private static void send(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Parses the whole stream as frames; fails on any byte outside one. */
    private static List<JsonObject> frames(byte[] bytes) {
        List<JsonObject> messages = new ArrayList<>();
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < all.length()) {
            int headerEnd = all.indexOf("\r\n\r\n", at);
            assertTrue(headerEnd > at, "bytes outside a frame at " + at + ": " + all.substring(at, Math.min(all.length(), at + 80)));
            int length = -1;
            for (String header : all.substring(at, headerEnd).split("\r\n")) {
                assertTrue(header.matches("(?i)(Content-Length|Content-Type): .*"), "not a header: " + header);
                if (header.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).trim());
                }
            }
            assertTrue(length >= 0, "a frame without Content-Length");
            int bodyStart = headerEnd + 4;
            String body = new String(bytes, bodyStart, length, StandardCharsets.UTF_8);
            messages.add(JsonParser.parseString(body).getAsJsonObject());
            at = bodyStart + length;
        }
        return messages;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
