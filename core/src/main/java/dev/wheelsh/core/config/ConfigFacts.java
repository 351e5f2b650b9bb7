package dev.wheelsh.core.config;

import dev.wheelsh.core.tags.Architectures;
import dev.wheelsh.core.tags.Architectures.Os;
import dev.wheelsh.core.tags.Interpreters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts the config checks rely on. The tools' facts are generated from their sources by
 * scripts/facts/generate_config_facts.py into cibuildwheel-facts.json, pip-facts.json and
 * uv-facts.json (each names its repository, tag and commit); Python's own values are in
 * config-facts.json; architectures come from tags/architectures.tsv.
 */
final class ConfigFacts {

    static final ConfigFacts INSTANCE = load();

    /** The first and last cibuildwheel or pip release (of those the generator read) that knew a name. */
    record Span(String first, String last) {
    }

    /**
     * What one cibuildwheel release takes: the options of the top table and of each platform
     * table, those an override may set (empty for releases before the schema said so), the
     * architectures per platform and whether their case matters. The release is "x.y".
     */
    record CibwTables(String release, List<String> topOptions, Map<String, List<String>> platformTables,
                      Optional<List<String>> overrideOptions, Map<String, List<String>> archs, boolean archCaseInsensitive) {
        CibwTables {
            topOptions = List.copyOf(topOptions);
            platformTables = Map.copyOf(platformTables);
            archs = Collections.unmodifiableMap(new LinkedHashMap<>(archs));
        }

        List<String> platforms() {
            return List.copyOf(archs.keySet());
        }
    }

    /** Where a fact was read: repository, tag and commit. */
    record Source(String repository, String tag, String commit) {
    }

    final Source cibwSource;
    final String cibwVersion;
    final List<String> cibwOptions;
    final Map<String, List<String>> cibwTableOptions;
    final List<String> cibwOverrideOptions;
    final List<String> cibwInheritOptions;
    final List<String> cibwGlobalOnly;
    /** The TOML types each option takes (string, array, object, integer, boolean), from cibuildwheel's schema. */
    final Map<String, List<String>> cibwTypes;
    final List<String> cibwIdentifiers;
    final List<String> cibwPythons;
    final List<String> cibwPlatforms;
    final Map<String, List<String>> cibwArchs;
    final boolean cibwArchCaseInsensitive;
    final List<String> cibwArchWords;
    final List<String> cibwPlatformTables;
    final List<String> cibwEnableGroups;
    final Map<String, List<String>> cibwImagesPerArch;
    final Map<String, List<String>> cibwImageArchs;
    final Map<String, List<String>> cibwImages;
    final Map<String, Span> cibwIdentifierHistory;
    final Map<String, Span> cibwEnableHistory;
    final Map<String, Span> cibwImageHistory;
    /** The tables of the facts' own release. */
    final CibwTables cibwTables;
    /** The tables of each x.y.0 release since 2.0, oldest first, keyed x.y. */
    final Map<String, CibwTables> cibwReleases;

    final Source pipSource;
    final List<String> pipSections;
    /** Every long name pip reads, its aliases included. */
    final List<String> pipOptions;
    /** Each alias mapped to pip's first name of the option (no-dependencies -> no-deps). */
    final Map<String, String> pipCanonical;
    final Map<String, Span> pipHistory;
    /** Per option (pip's first name), the sections that take it: global, or the commands whose parser has it. */
    final Map<String, List<String>> pipOptionSections;
    /** Options pip converts to a number (int, float): a value that is not one makes pip stop. */
    final Map<String, String> pipNumberTypes;

    final Source uvSource;
    final Map<String, List<String>> uvPythonPlatforms;
    /** Every python-platform value uv accepts: names and aliases. */
    final List<String> uvPythonPlatformPatterns;

    final List<String> markerVariables;
    final Map<String, String> legacyMarkerVariables;
    /** Per OS (linux, macos, windows), per marker variable, the values Python reports there. */
    final Map<String, Map<String, List<String>>> markerOs;
    final List<String> platformMachines;
    final List<String> platformSystems;
    final List<String> sysPlatforms;
    /** OS names whose platform tags are sysconfig's platform as text (freebsd_14_1_release_amd64). */
    final List<String> genericPlatformTagPrefixes;
    final Map<String, String> archAliases;
    final List<String> pipImplementations;
    final List<String> policyArchs;

