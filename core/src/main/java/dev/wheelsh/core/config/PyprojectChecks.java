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
import dev.wheelsh.core.tags.Architectures;
import dev.wheelsh.core.tags.Architectures.Os;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

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
    /** The release [tool.wheelsh] cibuildwheel pins, else the project's workflow; null: the release of the facts. */
    private String pinned;
    /** The release the workflow next to the file pins, if any. */
    private final Optional<WorkflowPin> workflow;
    /** The option tables of the release the checks judge by. */
    private ConfigFacts.CibwTables tables;

    private PyprojectChecks(Toml.Document doc, CheckSettings settings, Optional<WorkflowPin> workflow) {
        this.doc = doc;
        this.settings = settings;
        this.workflow = workflow;
        this.tables = facts.cibwTables;
    }

    static List<Finding> check(String text, CheckSettings settings) {
        return check(TomlReader.read(text), settings);
    }

    /** The checks of a document already read (the editor reads each version once). */
    static List<Finding> check(Toml.Document doc, CheckSettings settings) {
        return check(doc, settings, Optional.empty());
    }

    /** The checks of a document whose project's GitHub workflow may pin a cibuildwheel release. */
    static List<Finding> check(Toml.Document doc, CheckSettings settings, Optional<WorkflowPin> workflow) {
        PyprojectChecks c = new PyprojectChecks(doc, settings, workflow);
        c.run();
        List<String> comments = doc.comments().stream().map(Toml.Comment::text).toList();
        return c.found.result(Found.ignoredCodes(comments));
    }

    private void run() {
        for (Toml.SyntaxError e : doc.errors()) {
            found.add(Code.WH100, Severity.ERROR, e.range(), "TOML: " + e.message(),
                    "The file is not valid TOML 1.0; the tools that read it (pip, build, cibuildwheel, uv) stop here.");
        }
        for (Toml.Entry e : doc.entries()) {
            if (e.path().equals(List.of("tool", "wheelsh", "cibuildwheel")) && e.value() instanceof Toml.Str s
                    && TextShapes.DOTTED_RELEASE.matcher(s.value()).matches()) {
                pinned = s.value();
            }
        }
        if (pinned == null && workflow.isPresent()) {
            pinned = workflow.get().release();
        }
        if (pinned != null) {
            tables = facts.cibwTablesFor(pinned);
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
        if (rel.size() == 2 && tables.platformTables().containsKey(rel.get(0))) {
            platform = rel.get(0);
        } else if (rel.size() == 2 && rel.get(0).equals("overrides")) {
            inOverride = true;
        } else if (rel.size() != 1) {
            return; // deeper tables (environment, config-settings) hold free-form keys
        }
        SourceRange keyRange = e.keyRanges().get(e.keyRanges().size() - 1);
        if (e.value() instanceof Toml.Table && rel.size() == 1 && tables.platformTables().containsKey(key)) {
            return;
        }
        if (inOverride && (key.equals("select") || key.equals("inherit"))) {
            if (key.equals("select")) {
                strings(e.value()).forEach(s -> selector(s, false));
            }
            return;
        }
        String v = release();
        if (TextShapes.IMAGE_OPTION.matcher(key).matches() && !tables.topOptions().contains(key)) {
            String family = key.startsWith("manylinux") ? "manylinux" : "musllinux";
            Optional<String> since = laterRelease(key);
            Optional<String> near = since.isPresent() ? Optional.empty()
                    : Found.nearest(key, tables.topOptions().stream().filter(o -> TextShapes.IMAGE_OPTION.matcher(o).matches()).toList());
            String msg = since.map(r -> "cibuildwheel " + v + " has no option '" + key + "' (" + r + " added it); pin such a release or drop it")
                    .orElse("'" + key + "' is not a cibuildwheel image option" + near.map(n -> "; did you mean '" + n + "'?").orElse(""));
            String expl = "cibuildwheel " + v + " has " + family + " images for " + tables.topOptions().stream()
                    .filter(o -> o.startsWith(family + "-") && o.endsWith("-image"))
                    .map(o -> o.substring(family.length() + 1, o.length() - "-image".length())).toList() + ".";
            if (near.isPresent()) {
                found.add(Code.WH113, Severity.ERROR, keyRange, msg, expl, "Rename to " + near.get(), near.get());
            } else {
                found.add(Code.WH113, Severity.ERROR, keyRange, msg, expl);
            }
            return;
        }
        if (!tables.topOptions().contains(key) || platform != null && tables.platformTables().containsKey(key)) {
            Optional<String> since = platform == null ? laterRelease(key) : Optional.empty();
            Optional<String> near = since.isPresent() ? Optional.empty() : Found.nearest(key, tables.topOptions());
            String msg = since.map(r -> "cibuildwheel " + v + " has no option '" + key + "' (" + r + " added it); pin such a release or drop it")
                    .orElse("'" + key + "' is not a cibuildwheel option" + near.map(n -> "; did you mean '" + n + "'?").orElse(""));
            String expl = "cibuildwheel " + v + " stops with \"Option '" + key + "' not supported in a config file\".";
            if (near.isPresent()) {
                found.add(Code.WH116, Severity.ERROR, keyRange, msg, expl, "Rename to " + near.get(), near.get());
            } else {
                found.add(Code.WH116, Severity.ERROR, keyRange, msg, expl);
            }
            return;
        }
        if (inOverride && tables.overrideOptions().isPresent() && !tables.overrideOptions().get().contains(key)) {
            found.add(Code.WH111, Severity.ERROR, keyRange,
                    "'" + key + "' has no effect in an override: cibuildwheel reads it once for the whole run, before it matches overrides",
                    "cibuildwheel " + v + " chooses the builds (build, skip, enable, archs) and test-skip before it looks at "
                            + "[[tool.cibuildwheel.overrides]]; set it in [tool.cibuildwheel] or [tool.cibuildwheel.<platform>] "
                            + "with patterns such as *-manylinux_* or *-win_amd64.");
            return;
        }
        if (platform != null && !tables.platformTables().get(platform).contains(key)) {
            found.add(Code.WH111, Severity.ERROR, keyRange,
                    "'" + key + "' is not allowed in [tool.cibuildwheel." + platform + "]",
                    "cibuildwheel " + v + " stops with \"'" + key + "' is not allowed\" when it builds for " + platform
                            + (key.endsWith("-image") ? "; container images are Linux options" : "") + ".");
            return;
        }
        if (!typeFits(e, key)) {
            return;
        }
        switch (key) {
            case "build" -> strings(e.value()).forEach(s -> selector(s, true));
            case "skip" -> strings(e.value()).forEach(s -> selector(s, false));
            case "test-skip" -> strings(e.value()).forEach(this::testSelector);
            case "archs" -> {
                for (Toml.Str s : strings(e.value())) {
                    archs(s, platform);
                }
            }
            case "enable" -> strings(e.value()).forEach(this::enable);
            default -> {
                if (TextShapes.IMAGE_OPTION.matcher(key).matches()) {
                    image(e, key);
                }
            }
        }
    }

    /** Whether the value has a type cibuildwheel's schema allows for the option; reports WH117 when not. */
    private boolean typeFits(Toml.Entry e, String key) {
        List<String> types = facts.cibwTypes.getOrDefault(key, List.of());
        Toml.Node n = e.value();
        if (types.isEmpty() || key.equals("overrides") || n instanceof Toml.Scalar sc && sc.kind() == Toml.Scalar.Kind.INVALID) {
            return true;
        }
        // cibuildwheel turns every value into text before it reads it: "1" is a fine build-verbosity
        boolean ok = n instanceof Toml.Str && (types.contains("string") || types.contains("integer"))
                || n instanceof Toml.Arr a && types.contains("array") && a.items().stream().allMatch(i -> i instanceof Toml.Str)
                || n instanceof Toml.Table && types.contains("object")
                || n instanceof Toml.Scalar sc && (sc.kind() == Toml.Scalar.Kind.INTEGER && types.contains("integer")
                        || sc.kind() == Toml.Scalar.Kind.BOOLEAN && types.contains("boolean"));
        if (!ok) {
            List<String> words = types.stream().map(t -> switch (t) {
                case "array" -> "a list of strings";
                case "object" -> "a table";
                case "integer" -> "an integer";
                case "boolean" -> "true or false";
                default -> "a string";
            }).toList();
            boolean scalar = n instanceof Toml.Scalar;
            found.add(Code.WH117, Severity.ERROR, n.range(), "'" + key + "' takes " + String.join(" or ", words),
                    "cibuildwheel " + facts.cibwVersion + "'s schema allows " + String.join(", ", types) + " for " + key
                            + (scalar ? "; cibuildwheel itself would read " + text(n.range()) + " as the text '" + text(n.range()) + "'."
                                    : "; cibuildwheel stops with \"Error converting ... to a string\"."));
        }
        return ok;
    }

    private String text(SourceRange r) {
        if (r.startLine() != r.endLine() || r.startLine() >= doc.lines().size()) {
            return "the value";
        }
        String line = doc.lines().get(r.startLine());
        return line.substring(Math.min(r.startColumn(), line.length()), Math.min(r.endColumn(), line.length()));
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
            String pattern = TextShapes.UNIVERSAL2_HALF.matcher(p.pattern()).replaceFirst("");
            for (Issue i : Selectors.check(pattern)) {
                found.add(i.shift(p.offset()), s::sub);
            }
        }
    }

    /**
     * A build, skip or select pattern. Patterns that match only identifiers older releases built
     * are harmless in skip and select; in build they select nothing, so they are worth a warning.
     */
    private void selector(Toml.Str s, boolean build) {
        for (Selectors.Part p : Selectors.split(s.value())) {
            List<Issue> issues = Selectors.check(p.pattern());
            for (Issue i : issues) {
                found.add(i.shift(p.offset()), s::sub);
            }
            if (build && issues.isEmpty() && p.pattern().length() <= 200) {
                List<String> hits = Selectors.matches(p.pattern());
                List<ConfigFacts.Span> spans = hits.stream().map(id -> facts.cibwIdentifierHistory.get(id)).filter(x -> x != null).toList();
                boolean builds = pinned == null ? Selectors.matchesCurrent(p.pattern()) : spans.stream().anyMatch(x -> had(x, pinned));
                if (!builds && !spans.isEmpty()) {
                    String last = spans.stream().map(ConfigFacts.Span::last).max(PyprojectChecks::compareReleases).orElse("?");
                    String first = spans.stream().map(ConfigFacts.Span::first).min(PyprojectChecks::compareReleases).orElse("?");
                    found.add(Issue.of(Code.WH110, Severity.WARNING, p.offset(), p.offset() + p.pattern().length(),
                            "'" + p.pattern() + "' selects nothing cibuildwheel " + release() + " builds (cibuildwheel " + first + " to "
                                    + last + " built what it matches)",
                            "Build identifiers depend on the cibuildwheel release; [tool.wheelsh] cibuildwheel names the one the project "
                                    + "pins (the default is " + facts.cibwVersion + ")."), s::sub);
                }
            }
        }
    }

    /** The release that added an option the pinned release lacks: the first x.y the facts have with it. */
    private Optional<String> laterRelease(String option) {
        if (pinned == null || tables == facts.cibwTables) {
            return Optional.empty();
        }
        return facts.firstReleaseWith(option);
    }

    /** Allowed arch names for a platform table, or for any platform at the top. */
    List<String> allowedArchs(String platform) {
        if (platform == null) {
            List<String> all = new ArrayList<>(facts.cibwArchWords);
            tables.archs().values().forEach(v -> v.stream().filter(x -> !all.contains(x)).forEach(all::add));
            return all;
        }
        List<String> out = new ArrayList<>(facts.cibwArchWords);
        out.addAll(tables.archs().getOrDefault(platform, List.of()));
        return out;
    }

    private void archs(Toml.Str s, String platform) {
        List<String> allowed = allowedArchs(platform);
        Matcher m = TextShapes.ARCH_WORD.matcher(s.value());
        while (m.find()) {
            String a = m.group();
            // cibuildwheel 4.1.1 and newer compare architecture names without regard to case (amd64, Universal2)
            if (allowed.contains(a) || tables.archCaseInsensitive() && allowed.stream().anyMatch(a::equalsIgnoreCase)) {
                continue;
            }
            String where = platform == null ? "any platform" : platform;
            String fix = archFix(a, platform, allowed);
            String msg = "'" + a + "' is not an architecture cibuildwheel builds for on " + where
                    + (fix != null ? "; write " + fix : "");
            String expl = "cibuildwheel " + release() + "'s architectures: linux " + tables.archs().get("linux") + ", macos "
                    + tables.archs().get("macos") + ", windows " + tables.archs().get("windows") + ", and "
                    + String.join(", ", facts.cibwArchWords) + "."
                    + (a.startsWith("loong") ? " cibuildwheel has no loongarch64 builds." : "");
            Issue i = Issue.of(Code.WH112, Severity.ERROR, m.start(), m.end(), msg, expl);
            found.add(fix != null ? i.withFix(fix, "Replace " + a + " with " + fix) : i, s::sub);
        }
    }

    /** The platform's own spelling of a misspelled arch: amd64 -> x86_64 on Linux, x86_64 -> AMD64 on Windows. */
    private String archFix(String a, String platform, List<String> allowed) {
        String alias = facts.archAliases.get(a.toLowerCase(Locale.ROOT));
        String linux = alias != null ? alias : tables.archs().get("linux").contains(a.toLowerCase(Locale.ROOT)) ? a.toLowerCase(Locale.ROOT) : null;
        if ("windows".equals(platform) && linux != null) {
            Optional<String> win = Architectures.spellingOf(Os.WINDOWS, linux).or(() -> Optional.of(linux))
                    .flatMap(w -> allowed.stream().filter(w::equalsIgnoreCase).findFirst());
            if (win.isPresent()) {
                return win.get();
            }
        }
        if ("macos".equals(platform) && linux != null) {
            Optional<String> mac = Architectures.spellingOf(Os.MACOS, linux).or(() -> Optional.of(linux))
                    .flatMap(w -> allowed.stream().filter(w::equalsIgnoreCase).findFirst());
            if (mac.isPresent()) {
                return mac.get();
            }
        }
        if (linux != null && allowed.contains(linux)) {
            return linux;
        }
        return allowed.stream().filter(x -> x.equalsIgnoreCase(a)).findFirst().or(() -> Found.nearest(a, allowed)).orElse(null);
    }

    private void enable(Toml.Str s) {
        List<String> groups = new ArrayList<>(facts.cibwEnableGroups);
        groups.add("all");
        for (Selectors.Part p : Selectors.split(s.value())) {
            String g = p.pattern();
            ConfigFacts.Span span = facts.cibwEnableHistory.get(g);
            if (g.equals("all") || (pinned == null ? groups.contains(g) : span != null && had(span, pinned))) {
                continue;
            }
            Optional<String> near = span != null ? Optional.empty() : Found.nearest(g, groups);
            String msg = span != null
                    ? "cibuildwheel " + release() + " has no enable group '" + g + "' (" + span.first() + " to " + span.last()
                            + " had it); pin such a release or drop it"
                    : "'" + g + "' is not a cibuildwheel enable group";
            Issue i = Issue.of(Code.WH115, Severity.ERROR, p.offset(), p.offset() + g.length(), msg,
                    "cibuildwheel stops with \"Unknown enable group\"; the groups of " + release() + ": "
                            + String.join(", ", pinned == null ? groups : groupsOf(pinned)) + ".");
            found.add(near.map(n -> i.withFix(n, "Replace with " + n)).orElse(i), s::sub);
        }
    }

    private void image(Toml.Entry e, String key) {
        if (!(e.value() instanceof Toml.Str s)) {
            return;
        }
        String family = key.startsWith("manylinux") ? "manylinux" : "musllinux";
        String arch = ConfigFacts.imageArch(key).orElse("");
        String v = s.value();
        if (v.isEmpty() || v.contains("/") || v.contains(":") || v.contains("@")) {
            return; // the default, or a full image reference
        }
        List<String> images = facts.cibwImagesPerArch.getOrDefault(arch, List.of()).stream().filter(n -> n.startsWith(family)).toList();
        ConfigFacts.Span span = facts.cibwImageHistory.get(v);
        if (pinned == null ? images.contains(v) : span != null && had(span, pinned)) {
            return;
        }
        List<String> archsWithIt = facts.cibwImagesPerArch.entrySet().stream().filter(x -> x.getValue().contains(v)).map(Map.Entry::getKey).toList();
        String why = !archsWithIt.isEmpty()
                ? "cibuildwheel " + facts.cibwVersion + " pins " + v + " only for " + String.join(", ", archsWithIt)
                : span != null ? "cibuildwheel " + release() + " ships no " + v + " image (" + span.first() + " to " + span.last() + " did)"
                : "'" + v + "' is not a " + family + " image name cibuildwheel knows";
        Optional<String> near = span == null && archsWithIt.isEmpty() ? Found.nearest(v, images) : Optional.empty();
        Issue i = Issue.of(Code.WH114, Severity.ERROR, 0, v.length(), why + "; " + facts.cibwVersion + " pins for " + arch + ": " + String.join(", ", images),
                "cibuildwheel pulls an unknown short name as an image of that name, which does not exist; give one of the pinned "
                        + "names or a full image reference (quay.io/pypa/manylinux_2_28_x86_64:latest).");
        found.add(near.map(n -> i.withFix(n, "Replace with " + n)).orElse(i), s::sub);
    }

    /** The enable groups a pinned release has, from the groups' history, and "all". */
    private List<String> groupsOf(String release) {
        List<String> out = new ArrayList<>(facts.cibwEnableHistory.entrySet().stream().filter(g -> had(g.getValue(), release))
                .map(Map.Entry::getKey).toList());
        out.add("all");
        return out;
    }

    /** The cibuildwheel release the checks judge by: the pinned one (with where it is pinned), else the facts' own. */
    private String release() {
        if (pinned == null) {
            return facts.cibwVersion;
        }
        return workflow.isPresent() && workflow.get().release().equals(pinned) && !pinnedInTable()
                ? pinned + " (pinned in " + workflow.get().file() + ")" : pinned;
    }

    private boolean pinnedInTable() {
        return doc.entries().stream().anyMatch(e -> e.path().equals(List.of("tool", "wheelsh", "cibuildwheel")));
    }

    /** Whether a release falls in a span of x.y.0 releases: its x.y from the first's to the last's. */
    private static boolean had(ConfigFacts.Span span, String release) {
        return compareMinor(span.first(), release) <= 0 && compareMinor(release, span.last()) <= 0;
    }

    private static int compareMinor(String a, String b) {
        int[] x = parts(a);
        int[] y = parts(b);
        return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
    }

    static int compareReleases(String a, String b) {
        int[] x = parts(a);
        int[] y = parts(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return 0;
    }

    private static int[] parts(String release) {
        int[] out = new int[3];
        String[] p = release.split("\\.");
        for (int i = 0; i < Math.min(3, p.length); i++) {
            out[i] = TextShapes.RELEASE_PART.matcher(p[i]).matches() ? Integer.parseInt(p[i]) : 0;
        }
        return out;
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
        MarkerValues.check(r).forEach(i -> found.add(i, s::sub));
    }

    /** uv's python-platform: one of the names or aliases of uv's TargetTriple (uv-facts.json). */
    private void pythonPlatform(Toml.Str s) {
        String v = s.value();
        if (facts.uvPythonPlatformPatterns.contains(v)) {
            return;
        }
        String fixed = null;
        for (var alias : facts.archAliases.entrySet()) {
            if (v.startsWith(alias.getKey() + "-")) {
                String candidate = alias.getValue() + v.substring(alias.getKey().length());
                if (facts.uvPythonPlatformPatterns.contains(candidate)) {
                    fixed = candidate;
                }
            }
        }
        Optional<String> near = Optional.ofNullable(fixed).or(() -> Found.nearest(v, facts.uvPythonPlatformPatterns));
        Issue i = Issue.of(Code.WH123, Severity.ERROR, 0, v.length(),
                "'" + v + "' is not a uv python-platform" + near.map(n -> "; did you mean '" + n + "'?").orElse(""),
                "uv " + facts.uvSource.tag() + " accepts " + facts.uvPythonPlatforms.size() + " target triples and their aliases: "
                        + "linux, windows, macos, x86_64-manylinux_2_28 (or manylinux_2_28_x86_64), aarch64-unknown-linux-musl, "
                        + "aarch64-apple-darwin, arm64-apple-ios, wasm32-pyodide2025, ...");
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
