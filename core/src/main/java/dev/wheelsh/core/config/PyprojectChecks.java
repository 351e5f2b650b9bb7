package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.document.TomlReader;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks of pyproject.toml: [tool.cibuildwheel], [tool.uv], [tool.wheelsh], [project] requires-python. */
final class PyprojectChecks {

    static final List<String> CIBW = List.of("tool", "cibuildwheel");
    static final List<String> UV = List.of("tool", "uv");
    static final List<String> WHEELSH = WheelshTable.PATH;
    static final List<String> WHEELSH_KEYS = WheelshTable.KEYS;

    private final Toml.Document doc;
    private final CheckSettings settings;
    private final Found found = new Found();
    private final ConfigFacts facts = ConfigFacts.INSTANCE;

    private PyprojectChecks(Toml.Document doc, CheckSettings settings) {
        this.doc = doc;
        this.settings = settings;
    }

    static List<Finding> check(String text, CheckSettings settings) {
        Toml.Document doc = TomlReader.read(text);
        PyprojectChecks c = new PyprojectChecks(doc, settings);
        c.run();
        List<String> comments = doc.comments().stream().map(Toml.Comment::text).toList();
        return c.found.result(Found.ignoredCodes(comments));
    }

    private void run() {
        for (Toml.SyntaxError e : doc.errors()) {
            found.add(Code.WH100, Severity.ERROR, e.range(), "TOML: " + e.message(),
                    "The file is not valid TOML 1.0; the tools that read it (pip, build, cibuildwheel, uv) stop here.");
        }
        for (Toml.Entry e : doc.under(CIBW)) {
            cibuildwheel(e);
        }
        for (Toml.Entry e : doc.under(UV)) {
            uv(e);
        }
        // [tool.wheelsh] has one reader, shared with wheelsh check: its findings, and its targets
        WheelshTable.Reading wheelsh = WheelshTable.read(doc);
        wheelsh.findings().forEach(found::add);
        List<Target> targets = new ArrayList<>(wheelsh.table().targets());
        if (targets.isEmpty()) {
            for (String t : settings.defaultTargets()) {
                try {
                    targets.add(TargetSpec.parse(t));
                } catch (InputException ex) {
                    // a bad setting is the editor's to report; it compares nothing
                }
            }
        }
        for (Toml.Entry e : doc.entries()) {
            if (e.path().equals(List.of("project", "requires-python"))) {
                requiresPython(e, targets);
            }
        }
    }

    // ---- [tool.cibuildwheel]

    private void cibuildwheel(Toml.Entry e) {
        List<String> rel = e.path().subList(CIBW.size(), e.path().size());
        String key = rel.get(rel.size() - 1);
        String platform = null;
        boolean inOverride = false;
        if (rel.size() == 2 && facts.cibwPlatformTables.contains(rel.get(0))) {
            platform = rel.get(0);
        } else if (rel.size() == 2 && rel.get(0).equals("overrides")) {
            inOverride = true;
        } else if (rel.size() != 1) {
            return; // deeper tables (environment, config-settings) hold free-form keys
        }
        SourceRange keyRange = e.keyRanges().get(e.keyRanges().size() - 1);
        if (e.value() instanceof Toml.Table && rel.size() == 1 && facts.cibwPlatformTables.contains(key)) {
            return;
        }
        if (inOverride && (key.equals("select") || key.equals("inherit"))) {
            if (key.equals("select")) {
                strings(e.value()).forEach(this::selector);
            }
            return;
        }
        boolean image = key.matches("(manylinux|musllinux)-.+-image");
        if (!facts.cibwOptions.contains(key) && !image || facts.cibwPlatformTables.contains(key) && rel.size() > 1) {
            List<String> known = new ArrayList<>(facts.cibwOptions);
            known.addAll(facts.imageKeys());
            Optional<String> near = Found.nearest(key, known);
            String msg = "'" + key + "' is not a cibuildwheel option" + near.map(n -> "; did you mean '" + n + "'?").orElse("");
            if (near.isPresent()) {
                found.add(Code.WH116, Severity.WARNING, keyRange, msg, "cibuildwheel ignores unknown options with a warning.",
                        "Rename to " + near.get(), near.get());
            } else {
                found.add(Code.WH116, Severity.WARNING, keyRange, msg, "cibuildwheel ignores unknown options with a warning.");
            }
            return;
        }
        if (facts.cibwGlobalOnly.contains(key) && (platform != null || inOverride)) {
            Finding f = Finding.at(Code.WH111, Severity.ERROR, keyRange,
                    "'" + key + "' is a global cibuildwheel option: it is allowed only in [tool.cibuildwheel] itself, not in "
                            + (inOverride ? "overrides" : "[tool.cibuildwheel." + platform + "]"),
                    "cibuildwheel reads build, skip, test-skip and enable from the top table only; to narrow them per platform, "
                            + "use patterns such as *-manylinux_* or *-win_amd64.");
            if (platform != null) {
                moveToTop(e).ifPresent(fix -> found.add(f.withFix(fix)));
                if (moveToTop(e).isEmpty()) {
                    found.add(f);
                }
            } else {
                found.add(f);
            }
        }
        switch (key) {
            case "build", "skip" -> {
                if (stringsOrFail(e)) {
                    strings(e.value()).forEach(this::selector);
                }
            }
            case "test-skip" -> {
                if (stringsOrFail(e)) {
                    strings(e.value()).forEach(this::testSelector);
                }
            }
            case "archs" -> {
                if (stringsOrFail(e)) {
                    for (Toml.Str s : strings(e.value())) {
                        archs(s, platform);
                    }
                }
            }
            case "enable" -> {
                if (stringsOrFail(e)) {
                    strings(e.value()).forEach(this::enable);
                }
            }
            default -> {
                if (image) {
                    image(e, key, keyRange);
                }
            }
        }
    }

