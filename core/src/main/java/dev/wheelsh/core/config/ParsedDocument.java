package dev.wheelsh.core.config;

import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.document.IniReader;
import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.document.Lines;
import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.vocabulary.Finding;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One text of a file wheelsh checks, read once: its kind, the text, where it lives, the tree of
 * its format (TOML, INI or JSON, with positions) and its lines. Diagnostics, hovers, completions
 * and code actions of one version of a document all work on the same value, so the text is
 * parsed once however many requests arrive.
 *
 * <p>Made by {@link ConfigAnalyzer#parse}, whose settings the derived values follow: the
 * findings and the baselines that hovers describe platform tags with are computed on first use
 * and then kept (each at most once, whichever thread asks first). The value never changes
 * observably: the same document gives the same findings every time.
 */
public final class ParsedDocument {

    /** The tree of the document's format. */
    public sealed interface Tree permits TomlTree, IniTree, JsonTree, Unread {
    }

    public record TomlTree(Toml.Document document) implements Tree {
    }

    public record IniTree(IniReader.Document document) implements Tree {
    }

    public record JsonTree(JsonReader.Result result) implements Tree {
    }

    /** The text was not read (larger than {@link ConfigAnalyzer#MAX_CHARS}, or its reader failed). */
    public record Unread(String why) implements Tree {
    }

    private final ConfigFileKind kind;
    private final String text;
    private final DocumentPlace place;
    private final Tree tree;
    private final List<String> lines;
    private final Function<ParsedDocument, List<Finding>> checks;
    private final Function<ParsedDocument, PolicySet> baselines;
    private final Function<ParsedDocument, List<Target>> targets;
    // Two locks, so that a hover does not wait for the checks to finish.
    private final Object findingsLock = new Object();
    private final Object baselinesLock = new Object();
    private List<Finding> findings; // guarded by findingsLock
    private PolicySet hoverBaselines; // guarded by baselinesLock
    private List<Target> hoverTargets; // guarded by baselinesLock

    ParsedDocument(ConfigFileKind kind, String text, DocumentPlace place, Tree tree,
                   Function<ParsedDocument, List<Finding>> checks, Function<ParsedDocument, PolicySet> baselines,
                   Function<ParsedDocument, List<Target>> targets) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.text = Objects.requireNonNull(text, "text");
        this.place = Objects.requireNonNull(place, "place");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.lines = tree instanceof Unread ? List.of() : Lines.split(text);
        this.checks = checks;
        this.baselines = baselines;
        this.targets = targets;
    }

    public ConfigFileKind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public DocumentPlace place() {
        return place;
    }

    public Tree tree() {
        return tree;
    }

    /** The text's lines without their line ends; empty when the text was not read. */
    public List<String> lines() {
        return lines;
    }

    /** All findings, in document order: computed on first use, then the same list every time. */
    public List<Finding> findings() {
        synchronized (findingsLock) {
            if (findings == null) {
                findings = List.copyOf(checks.apply(this));
            }
            return findings;
        }
    }

    /** The baselines that hovers describe this document's platform tags with (see {@link ProjectBaselines}). */
    PolicySet hoverBaselines() {
        synchronized (baselinesLock) {
            if (hoverBaselines == null) {
                hoverBaselines = baselines.apply(this);
            }
            return hoverBaselines;
        }
    }

    /**
     * The machines hovers judge this document's platform tags against: a pyproject's
     * {@code [tool.wheelsh] targets}, or else the editor's default targets.
     */
    List<Target> hoverTargets() {
        synchronized (baselinesLock) {
            if (hoverTargets == null) {
                hoverTargets = List.copyOf(targets.apply(this));
            }
            return hoverTargets;
        }
    }

    @Override
    public String toString() {
        return "ParsedDocument[" + kind + ", " + text.length() + " chars, " + tree.getClass().getSimpleName() + "]";
    }
}
