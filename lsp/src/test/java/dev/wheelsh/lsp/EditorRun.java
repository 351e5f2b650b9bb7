package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real editor (headless Neovim, Emacs in batch with eglot) as a child process against a
 * wheelsh server process, through a client script in {@code src/test/resources/e2e}, and reads
 * back what the editor saw as JSON.
 */
final class EditorRun {

    private EditorRun() {
    }

    /** The folder holding {@code mvnw}, found by walking up from the working directory. */
    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path shadedJar() {
        Path jar = repoRoot().resolve("lsp/target/wheelsh-lsp.jar");
        assumeTrue(Files.isRegularFile(jar), "skipped: " + jar + " is not built (run ./mvnw verify, or package the lsp module)");
        return jar;
    }

    static Path requireExecutable(String name) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "skipped: " + name + " is not on PATH (Debian: apt-get install neovim emacs-nox elpa-eglot)");
        throw new AssertionError("unreachable");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The real server, as an editor starts it. */
    static List<String> realServer() {
        return List.of(java(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar", shadedJar().toString());
    }

    /** The real launcher with scripted checks (see {@link FakeServerMain}). */
    static List<String> fakeServer() {
        String cp = shadedJar() + File.pathSeparator + repoRoot().resolve("lsp/target/test-classes");
        return List.of(java(), "-cp", cp, FakeServerMain.class.getName());
    }

    static String json(List<String> strings) {
        JsonArray a = new JsonArray();
        strings.forEach(a::add);
        return a.toString();
    }

    /** A resource copied to a file, for an editor to load. */
    static Path script(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = EditorRun.class.getResourceAsStream("/e2e/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    /**
     * Runs the editor until it writes its result; fails with the editor's own output when it
     * does not within two minutes.
     */
    static JsonObject run(Path dir, List<String> editor, Map<String, String> env) throws Exception {
        Path out = dir.resolve("result.json");
        Path log = dir.resolve("editor.log");
        ProcessBuilder pb = new ProcessBuilder(editor).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(env);
        pb.environment().put("WHEELSH_OUT", out.toString());
        pb.environment().put("HOME", dir.toString()); // no user configuration of this machine
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().put("TERM", "dumb");
        Process p = pb.start();
        p.getOutputStream().close();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        assertTrue(done, "the editor did not finish within 120 s; its output:\n" + output);
        assertTrue(Files.exists(out), "the editor wrote no result (exit " + p.exitValue() + "); its output:\n" + output);
        JsonObject result = JsonParser.parseString(Files.readString(out, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonArray errors = result.has("errors") && result.get("errors").isJsonArray() ? result.getAsJsonArray("errors") : new JsonArray();
        assertTrue(errors.isEmpty(), "the client script reported " + errors + "; editor output:\n" + output);
        return result;
    }

    /** Every publication the editor received, in order. */
    static List<JsonObject> published(JsonObject result) {
        List<JsonObject> all = new ArrayList<>();
        JsonElement p = result.get("published");
        if (p != null && p.isJsonArray()) {
            p.getAsJsonArray().forEach(e -> all.add(e.getAsJsonObject()));
        }
        return all;
    }

    /** The diagnostics of the last publication for a version, as "CODE L:C-L:C" strings. */
    static List<String> diagnosticsOf(JsonObject result, int version) {
        List<JsonObject> all = published(result);
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonObject p = all.get(i);
            if (p.has("version") && !p.get("version").isJsonNull() && p.get("version").getAsInt() == version) {
                List<String> out = new ArrayList<>();
                JsonElement ds = p.get("diagnostics");
                if (ds != null && ds.isJsonArray()) {
                    for (JsonElement e : ds.getAsJsonArray()) {
                        out.add(describe(e.getAsJsonObject()));
                    }
                }
                return out;
            }
        }
        throw new AssertionError("no publication for version " + version + " among " + all);
    }

    static String describe(JsonObject d) {
        JsonObject r = d.getAsJsonObject("range");
        JsonObject s = r.getAsJsonObject("start");
        JsonObject e = r.getAsJsonObject("end");
        String code = d.has("code") && !d.get("code").isJsonNull() ? d.get("code").getAsString() : "-";
        return code + " " + s.get("line").getAsInt() + ":" + s.get("character").getAsInt()
                + "-" + e.get("line").getAsInt() + ":" + e.get("character").getAsInt();
    }

    static Optional<String> hoverText(JsonObject result) {
        JsonElement h = result.get("hover");
        if (h == null || !h.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement contents = h.getAsJsonObject().get("contents");
        if (contents != null && contents.isJsonObject() && contents.getAsJsonObject().has("value")) {
            return Optional.of(contents.getAsJsonObject().get("value").getAsString());
        }
        return Optional.ofNullable(contents).map(JsonElement::toString);
    }

    static List<String> actionTitles(JsonObject result) {
        List<String> titles = new ArrayList<>();
        JsonElement a = result.get("actions");
        if (a != null && a.isJsonArray()) {
            a.getAsJsonArray().forEach(e -> titles.add(e.getAsJsonObject().get("title").getAsString()));
        }
        return titles;
    }
}
