package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.elf.VersionNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One baseline: what a platform tag such as {@code manylinux_2_28} promises about the system a
 * wheel lands on, in auditwheel's policy terms.
 *
 * @param name           the policy name, also the platform tag without its architecture
 * @param aliases        legacy names of the same promise ({@code manylinux2014})
 * @param priority       auditwheel's order: higher is older and more widely installable; 0 is
 *                       {@code linux}, which promises nothing
 * @param symbolVersions per architecture, per version family ({@code GLIBC}, {@code GLIBCXX},
 *                       {@code CXXABI}, {@code GCC}, ...), the versions the baseline's libraries
 *                       define, written without the family ({@code "2.17"}, {@code "TM_1"}). A
 *                       family present with an empty list allows none of its versions; a family
 *                       absent is not judged.
 * @param libWhitelist   the libraries a wheel may take from the system instead of bundling
 * @param blacklist      per whitelisted library, symbols a wheel must not import from it (they
 *                       are missing or broken on some systems the baseline covers)
 */
public record Policy(String name, List<String> aliases, int priority,
                     Map<String, Map<String, List<String>>> symbolVersions,
                     List<String> libWhitelist, Map<String, List<String>> blacklist) {

    private static final Pattern VERSIONED = Pattern.compile("(manylinux|musllinux)_(\\d{1,6})_(\\d{1,6})");

    /** The C library a baseline is about; {@link #NONE} for {@code linux} and custom names. */
    public Policy {
        aliases = List.copyOf(aliases);
        Map<String, Map<String, List<String>>> sv = new LinkedHashMap<>();
        symbolVersions.forEach((arch, fams) -> {
            Map<String, List<String>> f = new LinkedHashMap<>();
            fams.forEach((fam, vs) -> f.put(fam, List.copyOf(vs)));
            sv.put(arch, java.util.Collections.unmodifiableMap(f));
        });
        symbolVersions = java.util.Collections.unmodifiableMap(sv);
        libWhitelist = List.copyOf(libWhitelist);
        Map<String, List<String>> bl = new LinkedHashMap<>();
        blacklist.forEach((lib, syms) -> bl.put(lib, List.copyOf(syms)));
        blacklist = java.util.Collections.unmodifiableMap(bl);
    }

    /** True for {@code linux}: the policy of a wheel that promises nothing. */
    public boolean promisesNothing() {
        return priority == 0;
    }

    public Set<String> architectures() {
        return symbolVersions.keySet();
    }

    /** Whether this baseline is defined for the architecture ({@code linux} is, for every one). */
    public boolean covers(String arch) {
        return promisesNothing() || symbolVersions.containsKey(arch);
    }

    /** The versions of a family allowed on an architecture; empty when the family is not judged. */
    public Optional<List<String>> allowed(String arch, String family) {
        Map<String, List<String>> fams = symbolVersions.get(arch);
        return fams == null ? Optional.empty() : Optional.ofNullable(fams.get(family));
    }

    /**
     * The newest version of each judged family on an architecture, families in the order
     * GLIBC, GLIBCXX, CXXABI, GCC, ZLIB, LIBATOMIC, then any others ("GLIBC" -> "GLIBC_2.38"); a
     * family listed with no versions maps to "ZLIB none".
     */
    public Map<String, String> newestVersions(String arch) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, List<String>> fams = symbolVersions.getOrDefault(arch, Map.of());
        List<String> order = new java.util.ArrayList<>(List.of("GLIBC", "GLIBCXX", "CXXABI", "GCC", "ZLIB", "LIBATOMIC"));
        fams.keySet().stream().filter(f -> !order.contains(f)).forEach(order::add);
        for (String family : order) {
            List<String> versions = fams.get(family);
            if (versions == null) {
                continue;
            }
            String hi = VersionNames.highestPerFamily(versions.stream().map(v -> family + "_" + v).toList()).get(family);
            out.put(family, hi == null ? family + " none" : hi);
        }
        return out;
    }

    /**
     * Versions in the order of auditwheel's lists: numbered ones ("2.17") in numeric order, then
     * named ones ("LDBL_3.4", "TM_1") in text order.
     */
    public static List<String> inAuditwheelOrder(java.util.Collection<String> versions) {
        List<String> numbered = new java.util.ArrayList<>();
        List<String> named = new java.util.ArrayList<>();
        for (String v : versions) {
            (!v.isEmpty() && Character.isDigit(v.charAt(0)) ? numbered : named).add(v);
        }
        // each name parsed once, not at every comparison: the built-in baselines sort about a
        // thousand such lists when explain starts
        java.util.Map<String, VersionNames.Parsed> parsed = new java.util.HashMap<>();
        numbered.forEach(v -> parsed.put(v, VersionNames.parse("X_" + v)));
        numbered.sort((a, b) -> VersionNames.BY_NUMBERS.compare(parsed.get(a), parsed.get(b)));
        named.sort(String::compareTo);
        List<String> out = new java.util.ArrayList<>(numbered);
        out.addAll(named);
        return out;
    }

    /** The platform tag this baseline gives a wheel of the architecture. */
    public String platformTag(String arch) {
        return name + "_" + arch;
    }

    /** Whether the name or one of the aliases is this. */
    public boolean named(String n) {
        return name.equals(n) || aliases.contains(n);
    }

    public LibcFamily libc() {
        Matcher m = VERSIONED.matcher(name);
        if (!m.matches()) {
            return LibcFamily.NONE;
        }
        return m.group(1).equals("manylinux") ? LibcFamily.GLIBC : LibcFamily.MUSL;
    }

    /** The C-library version the name promises ({@code manylinux_2_28} -> [2, 28]), when it names one. */
    public Optional<int[]> libcVersion() {
        Matcher m = VERSIONED.matcher(name);
        return m.matches() ? Optional.of(new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))})
                : Optional.empty();
    }
}
