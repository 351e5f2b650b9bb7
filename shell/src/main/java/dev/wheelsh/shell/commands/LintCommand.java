package dev.wheelsh.shell.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.config.ConfigFileKind;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.shell.Wheelsh;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelsh lint FILE...}: the language server's checks of pyproject.toml, pip.conf / pip.ini
 * and baseline JSON files, printed as {@code path:line:col: CODE severity: message} (one-based).
 */
@Command(name = "lint",
        footer = {"", "Examples:", "  wheelsh lint pyproject.toml pip.conf", "  wheelsh lint --json policies/loongarch64.json"}, description = "Check pyproject.toml, pip.conf/pip.ini and baseline (policy) JSON files: "
        + "cibuildwheel selectors, uv markers, pip options, platform tags, policies (codes: docs/codes.md).")
final class LintCommand implements Callable<Integer> {

    /** Files larger than this are refused rather than read. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to check; the kind comes from the name "
            + "(pyproject.toml; pip.conf or pip.ini; any other .json is a baseline file) unless --kind says.")
    List<Path> files;

    @Option(names = "--kind", description = "Read every FILE as this kind: pyproject, pip-conf or baseline.")
    String kind;

    @Option(names = "--target", paramLabel = "TARGET", description = "A target (compact form, e.g. cp313-glibc2.38-loongarch64) "
            + "requires-python is compared with when the file names none ([tool.wheelsh] targets). Repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE", description = "A baseline (policy) JSON file whose policy names count as "
            + "known platform tags (e.g. a custom loongnix_2_28 policy makes loongnix_2_28_loongarch64 known). Repeatable.")
    List<Path> baselines = new ArrayList<>();

    @Option(names = "--json", description = "Print the findings as JSON (schema: docs/cli.md, \"wheelsh lint\").")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigAnalyzer analyzer = new ConfigAnalyzer(new CheckSettings(baselines, targets));
        boolean unreadable = false;
        boolean anyError = false;
        List<Map<String, Object>> report = new ArrayList<>();
        for (Path file : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file.toString());
            Optional<ConfigFileKind> k = kindOf(file);
            if (k.isEmpty()) {
                unreadable = true;
                String why = kind != null ? "unknown --kind '" + kind + "' (pyproject, pip-conf, baseline)"
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
            List<Finding> findings = analyzer.check(k.get(), text);
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
            try {
                out.println(Json.pretty(root));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        out.flush();
        err.flush();
        return unreadable ? Wheelsh.USAGE : anyError ? Wheelsh.PROBLEM : Wheelsh.OK;
    }

    private Optional<ConfigFileKind> kindOf(Path file) {
        if (kind == null) {
            Path name = file.getFileName();
            return name == null ? Optional.empty() : ConfigFileKind.ofFileName(name.toString());
        }
        return switch (kind.toLowerCase(Locale.ROOT)) {
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
                em.put("newText", e.newText());
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
        m.put("startLine", r.startLine() + 1);
        m.put("startColumn", r.startColumn() + 1);
        m.put("endLine", r.endLine() + 1);
        m.put("endColumn", r.endColumn() + 1);
        return m;
    }
}
