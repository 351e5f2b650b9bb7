package dev.wheelsh.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded, thread-safe memo of a pure function of a short string. The editor checks a document
 * again on every keystroke; most of its selector patterns did not change, and translating and
 * matching each against every build identifier again is the cost (a 2,000-line pyproject.toml has
 * hundreds). The least recently used entry goes when the memo is full, and long keys are not kept,
 * so hostile input cannot make it grow.
 */
final class Memo<V> {

    private final int maxEntries;
    private final int maxKeyLength;
    private final Function<String, V> function;
    private final Map<String, V> entries;

    Memo(int maxEntries, int maxKeyLength, Function<String, V> function) {
        this.maxEntries = maxEntries;
        this.maxKeyLength = maxKeyLength;
        this.function = function;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > Memo.this.maxEntries;
            }
        };
    }

    V get(String key) {
        if (key.length() > maxKeyLength) {
            return function.apply(key);
        }
        synchronized (entries) {
            V known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        // Computed outside the lock: two threads may both compute a new key, with the same result.
        V value = function.apply(key);
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
