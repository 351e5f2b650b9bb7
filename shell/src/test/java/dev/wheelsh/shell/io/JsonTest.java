package dev.wheelsh.shell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code --json} documents keep the order their command gave, and refuse a map or set without one. */
class JsonTest {

    record Row(String name, Map<String, Object> facts) {
    }

    @Test
    void keysComeOutInTheOrderTheyWerePut() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("zeta", 1);
        doc.put("alpha", List.of("b", "a"));
        doc.put("sorted", new TreeMap<>(Map.of("b", 2, "a", 1)));
        assertEquals("{\n  \"zeta\" : 1,\n  \"alpha\" : [ \"b\", \"a\" ],\n  \"sorted\" : {\n    \"a\" : 1,\n    \"b\" : 2\n  }\n}",
                Json.pretty(doc));
    }

    @Test
    void aMapOrSetWithoutAFixedOrderIsRefusedWhereverItIs() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("findings", List.of(Map.of("code", "WH304", "severity", "error")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Json.pretty(inner));
        assertTrue(e.getMessage().contains("$.findings[0]"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Json.pretty(new Row("x", new HashMap<>(Map.of("a", 1)))));
        assertThrows(IllegalStateException.class, () -> Json.pretty(List.of(Set.of("a", "b"))));
        assertEquals("{\n  \"name\" : \"x\",\n  \"facts\" : { }\n}", Json.pretty(new Row("x", new LinkedHashMap<>())));
    }
}
