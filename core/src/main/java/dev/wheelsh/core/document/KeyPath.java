package dev.wheelsh.core.document;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable key path made of a shared prefix and a tail: the entries under one table header
 * share the header's path instead of each copying it, so n keys under a header of k parts cost
 * n + k, not n * k.
 */
final class KeyPath extends AbstractList<String> implements RandomAccess {

    private final List<String> prefix;
    private final List<String> tail;

    private KeyPath(List<String> prefix, List<String> tail) {
        this.prefix = prefix;
        this.tail = tail;
    }

    /** {@code prefix} followed by {@code tail}; both are taken as they are, so both must be immutable. */
    static List<String> of(List<String> prefix, List<String> tail) {
        if (prefix.isEmpty()) {
            return tail;
        }
        return tail.isEmpty() ? prefix : new KeyPath(prefix, tail);
    }

    @Override
    public String get(int index) {
        int p = prefix.size();
        if (index < 0 || index >= p + tail.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return index < p ? prefix.get(index) : tail.get(index - p);
    }

    @Override
    public int size() {
        return prefix.size() + tail.size();
    }
}
