package dev.wheelsh.core.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A place in a JSON document read by {@link JsonReader}, present or not, walked the way built-in
 * data files are read: a member, the items of an array, the members of an object in order, a
 * scalar's text. Built-in data is read through it rather than a data-binding object mapper,
 * whose construction costs more than a short command's own work (docs/benchmarks.md, "Start-up").
 */
public record JsonTree(Optional<JsonReader.Node> node) {

    /** A JSON resource that ships in the jar, next to {@code owner}; a broken one is a build error. */
    public static JsonTree resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the jar");
            }
            JsonReader.Result r = JsonReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (r.error().isPresent() || r.root().isEmpty()) {
                throw new IllegalStateException(name + ": " + r.error().map(Toml.SyntaxError::message).orElse("empty"));
            }
            return new JsonTree(r.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The member {@code name} of an object; absent for anything else. */
    public JsonTree path(String name) {
        return new JsonTree(node.filter(n -> n instanceof JsonReader.Obj).map(n -> (JsonReader.Obj) n)
                .flatMap(o -> o.member(name)).map(JsonReader.Member::value));
    }

    /** The items of an array; none for anything else. */
    public List<JsonTree> items() {
        return node.filter(n -> n instanceof JsonReader.Arr)
                .map(n -> ((JsonReader.Arr) n).items().stream().map(i -> new JsonTree(Optional.of(i))).toList())
                .orElse(List.of());
    }

    /** The members of an object in the file's order; none for anything else. */
    public Map<String, JsonTree> fields() {
        Map<String, JsonTree> out = new LinkedHashMap<>();
        node.filter(n -> n instanceof JsonReader.Obj)
                .ifPresent(o -> ((JsonReader.Obj) o).members().forEach(m -> out.put(m.name(), new JsonTree(Optional.of(m.value())))));
        return out;
    }

    /** There, and not null. */
    public boolean present() {
        return node.isPresent() && !isNull();
    }

    public boolean isNull() {
        return node.filter(n -> n instanceof JsonReader.Lit l && l.text().equals("null")).isPresent();
    }

    /** A string's value, a number's or literal's text; "" for anything else or nothing. */
    public String text() {
        if (node.isEmpty()) {
            return "";
        }
        JsonReader.Node n = node.get();
        if (n instanceof JsonReader.Str str) {
            return str.value();
        }
        if (n instanceof JsonReader.Num num) {
            return num.text();
        }
        return n instanceof JsonReader.Lit lit ? lit.text() : "";
    }

    /** {@link #text()}, or {@code otherwise} when absent or null. */
    public String text(String otherwise) {
        return present() ? text() : otherwise;
    }

    /** true/false as written, a number as non-zero; {@code otherwise} for anything else. */
    public boolean bool(boolean otherwise) {
        if (node.isPresent() && node.get() instanceof JsonReader.Lit lit && !lit.text().equals("null")) {
            return lit.text().equals("true");
        }
        if (node.isPresent() && node.get() instanceof JsonReader.Num) {
            return integer(0) != 0;
        }
        return otherwise;
    }

    /** A number's integer part, true as 1 and false as 0; {@code otherwise} for anything else. */
    public int integer(int otherwise) {
        if (node.isPresent() && node.get() instanceof JsonReader.Num num) {
            try {
                return (int) Double.parseDouble(num.text());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        if (node.isPresent() && node.get() instanceof JsonReader.Lit lit && !lit.text().equals("null")) {
            return lit.text().equals("true") ? 1 : 0;
        }
        return otherwise;
    }
}
