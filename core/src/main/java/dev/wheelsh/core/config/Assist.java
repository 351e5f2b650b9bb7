package dev.wheelsh.core.config;

import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.words.BaselineWords;
import dev.wheelsh.core.document.IniReader;
import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.document.Lines;
import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.document.TomlReader;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.words.Glossary;
import dev.wheelsh.core.words.Glossary.Topic;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.words.TagWords;
import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.core.machine.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hovers and completions for the three file kinds; the words come from Glossary and TagWords. */
final class Assist {

    private static final ConfigFacts F = ConfigFacts.INSTANCE;
    private static final List<String> SELECTOR_KEYS = List.of("build", "skip", "test-skip", "select");

    private Assist() {
    }

    // ================= hover

    static Optional<HoverText> hover(ConfigFileKind kind, String text, int line, int col) {
        return switch (kind) {
            case PYPROJECT -> tomlHover(TomlReader.read(text), line, col);
            case PIP_CONF -> iniHover(IniReader.read(text), line, col);
            case BASELINE_JSON -> JsonReader.read(text).root().flatMap(r -> jsonHover(r, line, col, List.of()));
        };
    }

    static boolean contains(SourceRange r, int line, int col) {
        if (line < r.startLine() || line > r.endLine()) {
            return false;
        }
        if (line == r.startLine() && col < r.startColumn()) {
            return false;
        }
        return !(line == r.endLine() && col > r.endColumn());
    }

    private static String tomlTopic(List<String> path) {
        String key = path.get(path.size() - 1);
        if (path.size() >= 3 && path.subList(0, 2).equals(PyprojectChecks.CIBW)) {
            if (key.matches("(manylinux|musllinux)-.+-image")) {
                return Glossary.lookup(Topic.CIBW, "image").orElse("");
            }
            return Glossary.lookup(Topic.CIBW, key).orElse("");
        }
        if (path.size() >= 3 && path.subList(0, 2).equals(PyprojectChecks.UV)) {
            return Glossary.lookup(Topic.UV, key).orElse("");
        }
        if (path.size() == 3 && path.subList(0, 2).equals(PyprojectChecks.WHEELSH)) {
            return Glossary.lookup(Topic.WHEELSH, key).orElse("");
        }
        if (path.equals(List.of("project", "requires-python"))) {
            return Glossary.lookup(Topic.PROJECT, "requires-python").orElse("");
        }
        return "";
    }

    private static Optional<HoverText> tomlHover(Toml.Document doc, int line, int col) {
        for (Toml.Entry e : doc.entries()) {
            for (SourceRange kr : e.keyRanges()) {
                if (contains(kr, line, col)) {
                    String words = tomlTopic(e.path());
                    return words.isEmpty() ? Optional.empty()
                            : Optional.of(new HoverText(kr, "**" + String.join(".", e.path()) + "**\n\n" + words));
                }
            }
        }
        for (Toml.Entry e : doc.entries()) {
            for (Toml.Str s : PyprojectChecks.strings(e.value())) {
                if (contains(s.range(), line, col)) {
                    int idx = s.indexAt(line, col);
                    if (idx < 0) {
                        continue;
                    }
                    return valueHover(e.path(), s.value(), idx).map(w -> new HoverText(s.sub(w.from, w.to), w.text));
                }
            }
        }
        return Optional.empty();
    }

    private record Words(int from, int to, String text) {
    }

    private static int[] wordAt(String v, int idx, String separators) {
        int a = Math.min(idx, v.length());
        int b = a;
        while (a > 0 && separators.indexOf(v.charAt(a - 1)) < 0) {
            a--;
        }
        while (b < v.length() && separators.indexOf(v.charAt(b)) < 0) {
            b++;
        }
        return new int[] {a, b};
    }