    private ConfigFacts(JsonNode j, JsonNode cibw, JsonNode pip, JsonNode uv) {
        cibwSource = source(cibw);
        cibwVersion = cibw.path("version").asText();
        cibwOptions = list(cibw, "topOptions");
        cibwTableOptions = listMap(cibw, "platformTables");
        cibwPlatformTables = List.copyOf(cibwTableOptions.keySet());
        cibwOverrideOptions = list(cibw, "overrideOptions");
        cibwInheritOptions = list(cibw, "inheritOptions");
        cibwGlobalOnly = cibwOptions.stream()
                .filter(o -> !cibwOverrideOptions.contains(o) && !cibwPlatformTables.contains(o) && !o.equals("overrides")).toList();
        cibwTypes = listMap(cibw, "types");
        cibwIdentifiers = list(cibw, "identifiers");
        cibwPythons = cibwIdentifiers.stream().map(i -> i.substring(0, i.indexOf('-'))).distinct().toList();
        cibwPlatforms = cibwIdentifiers.stream().map(i -> i.substring(i.indexOf('-') + 1)).distinct().toList();
        cibwArchs = listMap(cibw, "archs");
        cibwArchCaseInsensitive = cibw.path("archCaseInsensitive").asBoolean();
        cibwArchWords = list(cibw, "archWords");
        cibwEnableGroups = list(cibw, "enableGroups");
        cibwImagesPerArch = listMap(cibw, "images");
        Map<String, List<String>> imageArchs = new LinkedHashMap<>();
        Map<String, Set<String>> images = new LinkedHashMap<>();
        for (String family : List.of("manylinux", "musllinux")) {
            imageArchs.put(family, cibwOptions.stream().filter(o -> o.startsWith(family + "-") && o.endsWith("-image"))
                    .map(o -> o.substring(family.length() + 1, o.length() - "-image".length())).toList());
            images.put(family, new LinkedHashSet<>());
        }
        cibwImagesPerArch.values().forEach(names -> names.forEach(n -> images.get(n.startsWith("musl") ? "musllinux" : "manylinux").add(n)));
        cibwImageArchs = Collections.unmodifiableMap(imageArchs);
        Map<String, List<String>> imageLists = new LinkedHashMap<>();
        images.forEach((k, v) -> imageLists.put(k, List.copyOf(v)));
        cibwImages = Collections.unmodifiableMap(imageLists);
        cibwIdentifierHistory = spans(cibw.path("history").path("identifiers"));
        cibwEnableHistory = spans(cibw.path("history").path("enableGroups"));
        cibwImageHistory = spans(cibw.path("history").path("images"));
        cibwTables = new CibwTables(cibwVersion, cibwOptions, cibwTableOptions, Optional.of(cibwOverrideOptions), cibwArchs,
                cibwArchCaseInsensitive);
        Map<String, CibwTables> releases = new LinkedHashMap<>();
        cibw.path("releases").fields().forEachRemaining(r -> {
            JsonNode t = r.getValue();
            Optional<List<String>> overrides = t.has("overrideOptions") ? Optional.of(list(t, "overrideOptions")) : Optional.empty();
            releases.put(r.getKey(), new CibwTables(r.getKey(), list(t, "topOptions"), listMap(t, "platformTables"), overrides,
                    listMap(t, "archs"), t.path("archCaseInsensitive").asBoolean()));
        });
        cibwReleases = Collections.unmodifiableMap(releases);

        pipSource = source(pip);
        List<String> sections = new ArrayList<>(List.of("global"));
        sections.addAll(list(pip, "commands"));
        pipSections = List.copyOf(sections);
        Map<String, String> canonical = new LinkedHashMap<>();
        pip.path("options").fields().forEachRemaining(e -> {
            canonical.put(e.getKey(), e.getKey());
            e.getValue().path("aliases").forEach(a -> canonical.putIfAbsent(a.asText(), e.getKey()));
        });
        pipCanonical = Collections.unmodifiableMap(canonical);
        pipOptions = List.copyOf(canonical.keySet());
        pipHistory = spans(pip.path("history").path("options"));
        Map<String, List<String>> optionSections = new LinkedHashMap<>();
        pip.path("options").fields().forEachRemaining(e -> {
            List<String> l = new ArrayList<>();
            e.getValue().path("sections").forEach(n -> l.add(n.asText()));
            optionSections.put(e.getKey(), List.copyOf(l));
        });
        pipOptionSections = Collections.unmodifiableMap(optionSections);
        Map<String, String> numberTypes = new LinkedHashMap<>();
        pip.path("options").fields().forEachRemaining(e -> {
            if (e.getValue().has("type")) {
                numberTypes.put(e.getKey(), e.getValue().path("type").asText());
            }
        });
        pipNumberTypes = Collections.unmodifiableMap(numberTypes);

        uvSource = source(uv);
        uvPythonPlatforms = listMap(uv, "pythonPlatforms");
        List<String> platforms = new ArrayList<>();
        uvPythonPlatforms.forEach((name, aliases) -> {
            platforms.add(name);
            platforms.addAll(aliases);
        });
        uvPythonPlatformPatterns = List.copyOf(platforms);

        markerVariables = list(j, "markerVariables");
        legacyMarkerVariables = stringMap(j, "legacyMarkerVariables");
        Map<String, Map<String, List<String>>> perOs = new LinkedHashMap<>();
        Map<String, String> windowsMachines = stringMap(j, "windowsMachines");
        j.path("markerOs").fields().forEachRemaining(e -> {
            Map<String, List<String>> vars = new LinkedHashMap<>(listMap(e.getValue()));
            vars.put("platform_machine", machines(e.getKey(), windowsMachines));
            perOs.put(e.getKey(), Collections.unmodifiableMap(vars));
        });
        markerOs = Collections.unmodifiableMap(perOs);
        Set<String> machines = new LinkedHashSet<>();
        perOs.values().forEach(v -> machines.addAll(v.get("platform_machine")));
        machines.addAll(list(j, "otherMachines"));
        platformMachines = List.copyOf(machines);
        platformSystems = list(j, "platformSystems");
        sysPlatforms = list(j, "sysPlatforms");
        genericPlatformTagPrefixes = list(j, "genericPlatformTagPrefixes");
        archAliases = Architectures.linuxAliases();
        pipImplementations = Interpreters.shortNames();
        policyArchs = list(j, "policyArchs");
    }

