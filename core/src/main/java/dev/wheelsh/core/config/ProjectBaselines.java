package dev.wheelsh.core.config;

import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.document.TomlReader;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicyJson;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The baselines a document's hovers describe platform tags with: the built-in ones, then the
 * editor's or command line's extra baseline files, then the project's ({@code [tool.wheelsh]
 * baselines} of the pyproject.toml itself, or for a pip.conf of the workspace's pyproject.toml),
 * later files redefining earlier ones as {@code wheelsh check} combines them. A file that cannot
 * be read adds nothing here: its own problems are findings on that file, and a hover is no place
 * for an error.
 */
final class ProjectBaselines {

    private ProjectBaselines() {
    }

    static PolicySet of(ParsedDocument document, List<Path> extraFiles) {
        List<Path> files = new ArrayList<>(extraFiles);
        files.addAll(projectFiles(document));
        PolicySet set = BuiltinPolicies.all();
        for (Path f : files) {
            try {
                set = set.with(PolicyJson.read(f));
            } catch (InputException | RuntimeException e) {
                // unreadable or not a baseline file: the built-in words stand
            }
        }
        return set;
    }

    /**
     * The machines a document's hovers judge platform tags against: a pyproject's own
     * {@code [tool.wheelsh] targets} (read leniently, as the baselines are: what does not parse
     * is skipped, the table's checks report it), or else the editor's default targets.
     */
    static List<Target> targets(ParsedDocument document, List<String> defaultTargets) {
        List<Target> out = new ArrayList<>();
        if (document.kind() == ConfigFileKind.PYPROJECT && document.tree() instanceof ParsedDocument.TomlTree t) {
            for (Toml.Entry e : t.document().under(PyprojectChecks.WHEELSH)) {
                if (e.path().size() == 3 && e.name().equals("targets") && e.value() instanceof Toml.Arr) {
                    for (Toml.Str s : PyprojectChecks.strings(e.value())) {
                        parsed(s.value()).ifPresent(out::add);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            defaultTargets.forEach(d -> parsed(d).ifPresent(out::add));
        }
        return out;
    }

    private static Optional<Target> parsed(String spec) {
        try {
            return Optional.of(TargetSpec.parse(spec));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /** The baseline files the document's project names. */
    static List<Path> projectFiles(ParsedDocument document) {
        return switch (document.kind()) {
            case PYPROJECT -> document.tree() instanceof ParsedDocument.TomlTree t
                    ? named(t.document(), document.place().directory()) : List.of();
            case PIP_CONF -> document.place().workspaceRoot().map(ProjectBaselines::ofWorkspace).orElse(List.of());
            case BASELINE_JSON -> List.of();
        };
    }

    /** What the workspace's pyproject.toml names, if it has one. */
    private static List<Path> ofWorkspace(Path root) {
        Path pyproject = root.resolve("pyproject.toml");
        try {
            if (!Files.isRegularFile(pyproject) || Files.size(pyproject) > ConfigAnalyzer.MAX_CHARS) {
                return List.of();
            }
            return named(TomlReader.read(Files.readString(pyproject)), Optional.of(root));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The strings of {@code [tool.wheelsh] baselines}, resolved against {@code directory} (paths
     * relative to the pyproject.toml). Read leniently, from a document that may be half typed:
     * what is not a string is skipped, and the table's checks report it.
     */
    static List<Path> named(Toml.Document pyproject, Optional<Path> directory) {
        List<Path> out = new ArrayList<>();
        for (Toml.Entry e : pyproject.under(PyprojectChecks.WHEELSH)) {
            if (e.path().size() != 3 || !e.name().equals("baselines") || !(e.value() instanceof Toml.Arr)) {
                continue; // wheelsh check takes a list of strings only
            }
            for (Toml.Str s : PyprojectChecks.strings(e.value())) {
                try {
                    Path p = Path.of(s.value());
                    if (p.isAbsolute()) {
                        out.add(p.normalize());
                    } else if (directory.isPresent()) {
                        out.add(directory.get().resolve(p).normalize());
                    }
                } catch (InvalidPathException x) {
                    // not a path on this system: nothing to read
                }
            }
        }
        return out;
    }
}
