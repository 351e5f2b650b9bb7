package dev.wheelsh.core.document;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The key paths of one TOML document as a tree of numbered nodes, for telling duplicates apart.
 *
 * <p>Each node is one step from its parent: a key part, an instance of an array of tables, or an
 * inline table. Walking a dotted key of k parts takes k map look-ups, each hashing one part, so a
 * key costs time and memory linear in its length; spelling every prefix out as a string (a.b,
 * a.b.c, ...) would cost the square of it, and a 200 KB key would take gigabytes.
 */
final class KeyTree {

    static final int ROOT = 0;

    /** What a header made of a node. */
    enum Kind { TABLE, ARRAY }

    private enum StepKind { PART, INSTANCE, INLINE }

    private record Step(int parent, StepKind kind, String part) {
    }

    private final Map<Step, Integer> ids = new HashMap<>();
    private final Map<Integer, Kind> tables = new HashMap<>();
    private final BitSet values = new BitSet();
    private final BitSet dotted = new BitSet();
    private final BitSet inlineKeys = new BitSet();

    private int step(int parent, StepKind kind, String part) {
        return ids.computeIfAbsent(new Step(parent, kind, part), s -> ids.size() + 1);
    }

    /** The node of key part {@code part} under {@code parent}. */
    int child(int parent, String part) {
        return step(parent, StepKind.PART, part);
    }

    /** The node of a key path under {@code parent}. */
    int path(int parent, List<String> parts) {
        int node = parent;
        for (String p : parts) {
            node = child(node, p);
        }
        return node;
    }

    /** The node under which the keys of the {@code count}th [[array]] table of {@code array} live. */
    int instance(int array, int count) {
        return step(array, StepKind.INSTANCE, Integer.toString(count));
    }

    /** The node of the inline table that starts at a place (its keys live under it alone). */
    int inlineTable(int line, int col) {
        return step(ROOT, StepKind.INLINE, line + ":" + col);
    }

    Kind table(int node) {
        return tables.get(node);
    }

    void defineTable(int node, Kind kind) {
        tables.put(node, kind);
    }

    boolean isValue(int node) {
        return values.get(node);
    }

    void markValue(int node) {
        values.set(node);
    }

    boolean isDotted(int node) {
        return dotted.get(node);
    }

    void markDotted(int node) {
        dotted.set(node);
    }

    /** Marks a key of an inline table; false when it was marked before (a duplicate). */
    boolean markInlineKey(int node) {
        boolean seen = inlineKeys.get(node);
        inlineKeys.set(node);
        return !seen;
    }
}
