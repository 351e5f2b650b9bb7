package dev.wheelsh.core.policy;

import dev.wheelsh.core.document.JsonTree;
import dev.wheelsh.core.elf.VersionNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private static final JsonTree DATA = read();
    private static final PolicySet ALL = build(DATA);

    private BuiltinPolicies() {
    }

    public static PolicySet all() {
        return ALL;
    }

    /** The system a built-in baseline was modelled on, in words ("CentOS 7 (PEP 599)"). */
    public static Optional<String> reference(String policyName) {
        for (JsonTree p : DATA.path("policies").items()) {
            if (p.path("name").text().equals(policyName) && p.path("reference").present()) {
                return Optional.of(p.path("reference").text());
            }
        }
        return Optional.empty();
    }

    /** Read without an object mapper: it is on the start-up path of explain (see {@link JsonTree}). */
    private static JsonTree read() {
        return JsonTree.resource(BuiltinPolicies.class, "baselines.json");
    }

    private static PolicySet build(JsonTree root) {
        JsonTree nodes = root.path("versionNodes");
        Map<String, List<Arrival>> arrivals = new HashMap<>();
        List<Policy> out = new ArrayList<>();
        for (JsonTree p : root.path("policies").items()) {
            Map<String, Map<String, List<String>>> symbols = new LinkedHashMap<>();
            for (JsonTree arch : p.path("architectures").items()) {
                Map<String, List<String>> fams = new LinkedHashMap<>();
                for (Map.Entry<String, JsonTree> fam : p.path("upTo").fields().entrySet()) {
                    JsonTree limit = p.path("archUpTo").path(arch.text()).path(fam.getKey());
                    if (limit.node().isEmpty()) {
                        limit = fam.getValue();
                    }
                    fams.put(fam.getKey(), limit.isNull() ? List.of() : allowed(arrivals, nodes, arch.text(), fam.getKey(), limit.text()));
                }
                symbols.put(arch.text(), fams);
            }
            List<String> aliases = new ArrayList<>();
            p.path("aliases").items().forEach(a -> aliases.add(a.text()));
            List<String> whitelist = new ArrayList<>();
            root.path("whitelists").path(p.path("whitelist").text()).items().forEach(l -> whitelist.add(l.text()));
            Map<String, List<String>> blacklist = new LinkedHashMap<>();
            for (JsonTree key : p.path("blacklists").items()) {
                for (Map.Entry<String, JsonTree> lib : root.path("blacklists").path(key.text()).fields().entrySet()) {
                    List<String> syms = new ArrayList<>();
                    lib.getValue().items().forEach(x -> syms.add(x.text()));
                    blacklist.put(lib.getKey(), syms);
                }
            }
            out.add(new Policy(p.path("name").text(), aliases, Integer.parseInt(p.path("priority").text()), symbols, whitelist, blacklist));
        }
        return new PolicySet(out);
    }

    /**
     * The nodes of a family on an architecture that arrived no later than {@code upTo}: numbered
     * ones first in numeric order, then named ones ("LDBL_3.4", "TM_1") in text order, the order
     * of auditwheel's lists.
     */
    private static List<String> allowed(Map<String, List<Arrival>> arrivals, JsonTree nodes, String arch, String family,
                                        String upTo) {
        List<Integer> limit = numbers(upTo);
        List<String> out = new ArrayList<>();
        for (Arrival a : arrivals(arrivals, nodes, arch, family)) {
            if (compare(a.since(), limit) <= 0) {
                out.add(a.node());
            }
        }
        return Policy.inAuditwheelOrder(out);
    }

    /** A version node and the version it arrived with ("GLIBC_2.17", or "LDBL_3.4@3.4.21"). */
    private record Arrival(String node, List<Integer> since) {
    }

    /**
     * The nodes of a family on an architecture, common ones first, each parsed once: every
     * policy asks for the same lists (21 policies, each per architecture and family).
     */
    private static List<Arrival> arrivals(Map<String, List<Arrival>> parsed, JsonTree nodes, String arch, String family) {
        return parsed.computeIfAbsent(arch + "\u0000" + family, k -> {
            List<Arrival> out = new ArrayList<>();
            for (JsonTree source : List.of(nodes.path("common").path(family), nodes.path(arch).path(family))) {
                for (String spec : expand(source)) {
                    int at = spec.indexOf('@');
                    String node = at < 0 ? spec : spec.substring(0, at);
                    out.add(new Arrival(node, numbers(at < 0 ? node : spec.substring(at + 1))));
                }
            }
            return List.copyOf(out);
        });
    }

    /** The node specs of a list, with "A..B" ranges written out (the last number counts up). */
    private static List<String> expand(JsonTree source) {
        List<String> out = new ArrayList<>();
        for (JsonTree n : source.items()) {
            String spec = n.text();
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