    private static Optional<Words> valueHover(List<String> path, String v, int idx) {
        String key = path.get(path.size() - 1);
        boolean cibw = path.size() >= 3 && path.subList(0, 2).equals(PyprojectChecks.CIBW);
        if (cibw && SELECTOR_KEYS.contains(key)) {
            int[] w = wordAt(v, idx, " \t\n");
            if (w[0] == w[1]) {
                return Optional.empty();
            }
            return Optional.of(new Words(w[0], w[1], selectorWords(v.substring(w[0], w[1]))));
        }
        if (cibw && key.equals("archs")) {
            int[] w = wordAt(v, idx, " \t\n,");
            String a = v.substring(w[0], w[1]);
            return Glossary.lookup(Topic.ARCH, a).map(t -> new Words(w[0], w[1], "**" + a + "**: " + t));
        }
        if (cibw && key.equals("enable")) {
            int[] w = wordAt(v, idx, " \t\n");
            return Glossary.lookup(Topic.CIBW, "enable").map(t -> new Words(w[0], w[1], "**" + v.substring(w[0], w[1]) + "**: " + t));
        }
        if (cibw && key.matches("(manylinux|musllinux)-.+-image")) {
            return Glossary.lookup(Topic.CIBW, "image").map(t -> new Words(0, v.length(), "**" + v + "**: " + t));
        }
        if (key.equals("environments") || key.equals("required-environments")) {
            for (Markers.Atom a : Markers.parse(v).atoms()) {
                if (idx >= a.from() && idx <= a.to()) {
                    Optional<String> t = a.variable() ? Glossary.lookup(Topic.MARKER, a.text())
                            : a.comparedWith().equals("platform_machine") ? Glossary.lookup(Topic.ARCH, a.text())
                            : Glossary.lookup(Topic.MARKER, a.comparedWith()).map(x -> "a value of " + a.comparedWith() + ": " + x);
                    return t.map(x -> new Words(a.from(), a.to(), "**" + a.text() + "**: " + x));
                }
            }
            return Optional.empty();
        }
        if (key.equals("python-platform")) {
            return Glossary.lookup(Topic.UV, "python-platform").map(t -> new Words(0, v.length(), "**" + v + "**: " + t));
        }
        if (key.equals("targets") && path.size() == 3 && path.subList(0, 2).equals(PyprojectChecks.WHEELSH)) {
            try {
                return Optional.of(new Words(0, v.length(), "**" + v + "**: " + TargetSpec.parse(v).describe()));
            } catch (InputException e) {
                return Optional.of(new Words(0, v.length(), e.getMessage()));
            }
        }
        if (key.equals("requires-python")) {
            return Glossary.lookup(Topic.PROJECT, "requires-python").map(t -> new Words(0, v.length(), t));
        }
        return Optional.empty();
    }

    /** A selector pattern in words: what its parts mean and which identifiers it matches. */
    static String selectorWords(String pattern) {
        List<String> ids = pattern.chars().filter(ch -> ch == '*').count() > 8 ? List.of() : Selectors.identifiers();
        List<Pattern> res = Selectors.compile(pattern);
        List<String> hits = new ArrayList<>();
        for (String id : ids) {
            if (res.stream().anyMatch(p -> p.matcher(id).matches())) {
                hits.add(id);
            }
        }
        StringBuilder sb = new StringBuilder("**" + pattern + "**: a cibuildwheel build selector");
        int dash = pattern.indexOf('-');
        if (dash > 0 && pattern.substring(0, dash).matches("[a-z]+\\d+t?")) {
            String py = pattern.substring(0, dash);
            sb.append("; ").append(py).append(" is ").append(TagWords.interpreter(py.replace("t", "")))
                    .append(py.endsWith("t") ? " (free-threaded)" : "");
        }
        String plat = dash > 0 ? pattern.substring(dash + 1) : "";
        if (plat.matches("[a-z0-9_]+")) {
            sb.append("; ").append(plat).append(": ").append(cibwPlatformWords(plat));
        }
        sb.append(". It matches ").append(hits.size()).append(" known build identifier").append(hits.size() == 1 ? "" : "s");
        if (!hits.isEmpty()) {
            sb.append(", e.g. ").append(String.join(", ", hits.subList(0, Math.min(5, hits.size()))));
        }
        return sb.append('.').toString();
    }