    private boolean stringsOrFail(Toml.Entry e) {
        boolean ok = e.value() instanceof Toml.Str
                || e.value() instanceof Toml.Arr a && a.items().stream().allMatch(i -> i instanceof Toml.Str);
        if (!ok && !(e.value() instanceof Toml.Scalar sc && sc.kind() == Toml.Scalar.Kind.INVALID)) {
            found.add(Code.WH117, Severity.ERROR, e.value().range(), "'" + e.name() + "' takes a string or a list of strings",
                    "cibuildwheel rejects other types for this option.");
        }
        return ok;
    }

    /** A fix moving a platform-table entry to the top [tool.cibuildwheel] table. */
    private Optional<Fix> moveToTop(Toml.Entry e) {
        SourceRange whole = e.wholeRange();
        String lineText = doc.lines().get(whole.startLine());
        String endLineText = doc.lines().get(whole.endLine());
        if (!lineText.substring(0, whole.startColumn()).isBlank()) {
            return Optional.empty();
        }
        String rest = endLineText.substring(Math.min(endLineText.length(), whole.endColumn())).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            return Optional.empty();
        }
        int topHeader = -1;
        for (Toml.Header h : doc.headers()) {
            if (h.path().equals(CIBW) && !h.arrayTable()) {
                topHeader = h.range().startLine();
            }
        }
        if (topHeader < 0) {
            return Optional.empty();
        }
        String valueText = text(e.value().range());
        String name = e.name().matches("[A-Za-z0-9_-]+") ? e.name() : "\"" + e.name() + "\"";
        SourceRange delete = whole.endLine() + 1 < doc.lines().size()
                ? new SourceRange(whole.startLine(), 0, whole.endLine() + 1, 0)
                : new SourceRange(whole.startLine(), 0, whole.endLine(), endLineText.length());
        Edit insert = new Edit(SourceRange.at(topHeader + 1, 0), name + " = " + valueText + "\n");
        return Optional.of(new Fix("Move " + e.name() + " to [tool.cibuildwheel]", List.of(insert, new Edit(delete, ""))));
    }

    private String text(SourceRange r) {
        StringBuilder sb = new StringBuilder();
        for (int l = r.startLine(); l <= r.endLine() && l < doc.lines().size(); l++) {
            String line = doc.lines().get(l);
            int from = l == r.startLine() ? Math.min(r.startColumn(), line.length()) : 0;
            int to = l == r.endLine() ? Math.min(r.endColumn(), line.length()) : line.length();
            sb.append(line, from, Math.max(from, to));
            if (l < r.endLine()) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static List<Toml.Str> strings(Toml.Node node) {
        List<Toml.Str> out = new ArrayList<>();
        if (node instanceof Toml.Str s) {
            out.add(s);
        } else if (node instanceof Toml.Arr a) {
            for (Toml.Node i : a.items()) {
                if (i instanceof Toml.Str s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** test-skip patterns may end in :arm64 or :x86_64, naming one half of a universal2 build's tests. */
    private void testSelector(Toml.Str s) {
        for (Selectors.Part p : Selectors.split(s.value())) {
            String pattern = p.pattern().replaceFirst(":(arm64|x86_64)$", "");
            for (Issue i : Selectors.check(pattern)) {
                found.add(i.shift(p.offset()), s::sub);
            }
        }
    }

    private void selector(Toml.Str s) {
        for (Selectors.Part p : Selectors.split(s.value())) {
            for (Issue i : Selectors.check(p.pattern())) {
                found.add(i.shift(p.offset()), s::sub);
            }
        }
    }

    /** Allowed arch names for a platform table, or for any platform at the top. */
    List<String> allowedArchs(String platform) {
        if (platform == null) {
            return facts.allCibwArchs();
        }
        List<String> out = new ArrayList<>(facts.cibwArchWords);
        out.addAll(facts.cibwArchs.getOrDefault(platform, List.of()));
        return out;
    }

    private void archs(Toml.Str s, String platform) {
        List<String> allowed = allowedArchs(platform);
        Matcher m = Pattern.compile("[^\\s,]+").matcher(s.value());
        while (m.find()) {
            String a = m.group();
            if (allowed.contains(a)) {
                continue;
            }
            String where = platform == null ? "any platform" : platform;
            String fix = null;
            String alias = facts.archAliases.get(a.toLowerCase(Locale.ROOT));
            if (alias != null && allowed.contains(alias)) {
                fix = alias;
            }
            if (fix == null) {
                fix = allowed.stream().filter(x -> x.equalsIgnoreCase(a)).findFirst().orElse(null);
            }
            if (fix == null) {
                if (alias != null) {
                    fix = allowed.stream().filter(x -> x.equalsIgnoreCase(alias)).findFirst()
                            .orElse("windows".equals(platform) && alias.equals("x86_64") ? "AMD64"
                                    : "windows".equals(platform) && alias.equals("aarch64") ? "ARM64"
                                    : "macos".equals(platform) && alias.equals("aarch64") ? "arm64" : null);
                }
            }
            if (fix == null) {
                fix = Found.nearest(a, allowed).orElse(null);
            }
            if ("windows".equals(platform) && a.equals("x86_64")) {
                fix = "AMD64";
            }
            if ("macos".equals(platform) && a.equals("aarch64")) {
                fix = "arm64";
            }
            String msg = "'" + a + "' is not an architecture cibuildwheel builds for on " + where
                    + (fix != null ? "; write " + fix : "");
            String expl = "cibuildwheel's architectures: linux " + facts.cibwArchs.get("linux") + ", macos " + facts.cibwArchs.get("macos")
                    + ", windows " + facts.cibwArchs.get("windows") + ", and auto, auto64, auto32, native, all."
                    + (a.startsWith("loong") ? " cibuildwheel has no loongarch64 builds." : "");
            Issue i = Issue.of(Code.WH112, Severity.ERROR, m.start(), m.end(), msg, expl);
            found.add(fix != null ? i.withFix(fix, "Replace " + a + " with " + fix) : i, s::sub);
        }
    }

    private void enable(Toml.Str s) {
        for (Selectors.Part p : Selectors.split(s.value())) {
            if (!facts.cibwEnableGroups.contains(p.pattern())) {
                Optional<String> near = Found.nearest(p.pattern(), facts.cibwEnableGroups);
                Issue i = Issue.of(Code.WH115, Severity.ERROR, p.offset(), p.offset() + p.pattern().length(),
                        "'" + p.pattern() + "' is not a cibuildwheel enable group",
                        "Groups: " + String.join(", ", facts.cibwEnableGroups) + ".");
                found.add(near.map(n -> i.withFix(n, "Replace with " + n)).orElse(i), s::sub);
            }
        }
    }

    private void image(Toml.Entry e, String key, SourceRange keyRange) {
        String family = key.startsWith("manylinux") ? "manylinux" : "musllinux";
        if (!facts.imageKeys().contains(key)) {
            Optional<String> near = Found.nearest(key, facts.imageKeys());
            String msg = "'" + key + "' is not a cibuildwheel image option" + near.map(n -> "; did you mean '" + n + "'?").orElse("");
            String expl = family + " images exist for " + facts.cibwImageArchs.get(family) + ".";
            if (near.isPresent()) {
                found.add(Code.WH113, Severity.ERROR, keyRange, msg, expl, "Rename to " + near.get(), near.get());
            } else {
                found.add(Code.WH113, Severity.ERROR, keyRange, msg, expl);
            }
            return;
        }
        if (!(e.value() instanceof Toml.Str s)) {
            found.add(Code.WH117, Severity.ERROR, e.value().range(), "'" + key + "' takes a string", "An image name or reference.");
            return;
        }
        String v = s.value();
        if (v.contains("/") || v.contains(":") || v.contains("@")) {
            return; // a full image reference
        }
        List<String> names = facts.cibwImages.get(family);
        if (!names.contains(v)) {
            Optional<String> near = Found.nearest(v, names);
            Issue i = Issue.of(Code.WH114, Severity.ERROR, 0, v.length(),
                    "'" + v + "' is not a " + family + " image name cibuildwheel knows (" + String.join(", ", names) + ")",
                    "Give one of the short names or a full image reference (quay.io/pypa/manylinux_2_28_x86_64:latest).");
            found.add(near.map(n -> i.withFix(n, "Replace with " + n)).orElse(i), s::sub);
        }
    }

    // ---- [tool.uv]

    private void uv(Toml.Entry e) {
        List<String> rel = e.path().subList(UV.size(), e.path().size());
        if (rel.equals(List.of("environments")) || rel.equals(List.of("required-environments"))) {
            for (Toml.Str s : strings(e.value())) {
                marker(s);
            }
        } else if (rel.equals(List.of("pip", "python-platform"))) {
            if (e.value() instanceof Toml.Str s) {
                pythonPlatform(s);
            }
        }
    }

    private void marker(Toml.Str s) {
        Markers.Result r = Markers.parse(s.value());
        r.issues().forEach(i -> found.add(i, s::sub));
        for (Markers.Atom a : r.atoms()) {
            if (a.variable()) {
                continue;
            }
            if (a.comparedWith().equals("platform_machine") && !facts.platformMachines.contains(a.text())) {
                String alias = facts.archAliases.get(a.text().toLowerCase(Locale.ROOT));
                Optional<String> fix = Optional.ofNullable(alias).or(() -> Found.nearest(a.text(), facts.platformMachines));
                Issue i = Issue.of(Code.WH122, Severity.WARNING, a.from(), a.to(),
                        "'" + a.text() + "' is not a platform_machine value Python reports" + fix.map(f -> "; did you mean '" + f + "'?").orElse(""),
                        "platform_machine is platform.machine(): x86_64, aarch64, loongarch64 on Linux; arm64 on macOS; AMD64, ARM64 on Windows.");
                found.add(fix.map(f -> i.withFix(f, "Replace " + a.text() + " with " + f)).orElse(i), s::sub);
            }
            if (a.comparedWith().equals("sys_platform") && !facts.sysPlatforms.contains(a.text())) {
                Optional<String> fix = Found.nearest(a.text(), facts.sysPlatforms);
                Issue i = Issue.of(Code.WH122, Severity.WARNING, a.from(), a.to(),
                        "'" + a.text() + "' is not a sys_platform value" + fix.map(f -> "; did you mean '" + f + "'?").orElse(""),
                        "sys_platform: linux, darwin, win32, emscripten, ios, android, ...");
                found.add(fix.map(f -> i.withFix(f, "Replace " + a.text() + " with " + f)).orElse(i), s::sub);
            }
        }
    }

    private void pythonPlatform(Toml.Str s) {
        String v = s.value();
        for (String p : facts.uvPythonPlatformPatterns) {
            if (v.matches(p)) {
                return;
            }
        }
        List<String> literal = facts.uvPythonPlatformPatterns.stream().filter(p -> p.matches("[a-z0-9_\\-]+")).toList();
        String fixed = null;
        for (var alias : facts.archAliases.entrySet()) {
            if (v.startsWith(alias.getKey() + "-")) {
                String candidate = alias.getValue() + v.substring(alias.getKey().length());
                if (facts.uvPythonPlatformPatterns.stream().anyMatch(candidate::matches)) {
                    fixed = candidate;
                }
            }
        }
        Optional<String> near = Optional.ofNullable(fixed).or(() -> Found.nearest(v, literal));
        Issue i = Issue.of(Code.WH123, Severity.ERROR, 0, v.length(),
                "'" + v + "' is not a uv python-platform" + near.map(n -> "; did you mean '" + n + "'?").orElse(""),
                "uv's target triples: linux, windows, macos, x86_64-manylinux_2_28, aarch64-unknown-linux-musl, aarch64-apple-darwin, ...");
        found.add(near.map(n -> i.withFix(n, "Replace with " + n)).orElse(i), s::sub);
    }

    // ---- [project] requires-python

    private void requiresPython(Toml.Entry e, List<Target> targets) {
        if (!(e.value() instanceof Toml.Str s)) {
            found.add(Code.WH140, Severity.ERROR, e.value().range(), "requires-python takes a string of PEP 440 specifiers", "");
            return;
        }
        Specifiers.Result r = Specifiers.parse(s.value());
        r.issues().forEach(i -> found.add(i, s::sub));
        if (!r.issues().isEmpty()) {
            return;
        }
        for (Target t : targets) {
            String pv = t.interpreter().version().toString();
            Version v;
            try {
                v = Version.parse(pv);
            } catch (InputException ex) {
                continue;
            }
            for (Specifiers.Spec spec : r.specs()) {
                if (!Specifiers.contains(spec, v)) {
                    found.add(Issue.of(Code.WH141, Severity.WARNING, spec.from() - spec.op().length(), spec.to(),
                            "requires-python excludes Python " + pv + " of target " + t.compact(),
                            "pip refuses to install this project on " + t.describe() + "; drop the target or widen requires-python."), s::sub);
                    break;
                }
            }
        }
    }
}
