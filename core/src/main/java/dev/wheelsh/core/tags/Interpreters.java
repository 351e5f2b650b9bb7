package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.DataFiles;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table of Python implementations (interpreters.tsv): sys.implementation.name, the short
 * name interpreter tags use, and the name in words. The host probe, the tag words, the
 * interpreter's description and the pip.conf checks all read it.
 */
public final class Interpreters {

    /** One implementation: {@code cpython}, {@code cp}, {@code CPython}. */
    public record Implementation(String name, String shortName, String words) {
    }

    private static final List<Implementation> TABLE = load();

    private Interpreters() {
    }

    public static List<Implementation> all() {
        return TABLE;
    }

    /** The short names, in the table's order: py, cp, pp, graalpy, ip, jy. */
    public static List<String> shortNames() {
        return TABLE.stream().map(Implementation::shortName).toList();
    }

    /** By the short name of a tag ({@code pp}). */
    public static Optional<Implementation> byShortName(String shortName) {
        return TABLE.stream().filter(i -> i.shortName().equals(shortName)).findFirst();
    }

    /** By sys.implementation.name ({@code pypy}), any case. */
    public static Optional<Implementation> byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TABLE.stream().filter(i -> i.name().equals(lower)).findFirst();
    }

    /**
     * packaging's interpreter_name(): the short name of a known implementation, the name itself
     * of any other.
     */
    public static String shortNameOf(String implementationName) {
        return byName(implementationName).map(Implementation::shortName).orElse(implementationName);
    }

    /**
     * The ABI tag an implementation's current release uses when nothing else says: PyPy 7.3 is
     * {@code pypyXY_pp73}; GraalPy names its release in the tag, which no version can guess
     * (give its extension suffix or ABI); other implementations have none.
     */
    public static List<String> currentAbis(String shortName, PythonVersion version) {
        if (shortName.equals("pp")) {
            return List.of("pypy" + version.nodot() + "_pp73");
        }
        return List.of();
    }

    private static List<Implementation> load() {
        return DataFiles.rows(Interpreters.class, "interpreters.tsv", 3).stream().map(f -> new Implementation(f[0], f[1], f[2])).toList();
    }
}
