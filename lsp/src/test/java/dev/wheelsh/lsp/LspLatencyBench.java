package dev.wheelsh.lsp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Latency of the server process as an editor sees it, run by hand (see docs/benchmarks.md):
 * <ul>
 *   <li>start to first diagnostics: from starting {@code java -jar wheelsh-lsp.jar} to the
 *       diagnostics of a document opened right after initialize;</li>
 *   <li>didChange to publishDiagnostics, warm, on a generated 2,000-line pyproject.toml and a
 *       500-policy baseline JSON: one-character edits, each waited for, p50 and p95.</li>
 * </ul>
 * Usage: {@code java -cp lsp/target/wheelsh-lsp.jar:lsp/target/test-classes
 * LspLatencyBench [--debounce-ms=N] [edits]}.
 */
public final class LspLatencyBench {

    private LspLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        String debounce = null;
        int edits = 300;
        for (String a : args) {
            if (a.startsWith("--debounce-ms=")) {
                debounce = a;
            } else {
                edits = Integer.parseInt(a);
            }
        }
        Path jar = EditorRun.repoRoot().resolve("lsp/target/wheelsh-lsp.jar");
        System.out.println("server: " + jar + (debounce == null ? " (default debounce)" : " " + debounce));
        System.out.println("java: " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cpus");

        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            try (Server s = new Server(jar, debounce)) {
                s.open("file:///bench/pip.conf", "[global]\ntimeout = 60\n");
                s.await("file:///bench/pip.conf", 1);
                starts.add(ms(System.nanoTime() - s.started));
            }
        }
        System.out.printf("start to first diagnostics: median %.0f ms (runs: %s)%n", percentile(starts, 50), rounded(starts));

