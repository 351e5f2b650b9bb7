package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags a wheel filename's last three components promise. A compressed tag set
 * ({@code py2.py3-none-any}, PEP 425) expands to the product of its dotted parts. Like packaging's
 * {@code parse_tag} it is a set: order carries no meaning, but expansion order is kept for
 * stable printing.
 *
 * @param tags the expanded tags, in expansion order, without duplicates
 */
public record TagSet(Set<Tag> tags) {

    public TagSet {
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
    }

    /** Parses {@code interpreters-abis-platforms}; no order check (packaging's default). */
    public static TagSet parse(String text) throws InputException {
        return parse(text, false);
    }

    /**
     * Parses {@code interpreters-abis-platforms}. With {@code validateOrder}, each dotted
     * component must be sorted as PEP 425 asks (packaging's {@code validate_order=True}).
     */
    public static TagSet parse(String text, boolean validateOrder) throws InputException {
        String[] components = text.split("-", -1);
        if (components.length != 3) {
            throw InputException.in("tag set", text, 0, text.length(), "has " + components.length
                    + " dash-separated components, expected 3 (interpreter-abi-platform)");
        }
        if (validateOrder) {
            int offset = 0;
            for (String component : components) {
                if (!isSorted(component)) {
                    throw new UnsortedTagsException(InputException.in("tag set", text, offset, component.length(),
                            "component '" + component + "' is not in sorted order per PEP 425"));
                }
                offset += component.length() + 1;
            }
        }
        List<Tag> out = new ArrayList<>();
        for (String interpreter : component(components[0])) {
            for (String abi : component(components[1])) {
                for (String platform : component(components[2])) {
                    out.add(new Tag(interpreter, abi, platform));
                }
            }
        }
        return new TagSet(new LinkedHashSet<>(out));
    }

    /** Whether the dotted parts of a component are in code-point order (Python's sorted()). */
    static boolean isSorted(String component) {
        String[] parts = component.split("\\.", -1);
        String[] sorted = parts.clone();
        Arrays.sort(sorted, TagSet::compareCodePoints);
        return Arrays.equals(parts, sorted);
    }

    /** Python compares strings by code point; Java's compareTo by UTF-16 unit. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String[] component(String component) {
        return component.split("\\.", -1);
    }

    /** Whether any tag of this set is in {@code supported}. */
    public boolean intersects(Set<Tag> supported) {
        for (Tag tag : tags) {
            if (supported.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /** The compressed form, e.g. {@code cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64}. */
    public String compressed() {
        LinkedHashSet<String> interpreters = new LinkedHashSet<>();
        LinkedHashSet<String> abis = new LinkedHashSet<>();
        LinkedHashSet<String> platforms = new LinkedHashSet<>();
        for (Tag tag : tags) {
            interpreters.add(tag.interpreter());
            abis.add(tag.abi());
            platforms.add(tag.platform());
        }
        return String.join(".", interpreters) + "-" + String.join(".", abis) + "-" + String.join(".", platforms);
    }

    @Override
    public String toString() {
        return compressed();
    }
}