    private static String cibwPlatformWords(String plat) {
        if (plat.startsWith("manylinux_")) {
            return "Linux with glibc on " + plat.substring(10) + " (the manylinux image decides the glibc baseline)";
        }
        if (plat.startsWith("musllinux_")) {
            return "Linux with musl on " + plat.substring(10);
        }
        if (plat.startsWith("macosx_")) {
            return "macOS, " + Glossary.lookup(Topic.ARCH, plat.substring(7)).orElse(plat.substring(7));
        }
        if (plat.startsWith("ios_")) {
            return Glossary.lookup(Topic.ARCH, plat.substring(4)).orElse("iOS");
        }
        if (plat.startsWith("android_")) {
            return "Android, " + Glossary.lookup(Topic.ARCH, plat.substring(8)).orElse(plat.substring(8));
        }
        if (plat.equals("pyodide_wasm32")) {
            return "WebAssembly for Pyodide";
        }
        return TagWords.platform(plat) + BaselineWords.forPlatformTag(plat,
                BuiltinPolicies.all()).map(b -> "; " + b).orElse("");
    }

    private static Optional<HoverText> iniHover(IniReader.Document doc, int line, int col) {
        for (IniReader.Section s : doc.sections()) {
            if (contains(s.headerRange(), line, col)) {
                String w = s.name().equals("global") ? "options for every pip command"
                        : F.pipSections.contains(s.name()) ? "options for `pip " + s.name() + "` (they override [global])"
                        : "not a section pip reads";
                return Optional.of(new HoverText(s.headerRange(), "**[" + s.name() + "]**: " + w));
            }
        }
        for (IniReader.Option o : doc.options()) {
            String name = PipConfChecks.pipName(o.name());
            if (contains(o.nameRange(), line, col)) {
                String w = Glossary.lookup(Topic.PIP, name).orElse(F.pipOptions.contains(name)
                        ? "pip's --" + name + " option" : "not a pip option: pip ignores it");
                return Optional.of(new HoverText(o.nameRange(), "**" + name + "** (`--" + name + "`): " + w));
            }
            for (IniReader.ValueLine vl : o.valueLines()) {
                if (contains(vl.range(), line, col)) {
                    int idx = col - vl.range().startColumn();
                    int[] w = wordAt(vl.text(), idx, " \t,");
                    String word = vl.text().substring(w[0], w[1]);
                    if (word.isEmpty()) {
                        return Optional.empty();
                    }
                    String words = switch (name) {
                        case "platform" -> TagWords.platform(word) + BaselineWords.forPlatformTag(word,
                                BuiltinPolicies.all()).map(b -> "; " + b).orElse("");
                        case "abi" -> TagWords.abi(word);
                        case "implementation" -> TagWords.interpreter(word + "3");
                        case "python-version" -> "wheels for Python " + word;
                        default -> Glossary.lookup(Topic.PIP, name).orElse("");
                    };
                    if (words.isEmpty()) {
                        return Optional.empty();
                    }
                    SourceRange r = SourceRange.onLine(vl.range().startLine(), vl.range().startColumn() + w[0], vl.range().startColumn() + w[1]);
                    return Optional.of(new HoverText(r, "**" + word + "**: " + words));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<HoverText> jsonHover(JsonReader.Node node, int line, int col, List<String> path) {
        if (node instanceof JsonReader.Obj o) {
            for (JsonReader.Member m : o.members()) {
                List<String> p = new ArrayList<>(path);
                p.add(m.name());
                if (contains(m.nameRange(), line, col)) {
                    return jsonWords(p, m.name(), true).map(w -> new HoverText(m.nameRange(), w));
                }
                if (contains(m.value().range(), line, col)) {
                    return jsonHover(m.value(), line, col, p);
                }
            }
        } else if (node instanceof JsonReader.Arr a) {
            for (JsonReader.Node i : a.items()) {
                if (contains(i.range(), line, col)) {
                    List<String> p = new ArrayList<>(path);
                    p.add("[]");
                    return jsonHover(i, line, col, p);
                }
            }
        } else if (node instanceof JsonReader.Str s) {
            return jsonWords(path, s.value(), false).map(w -> new HoverText(s.range(), w));
        }
        return Optional.empty();
    }

    private static Optional<String> jsonWords(List<String> path, String word, boolean isKey) {
        int sv = path.indexOf("symbol_versions");
        if (sv >= 0) {
            int depth = path.size() - sv - 1;
            if (isKey && depth == 1) {
                return Glossary.lookup(Topic.ARCH, word).map(t -> "**" + word + "**: " + t);
            }
            if (isKey && depth == 2) {
                return Optional.of("**" + word + "**: " + Glossary.lookup(Topic.SYMBOL, word).orElse(word + " symbol versions"));
            }
            if (!isKey && depth >= 3) {
                return Optional.of(Glossary.symbolVersion(path.get(sv + 2), word));
            }
        }
        String last = path.isEmpty() ? "" : path.get(path.size() - 1);
        if (isKey) {
            return Glossary.lookup(Topic.POLICY, word).map(t -> "**" + word + "**: " + t);
        }
        if (last.equals("name") || path.contains("aliases")) {
            Matcher m = Pattern.compile("(manylinux|musllinux)_(\\d+)_(\\d+)").matcher(word);
            if (m.matches()) {
                return Optional.of("**" + word + "**: the " + m.group(1) + " baseline for "
                        + (m.group(1).equals("manylinux") ? "glibc " : "musl ") + m.group(2) + "." + m.group(3)
                        + "; e.g. " + word + "_x86_64 means " + TagWords.platform(word + "_x86_64"));
            }
            if (word.matches("manylinux(1|2010|2014)")) {
                return Optional.of("**" + word + "**: " + TagWords.platform(word + "_x86_64"));
            }
        }
        if (path.contains("lib_whitelist")) {
            return Optional.of("**" + word + "**: a system library wheels may link against without bundling it");
        }
        return Optional.empty();
    }

    // ================= completion

    static List<Completion> complete(ConfigFileKind kind, String text, int line, int col) {
        List<String> lines = Lines.split(text);
        if (line < 0 || line >= lines.size()) {
            return List.of();
        }
        String l = lines.get(line);
        int c = Math.max(0, Math.min(col, l.length()));
        String before = l.substring(0, c);
        return switch (kind) {
            case PYPROJECT -> tomlComplete(text, lines, line, c, before);
            case PIP_CONF -> iniComplete(lines, line, c, before);
            case BASELINE_JSON -> jsonComplete(text, lines, line, c, before);
        };
    }

    private static int wordStart(String before, String wordChars) {
        int s = before.length();
        while (s > 0 && (Character.isLetterOrDigit(before.charAt(s - 1)) || wordChars.indexOf(before.charAt(s - 1)) >= 0)) {
            s--;
        }
        return s;
    }

    private static List<Completion> items(Iterable<String> labels, Completion.Kind kind, String detail, int line, int from, int to,
                                          String prefix, Topic topic) {
        List<Completion> out = new ArrayList<>();
        for (String label : labels) {
            if (!label.toLowerCase().startsWith(prefix.toLowerCase())) {
                continue;
            }
            String doc = topic == null ? "" : Glossary.lookup(topic, label).orElse("");
            out.add(new Completion(label, kind, detail, doc, new Edit(SourceRange.onLine(line, from, to), label)));
        }
        return out;
    }

    private static List<Completion> tomlComplete(String text, List<String> lines, int line, int c, String before) {
        Toml.Document doc = TomlReader.read(text);
        // inside a value of a known entry?
        for (Toml.Entry e : doc.entries()) {
            for (Toml.Str s : PyprojectChecks.strings(e.value())) {
                if (contains(s.range(), line, c) && !(line == s.range().startLine() && c == s.range().startColumn())) {
                    return tomlValueComplete(e.path(), before, line, c);
                }
            }
        }
        String trimmed = before.strip();
        if (trimmed.startsWith("[")) {
            int from = wordStart(before, "_-.");
            List<String> tables = List.of("tool.cibuildwheel", "tool.cibuildwheel.linux", "tool.cibuildwheel.macos", "tool.cibuildwheel.windows",
                    "tool.cibuildwheel.ios", "tool.cibuildwheel.android", "tool.cibuildwheel.pyodide", "tool.cibuildwheel.overrides",
                    "tool.uv", "tool.uv.pip", "tool.wheelsh", "project");
            return items(tables, Completion.Kind.SECTION, "table", line, from, c, before.substring(from), null);
        }
        int eq = before.indexOf('=');
        if (eq >= 0) {
            String key = before.substring(0, eq).strip();
            int dot = key.lastIndexOf('.');
            List<String> path = new ArrayList<>(currentTable(doc, line));
            if (dot >= 0) {
                path.addAll(List.of(key.split("\\.")));
            } else {
                path.add(key);
            }
            return tomlValueComplete(path, before, line, c);
        }
        List<String> table = currentTable(doc, line);
        int from = wordStart(before, "_-");
        String prefix = before.substring(from);
        if (table.equals(PyprojectChecks.CIBW)) {
            List<String> keys = new ArrayList<>(F.cibwOptions);
            keys.addAll(F.imageKeys());
            return items(keys, Completion.Kind.KEY, "cibuildwheel option", line, from, c, prefix, Topic.CIBW);
        }
        if (table.size() == 3 && table.subList(0, 2).equals(PyprojectChecks.CIBW)) {
            List<String> keys = new ArrayList<>(F.cibwOptions);
            keys.removeAll(F.cibwGlobalOnly);
            keys.removeAll(F.cibwPlatformTables);
            keys.remove("overrides");
            if (table.get(2).equals("linux") || table.get(2).equals("overrides")) {
                keys.addAll(F.imageKeys());
            }
            if (table.get(2).equals("overrides")) {
                keys.add(0, "select");
                keys.add(1, "inherit");
            }
            return items(keys, Completion.Kind.KEY, "cibuildwheel option", line, from, c, prefix, Topic.CIBW);
        }
        if (table.equals(PyprojectChecks.UV)) {
            return items(List.of("environments", "required-environments"), Completion.Kind.KEY, "uv setting", line, from, c, prefix, Topic.UV);
        }
        if (table.equals(List.of("tool", "uv", "pip"))) {
            return items(List.of("python-platform"), Completion.Kind.KEY, "uv pip setting", line, from, c, prefix, Topic.UV);
        }
        if (table.equals(PyprojectChecks.WHEELSH)) {
            return items(PyprojectChecks.WHEELSH_KEYS, Completion.Kind.KEY, "wheelsh setting", line, from, c, prefix, Topic.WHEELSH);
        }
        if (table.equals(List.of("project"))) {
            return items(List.of("requires-python"), Completion.Kind.KEY, "project metadata", line, from, c, prefix, Topic.PROJECT);
        }
        return List.of();
    }

    private static List<String> currentTable(Toml.Document doc, int line) {
        List<String> table = List.of();
        for (Toml.Header h : doc.headers()) {
            if (h.range().startLine() <= line) {
                table = h.path();
            }
        }
        // a header typed on a line the reader gave up on still counts
        return table;
    }

    private static List<Completion> tomlValueComplete(List<String> path, String before, int line, int c) {
        String key = path.get(path.size() - 1);
        boolean cibw = path.size() >= 3 && path.subList(0, 2).equals(PyprojectChecks.CIBW);
        int from = wordStart(before, "_*?.[]{}-");
        String word = before.substring(from);
        if (cibw && SELECTOR_KEYS.contains(key)) {
            int dash = word.indexOf('-');
            if (dash < 0) {
                List<String> py = new ArrayList<>(List.of("*"));
                py.addAll(F.cibwPythons);
                List<Completion> out = new ArrayList<>();
                for (String p : py) {
                    if (p.startsWith(word)) {
                        out.add(new Completion(p + "-", Completion.Kind.TAG_COMPONENT, "Python tag",
                                p.equals("*") ? "any Python" : TagWords.interpreter(p.replace("t", "").replaceAll("_.*", "")),
                                new Edit(SourceRange.onLine(line, from, c), p + "-")));
                    }
                }
                return out;
            }
            String plat = word.substring(dash + 1);
            List<String> plats = new ArrayList<>(List.of("*", "manylinux_*", "musllinux_*", "macosx_*", "win*"));
            plats.addAll(F.cibwPlatforms);
            return items(plats, Completion.Kind.TAG_COMPONENT, "platform", line, from + dash + 1, c, plat, null);
        }
        from = wordStart(before, "_");
        word = before.substring(from);
        if (cibw && key.equals("archs")) {
            String platform = path.size() == 4 ? path.get(2) : null;
            List<String> allowed = new PyprojectChecksArchs().allowed(platform);
            return items(allowed, Completion.Kind.ARCH, "architecture", line, from, c, word, Topic.ARCH);
        }
        if (cibw && key.equals("enable")) {
            return items(F.cibwEnableGroups, Completion.Kind.VALUE, "enable group", line, wordStart(before, "_-"), c,
                    before.substring(wordStart(before, "_-")), null);
        }
        if (cibw && key.matches("(manylinux|musllinux)-.+-image")) {
            return items(F.cibwImages.get(key.startsWith("many") ? "manylinux" : "musllinux"), Completion.Kind.VALUE, "image", line, from, c, word, null);
        }
        if (key.equals("environments") || key.equals("required-environments")) {
            if (before.matches(".*platform_machine\\s*(==|!=|in|not in)\\s*['\"][A-Za-z0-9_]*$")) {
                return items(F.platformMachines, Completion.Kind.ARCH, "platform_machine", line, from, c, word, Topic.ARCH);
            }
            if (before.matches(".*sys_platform\\s*(==|!=)\\s*['\"][A-Za-z0-9_]*$")) {
                return items(F.sysPlatforms, Completion.Kind.VALUE, "sys_platform", line, from, c, word, null);
            }
            return items(F.markerVariables, Completion.Kind.KEY, "marker variable", line, from, c, word, Topic.MARKER);
        }
        if (key.equals("python-platform")) {
            int f = wordStart(before, "_-");
            return items(F.uvPythonPlatformPatterns.stream().filter(p -> p.matches("[a-z0-9_\\-]+")).toList(),
                    Completion.Kind.VALUE, "uv python-platform", line, f, c, before.substring(f), null);
        }
        return List.of();
    }

    /** Access to the per-platform arch lists without a document. */
    private static final class PyprojectChecksArchs {
        List<String> allowed(String platform) {
            if (platform == null || !F.cibwArchs.containsKey(platform)) {
                return F.allCibwArchs();
            }
            List<String> out = new ArrayList<>(F.cibwArchWords);
            out.addAll(F.cibwArchs.get(platform));
            return out;
        }
    }

    private static List<Completion> iniComplete(List<String> lines, int line, int c, String before) {
        String trimmed = before.strip();
        if (trimmed.startsWith("[")) {
            int from = wordStart(before, "_-");
            return items(F.pipSections, Completion.Kind.SECTION, "pip section", line, from, c, before.substring(from), null);
        }
        int sep = -1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '=' || before.charAt(i) == ':') {
                sep = i;
                break;
            }
        }
        if (sep < 0 && !before.isEmpty() && Character.isWhitespace(before.charAt(0)) && line > 0) {
            // a continuation line: the option is the one above
            for (int l = line - 1; l >= 0; l--) {
                String prev = lines.get(l);
                if (!prev.isEmpty() && !Character.isWhitespace(prev.charAt(0))) {
                    int s = prev.indexOf('=');
                    if (s > 0) {
                        return iniValueComplete(PipConfChecks.pipName(prev.substring(0, s).strip()), before, line, c);
                    }
                    break;
                }
            }
        }
        if (sep < 0) {
            int from = wordStart(before, "_-");
            return items(F.pipOptions, Completion.Kind.OPTION, "pip option", line, from, c, before.substring(from), Topic.PIP);
        }
        return iniValueComplete(PipConfChecks.pipName(before.substring(0, sep).strip()), before, line, c);
    }

    private static List<Completion> iniValueComplete(String option, String before, int line, int c) {
        int from = wordStart(before, "_:.");
        String word = before.substring(from);
        switch (option) {
            case "platform" -> {
                Matcher m = Pattern.compile("((?:manylinux|musllinux)_\\d+_\\d+_|manylinux(?:1|2010|2014)_|macosx_\\d+_\\d+_|win_)(.*)").matcher(word);
                if (m.matches()) {
                    List<String> archs = word.startsWith("macosx") ? List.of("arm64", "x86_64", "universal2")
                            : word.startsWith("win_") ? List.of("amd64", "arm64")
                            : List.of("x86_64", "aarch64", "i686", "ppc64le", "s390x", "armv7l", "riscv64", "loongarch64");
                    return items(archs, Completion.Kind.ARCH, "architecture", line, from + m.group(1).length(), c, m.group(2), Topic.ARCH);
                }
                List<String> families = List.of("manylinux_2_17_", "manylinux_2_28_", "manylinux_2_34_", "manylinux_2_36_", "manylinux_2_38_",
                        "musllinux_1_2_", "macosx_11_0_", "macosx_14_0_", "win_amd64", "win_arm64", "win32", "any");
                return items(families, Completion.Kind.TAG_COMPONENT, "platform tag", line, from, c, word, null);
            }
            case "implementation" -> {
                return items(F.pipImplementations, Completion.Kind.VALUE, "implementation", line, from, c, word, null);
            }
            case "abi" -> {
                return items(List.of("cp313", "cp313t", "cp314", "cp314t", "cp312", "cp311", "abi3", "none"), Completion.Kind.TAG_COMPONENT,
                        "ABI tag", line, from, c, word, null);
            }
            case "only-binary", "no-binary" -> {
                return items(List.of(":all:", ":none:"), Completion.Kind.VALUE, option, line, from, c, word, null);
            }
            default -> {
                return List.of();
            }
        }
    }

    private static List<Completion> jsonComplete(String text, List<String> lines, int line, int c, String before) {
        int offset = 0;
        for (int i = 0; i < line; i++) {
            offset += lines.get(i).length() + 1;
        }
        offset = Math.min(text.length(), offset + c);
        List<String> context = jsonContext(text, offset);
        int from = wordStart(before, "_.");
        String word = before.substring(from);
        boolean inKey = context.isEmpty() || !context.get(context.size() - 1).startsWith("=");
        String enclosing = context.isEmpty() ? "" : context.get(context.size() - 1);
        if (enclosing.startsWith("=")) {
            String key = enclosing.substring(1);
            if (key.equals("name")) {
                return items(List.of("manylinux_2_17", "manylinux_2_28", "manylinux_2_31", "manylinux_2_34", "manylinux_2_35",
                        "manylinux_2_36", "manylinux_2_38", "manylinux_2_39", "musllinux_1_1", "musllinux_1_2", "linux"),
                        Completion.Kind.POLICY, "policy name", line, from, c, word, null);
            }
            return List.of();
        }
        if (inKey) {
            Set<String> keys = new LinkedHashSet<>();
            if (enclosing.equals("symbol_versions")) {
                return items(F.policyArchs, Completion.Kind.ARCH, "architecture", line, from, c, word, Topic.ARCH);
            }
            if (F.policyArchs.contains(enclosing)) {
                return items(List.of("GLIBC", "GLIBCXX", "CXXABI", "GCC", "ZLIB"), Completion.Kind.KEY, "symbol-version prefix",
                        line, from, c, word, Topic.SYMBOL);
            }
            if (enclosing.equals("[]") || enclosing.isEmpty()) {
                keys.addAll(BaselineChecks.FIELDS);
                return items(keys, Completion.Kind.KEY, "policy field", line, from, c, word, Topic.POLICY);
            }
        }
        return List.of();
    }

    /**
     * The chain of keys enclosing an offset in possibly broken JSON: "[]" for an array element
     * object, a key for an object that is that key's value, "=key" when the offset is in a value.
     */
    private static List<String> jsonContext(String text, int offset) {
        List<String> stack = new ArrayList<>();
        String lastKey = "";
        boolean afterColon = false;
        int i = 0;
        while (i < offset) {
            char ch = text.charAt(i);
            if (ch == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '"') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= offset) {
                    // the offset is inside this string
                    if (afterColon) {
                        stack.add("=" + lastKey);
                    }
                    return stack;
                }
                String s = text.substring(i + 1, Math.min(j, text.length()));
                int k = j + 1;
                while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                if (k < text.length() && text.charAt(k) == ':' && !afterColon) {
                    lastKey = s;
                }
                i = j + 1;
                continue;
            }
            switch (ch) {
                case '{' -> {
                    stack.add(afterColon ? lastKey : "[]");
                    afterColon = false;
                }
                case '[' -> {
                    stack.add(afterColon ? "list:" + lastKey : "list");
                    afterColon = false;
                }
                case '}', ']' -> {
                    if (!stack.isEmpty()) {
                        stack.remove(stack.size() - 1);
                    }
                    afterColon = false;
                }
                case ':' -> afterColon = true;
                case ',' -> afterColon = false;
                default -> {
                }
            }
            i++;
        }
        return stack;
    }
}
