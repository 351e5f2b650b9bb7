package dev.wheelsh.core.config;

import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.policy.BaselineFile;
import dev.wheelsh.core.policy.Policy;
import dev.wheelsh.core.vocabulary.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of baseline (policy) JSON files for lint and the editor: the findings of
 * {@link BaselineFile}, the one reader of the format that the verdict commands use too, with the
 * did-you-means the config facts know (misspelt architectures, members), in document order.
 */
final class BaselineChecks {

    static final List<String> FIELDS = BaselineFile.FIELDS;

    /** Spellings from config-facts.json: the misspellings of architectures, and the nearest known word. */
    private static final BaselineFile.Spelling SPELLING = new BaselineFile.Spelling() {
        @Override
        public Optional<String> arch(String written) {
            return Optional.ofNullable(ConfigFacts.INSTANCE.archAliases.get(written.toLowerCase(Locale.ROOT)));
        }

        @Override
        public Optional<String> closest(String written, List<String> known) {
            return Found.nearest(written, known);
        }
    };

    private BaselineChecks() {
    }

    /**
     * The names and aliases of the policies in baseline files; a file that cannot be read
     * contributes nothing, and one with errors the policies that could be read (linting it
     * reports why).
     */
    static Set<String> policyNames(List<Path> files) {
        Set<String> names = new TreeSet<>();
        for (Path f : files) {
            try {
                if (Files.size(f) > ConfigAnalyzer.MAX_CHARS) {
                    continue;
                }
                for (Policy p : BaselineFile.parse(Files.readString(f)).policies().policies()) {
                    names.add(p.name());
                    names.addAll(p.aliases());
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: no names from it
            }
        }
        return Collections.unmodifiableSet(names);
    }

    static List<Finding> check(String text) {
        return check(JsonReader.read(text));
    }

    /** The findings of a baseline file's JSON tree, read once for the checks and the hovers alike. */
    static List<Finding> check(JsonReader.Result json) {
        Found found = new Found();
        BaselineFile.parse(json, SPELLING).findings().forEach(found::add);
        return found.result(Set.of());
    }
}
