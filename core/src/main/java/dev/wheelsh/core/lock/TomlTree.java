package dev.wheelsh.core.lock;

import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.document.TomlReader;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TOML document as nested values, the shape tomllib gives: tables are maps, arrays are lists,
 * strings are strings and every other scalar is a {@link Fields.Literal}, its text as written. Lock files are read through
 * it; the position-keeping reader underneath is the one the editor checks use.
 */
final class TomlTree {

    private TomlTree() {
    }

    /** The document's root table; a syntax error is an {@link InputException} naming its line. */
    static Map<String, Object> read(String source, String text) throws InputException {
        Toml.Document doc = TomlReader.read(text);
        if (!doc.errors().isEmpty()) {
            Toml.SyntaxError e = doc.errors().get(0);
            throw new InputException(source + ":" + (e.range().startLine() + 1) + ":" + (e.range().startColumn() + 1)
                    + ": not valid TOML: " + e.message());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> headerTables = new ArrayList<>();
        for (Toml.Header h : doc.headers()) {
            headerTables.add(headerTable(source, root, h));
        }
        for (Toml.Entry e : doc.entries()) {
            List<String> prefix = e.headerIndex() < 0 ? List.of() : doc.headers().get(e.headerIndex()).path();
            // Keys inside an inline table are listed too, flattened; they are read with their table.
            if (e.path().size() != prefix.size() + e.keyRanges().size()) {
                continue;
            }
            Map<String, Object> table = e.headerIndex() < 0 ? root : headerTables.get(e.headerIndex());
            put(source, table, e.path().subList(prefix.size(), e.path().size()), value(source, e.value()));
        }
        return root;
    }

    private static Map<String, Object> headerTable(String source, Map<String, Object> root, Toml.Header h)
            throws InputException {
        Map<String, Object> at = root;
        List<String> path = h.path();
        for (int i = 0; i < path.size(); i++) {
            boolean last = i == path.size() - 1;
            Object next = at.get(path.get(i));
            if (last && h.arrayTable()) {
                List<Object> list;
                if (next instanceof List<?> l) {
                    @SuppressWarnings("unchecked")
                    List<Object> cast = (List<Object>) l;
                    list = cast;
                } else if (next == null) {
                    list = new ArrayList<>();
                    at.put(path.get(i), list);
                } else {
                    throw new InputException(source + ":" + (h.range().startLine() + 1) + ": [[" + String.join(".", path)
                            + "]] redefines a key that is not an array of tables");
                }
                Map<String, Object> instance = new LinkedHashMap<>();
                list.add(instance);
                return instance;
            }
            if (next == null) {
                Map<String, Object> t = new LinkedHashMap<>();
                at.put(path.get(i), t);
                at = t;
            } else if (next instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cast = (Map<String, Object>) m;
                at = cast;
            } else if (next instanceof List<?> l && !l.isEmpty() && l.get(l.size() - 1) instanceof Map<?, ?> m) {
                // a sub-table of the latest instance of an array of tables
                @SuppressWarnings("unchecked")
                Map<String, Object> cast = (Map<String, Object>) m;
                at = cast;
            } else {
                throw new InputException(source + ":" + (h.range().startLine() + 1) + ": [" + String.join(".", path)
                        + "] redefines a key that is not a table");
            }
        }
        return at;
    }

    private static void put(String source, Map<String, Object> table, List<String> key, Object value) throws InputException {
        Map<String, Object> at = table;
        for (int i = 0; i < key.size() - 1; i++) {
            Object next = at.computeIfAbsent(key.get(i), k -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map<?, ?> m)) {
                throw new InputException(source + ": key " + String.join(".", key) + " redefines a value");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) m;
            at = cast;
        }
        at.put(key.get(key.size() - 1), value);
    }

    private static Object value(String source, Toml.Node node) throws InputException {
        if (node instanceof Toml.Str s) {
            return s.value();
        } else if (node instanceof Toml.Scalar sc) {
            return new Fields.Literal(sc.text());
        } else if (node instanceof Toml.Arr a) {
            List<Object> out = new ArrayList<>();
            for (Toml.Node item : a.items()) {
                out.add(value(source, item));
            }
            return out;
        }
        Toml.Table t = (Toml.Table) node;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Toml.Entry e : t.entries()) {
            put(source, out, e.path(), value(source, e.value()));
        }
        return out;
    }
}
