package dev.wheelsh.shell.commands;

import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.config.DocumentPlace;
import dev.wheelsh.core.config.ConfigFileKind;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.shell.io.ExitStatus;
import dev.wheelsh.shell.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of pyproject.toml, pip.conf / pip.ini and baseline JSON files, run and printed as
 * {@code path:line:col: CODE severity: message} (one-based) or as JSON. Shared by {@code lint} and
 * {@code baseline validate}, so that neither calls the other.
 */
final class Linting {

    /** Files larger than this are refused rather than read. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private Linting() {
    }

    /** What to check: the files, the kind every file is read as (else the kind comes from the name), and the settings. */
    record Request(List<Path> files, Optional<String> kind, List<String> targets, List<Path> baselines, boolean json) {
        Request {
            files = List.copyOf(files);
            targets = List.copyOf(targets);
            baselines = List.copyOf(baselines);
        }
    }

    /**
     * Checks each file and prints the findings (as text lines or one JSON document); the status is
     * 2 when a file could not be checked, else 1 when a finding is an error, else 0.
     */
    static int run(Request request, PrintWriter out, PrintWriter err) {
        List<Path> files = request.files();
        boolean json = request.json();
        ConfigAnalyzer analyzer = new ConfigAnalyzer(new CheckSettings(request.baselines(), request.targets()));
        boolean unreadable = false;
        boolean anyError = false;
        List<Map<String, Object>> report = new ArrayList<>();
        for (Path file : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file.toString());
            // A file that is not there is the answer, before any question of its kind.
            Optional<String> absent = Files.isDirectory(file) ? Optional.of("a directory, not a file")
                    : Files.exists(file) ? Optional.empty() : Optional.of("no such file");
            if (absent.isPresent()) {
                unreadable = true;
                entry.put("error", absent.get());
                report.add(entry);
                err.println("wheelsh: lint: " + file + ": " + absent.get());
                continue;
            }
            Optional<ConfigFileKind> k = kindOf(request.kind(), file);
            if (k.isEmpty()) {
                unreadable = true;
                String why = request.kind().isPresent() ? "unknown --kind '" + request.kind().get() + "' (pyproject, pip-conf, baseline)"
                        : "not a file wheelsh checks (pyproject.toml, pip.conf, pip.ini, *.json); give --kind";
                entry.put("error", why);
                report.add(entry);
                err.println("wheelsh: lint: " + file + ": " + why);
                continue;
            }
            entry.put("kind", k.get().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            String text;
            try {
                text = read(file);
            } catch (IOException e) {
                unreadable = true;
                String why = "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                entry.put("error", why);
                report.add(entry);
                err.println("wheelsh: lint: " + file + ": " + why);
                continue;
            }
            // read in place: a pyproject.toml is judged by the cibuildwheel release its project's workflow pins
            List<Finding> findings = analyzer.check(analyzer.parse(k.get(), text, DocumentPlace.ofFile(file)));
            List<Map<String, Object>> fs = new ArrayList<>();
            for (Finding f : findings) {
                anyError |= f.severity() == Severity.ERROR;
                SourceRange r = f.range().orElse(SourceRange.at(0, 0));
                if (!json) {
                    out.println(file + ":" + (r.startLine() + 1) + ":" + (r.startColumn() + 1) + ": " + f.code().id() + " "
                            + f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.message());
                }
                fs.add(findingJson(f, r));
            }
            entry.put("findings", fs);
            report.add(entry);
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("files", report);
            out.println(Json.pretty(root));
        }
        out.flush();
        err.flush();
        return unreadable ? ExitStatus.USAGE : anyError ? ExitStatus.PROBLEM : ExitStatus.OK;
    }

    private static Optional<ConfigFileKind> kindOf(Optional<String> kind, Path file) {
        if (kind.isEmpty()) {
            Path name = file.getFileName();
            return name == null ? Optional.empty() : ConfigFileKind.ofFileName(name.toString());
        }
        return switch (kind.get().toLowerCase(Locale.ROOT)) {
            case "pyproject" -> Optional.of(ConfigFileKind.PYPROJECT);
            case "pip-conf", "pip.conf", "pip" -> Optional.of(ConfigFileKind.PIP_CONF);
            case "baseline", "json", "policy" -> Optional.of(ConfigFileKind.BASELINE_JSON);
            default -> Optional.empty();
        };
    }

    /** UTF-8, with undecodable bytes replaced (the checks then report what they cannot read). */
    private static String read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(file);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static Map<String, Object> findingJson(Finding f, SourceRange r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code().id());
        m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        m.put("range", range(r));
        m.put("message", f.message());
        m.put("explanation", f.explanation());
        List<Map<String, Object>> fixes = new ArrayList<>();
        for (Fix fix : f.fixes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("title", fix.title());
            List<Map<String, Object>> edits = new ArrayList<>();
            for (Edit e : fix.edits()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("range", range(e.range()));
                em.put("new_text", e.newText());
                edits.add(em);
            }
            x.put("edits", edits);
            fixes.add(x);
        }
        m.put("fixes", fixes);
        return m;
    }

    private static Map<String, Object> range(SourceRange r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start_line", r.startLine() + 1);
        m.put("start_column", r.startColumn() + 1);
        m.put("end_line", r.endLine() + 1);
        m.put("end_column", r.endColumn() + 1);
        return m;
    }
}
