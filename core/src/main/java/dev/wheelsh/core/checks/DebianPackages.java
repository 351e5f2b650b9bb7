package dev.wheelsh.core.checks;

import dev.wheelsh.core.vocabulary.DataFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which Debian package provides a shared library, by its soname: {@code libssl.so.3} is in
 * {@code libssl3}. From {@code debian-sonames.tsv}, written by
 * {@code scripts/facts/generate_debian_sonames.py} from the shlibs control files of Debian 12
 * (bookworm) packages; a soname the table does not hold has no package named, never a guessed one.
 */
public final class DebianPackages {

    /** The release the table was read from, as sentences name it. */
    public static final String RELEASE = "Debian 12";

    private static final Map<String, String> BY_SONAME = load();

    private DebianPackages() {
    }

    /** The package that provides a soname in Debian 12, when the table knows it. */
    public static Optional<String> of(String soname) {
        return Optional.ofNullable(BY_SONAME.get(soname));
    }

    /** How many sonames the table holds. */
    public static int size() {
        return BY_SONAME.size();
    }

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] c : DataFiles.rows(DebianPackages.class, "debian-sonames.tsv", 3)) {
            // the first provider listed wins where architectures disagree (the table sorts them)
            out.putIfAbsent(c[0], c[1]);
        }
        return Map.copyOf(out);
    }
}
