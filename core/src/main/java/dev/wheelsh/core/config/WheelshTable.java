package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.document.TomlReader;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code [tool.wheelsh]} table of a pyproject.toml: the target matrix ({@code targets},
 * compact target strings) and extra baseline files ({@code baselines}, paths relative to the
 * pyproject). One reader for both uses: {@link #read(Toml.Document)} gives the table's value and
 * every problem as a positioned finding (WH117, WH130-WH132), which lint and the editor show;
 * {@link #read(String, String)} gives the value to {@code wheelsh check} and refuses the file on
 * the first error finding, so a table lint passes is one check reads, and the other way round.
 *
 * @param targets   the targets that parse, in the order written
 * @param baselines the baseline paths that are relative {@code .json} paths, as written
 */
public record WheelshTable(List<Target> targets, List<String> baselines) {

    static final List<String> PATH = List.of("tool", "wheelsh");
    static final List<String> KEYS = List.of("targets", "baselines", "cibuildwheel");

    public WheelshTable {
        targets = List.copyOf(targets);
        baselines = List.copyOf(baselines);
    }

    /** The table as read and what is wrong with it, in document order. */
    public record Reading(WheelshTable table, List<Finding> findings) {
        public Reading {
            findings = List.copyOf(findings);
        }

        /** The first error, in document order. */
        public Optional<Finding> firstError() {
            return findings.stream().filter(f -> f.severity() == Severity.ERROR).findFirst();
        }
    }

    /** Reads the table of a parsed document; syntax errors are the document's, not reported here. */
    static Reading read(Toml.Document doc) {
        List<Target> targets = new ArrayList<>();
        List<String> baselines = new ArrayList<>();
        Found found = new Found();
        for (Toml.Entry e : doc.under(PATH)) {
            if (e.path().size() != PATH.size() + 1) {
                continue; // sub-tables of [tool.wheelsh] hold nothing wheelsh reads
            }
            entry(e, targets, baselines, found);
        }
        // the file's "# wheelsh: ignore WH131" comments count for check as they do for lint
        List<Finding> findings = found.result(Found.ignoredCodes(doc.comments().stream().map(Toml.Comment::text).toList()));
        return new Reading(new WheelshTable(targets, baselines), findings);
    }

    /**
     * The table for {@code wheelsh check}: refused with one line {@code source:line:col: message}
     * on a TOML syntax error anywhere in the file or on an error finding of the table; warnings
     * (an unknown key) do not stop it.
     */
    public static WheelshTable read(String source, String text) throws InputException {
        Toml.Document doc = TomlReader.read(text);
        if (!doc.errors().isEmpty()) {
            Toml.SyntaxError e = doc.errors().get(0);
            throw new InputException(source + ":" + at(e.range()) + ": " + e.message());
        }
        Reading r = read(doc);
        Optional<Finding> error = r.firstError();
        if (error.isPresent()) {
            Finding f = error.get();
            throw new InputException(source + f.range().map(range -> ":" + at(range)).orElse("") + ": " + f.message());
        }
        return r.table();
    }

    private static void entry(Toml.Entry e, List<Target> targets, List<String> baselines, Found found) {
        String key = e.name();
        SourceRange keyRange = e.keyRanges().get(e.keyRanges().size() - 1);
        if (!KEYS.contains(key)) {
            Optional<String> near = Found.nearest(key, KEYS);
            String msg = "'" + key + "' is not a [tool.wheelsh] key (targets, baselines, cibuildwheel)";
            if (near.isPresent()) {
                found.add(Code.WH132, Severity.WARNING, keyRange, msg, "See docs/config.md.", "Rename to " + near.get(), near.get());
            } else {
                found.add(Code.WH132, Severity.WARNING, keyRange, msg, "See docs/config.md.");
            }
            return;
        }
        if (key.equals("cibuildwheel")) {
            // the cibuildwheel release the config checks judge by; PyprojectChecks reads it
            if (!(e.value() instanceof Toml.Str s) || !TextShapes.DOTTED_RELEASE.matcher(s.value()).matches()) {
                found.add(Code.WH117, Severity.ERROR, e.value().range(), "'cibuildwheel' takes a release such as \"3.2\" or \"4.2.0\"",
                        "The cibuildwheel release the project pins; enable groups, images and build identifiers are judged for it.");
            }
            return;
        }
        if (!(e.value() instanceof Toml.Arr arr) || !arr.items().stream().allMatch(i -> i instanceof Toml.Str)) {
            found.add(Code.WH117, Severity.ERROR, e.value().range(), "'" + key + "' takes a list of strings", "See docs/config.md.");
            return;
        }
        for (Toml.Str s : PyprojectChecks.strings(e.value())) {
            if (key.equals("targets")) {
                target(s, found).ifPresent(targets::add);
            } else {
                baseline(s, found).ifPresent(baselines::add);
            }
        }
    }

    private static Optional<Target> target(Toml.Str s, Found found) {
        try {
            return Optional.of(TargetSpec.parse(s.value()));
        } catch (InputException ex) {
            // The parser says which part is bad; without a part, the whole string is.
            int from = ex.part().map(InputException.Part::offset).orElse(0);
            int to = ex.part().map(InputException.Part::end).orElse(s.value().length());
            if (from >= to) {
                from = 0;
                to = s.value().length();
            }
            // A mistake that has a code of its own (a misspelt architecture, WH191) is reported
            // under that code, in the words the same mistake gets in a platform tag.
            Code code = ex.code().orElse(Code.WH130);
            String message = code == Code.WH130 ? "target '" + s.value() + "': " + ex.reason() : ex.reason();
            found.add(Issue.of(code, Severity.ERROR, from, to, message,
                    "A target is INTERPRETER-SYSTEM-ARCH[+flags], e.g. cp313-glibc2.38-loongarch64 (docs/targets.md)."), s::sub);
            return Optional.empty();
        }
    }

    private static Optional<String> baseline(Toml.Str s, Found found) {
        String v = s.value();
        if (!v.endsWith(".json") || v.startsWith("/") || TextShapes.WINDOWS_ABSOLUTE.matcher(v).matches() || v.isBlank()) {
            found.add(Issue.of(Code.WH131, Severity.ERROR, 0, v.length(),
                    "baseline '" + v + "' must be a .json file relative to this pyproject.toml",
                    "Baselines are auditwheel-format policy files, named relative to the project so the check works on any machine."), s::sub);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** line:column, one-based, as the command line prints positions. */
    private static String at(SourceRange r) {
        return (r.startLine() + 1) + ":" + (r.startColumn() + 1);
    }
}
