package dev.wheelsh.core.config;

import static dev.wheelsh.core.config.CursorWords.contains;
import static dev.wheelsh.core.config.CursorWords.wordAt;

import dev.wheelsh.core.config.CursorWords.Span;
import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.words.Glossary;
import dev.wheelsh.core.words.Glossary.Topic;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hovers in a pyproject.toml: on a key of [tool.cibuildwheel], [tool.uv], [tool.wheelsh] or
 * project.requires-python, what the setting does; on a word of its value, what that word means.
 */
final class PyprojectHover {

    static final List<String> SELECTOR_KEYS = List.of("build", "skip", "test-skip", "select");

    private PyprojectHover() {
    }

    static Optional<HoverText> at(Toml.Document doc, int line, int col, Supplier<PolicySet> baselines) {
        for (Toml.Entry e : doc.entries()) {
            for (SourceRange kr : e.keyRanges()) {
                if (contains(kr, line, col)) {
                    String words = keyWords(e.path());
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
                    return valueWords(e.path(), s.value(), idx, baselines)
                            .map(w -> new HoverText(s.sub(w.span().from(), w.span().to()), w.text()));
                }
            }
        }
        return Optional.empty();
    }

    /** The words for part of a string value. */
    private record Words(Span span, String text) {
    }

    private static boolean underCibuildwheel(List<String> path) {
        return path.size() >= 3 && path.subList(0, 2).equals(PyprojectChecks.CIBW);
    }

    private static boolean isImageKey(String key) {
        return key.matches("(manylinux|musllinux)-.+-image");
    }

    private static String keyWords(List<String> path) {
        String key = path.get(path.size() - 1);
        if (underCibuildwheel(path)) {
            return Glossary.lookup(Topic.CIBW, isImageKey(key) ? "image" : key).orElse("");
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

    private static Optional<Words> valueWords(List<String> path, String v, int idx, Supplier<PolicySet> baselines) {
        String key = path.get(path.size() - 1);
        boolean cibw = underCibuildwheel(path);
        Span whole = new Span(0, v.length());
        if (cibw && SELECTOR_KEYS.contains(key)) {
            Span w = wordAt(v, idx, " \t\n");
            return w.isEmpty() ? Optional.empty() : Optional.of(new Words(w, SelectorWords.of(w.of(v), baselines)));
        }
        if (cibw && key.equals("archs")) {
            Span w = wordAt(v, idx, " \t\n,");
            String a = w.of(v);
            return Glossary.lookup(Topic.ARCH, a).map(t -> new Words(w, "**" + a + "**: " + t));
        }
        if (cibw && key.equals("enable")) {
            Span w = wordAt(v, idx, " \t\n");
            return Glossary.lookup(Topic.CIBW, "enable").map(t -> new Words(w, "**" + w.of(v) + "**: " + t));
        }
        if (cibw && isImageKey(key)) {
            return Glossary.lookup(Topic.CIBW, "image").map(t -> new Words(whole, "**" + v + "**: " + t));
        }
        if (key.equals("environments") || key.equals("required-environments")) {
            return markerWords(v, idx);
        }
        if (key.equals("python-platform")) {
            return Glossary.lookup(Topic.UV, "python-platform").map(t -> new Words(whole, "**" + v + "**: " + t));
        }
        if (key.equals("targets") && path.size() == 3 && path.subList(0, 2).equals(PyprojectChecks.WHEELSH)) {
            try {
                return Optional.of(new Words(whole, "**" + v + "**: " + TargetSpec.parse(v).describe()));
            } catch (InputException e) {
                return Optional.of(new Words(whole, e.getMessage()));
            }
        }
        if (key.equals("requires-python")) {
            return Glossary.lookup(Topic.PROJECT, "requires-python").map(t -> new Words(whole, t));
        }
        return Optional.empty();
    }

    /** A variable of an environment marker, or a value compared with one. */
    private static Optional<Words> markerWords(String v, int idx) {
        for (Markers.Atom a : Markers.parse(v).atoms()) {
            if (idx >= a.from() && idx <= a.to()) {
                Optional<String> t = a.variable() ? Glossary.lookup(Topic.MARKER, a.text())
                        : a.comparedWith().equals("platform_machine") ? Glossary.lookup(Topic.ARCH, a.text())
                        : Glossary.lookup(Topic.MARKER, a.comparedWith()).map(x -> "a value of " + a.comparedWith() + ": " + x);
                return t.map(x -> new Words(new Span(a.from(), a.to()), "**" + a.text() + "**: " + x));
            }
        }
        return Optional.empty();
    }
}
