package dev.wheelsh.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of baselines, most widely installable (highest priority) first. Built-in policies and the
 * ones read from baseline files combine into one set ({@link #with}): a policy of a built-in's
 * name redefines that baseline for the architectures it lists and keeps the built-in lists for
 * the others, so a project can say what manylinux_2_38 means on loongarch64 without restating
 * x86_64.
 */
public record PolicySet(List<Policy> policies) {

    public PolicySet {
        Map<String, Policy> byName = new LinkedHashMap<>();
        for (Policy p : policies) {
            byName.put(p.name(), p);
        }
        List<Policy> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparingInt(Policy::priority).reversed());
        policies = List.copyOf(sorted);
    }

    /**
     * This set with the other's policies added. On equal names the other's priority, aliases,
     * whitelist and blacklist win, and its architectures replace this set's; architectures only
     * this set lists stay.
     */
    public PolicySet with(PolicySet other) {
        Map<String, Policy> byName = new LinkedHashMap<>();
        for (Policy p : policies) {
            byName.put(p.name(), p);
        }
        for (Policy p : other.policies) {
            Policy old = byName.get(p.name());
            if (old == null) {
                byName.put(p.name(), p);
                continue;
            }
            Map<String, Map<String, List<String>>> symbols = new LinkedHashMap<>(old.symbolVersions());
            symbols.putAll(p.symbolVersions());
            byName.put(p.name(), new Policy(p.name(), p.aliases(), p.priority(), symbols, p.libWhitelist(), p.blacklist()));
        }
        return new PolicySet(new ArrayList<>(byName.values()));
    }

    /** By name or alias. */
    public Optional<Policy> find(String name) {
        for (Policy p : policies) {
            if (p.named(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The policies defined for the architecture, highest priority first ({@code linux} last). */
    public List<Policy> forArch(String arch) {
        return policies.stream().filter(p -> p.covers(arch)).toList();
    }

    /** A platform tag taken apart: the policy it names and the architecture. */
    public record TagPolicy(Policy policy, String arch) {
    }

    /** The policy whose tag this platform tag is, and its architecture ({@code manylinux2014_aarch64} -> manylinux_2_17, aarch64). */
    public Optional<TagPolicy> resolve(String platformTag) {
        for (Policy p : policies) {
            for (String n : names(p)) {
                String prefix = n + "_";
                if (platformTag.startsWith(prefix) && p.covers(platformTag.substring(prefix.length()))) {
                    return Optional.of(new TagPolicy(p, platformTag.substring(prefix.length())));
                }
            }
        }
        return Optional.empty();
    }

    /** The policy whose tag this platform tag is ({@code manylinux2014_x86_64} -> manylinux_2_17). */
    public Optional<Policy> ofPlatformTag(String platformTag) {
        return resolve(platformTag).map(TagPolicy::policy);
    }

    private static List<String> names(Policy p) {
        List<String> out = new ArrayList<>();
        out.add(p.name());
        out.addAll(p.aliases());
        return out;
    }
}
