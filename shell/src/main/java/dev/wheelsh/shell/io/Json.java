package dev.wheelsh.shell.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The one way commands print {@code --json}: indented, one document per command (schemas in
 * docs/schemas). Keys are snake_case and come out in the order the command put them in, the same
 * in every run: a document may hold only ordered maps and collections (LinkedHashMap, sorted
 * maps and sets, lists) and records, whose components have a fixed order. A {@code Map.of},
 * {@code Set.of} or {@code HashMap} iterates in an order that changes from one JVM to the next,
 * so writing one is refused as the bug it is.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** The document as indented JSON, without a final newline. */
    public static String pretty(Object document) {
        requireOrdered(document, "$");
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            // Only a value of ours Jackson cannot write gets here: a bug, not the user's input.
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Fails on the first map or collection whose iteration order is not fixed; {@code path} says where. */
    static void requireOrdered(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            if (!(map instanceof LinkedHashMap || map instanceof SortedMap || map instanceof EnumMap)) {
                throw new IllegalStateException("JSON " + path + ": a " + map.getClass().getName()
                        + " has no fixed key order; use a LinkedHashMap or a record");
            }
            map.forEach((k, v) -> requireOrdered(v, path + "." + k));
        } else if (value instanceof Collection<?> items) {
            if (!(items instanceof List || items instanceof LinkedHashSet || items instanceof SortedSet)) {
                throw new IllegalStateException("JSON " + path + ": a " + items.getClass().getName()
                        + " has no fixed order; use a list");
            }
            int i = 0;
            for (Object item : items) {
                requireOrdered(item, path + "[" + i++ + "]");
            }
        } else if (value instanceof Record record) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    requireOrdered(c.getAccessor().invoke(record), path + "." + c.getName());
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("JSON " + path + ": cannot read " + c.getName(), e);
                }
            }
        }
    }
}
