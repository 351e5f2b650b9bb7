package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.DataFiles;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The release of Python's packaging whose tag order and filename rules are reproduced: pip
 * 26.2.x vendors 26.2, pip's main branch (26.3.dev0) vendors 26.3. What 26.3 changed (its
 * CHANGELOG and src/packaging/tags.py, utils.py at tag 26.3, released 2026-08-03):
 * <ul>
 * <li>Linux: the native {@code linux_<arch>} tags come before manylinux and musllinux
 *     ({@code _linux_platforms}, packaging issue 160);</li>
 * <li>macOS: the fat binary format is {@code fat3}, no longer misspelt {@code fat32};</li>
 * <li>a free-threaded CPython's explicit ABIs lose {@code abi3t} as they lose {@code abi3}
 *     (it is yielded once, later);</li>
 * <li>names: an empty project name, an empty tag-set member ({@code py3..py2}, {@code py3-none-})
 *     and an interpreter member that is not a Python identifier are rejected; a project name may
 *     no longer end in a newline.</li>
 * </ul>
 */
public enum PackagingRelease {
    V26_2("26.2"),
    V26_3("26.3");

    /** What every command uses unless told otherwise. */
    public static final PackagingRelease DEFAULT = V26_2;

    private final String version;

    PackagingRelease(String version) {
        this.version = version;
    }

    /** {@code 26.2}, as the release is named. */
    public String version() {
        return version;
    }

    public static PackagingRelease parse(String text) throws InputException {
        for (PackagingRelease r : values()) {
            if (r.version.equals(text.strip())) {
                return r;
            }
        }
        throw InputException.in("packaging release", text, 0, text.length(),
                "not a release wheelsh reproduces (" + String.join(", ", Arrays.stream(values()).map(PackagingRelease::version).toList()) + ")");
    }

    /** A pip release and the packaging it vendors (pip-packaging.tsv). */
    public record PipVendoring(String pip, String packaging, String date) {
    }

    private static final List<PipVendoring> PIP = loadPip();

    /** The table of pip releases and the packaging each vendors, oldest first. */
    public static List<PipVendoring> pipReleases() {
        return PIP;
    }

    /**
     * The release pip {@code pipVersion} vendors ({@code 26.2}, {@code 26.1.1}, {@code 26.3.dev0}),
     * when wheelsh reproduces it; the error names what that pip vendors otherwise.
     */
    public static PackagingRelease forPip(String pipVersion) throws InputException {
        String wanted = pipVersion.strip();
        for (PipVendoring row : PIP) {
            if (row.pip().equals(wanted)) {
                for (PackagingRelease r : values()) {
                    if (r.version.equals(row.packaging())) {
                        return r;
                    }
                }
                throw InputException.in("pip release", pipVersion, 0, pipVersion.length(), "pip " + row.pip()
                        + " vendors packaging " + row.packaging() + ", which wheelsh does not reproduce (26.2, 26.3)");
            }
        }
        throw InputException.in("pip release", pipVersion, 0, pipVersion.length(), "not a pip release wheelsh knows ("
                + PIP.get(0).pip() + " to " + PIP.get(PIP.size() - 1).pip() + ")");
    }

    private static List<PipVendoring> loadPip() {
        List<PipVendoring> out = new ArrayList<>();
        for (String[] f : DataFiles.rows(PackagingRelease.class, "pip-packaging.tsv", 3)) {
            out.add(new PipVendoring(f[0], f[1], f[2]));
        }
        return List.copyOf(out);
    }

    /**
     * A platform list in this release's order, from the list in 26.2's order: 26.3 moves the
     * {@code linux_*} tags to the front (keeping their order: armv8l before armv7l) and renames
     * {@code fat32}.
     */
    public List<String> platforms(List<String> in26_2) {
        if (this == V26_2) {
            return List.copyOf(in26_2);
        }
        List<String> native_ = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String p : in26_2) {
            if (p.startsWith("linux_")) {
                native_.add(p);
            } else if (p.startsWith("macosx_") && p.endsWith("_fat32")) {
                rest.add(p.substring(0, p.length() - "fat32".length()) + "fat3");
            } else {
                rest.add(p);
            }
        }
        native_.addAll(rest);
        return List.copyOf(native_);
    }

    /** The ABIs {@code cpython_tags} yields itself, later: 26.3 adds {@code abi3t} for a free-threaded interpreter. */
    List<String> implicitAbis(boolean threading) {
        return this == V26_3 && threading ? List.of("abi3", "abi3t", "none") : List.of("abi3", "none");
    }

    /** Whether 26.3's stricter name rules apply. */
    boolean strictNames() {
        return this == V26_3;
    }

    /**
     * 26.3's {@code parse_tag} checks, after the split into three components: no empty member,
     * and every interpreter member a Python identifier. Returns the problem, or null.
     */
    String tagProblem(String[] components) {
        if (!strictNames()) {
            return null;
        }
        for (String component : components) {
            for (String member : component.split("\\.", -1)) {
                if (member.isEmpty()) {
                    return "component '" + component + "' has an empty member";
                }
            }
        }
        for (String interpreter : components[0].split("\\.", -1)) {
            if (!isPythonIdentifier(interpreter)) {
                return "interpreter '" + interpreter + "' is not an identifier";
            }
        }
        return null;
    }

    /** Python's str.isidentifier: a letter or '_' (XID_Start), then XID_Continue characters. */
    static boolean isPythonIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        if (first != '_' && !(Character.isUnicodeIdentifierStart(first) && !Character.isIdentifierIgnorable(first))) {
            return false;
        }
        for (int i = Character.charCount(first); i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
        }
        return true;
    }
}
