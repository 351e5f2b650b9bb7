package dev.wheelsh.core.config;

import dev.wheelsh.core.document.IniReader;
import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.document.TomlReader;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one entry point for checking the files where tags and baselines are written down.
 * {@code wheelsh lint} and the language server both call it, so both say the same words.
 * Every method accepts any text (half-typed, binary, huge) and never throws for bad input:
 * problems with the text are findings.
 *
 * <p>A text is read once into a {@link ParsedDocument} ({@link #parse}); the findings, hovers
 * and completions of that document all work on it. The methods that take a text parse it for
 * the one answer.
 */
public final class ConfigAnalyzer {

    /** Texts longer than this are not read (a config file this big is not one). */
    public static final int MAX_CHARS = 8_000_000;

    private final CheckSettings settings;
    /** Policy names (and aliases) of the extra baseline files, read once. */
    private final Set<String> extraPolicyNames;

    public ConfigAnalyzer(CheckSettings settings) {
        this.settings = settings;
        this.extraPolicyNames = BaselineChecks.policyNames(settings.extraBaselineFiles());
    }

    /** The policy names the extra baseline files define; platform tags made of them count as known. */
    public Set<String> extraPolicyNames() {
        return extraPolicyNames;
    }

    public CheckSettings settings() {
        return settings;
    }

    /** Reads a text of the given kind once, for its findings, hovers and completions. */
    public ParsedDocument parse(ConfigFileKind kind, String text, DocumentPlace place) {
        return new ParsedDocument(kind, text, place, tree(kind, text), this::runChecks,
                d -> ProjectBaselines.of(d, settings.extraBaselineFiles()),
                d -> ProjectBaselines.targets(d, settings.defaultTargets()));
    }

    /** A text that lives nowhere: its hovers take the built-in and the extra baselines only. */
    public ParsedDocument parse(ConfigFileKind kind, String text) {
        return parse(kind, text, DocumentPlace.NOWHERE);
    }

    private static ParsedDocument.Tree tree(ConfigFileKind kind, String text) {
        if (text.length() > MAX_CHARS) {
            return new ParsedDocument.Unread("larger than " + MAX_CHARS + " characters");
        }
        try {
            return switch (kind) {
                case PYPROJECT -> new ParsedDocument.TomlTree(TomlReader.read(text));
                case PIP_CONF -> new ParsedDocument.IniTree(IniReader.read(text));
                case BASELINE_JSON -> new ParsedDocument.JsonTree(JsonReader.read(text));
            };
        } catch (RuntimeException | StackOverflowError e) {
            // a bug in a reader: no hovers or completions; the checks say it on the file
            return new ParsedDocument.Unread("the reader failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** All findings for a document of the given kind, in document order. */
    public List<Finding> check(ConfigFileKind kind, String text) {
        return runChecks(kind, text); // no tree: the checks read the text themselves
    }

    /** All findings of a parsed document, in document order (computed once per document). */
    public List<Finding> check(ParsedDocument document) {
        return document.findings();
    }

    /** The checks of a parsed document, over the tree it already holds (each version is read once). */
    private List<Finding> runChecks(ParsedDocument d) {
        try {
            if (d.tree() instanceof ParsedDocument.TomlTree t) {
                // a cibuildwheel release the project's workflow pins judges the file when [tool.wheelsh] does not name one
                return PyprojectChecks.check(t.document(), settings, d.place().directory().flatMap(WorkflowPin::near));
            }
            if (d.tree() instanceof ParsedDocument.IniTree t) {
                return PipConfChecks.check(t.document(), extraPolicyNames);
            }
            if (d.tree() instanceof ParsedDocument.JsonTree t) {
                return BaselineChecks.check(t.result());
            }
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(Finding.at(Code.WH099, Severity.ERROR, SourceRange.at(0, 0),
                    "wheelsh could not check this file (" + e.getClass().getSimpleName() + ")", ""));
        }
        // a text the readers did not take: the checks read it themselves and say why
        return runChecks(d.kind(), d.text());
    }

    private List<Finding> runChecks(ConfigFileKind kind, String text) {
        if (text.length() > MAX_CHARS) {
            return List.of(Finding.at(Code.WH099, Severity.ERROR, SourceRange.at(0, 0),
                    "the file is larger than " + MAX_CHARS + " characters; wheelsh does not read it", ""));
        }
        try {
            return switch (kind) {
                case PYPROJECT -> PyprojectChecks.check(text, settings);
                case PIP_CONF -> PipConfChecks.check(text, extraPolicyNames);
                case BASELINE_JSON -> BaselineChecks.check(text);
            };
        } catch (RuntimeException | StackOverflowError e) {
            // a bug in a check must not take the editor or the command down; say so on the file
            return List.of(Finding.at(Code.WH099, Severity.ERROR, SourceRange.at(0, 0),
                    "wheelsh could not check this file (" + e.getClass().getSimpleName() + ")", ""));
        }
    }

    /** What the word at (line, column) means, zero-based, column in UTF-16 units. */
    public Optional<HoverText> hover(ConfigFileKind kind, String text, int line, int column) {
        return hover(parse(kind, text), line, column);
    }

    /** What the word at (line, column) of a parsed document means. */
    public Optional<HoverText> hover(ParsedDocument document, int line, int column) {
        ParsedDocument.Tree tree = document.tree();
        try {
            if (tree instanceof ParsedDocument.TomlTree t) {
                return PyprojectHover.at(t.document(), line, column, document::hoverBaselines);
            }
            if (tree instanceof ParsedDocument.IniTree t) {
                return PipConfHover.at(t.document(), line, column, document::hoverBaselines, document::hoverTargets);
            }
            if (tree instanceof ParsedDocument.JsonTree t) {
                return BaselineJsonHover.at(t.result(), line, column);
            }
            return Optional.empty(); // not read
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** Candidates for what can be typed at (line, column). */
    public List<Completion> complete(ConfigFileKind kind, String text, int line, int column) {
        return complete(parse(kind, text), line, column);
    }

    /** Candidates for what can be typed at (line, column) of a parsed document. */
    public List<Completion> complete(ParsedDocument document, int line, int column) {
        List<String> lines = document.lines();
        ParsedDocument.Tree tree = document.tree();
        if (tree instanceof ParsedDocument.Unread || line < 0 || line >= lines.size()) {
            return List.of();
        }
        try {
            String l = lines.get(line);
            int c = Math.max(0, Math.min(column, l.length()));
            String before = l.substring(0, c);
            if (tree instanceof ParsedDocument.TomlTree t) {
                return PyprojectCompletion.at(t.document(), line, c, before);
            }
            if (tree instanceof ParsedDocument.IniTree) {
                return PipConfCompletion.at(lines, line, c, before);
            }
            // baseline JSON: completed from the text before the cursor, which is rarely valid JSON
            return BaselineJsonCompletion.at(document.text(), lines, line, c, before);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }
}
