package dev.wheelsh.core.policy;

import dev.wheelsh.core.vocabulary.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Baseline files in auditwheel's policy format: a JSON list of policies (or an object whose
 * {@code policies} member is that list), each with {@code name}, {@code aliases},
 * {@code priority}, {@code symbol_versions} (architecture -> family -> versions),
 * {@code lib_whitelist} and {@code blacklist}. Reading gives a {@link PolicySet} or one
 * {@link InputException} line naming the file, the line and column, and the problem (the first
 * error {@link BaselineFile}, the one reader of the format, finds; lint shows all of them);
 * writing gives the same format back, so a file wheelsh derives is one auditwheel reads.
 */
public final class PolicyJson {

    /** Baseline files larger than this are refused before they are read. */
    public static final long MAX_BYTES = BaselineFile.MAX_BYTES;

    private PolicyJson() {
    }

    /** The policies of a baseline file, or its first error as one line {@code file:line:col: message}. */
    public static PolicySet read(Path file) throws InputException {
        return BaselineFile.read(file).orRefuse(file.toString());
    }

    /** Reads a baseline file's text; {@code name} starts every error message. */
    public static PolicySet read(String name, String text) throws InputException {
        return BaselineFile.parse(text).orRefuse(name);
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
}
