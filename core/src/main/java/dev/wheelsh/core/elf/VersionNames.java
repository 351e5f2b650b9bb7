package dev.wheelsh.core.elf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Symbol version names such as GLIBC_2.17, GLIBCXX_3.4.30, CXXABI_1.3.13: a family (the part
 * before the last underscore that precedes a number) and a dotted version, compared numerically.
 */
public final class VersionNames {

    private VersionNames() {
    }

    /** A parsed name: family "GLIBC", numbers [2, 17]; names without numbers have none. */
    public record Parsed(String name, String family, List<Integer> numbers) {
    }

    public static Parsed parse(String name) {
        int us = name.lastIndexOf('_');
        if (us > 0 && us + 1 < name.length() && Character.isDigit(name.charAt(us + 1))) {
            List<Integer> nums = new ArrayList<>();
            for (String part : name.substring(us + 1).split("\\.")) {
                try {
                    nums.add(Integer.parseInt(part));
                } catch (NumberFormatException e) {
                    return new Parsed(name, name, List.of());
                }
            }
            return new Parsed(name, name.substring(0, us), List.copyOf(nums));
        }
        return new Parsed(name, name, List.of());
    }

    /** Orders versions of one family by their numbers (2.2.5 &lt; 2.14). */
    public static final Comparator<Parsed> BY_NUMBERS = (a, b) -> {
        for (int i = 0; i < Math.max(a.numbers().size(), b.numbers().size()); i++) {
            int x = i < a.numbers().size() ? a.numbers().get(i) : 0;
            int y = i < b.numbers().size() ? b.numbers().get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    };

    /**
     * The highest version of each numbered family among these names, families in first-seen
     * order ("GLIBC" -&gt; "GLIBC_2.34", "GLIBCXX" -&gt; "GLIBCXX_3.4.30"). Unnumbered names
     * (GLIBC_PRIVATE) are left out: they say nothing about a minimum.
     */
    public static Map<String, String> highestPerFamily(List<String> names) {
        Map<String, Parsed> best = new LinkedHashMap<>();
        for (String n : names) {
            Parsed p = parse(n);
            if (p.numbers().isEmpty()) {
                continue;
            }
            best.merge(p.family(), p, (old, nu) -> BY_NUMBERS.compare(nu, old) > 0 ? nu : old);
        }
        Map<String, String> out = new LinkedHashMap<>();
        best.forEach((k, v) -> out.put(k, v.name()));
        return out;
    }
}
