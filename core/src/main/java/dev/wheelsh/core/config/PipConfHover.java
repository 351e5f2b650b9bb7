package dev.wheelsh.core.config;

import dev.wheelsh.core.explain.Explainer;
import dev.wheelsh.core.machine.Target;
import static dev.wheelsh.core.config.CursorWords.contains;

import dev.wheelsh.core.config.CursorWords.Span;
import dev.wheelsh.core.document.IniReader;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.words.Glossary;
import dev.wheelsh.core.words.Glossary.Topic;
import dev.wheelsh.core.words.PlatformTagWords;
import dev.wheelsh.core.words.TagWords;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hovers in a pip.conf or pip.ini: on a section header, which pip commands read it; on an
 * option name, what the option does; on a word of a value, what the word means. A platform tag
 * is described with the baselines the project uses, as {@code wheelsh explain} describes it.
 */
final class PipConfHover {

    private static final ConfigFacts F = ConfigFacts.INSTANCE;

    private PipConfHover() {
    }

    static Optional<HoverText> at(IniReader.Document doc, int line, int col, Supplier<PolicySet> baselines,
                                 Supplier<List<Target>> targets) {
        for (IniReader.Section s : doc.sections()) {
            if (contains(s.headerRange(), line, col)) {
                String w = s.name().equals("global") ? Markdown.text("options for every pip command (" + pip() + ")")
                        : F.pipSections.contains(s.name()) ? Markdown.text("options for ") + Markdown.code("pip " + s.name())
                                + Markdown.text(" (they override [global]; " + pip() + ")")
                        : Markdown.text("not a section " + pip() + " reads");
                return Optional.of(new HoverText(s.headerRange(), Markdown.code("[" + s.name() + "]") + ": " + w));
            }
        }
        for (IniReader.Option o : doc.options()) {
            String name = PipConfChecks.pipName(o.name());
            if (contains(o.nameRange(), line, col)) {
                boolean known = F.pipOptions.contains(name);
                String w = Glossary.lookup(Topic.PIP, name).orElse(known
                        ? "pip's --" + name + " option" : "not a pip option: " + pip() + " ignores it");
                String head = Markdown.code(name) + (known ? " (" + Markdown.code("--" + name) + ", " + pip() + ")" : "");
                return Optional.of(new HoverText(o.nameRange(), head + ": " + Markdown.text(w)));
            }
            for (IniReader.ValueLine vl : o.valueLines()) {
                if (contains(vl.range(), line, col)) {
                    return valueWords(name, vl, col - vl.range().startColumn(), baselines, targets);
                }
            }
        }
        return Optional.empty();
    }

    /** What pip on each of the document's targets makes of a platform tag, one paragraph each. */
    private static String onTargets(String platformTag, List<Target> targets) {
        StringBuilder sb = new StringBuilder();
        for (Target t : targets) {
            sb.append("\n\n").append(Markdown.text(Explainer.platformOn(platformTag, t)));
        }
        return sb.toString();
    }

    private static Optional<HoverText> valueWords(String option, IniReader.ValueLine vl, int idx, Supplier<PolicySet> baselines,
                                                Supplier<List<Target>> targets) {
        Span w = CursorWords.wordAt(vl.text(), idx, " \t,");
        String word = w.of(vl.text());
        if (word.isEmpty()) {
            return Optional.empty();
        }
        String words = switch (option) {
            case "platform" -> Markdown.text(PlatformTagWords.describe(word, baselines.get())) + onTargets(word, targets.get());
            case "abi" -> Markdown.text(TagWords.abi(word));
            case "implementation" -> Markdown.text(TagWords.interpreter(word + "3"));
            case "python-version" -> Markdown.text("wheels for Python " + word);
            default -> Markdown.text(Glossary.lookup(Topic.PIP, option).orElse(""));
        };
        if (words.isEmpty()) {
            return Optional.empty();
        }
        int start = vl.range().startColumn();
        SourceRange r = SourceRange.onLine(vl.range().startLine(), start + w.from(), start + w.to());
        return Optional.of(new HoverText(r, Markdown.code(word) + ": " + words));
    }

    /** The pip release the option and section facts were read from. */
    private static String pip() {
        return "pip " + F.pipSource.tag();
    }
}
