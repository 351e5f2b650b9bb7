package dev.wheelsh.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A bounded, thread-safe memo of a pure function of a short string. The editor checks a document
 * again on every keystroke; most of its selector patterns did not change, and translating and
 * matching each against every build identifier again is the cost (a 2,000-line pyproject.toml has
 * hundreds). The least recently used entry goes when the memo is full; long keys, and values too
 * large to be worth keeping (a brace pattern expanding to 256 regexes), are not kept, so hostile
 * input cannot make it grow past entries x the largest kept value.
 */
final class Memo<V> {

    private final int maxEntries;
    private final int maxKeyLength;
    private final Function<String, V> function;
    private final Predicate<V> worthKeeping;
    private final Map<String, V> entries;

    Memo(int maxEntries, int maxKeyLength, Function<String, V> function) {
        this(maxEntries, maxKeyLength, function, v -> true);
    }

    Memo(int maxEntries, int maxKeyLength, Function<String, V> function, Predicate<V> worthKeeping) {
        this.maxEntries = maxEntries;
        this.maxKeyLength = maxKeyLength;
        this.function = function;
        this.worthKeeping = worthKeeping;
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
        if (worthKeeping.test(value)) {
            synchronized (entries) {
                entries.put(key, value);
            }
        }
        return value;
    }
}
