package dev.wheelsh.core.explain;

import dev.wheelsh.core.tags.ProjectName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * pip's {@code --no-binary} and {@code --only-binary}: two sets of canonical project names, each
 * possibly holding {@code :all:}. Options apply in command-line order, each value updating both
 * sets as pip's {@code FormatControl.handle_mutual_excludes} does (pip 26.3.dev0,
 * models/format_control.py; 23.2.1 is the same).
 */
public record FormatControl(Set<String> noBinary, Set<String> onlyBinary) {

    /** The distribution formats pip may take for a project. */
    public enum Format { BINARY, SOURCE }

    public static final String ALL = ":all:";
    public static final String NONE = ":none:";

    /** Neither option given: wheels and sdists alike. */
    public static final FormatControl DEFAULT = new FormatControl(Set.of(), Set.of());

    public FormatControl {
        noBinary = Set.copyOf(noBinary);
        onlyBinary = Set.copyOf(onlyBinary);
    }

    /** After {@code --no-binary VALUE}. */
    public FormatControl withNoBinary(String value) {
        Set<String> target = new LinkedHashSet<>(noBinary);
        Set<String> other = new LinkedHashSet<>(onlyBinary);
        apply(value, target, other);
        return new FormatControl(target, other);
    }

    /** After {@code --only-binary VALUE}. */
    public FormatControl withOnlyBinary(String value) {
        Set<String> target = new LinkedHashSet<>(onlyBinary);
        Set<String> other = new LinkedHashSet<>(noBinary);
        apply(value, target, other);
        return new FormatControl(other, target);
    }

    private static void apply(String value, Set<String> target, Set<String> other) {
        List<String> names = new ArrayList<>(List.of(value.split(",", -1)));
        while (names.contains(ALL)) {
            other.clear();
            target.clear();
            target.add(ALL);
            names.subList(0, names.indexOf(ALL) + 1).clear();
            // Without a :none: after it, :all: covers every name that follows.
            if (!names.contains(NONE)) {
                return;
            }
        }
        for (String name : names) {
            if (name.equals(NONE)) {
                target.clear();
                continue;
            }
            String canonical = ProjectName.canonicalize(name);
            other.remove(canonical);
            target.add(canonical);
        }
    }

    /** What pip may take for one project: a name given explicitly wins over {@code :all:}. */
    public Set<Format> allowed(String canonicalName) {
        Set<Format> result = EnumSet.allOf(Format.class);
        if (onlyBinary.contains(canonicalName)) {
            result.remove(Format.SOURCE);
        } else if (noBinary.contains(canonicalName)) {
            result.remove(Format.BINARY);
        } else if (onlyBinary.contains(ALL)) {
            result.remove(Format.SOURCE);
        } else if (noBinary.contains(ALL)) {
            result.remove(Format.BINARY);
        }
        return Set.copyOf(result);
    }
}
