package dev.wheelsh.core.config;

import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.tags.Architectures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facts the config checks rely on, read once from config-facts.json (sources noted there). */
final class ConfigFacts {

    static final ConfigFacts INSTANCE = load();

    final List<String> cibwPythons;
    final List<String> cibwPlatforms;
    final Map<String, List<String>> cibwArchs;
    final List<String> cibwArchWords;
    final List<String> cibwPlatformTables;
    final List<String> cibwGlobalOnly;
    final List<String> cibwOptions;
    final List<String> cibwEnableGroups;
    final Map<String, List<String>> cibwImageArchs;
    final Map<String, List<String>> cibwImages;
    final List<String> markerVariables;
    final Map<String, String> legacyMarkerVariables;
    final List<String> platformMachines;
    final List<String> sysPlatforms;
    final List<String> uvPythonPlatformPatterns;
    final Map<String, String> archAliases;
    final List<String> pipSections;
    final List<String> pipOptions;
    final List<String> pipImplementations;
    final List<String> policyArchs;

    private ConfigFacts(JsonNode j) {
        cibwPythons = list(j, "cibuildwheelPythons");
        cibwPlatforms = list(j, "cibuildwheelPlatforms");
        cibwArchs = listMap(j, "cibuildwheelArchs");
        cibwArchWords = list(j, "cibuildwheelArchWords");
        cibwPlatformTables = list(j, "cibuildwheelPlatformTables");
        cibwGlobalOnly = list(j, "cibuildwheelGlobalOnly");
        cibwOptions = list(j, "cibuildwheelOptions");
        cibwEnableGroups = list(j, "cibuildwheelEnableGroups");
        cibwImageArchs = listMap(j, "cibuildwheelImageArchs");
        cibwImages = listMap(j, "cibuildwheelImages");
        markerVariables = list(j, "markerVariables");
        legacyMarkerVariables = stringMap(j, "legacyMarkerVariables");
        platformMachines = list(j, "platformMachines");
        sysPlatforms = list(j, "sysPlatforms");
        uvPythonPlatformPatterns = list(j, "uvPythonPlatformPatterns");
        archAliases = Architectures.linuxAliases();
        pipSections = list(j, "pipSections");
        pipOptions = list(j, "pipOptions");
        pipImplementations = Interpreters.shortNames();
        policyArchs = list(j, "policyArchs");
    }

    /** Every cibuildwheel image key: manylinux-x86_64-image, musllinux-aarch64-image, ... */
    List<String> imageKeys() {
        List<String> out = new ArrayList<>();
        cibwImageArchs.forEach((family, archs) -> archs.forEach(a -> out.add(family + "-" + a + "-image")));
        return out;
    }

    /** Every arch name valid on some cibuildwheel platform. */
    List<String> allCibwArchs() {
        List<String> out = new ArrayList<>(cibwArchWords);
        cibwArchs.values().forEach(v -> v.stream().filter(a -> !out.contains(a)).forEach(out::add));
        return out;
    }

    private static List<String> list(JsonNode j, String name) {
        List<String> out = new ArrayList<>();
        j.path(name).forEach(n -> out.add(n.asText()));
        if (out.isEmpty()) {
            throw new IllegalStateException("config-facts.json lacks " + name);
        }
        return List.copyOf(out);
    }

    private static Map<String, List<String>> listMap(JsonNode j, String name) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = j.path(name).fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> l = new ArrayList<>();
            e.getValue().forEach(n -> l.add(n.asText()));
            out.put(e.getKey(), List.copyOf(l));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Map<String, String> stringMap(JsonNode j, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        j.path(name).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static ConfigFacts load() {
        try (InputStream in = ConfigFacts.class.getResourceAsStream("config-facts.json")) {
            if (in == null) {
                throw new IllegalStateException("config-facts.json missing from the jar");
            }
            return new ConfigFacts(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
