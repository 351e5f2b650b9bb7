package dev.wheelsh.core.lock;

import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table of a lock file with the place it came from ({@code packages[3].wheels[0]}), so that
 * every complaint names the file, the place and the problem in one line.
 */
record Fields(String source, String place, Map<String, Object> values) {

    Fields {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static Fields root(String source, Map<String, Object> values) {
        return new Fields(source, "", values);
    }

    /** A JSON document as the same nested values: objects as maps, numbers and literals as their text. */
    static Fields json(String source, String text) throws InputException {
        JsonReader.Result r = JsonReader.read(text);
        if (r.error().isPresent()) {
            Toml.SyntaxError e = r.error().get();
            throw new InputException(source + ":" + (e.range().startLine() + 1) + ":" + (e.range().startColumn() + 1)
                    + ": not valid JSON: " + e.message());
        }
        Object root = plain(r.root().orElseThrow());
        if (!(root instanceof Map<?, ?> m)) {
            throw new InputException(source + ": not a JSON object at the top");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> cast = (Map<String, Object>) m;
        return root(source, cast);
    }

    private static Object plain(JsonReader.Node node) {
        if (node instanceof JsonReader.Obj o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (JsonReader.Member m : o.members()) {
                out.put(m.name(), plain(m.value()));
            }
            return out;
        } else if (node instanceof JsonReader.Arr a) {
            List<Object> out = new ArrayList<>();
            a.items().forEach(i -> out.add(plain(i)));
            return out;
        } else if (node instanceof JsonReader.Str s) {
            return s.value();
        } else if (node instanceof JsonReader.Num n) {
            return new Literal(n.text());
        }
        return new Literal(((JsonReader.Lit) node).text());
    }

    /** A number, boolean or null of a JSON document, kept apart from strings. */
    record Literal(String text) {
    }

    private String at(String key) {
        return place.isEmpty() ? key : place + "." + key;
    }

    InputException error(String key, String why) {
        return new InputException(source + ": " + at(key) + ": " + why);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Optional<String> string(String key) throws InputException {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw error(key, "expected a string, found " + kind(v));
        }
        return Optional.of(s);
    }

    String requiredString(String key) throws InputException {
        return string(key).orElseThrow(() -> error(key, "missing (a string is required)"));
    }

    Optional<Fields> table(String key) throws InputException {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw error(key, "expected a table, found " + kind(v));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> cast = (Map<String, Object>) m;
        return Optional.of(new Fields(source, at(key), cast));
    }

    /** An array of tables; absent is empty. */
    List<Fields> tables(String key) throws InputException {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw error(key, "expected an array of tables, found " + kind(v));
        }
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Map<?, ?> m)) {
                throw error(key + "[" + i + "]", "expected a table, found " + kind(l.get(i)));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) m;
            out.add(new Fields(source, at(key) + "[" + i + "]", cast));
        }
        return out;
    }

    /** An array of strings; absent is empty. */
    List<String> strings(String key) throws InputException {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw error(key, "expected an array of strings, found " + kind(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof String s)) {
                throw error(key + "[" + i + "]", "expected a string, found " + kind(l.get(i)));
            }
            out.add(s);
        }
        return out;
    }

    /** The keys of this table, in order. */
    List<String> keys() {
        return List.copyOf(values.keySet());
    }

    private static String kind(Object v) {
        if (v instanceof Map<?, ?>) {
            return "a table";
        } else if (v instanceof List<?>) {
            return "an array";
        } else if (v instanceof Literal l) {
            return l.text();
        }
        return "'" + v + "'";
    }
}
