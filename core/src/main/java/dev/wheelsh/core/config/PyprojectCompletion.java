package dev.wheelsh.core.config;

import static dev.wheelsh.core.config.CursorWords.contains;
import static dev.wheelsh.core.config.CursorWords.items;
import static dev.wheelsh.core.config.CursorWords.wordStart;

import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.words.Glossary.Topic;
import dev.wheelsh.core.words.TagWords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completions in a pyproject.toml: table names in a header, the keys of the table the cursor is
 * in, and values of the settings wheelsh knows (selectors, archs, images, markers, uv's
 * python-platform) component by component.
 */
final class PyprojectCompletion {

    private static final ConfigFacts F = ConfigFacts.INSTANCE;
    private static final List<String> TABLES = List.of("tool.cibuildwheel", "tool.cibuildwheel.linux", "tool.cibuildwheel.macos",
            "tool.cibuildwheel.windows", "tool.cibuildwheel.ios", "tool.cibuildwheel.android", "tool.cibuildwheel.pyodide",
            "tool.cibuildwheel.overrides", "tool.uv", "tool.uv.pip", "tool.wheelsh", "project");

    private PyprojectCompletion() {
    }

    /** {@code before}: the text of the line before the cursor, which is at column {@code c}. */
    static List<Completion> at(Toml.Document doc, int line, int c, String before) {
        // inside a value of a known entry?
        for (Toml.Entry e : doc.entries()) {
            for (Toml.Str s : PyprojectChecks.strings(e.value())) {
                if (contains(s.range(), line, c) && !(line == s.range().startLine() && c == s.range().startColumn())) {
                    return valueCandidates(e.path(), before, line, c);
                }
            }
        }
        String trimmed = before.strip();
        if (trimmed.startsWith("[")) {
            int from = wordStart(before, "_-.");
            return items(TABLES, Completion.Kind.SECTION, "table", line, from, c, before.substring(from), null);
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
            return valueCandidates(path, before, line, c);
        }
        int from = wordStart(before, "_-");
        return keyCandidates(currentTable(doc, line), line, from, c, before.substring(from));
    }

    private static List<Completion> keyCandidates(List<String> table, int line, int from, int c, String prefix) {
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

    /** The table of the last header the reader found at or above the line. */
    private static List<String> currentTable(Toml.Document doc, int line) {
        List<String> table = List.of();
        for (Toml.Header h : doc.headers()) {
            if (h.range().startLine() <= line) {
                table = h.path();
            }
        }
        return table;
    }

    private static List<Completion> valueCandidates(List<String> path, String before, int line, int c) {
        String key = path.get(path.size() - 1);
        boolean cibw = path.size() >= 3 && path.subList(0, 2).equals(PyprojectChecks.CIBW);
        if (cibw && PyprojectHover.SELECTOR_KEYS.contains(key)) {
            return selectorCandidates(before, line, c);
        }
        int from = wordStart(before, "_");
        String word = before.substring(from);
        if (cibw && key.equals("archs")) {
            String platform = path.size() == 4 ? path.get(2) : null;
            return items(archsAllowedOn(platform), Completion.Kind.ARCH, "architecture", line, from, c, word, Topic.ARCH);
        }
        if (cibw && key.equals("enable")) {
            int groupFrom = wordStart(before, "_-");
            return items(F.cibwEnableGroups, Completion.Kind.VALUE, "enable group", line, groupFrom, c,
                    before.substring(groupFrom), null);
        }
        if (cibw && key.matches("(manylinux|musllinux)-.+-image")) {
            return items(F.cibwImages.get(key.startsWith("many") ? "manylinux" : "musllinux"), Completion.Kind.VALUE, "image",
                    line, from, c, word, null);
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

    /** A build selector: the Python part up to the dash, then the platform part. */
    private static List<Completion> selectorCandidates(String before, int line, int c) {
        int from = wordStart(before, "_*?.[]{}-");
        String word = before.substring(from);
        int dash = word.indexOf('-');
        if (dash < 0) {
            List<String> py = new ArrayList<>(List.of("*"));
            py.addAll(F.cibwPythons);
            List<Completion> out = new ArrayList<>();
            for (String p : py) {
                if (p.startsWith(word)) {
                    out.add(new Completion(p + "-", Completion.Kind.TAG_COMPONENT, "Python tag",
                            Markdown.text(pythonWords(p)),
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

    /**
     * The Python part of a build identifier in words: cp314t is the free-threaded build, and gp
     * is cibuildwheel's own name for GraalPy (gp312_250: GraalPy 25.0 for Python 3.12), not a tag's.
     */
    static String pythonWords(String python) {
        if (python.equals("*")) {
            return "any Python";
        }
        Matcher gp = Pattern.compile("gp3(\\d+)_(\\d+)(\\d)").matcher(python);
        if (gp.matches()) {
            return "GraalPy " + gp.group(2) + "." + gp.group(3) + " for Python 3." + gp.group(1);
        }
        boolean freeThreaded = python.endsWith("t");
        String words = TagWords.interpreter(freeThreaded ? python.substring(0, python.length() - 1) : python);
        return freeThreaded ? words + ", free-threaded" : words;
    }

    /** The archs cibuildwheel accepts in a platform's table, or on any platform. */
    private static List<String> archsAllowedOn(String platform) {
        if (platform == null || !F.cibwArchs.containsKey(platform)) {
            return F.allCibwArchs();
        }
        List<String> out = new ArrayList<>(F.cibwArchWords);
        out.addAll(F.cibwArchs.get(platform));
        return out;
    }
}
