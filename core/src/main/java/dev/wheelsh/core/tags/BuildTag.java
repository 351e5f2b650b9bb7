package dev.wheelsh.core.tags;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Objects;

/**
 * A wheel's optional build tag, split as packaging splits it: leading digits, then the rest.
 * pip prefers the higher build tag when two wheels have the same best tag.
 */
public record BuildTag(BigInteger number, String suffix) implements Comparable<BuildTag> {

    private static final Comparator<BuildTag> ORDER = Comparator.comparing(BuildTag::number)
            .thenComparing(BuildTag::suffix, TagSet::compareCodePoints);

    public BuildTag {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(suffix, "suffix");
    }

    @Override
    public int compareTo(BuildTag other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return number + suffix;
    }
}
