package dev.wheelsh.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.elf.VersionNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manylinux and musllinux baselines wheelsh knows without being told, built from
 * {@code baselines.json} in this package: each policy names, per version family, the newest
 * version its reference system's libraries define ("GLIBCXX up to 3.4.19"), and the file lists
 * every version node each architecture's libraries have ever defined. A policy allows a node
 * when the node arrived no later than its newest version, so the lists come out as auditwheel's
 * policy file has them (the data file says where each fact comes from; tests pin the result
 * against auditwheel's published lists and against real Debian libraries).
 */
public final class BuiltinPolicies {

    private static final JsonNode DATA = read();
    private static final PolicySet ALL = build(DATA);

    private BuiltinPolicies() {
    }

    public static PolicySet all() {
        return ALL;
    }

    /** The system a built-in baseline was modelled on, in words ("CentOS 7 (PEP 599)"). */
    public static java.util.Optional<String> reference(String policyName) {
        for (JsonNode p : DATA.get("policies")) {
            if (p.get("name").asText().equals(policyName) && p.hasNonNull("reference")) {
                return java.util.Optional.of(p.get("reference").asText());
            }
        }
        return java.util.Optional.empty();
    }

    private static JsonNode read() {
        try (InputStream in = BuiltinPolicies.class.getResourceAsStream("baselines.json")) {
            if (in == null) {
                throw new IllegalStateException("baselines.json missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PolicySet build(JsonNode root) {
        JsonNode nodes = root.get("versionNodes");
        List<Policy> out = new ArrayList<>();
        for (JsonNode p : root.get("policies")) {
            Map<String, Map<String, List<String>>> symbols = new LinkedHashMap<>();
            for (JsonNode arch : p.path("architectures")) {
                Map<String, List<String>> fams = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = p.path("upTo").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> fam = it.next();
                    JsonNode limit = p.path("archUpTo").path(arch.asText()).path(fam.getKey());
                    if (limit.isMissingNode()) {
                        limit = fam.getValue();
                    }
                    fams.put(fam.getKey(), limit.isNull() ? List.of() : allowed(nodes, arch.asText(), fam.getKey(), limit.asText()));
                }
                symbols.put(arch.asText(), fams);
            }
            List<String> aliases = new ArrayList<>();
            p.path("aliases").forEach(a -> aliases.add(a.asText()));
            List<String> whitelist = new ArrayList<>();
            root.get("whitelists").path(p.path("whitelist").asText()).forEach(l -> whitelist.add(l.asText()));
            Map<String, List<String>> blacklist = new LinkedHashMap<>();
            for (JsonNode key : p.path("blacklists")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = root.get("blacklists").path(key.asText()).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> lib = it.next();
                    List<String> syms = new ArrayList<>();
                    lib.getValue().forEach(s -> syms.add(s.asText()));
                    blacklist.put(lib.getKey(), syms);
                }
            }
            out.add(new Policy(p.get("name").asText(), aliases, p.get("priority").asInt(), symbols, whitelist, blacklist));
        }
        return new PolicySet(out);
    }

    /**
     * The nodes of a family on an architecture that arrived no later than {@code upTo}: numbered
     * ones first in numeric order, then named ones ("LDBL_3.4", "TM_1") in text order, the order
     * of auditwheel's lists.
     */
    private static List<String> allowed(JsonNode nodes, String arch, String family, String upTo) {
        List<Integer> limit = numbers(upTo);
        List<String> out = new ArrayList<>();
        List<JsonNode> sources = List.of(nodes.path("common").path(family), nodes.path(arch).path(family));
        for (JsonNode source : sources) {
            for (String spec : expand(source)) {
                int at = spec.indexOf('@');
                String node = at < 0 ? spec : spec.substring(0, at);
                if (compare(numbers(at < 0 ? node : spec.substring(at + 1)), limit) <= 0) {
                    out.add(node);
                }
            }
        }
        return Policy.inAuditwheelOrder(out);
    }

    /** The node specs of a list, with "A..B" ranges written out (the last number counts up). */
    private static List<String> expand(JsonNode source) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : source) {
            String spec = n.asText();
            int dots = spec.indexOf("..");
            if (dots < 0) {
                out.add(spec);
                continue;
            }
            String from = spec.substring(0, dots);
            String to = spec.substring(dots + 2);
            String stem = from.substring(0, from.lastIndexOf('.') + 1);
            int first = Integer.parseInt(from.substring(stem.length()));
            int last = Integer.parseInt(to.substring(to.lastIndexOf('.') + 1));
            if (!to.startsWith(stem) || last < first) {
                throw new IllegalStateException("baselines.json: bad range " + spec);
            }
            for (int i = first; i <= last; i++) {
                out.add(stem + i);
            }
        }
        return out;
    }

    /** The dotted number at the end of a node ("LDBL_3.4.21" -> [3, 4, 21]). */
    private static List<Integer> numbers(String node) {
        return VersionNames.parse("X_" + node).numbers();
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        return VersionNames.BY_NUMBERS.compare(new VersionNames.Parsed("", "", a), new VersionNames.Parsed("", "", b));
    }
}
