package dev.wheelsh.core.policy;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Baseline files in auditwheel's policy format: a JSON list of policies (or an object whose
 * {@code policies} member is that list), each with {@code name}, {@code aliases},
 * {@code priority}, {@code symbol_versions} (architecture -> family -> versions),
 * {@code lib_whitelist} and {@code blacklist}. Reading gives a {@link PolicySet} or one
 * {@link InputException} line naming the file, the line and column, and the problem; writing
 * gives the same format back, so a file wheelsh derives is one auditwheel reads.
 *
 * <p>Reading is strict about types and lenient about extra members (auditwheel ignores them
 * too). The language server's checks of the same files ({@code core/config}) say more, with
 * ranges; this reader only decides whether a file can be used.
 */
public final class PolicyJson {

    /** Baseline files larger than this are refused before they are read. */
    public static final long MAX_BYTES = 16L << 20;

    private PolicyJson() {
    }

    public static PolicySet read(Path file) throws InputException {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a baseline file");
            }
            text = Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(file + ": not UTF-8 text; a baseline file is JSON", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(file.toString(), text);
    }

    /** Reads a baseline file's text; {@code name} starts every error message. */
    public static PolicySet read(String name, String text) throws InputException {
        JsonReader.Result r = JsonReader.read(text);
        if (r.error().isPresent()) {
            throw new InputException(name + ":" + at(r.error().get().range()) + ": " + r.error().get().message());
        }
        JsonReader.Node root = r.root().orElseThrow(() -> new InputException(name + ": empty; a baseline file is a JSON list of policies"));
        JsonReader.Node list = root;
        if (root instanceof JsonReader.Obj o) {
            list = o.member("policies").map(JsonReader.Member::value).orElseThrow(() -> new InputException(
                    name + ":" + at(o.range()) + ": a baseline file is a list of policies, or an object with a \"policies\" list"));
        }
        if (!(list instanceof JsonReader.Arr arr)) {
            throw new InputException(name + ":" + at(list.range()) + ": a baseline file is a list of policies");
        }
        List<Policy> out = new ArrayList<>();
        for (JsonReader.Node item : arr.items()) {
            out.add(policy(name, item));
        }
        return new PolicySet(out);
    }

    private static Policy policy(String file, JsonReader.Node node) throws InputException {
        JsonReader.Obj o = obj(file, node, "a policy");
        String name = str(file, required(file, o, "name"), "name");
        List<String> aliases = o.member("aliases").isPresent() ? strings(file, o.member("aliases").get().value(), "aliases") : List.of();
        JsonReader.Node prio = required(file, o, "priority");
        if (!(prio instanceof JsonReader.Num n) || !n.text().matches("\\d{1,9}")) {
            throw new InputException(file + ":" + at(prio.range()) + ": priority of " + name + " must be a whole number from 0 to 999999999");
        }
        int priority = Integer.parseInt(((JsonReader.Num) prio).text());
        Map<String, Map<String, List<String>>> symbols = new LinkedHashMap<>();
        JsonReader.Obj sv = obj(file, required(file, o, "symbol_versions"), "symbol_versions of " + name);
        for (JsonReader.Member arch : sv.members()) {
            JsonReader.Obj fams = obj(file, arch.value(), "symbol_versions." + arch.name() + " of " + name);
            Map<String, List<String>> f = new LinkedHashMap<>();
            for (JsonReader.Member fam : fams.members()) {
                f.put(fam.name(), strings(file, fam.value(), "symbol_versions." + arch.name() + "." + fam.name()));
            }
            symbols.put(arch.name(), f);
        }
        List<String> whitelist = strings(file, required(file, o, "lib_whitelist"), "lib_whitelist of " + name);
        Map<String, List<String>> blacklist = new LinkedHashMap<>();
        Optional<JsonReader.Member> bl = o.member("blacklist");
        if (bl.isPresent()) {
            for (JsonReader.Member lib : obj(file, bl.get().value(), "blacklist of " + name).members()) {
                blacklist.put(lib.name(), strings(file, lib.value(), "blacklist." + lib.name()));
            }
        }
        return new Policy(name, aliases, priority, symbols, whitelist, blacklist);
    }

    /** The policies in auditwheel's format, two-space indented, lists on one line as auditwheel's own files are. */
    public static String write(List<Policy> policies) {
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < policies.size(); i++) {
            Policy p = policies.get(i);
            b.append("  {\n");
            b.append("    \"name\": ").append(quote(p.name())).append(",\n");
            b.append("    \"aliases\": ").append(list(p.aliases())).append(",\n");
            b.append("    \"priority\": ").append(p.priority()).append(",\n");
            b.append("    \"symbol_versions\": {");
            int a = 0;
            for (Map.Entry<String, Map<String, List<String>>> arch : p.symbolVersions().entrySet()) {
                b.append(a++ == 0 ? "\n" : ",\n").append("      ").append(quote(arch.getKey())).append(": {");
                int f = 0;
                for (Map.Entry<String, List<String>> fam : arch.getValue().entrySet()) {
                    b.append(f++ == 0 ? "\n" : ",\n").append("        ").append(quote(fam.getKey())).append(": ").append(list(fam.getValue()));
                }
                b.append(f == 0 ? "}" : "\n      }");
            }
            b.append(a == 0 ? "},\n" : "\n    },\n");
            b.append("    \"lib_whitelist\": ").append(list(p.libWhitelist())).append(",\n");
            b.append("    \"blacklist\": {");
            int l = 0;
            for (Map.Entry<String, List<String>> lib : p.blacklist().entrySet()) {
                b.append(l++ == 0 ? "\n" : ",\n").append("      ").append(quote(lib.getKey())).append(": ").append(list(lib.getValue()));
            }
            b.append(l == 0 ? "}\n" : "\n    }\n");
            b.append(i + 1 < policies.size() ? "  },\n" : "  }\n");
        }
        return b.append("]\n").toString();
    }

    private static String list(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(items.get(i)));
        }
        return b.append(']').toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static JsonReader.Node required(String file, JsonReader.Obj o, String member) throws InputException {
        return o.member(member).map(JsonReader.Member::value).orElseThrow(() -> new InputException(
                file + ":" + at(o.range()) + ": a policy needs \"" + member + "\""));
    }

    private static JsonReader.Obj obj(String file, JsonReader.Node n, String what) throws InputException {
        if (n instanceof JsonReader.Obj o) {
            return o;
        }
        throw new InputException(file + ":" + at(n.range()) + ": " + what + " must be an object");
    }

    private static String str(String file, JsonReader.Node n, String what) throws InputException {
        if (n instanceof JsonReader.Str s) {
            return s.value();
        }
        throw new InputException(file + ":" + at(n.range()) + ": " + what + " must be a string");
    }

    private static List<String> strings(String file, JsonReader.Node n, String what) throws InputException {
        if (!(n instanceof JsonReader.Arr a)) {
            throw new InputException(file + ":" + at(n.range()) + ": " + what + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonReader.Node i : a.items()) {
            out.add(str(file, i, "each entry of " + what));
        }
        return out;
    }

    /** line:column, one-based, as the command line prints positions. */
    private static String at(SourceRange r) {
        return (r.startLine() + 1) + ":" + (r.startColumn() + 1);
    }
}
