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

    private static final ConfigFacts F = ConfigFacts.INSTANCE;

    static final List<String> SELECTOR_KEYS = List.of("build", "skip", "test-skip", "select");

    private PyprojectHover() {
    }

    static Optional<HoverText> at(Toml.Document doc, int line, int col, Supplier<PolicySet> baselines) {
        for (Toml.Entry e : doc.entries()) {
            for (SourceRange kr : e.keyRanges()) {
                if (contains(kr, line, col)) {
                    String words = keyWords(e.path());
                    return words.isEmpty() ? Optional.empty()
                            : Optional.of(new HoverText(kr, Markdown.code(String.join(".", e.path())) + keySource(e.path())
                                    + "\n\n" + Markdown.text(words)));
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
        return TextShapes.IMAGE_OPTION.matcher(key).matches();
    }

    private static String keyWords(List<String> path) {
        String key = path.get(path.size() - 1);
        if (underCibuildwheel(path)) {
            String words = Glossary.lookup(Topic.CIBW, isImageKey(key) ? "image" : key).orElse("");
            return key.equals("enable") && !words.isEmpty()
                    ? words + ". The groups of " + cibuildwheel() + ": " + String.join(", ", F.cibwEnableGroups) : words;
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

    /**
     * Which release of the tool a key's words hold for, from the generated facts: cibuildwheel's
     * options and uv's python-platform are read from those tools' sources at a stated version.
     */
    private static String keySource(List<String> path) {
        String key = path.get(path.size() - 1);
        if (underCibuildwheel(path) && (F.cibwOptions.contains(key) || key.equals("overrides"))) {
            return " (" + cibuildwheel() + ")";
        }
        if (path.size() >= 3 && path.subList(0, 2).equals(PyprojectChecks.UV) && key.equals("python-platform")) {
            return " (uv " + F.uvSource.tag() + ")";
        }
        return "";
    }

    static String cibuildwheel() {
        return "cibuildwheel " + F.cibwVersion;
    }

    /** {@code word} as a code span, then {@code words} as text: the shape of every value hover. */
    private static Words term(Span span, String word, String words) {
        return new Words(span, Markdown.code(word) + ": " + Markdown.text(words));
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
            if (w.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(term(w, a, archWords(a)));
        }
        if (cibw && key.equals("enable")) {
            Span w = wordAt(v, idx, " \t\n");
            return w.isEmpty() ? Optional.empty() : Optional.of(term(w, w.of(v), enableGroupWords(w.of(v))));
        }
        if (cibw && isImageKey(key)) {
            return Glossary.lookup(Topic.CIBW, "image").map(t -> term(whole, v, t + imageWords(key, v)));
        }
        if (key.equals("environments") || key.equals("required-environments")) {
            return markerWords(v, idx);
        }
        if (key.equals("python-platform")) {
            return Glossary.lookup(Topic.UV, "python-platform").map(t -> term(whole, v, t + pythonPlatformWords(v)));
        }
        if (key.equals("targets") && path.size() == 3 && path.subList(0, 2).equals(PyprojectChecks.WHEELSH)) {
            try {
                return Optional.of(term(whole, v, TargetSpec.parse(v).describe()));
            } catch (InputException e) {
                return Optional.of(term(whole, v, e.getMessage()));
            }
        }
        if (key.equals("requires-python")) {
            return Glossary.lookup(Topic.PROJECT, "requires-python").map(t -> new Words(whole, Markdown.text(t)));
        }
        return Optional.empty();
    }

    /** An archs word: its glossary words, or what cibuildwheel reads it as, or that it reads no such name. */
    private static String archWords(String a) {
        Optional<String> exact = Glossary.lookup(Topic.ARCH, a);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<String> names = F.allCibwArchs();
        Optional<String> caseless = F.cibwArchCaseInsensitive
                ? names.stream().filter(n -> n.equalsIgnoreCase(a)).findFirst() : Optional.empty();
        if (caseless.isPresent()) {
            return cibuildwheel() + " reads it as " + caseless.get() + " (it compares arch names without case): "
                    + Glossary.lookup(Topic.ARCH, caseless.get()).orElse(caseless.get());
        }
        return "not an architecture name of " + cibuildwheel() + "; it knows " + String.join(", ", names);
    }

    /** An enable group: what this release of cibuildwheel makes of it, and which groups it has. */
    private static String enableGroupWords(String group) {
        String what = Glossary.lookup(Topic.CIBW, "enable").orElse("an opt-in group of builds");
        String groups = String.join(", ", F.cibwEnableGroups) + ", all";
        if (F.cibwEnableGroups.contains(group) || group.equals("all")) {
            return what + "; " + cibuildwheel() + " has " + groups;
        }
        ConfigFacts.Span known = F.cibwEnableHistory.get(group);
        if (known != null) {
            return "not a group of " + cibuildwheel() + " (cibuildwheel " + known.first() + " to " + known.last()
                    + " had it); its groups are " + groups;
        }
        return "not a group of " + cibuildwheel() + "; its groups are " + groups;
    }

    /** Which architectures this release pins an image name for, or which releases shipped it. */
    private static String imageWords(String key, String image) {
        Optional<String> arch = ConfigFacts.imageArch(key);
        if (arch.isEmpty() || image.contains("/") || image.contains(":")) {
            return "";
        }
        List<String> names = F.cibwImagesPerArch.getOrDefault(arch.get(), List.of());
        if (names.contains(image)) {
            return "; " + cibuildwheel() + " pins " + image + " for " + arch.get() + " (its names there: "
                    + String.join(", ", names) + ")";
        }
        ConfigFacts.Span known = F.cibwImageHistory.get(image);
        String was = known == null ? "" : " (cibuildwheel " + known.first() + " to " + known.last() + " shipped it)";
        return "; " + cibuildwheel() + " has no image " + image + " for " + arch.get() + was
                + (names.isEmpty() ? "" : "; its names there: " + String.join(", ", names));
    }

    private static String pythonPlatformWords(String value) {
        return F.uvPythonPlatforms.containsKey(value) || F.uvPythonPlatforms.values().stream().anyMatch(a -> a.contains(value))
                ? ". uv " + F.uvSource.tag() + " knows this value" : "";
    }

    /** A variable of an environment marker, or a value compared with one. */
    private static Optional<Words> markerWords(String v, int idx) {
        for (Markers.Atom a : Markers.parse(v).atoms()) {
            if (idx >= a.from() && idx <= a.to()) {
                Optional<String> t = a.variable() ? Glossary.lookup(Topic.MARKER, a.text())
                        : a.comparedWith().equals("platform_machine") ? Glossary.lookup(Topic.ARCH, a.text())
                        : Glossary.lookup(Topic.MARKER, a.comparedWith()).map(x -> "a value of " + a.comparedWith() + ": " + x);
                return t.map(x -> term(new Span(a.from(), a.to()), a.text(), x));
            }
        }
        return Optional.empty();
    }
}
