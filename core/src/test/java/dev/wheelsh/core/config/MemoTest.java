package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memo behind the selector checks: computes a key once, and stays bounded whatever it is asked. */
class MemoTest {

    private final List<String> computed = new ArrayList<>();

    private Memo<Integer> memo(int entries, int keyLength) {
        return new Memo<>(entries, keyLength, k -> {
            computed.add(k);
            return k.length();
        }, length -> length < 10);
    }

    @Test
    void aKeyAskedAgainIsNotComputedAgain() {
        Memo<Integer> m = memo(4, 100);
        assertEquals(3, m.get("abc"));
        assertEquals(3, m.get("abc"));
        assertEquals(List.of("abc"), computed);
    }

    @Test
    void theLeastRecentlyUsedKeyGoesWhenTheMemoIsFull() {
        Memo<Integer> m = memo(2, 100);
        m.get("a");
        m.get("b");
        m.get("a"); // b is now the least recently used
        m.get("c");
        m.get("a");
        m.get("b");
        assertEquals(List.of("a", "b", "c", "b"), computed);
    }

    @Test
    void longKeysAndLargeValuesAreComputedEachTime() {
        Memo<Integer> m = memo(4, 5);
        m.get("toolong");
        m.get("toolong");
        Memo<Integer> small = memo(4, 100);
        small.get("twelve chars");
        small.get("twelve chars");
        assertEquals(List.of("toolong", "toolong", "twelve chars", "twelve chars"), computed);
    }
}
