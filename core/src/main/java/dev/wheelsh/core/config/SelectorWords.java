package dev.wheelsh.core.config;

import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.words.Glossary;
import dev.wheelsh.core.words.Glossary.Topic;
import dev.wheelsh.core.words.PlatformTagWords;
import dev.wheelsh.core.words.TagWords;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A cibuildwheel build selector (build, skip, test-skip, select) in words. */
final class SelectorWords {

    private SelectorWords() {
    }

    /**
     * What the parts of a selector pattern mean and which known build identifiers it matches.
     * {@code baselines} describes a platform part that is a platform tag.
     */
    static String of(String pattern, Supplier<PolicySet> baselines) {
        boolean tooWide = pattern.chars().filter(ch -> ch == '*').count() > 8;
        List<Pattern> res = Selectors.compile(pattern);
        List<String> current = tooWide ? List.of() : matching(ConfigFacts.INSTANCE.cibwIdentifiers, res);
        List<String> older = tooWide ? List.of() : matching(Selectors.identifiers(), res);
        older.removeAll(current);
        StringBuilder words = new StringBuilder("a cibuildwheel build selector");
        int dash = pattern.indexOf('-');
        if (dash > 0 && TextShapes.PYTHON_TAG.matcher(pattern.substring(0, dash)).matches()) {
            String py = pattern.substring(0, dash);
            words.append("; ").append(py).append(" is ").append(TagWords.interpreter(py.replace("t", "")))
                    .append(py.endsWith("t") ? " (free-threaded)" : "");
        }
        String plat = dash > 0 ? pattern.substring(dash + 1) : "";
        if (TextShapes.PLATFORM_WORD.matcher(plat).matches()) {
            words.append("; ").append(plat).append(": ").append(platformWords(plat, baselines));
        }
        String version = PyprojectHover.cibuildwheel();
        words.append(". It matches ").append(current.size()).append(" build identifier").append(current.size() == 1 ? "" : "s")
                .append(" of ").append(version);
        StringBuilder md = new StringBuilder(Markdown.code(pattern)).append(": ").append(Markdown.text(words.toString()));
        if (!current.isEmpty()) {
            md.append(", e.g. ").append(codes(current));
        }
        if (!older.isEmpty()) {
            md.append(Markdown.text("; and " + older.size() + " that only older releases built")).append(", e.g. ").append(codes(older));
        }
        return md.append('.').toString();
    }

    private static List<String> matching(List<String> ids, List<Pattern> res) {
        List<String> hits = new ArrayList<>();
        for (String id : ids) {
            if (res.stream().anyMatch(p -> p.matcher(id).matches())) {
                hits.add(id);
            }
        }
        return hits;
    }

    /** Up to five identifiers, each a code span. */
    private static String codes(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(5, ids.size())).stream().map(Markdown::code).toList());
    }

    /** cibuildwheel's platform part (manylinux_x86_64, macosx_arm64, ...), which is not a platform tag. */
    private static String platformWords(String plat, Supplier<PolicySet> baselines) {
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
        return PlatformTagWords.describe(plat, baselines.get());
    }
}