    /** platform.machine() on an OS: Python's spelling in architectures.tsv, Windows' own case there. */
    private static List<String> machines(String os, Map<String, String> windowsMachines) {
        return switch (os) {
            case "linux" -> Architectures.names(Os.LINUX);
            case "macos" -> Architectures.names(Os.MACOS);
            case "windows" -> Architectures.names(Os.WINDOWS).stream()
                    .map(a -> windowsMachines.getOrDefault(a, a.toUpperCase(Locale.ROOT))).toList();
            default -> throw new IllegalStateException("config-facts.json: markerOs has no machines for " + os);
        };
    }

    /**
     * The tables of a release a project pins ("2.23", "3.1.4"): those of its x.y.0, else of the
     * newest older x.y.0 the facts have; the facts' own for their release line and newer ones,
     * and for a release older than all of them.
     */
    CibwTables cibwTablesFor(String release) {
        int[] want = majorMinor(release);
        int[] own = majorMinor(cibwVersion);
        if (want[0] > own[0] || want[0] == own[0] && want[1] >= own[1]) {
            return cibwTables;
        }
        CibwTables best = null;
        for (CibwTables t : cibwReleases.values()) {
            int[] have = majorMinor(t.release());
            if (have[0] < want[0] || have[0] == want[0] && have[1] <= want[1]) {
                best = t;
            }
        }
        return best != null ? best : cibwTables;
    }

    /** The first x.y release whose top table takes an option, if any of those the facts have does. */
    Optional<String> firstReleaseWith(String option) {
        return cibwReleases.values().stream().filter(t -> t.topOptions().contains(option)).map(CibwTables::release).findFirst();
    }

    private static int[] majorMinor(String release) {
        String[] p = release.split("\\.");
        int[] out = new int[2];
        for (int i = 0; i < 2 && i < p.length; i++) {
            out[i] = p[i].matches("\\d{1,6}") ? Integer.parseInt(p[i]) : 0;
        }
        return out;
    }

    /** Every cibuildwheel image key: manylinux-x86_64-image, musllinux-aarch64-image, ... */
    List<String> imageKeys() {
        return cibwOptions.stream().filter(o -> TextShapes.IMAGE_OPTION.matcher(o).matches()).toList();
    }

    /** Every arch name valid on some cibuildwheel platform. */
    List<String> allCibwArchs() {
        List<String> out = new ArrayList<>(cibwArchWords);
        cibwArchs.values().forEach(v -> v.stream().filter(a -> !out.contains(a)).forEach(out::add));
        return out;
    }

    /** The image architecture section of an image key: manylinux-pypy_x86_64-image -> pypy_x86_64. */
    static Optional<String> imageArch(String key) {
        int dash = key.indexOf('-');
        return key.endsWith("-image") && dash > 0 ? Optional.of(key.substring(dash + 1, key.length() - "-image".length())) : Optional.empty();
    }

    private static Source source(JsonNode j) {
        JsonNode s = j.path("_source");
        return new Source(s.path("repository").asText(), s.path("tag").asText(), s.path("commit").asText());
    }

    private static Map<String, Span> spans(JsonNode node) {
        Map<String, Span> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), new Span(e.getValue().path("first").asText(), e.getValue().path("last").asText())));
        return Collections.unmodifiableMap(out);
    }

    private static List<String> list(JsonNode j, String name) {
        List<String> out = new ArrayList<>();
        j.path(name).forEach(n -> out.add(n.asText()));
        if (out.isEmpty()) {
            throw new IllegalStateException("the config facts lack " + name);
        }
        return List.copyOf(out);
    }

    private static Map<String, List<String>> listMap(JsonNode j, String name) {
        return listMap(j.path(name));
    }

    private static Map<String, List<String>> listMap(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> l = new ArrayList<>();
            e.getValue().forEach(n -> l.add(n.asText()));
            out.put(e.getKey(), List.copyOf(l));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, String> stringMap(JsonNode j, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        j.path(name).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(out);
    }

    private static JsonNode read(ObjectMapper json, String file) {
        try (InputStream in = ConfigFacts.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " missing from the jar");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigFacts load() {
        ObjectMapper json = new ObjectMapper();
        return new ConfigFacts(read(json, "config-facts.json"), read(json, "cibuildwheel-facts.json"),
                read(json, "pip-facts.json"), read(json, "uv-facts.json"));
    }
}