        String pyproject = generatedPyproject(2000);
        String baselines = generatedBaselines(500);
        try (Server s = new Server(jar, debounce)) {
            measure(s, "file:///bench/pyproject.toml", pyproject, "2,000-line pyproject.toml", edits);
            measure(s, "file:///bench/policies.json", baselines, "500-policy baseline JSON", edits);
        }
    }

    private static void measure(Server s, String uri, String text, String what, int edits) throws Exception {
        s.open(uri, text);
        s.await(uri, 1);
        int lines = text.split("\n", -1).length;
        // The edit: toggle one digit inside a value near the middle of the file.
        String[] all = text.split("\n", -1);
        int line = lines / 2;
        while (!all[line].matches(".*\\d.*")) {
            line++;
        }
        int column = firstDigit(all[line]);
        List<Double> latencies = new ArrayList<>();
        int warmup = Math.max(20, edits / 5);
        for (int v = 2; v < 2 + warmup + edits; v++) {
            String digit = String.valueOf(v % 2 == 0 ? 8 : 9);
            Range r = new Range(new Position(line, column), new Position(line, column + 1));
            long t0 = System.nanoTime();
            s.change(uri, v, new TextDocumentContentChangeEvent(r, digit));
            s.await(uri, v);
            if (v >= 2 + warmup) {
                latencies.add(ms(System.nanoTime() - t0));
            }
        }
        System.out.printf("%s (%d lines, %d chars, %d diagnostics): didChange to publishDiagnostics p50 %.1f ms, p95 %.1f ms (%d edits after %d warm-up)%n",
                what, text.lines().count(), text.length(), s.lastCount(uri), percentile(latencies, 50), percentile(latencies, 95),
                latencies.size(), warmup);
    }

    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    /** A pyproject.toml of the shape cibuildwheel and uv projects have, repeated to the size asked. */
    static String generatedPyproject(int lines) {
        StringBuilder b = new StringBuilder();
        b.append("[build-system]\nrequires = [\"setuptools>=68\", \"wheel\"]\nbuild-backend = \"setuptools.build_meta\"\n\n");
        b.append("[project]\nname = \"bench\"\nversion = \"1.0.0\"\nrequires-python = \">=3.9\"\ndependencies = [\n");
        for (int i = 0; i < 100; i++) {
            b.append("  \"dep").append(i).append(">=1.").append(i).append("\",\n");
        }
        b.append("]\n\n[tool.cibuildwheel]\nbuild = \"cp39-* cp310-* cp311-* cp312-* cp313-* cp313t-*\"\n")
                .append("skip = \"*-musllinux_i686 pp*\"\ntest-skip = \"*-macosx_arm64\"\nenable = [\"cpython-freethreading\"]\n")
                .append("manylinux-x86_64-image = \"manylinux_2_28\"\nmusllinux-x86_64-image = \"musllinux_1_2\"\n\n")
                .append("[tool.cibuildwheel.linux]\narchs = [\"x86_64\", \"aarch64\", \"loongarch64\"]\n\n")
                .append("[tool.uv]\nenvironments = [\"sys_platform == 'linux' and platform_machine == 'loongarch64'\", \"sys_platform == 'darwin'\"]\n")
                .append("required-environments = [\"sys_platform == 'linux' and platform_machine == 'x86_64'\"]\n\n")
                .append("[tool.uv.pip]\npython-platform = \"x86_64-manylinux_2_28\"\n\n");
        int i = 0;
        while (b.chars().filter(c -> c == '\n').count() + 5 <= lines) {
            b.append("[[tool.cibuildwheel.overrides]]\nselect = \"cp31").append(i % 4).append("-manylinux_x86_64\"\n")
                    .append("environment = { CFLAGS = \"-O").append(i % 3).append("\", BENCH_").append(i).append(" = \"1\" }\n")
                    .append("test-command = \"pytest {project}/tests -k case").append(i).append("\"\n\n");
            i++;
        }
        while (b.chars().filter(c -> c == '\n').count() < lines) {
            b.append("# padding\n");
        }
        return b.toString();
    }

    /** An auditwheel-format policy file with {@code count} policies, glibc 2.5 upwards on several arches. */
    static String generatedBaselines(int count) {
        String[] arches = {"x86_64", "i686", "aarch64", "ppc64le", "s390x", "armv7l", "riscv64", "loongarch64"};
        StringBuilder b = new StringBuilder("[\n");
        for (int p = 0; p < count; p++) {
            int minor = 5 + p % 40;
            b.append("  {\n    \"name\": \"custom_2_").append(minor).append("_v").append(p).append("\",\n")
                    .append("    \"aliases\": [],\n    \"priority\": ").append(100 - p % 100).append(",\n")
                    .append("    \"symbol_versions\": {\n");
            for (int a = 0; a < arches.length; a++) {
                b.append("      \"").append(arches[a]).append("\": {\n        \"GLIBC\": [");
                for (int m = 0; m <= minor; m += 4) {
                    b.append(m == 0 ? "" : ", ").append("\"2.").append(m).append('"');
                }
                b.append("],\n        \"GLIBCXX\": [\"3.4\", \"3.4.1\", \"3.4.").append(p % 30).append("\"],\n")
                        .append("        \"GCC\": [\"3.0\", \"4.0.0\"]\n      }").append(a + 1 < arches.length ? "," : "").append('\n');
            }
            b.append("    },\n    \"lib_whitelist\": [\"libc.so.6\", \"libm.so.6\", \"libpthread.so.0\", \"libdl.so.2\", \"libgcc_s.so.1\"],\n")
                    .append("    \"blacklist\": {}\n  }").append(p + 1 < count ? "," : "").append('\n');
        }
        return b.append("]\n").toString();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    /** A server process with an LSP4J client on its standard streams. */
    private static final class Server implements AutoCloseable, LanguageClient {
        final long started;
        final Process process;
        final LanguageServer server;
        final Map<String, PublishDiagnosticsParams> last = new ConcurrentHashMap<>();

        Server(Path jar, String debounce) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(EditorRun.java(), "-jar", jar.toString()));
            if (debounce != null) {
                cmd.add(debounce);
            }
            started = System.nanoTime();
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, process.getInputStream(), process.getOutputStream());
            server = launcher.getRemoteProxy();
            launcher.startListening();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            server.initialize(init).get(60, TimeUnit.SECONDS);
            server.initialized(new InitializedParams());
        }

        void open(String uri, String text) {
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "plaintext", 1, text)));
        }

        void change(String uri, int version, TextDocumentContentChangeEvent change) {
            server.getTextDocumentService().didChange(
                    new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
        }

        void await(String uri, int version) throws InterruptedException {
            synchronized (last) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (true) {
                    PublishDiagnosticsParams p = last.get(uri);
                    if (p != null && p.getVersion() != null && p.getVersion() == version) {
                        return;
                    }
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("no diagnostics for version " + version + " of " + uri);
                    }
                    last.wait(100);
                }
            }
        }

        int lastCount(String uri) {
            return last.get(uri).getDiagnostics().size();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            try {
                server.shutdown().get(10, TimeUnit.SECONDS);
                server.exit();
            } catch (Exception e) {
                process.destroy();
            }
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            synchronized (last) {
                last.put(diagnostics.getUri(), diagnostics);
                last.notifyAll();
            }
        }

        @Override
        public void telemetryEvent(Object object) {
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
    }
}
