package dev.wheelsh.core.config;

import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.vocabulary.InputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.words.Glossary;
import dev.wheelsh.core.words.Glossary.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the facts of config-facts.json and glossary.properties that the checks rely on. */
class ConfigFactsTest {

    private final ConfigFacts f = ConfigFacts.INSTANCE;

    @Test
    void cibuildwheelFactsAreThoseOfItsStatedRelease() {
        assertEquals("v4.2.0", f.cibwSource.tag());
        assertEquals(40, f.cibwSource.commit().length(), "a full commit id");
        assertEquals(List.of("aarch64", "armv7l", "i686", "ppc64le", "riscv64", "s390x", "x86_64"), f.cibwArchs.get("linux"));
        assertEquals(List.of("AMD64", "ARM64", "x86"), f.cibwArchs.get("windows"));
        assertTrue(f.cibwArchCaseInsensitive, "4.1.1 and newer compare arch names without case");
        assertFalse(f.allCibwArchs().contains("loongarch64"), "cibuildwheel has no loongarch64 builds");
        assertTrue(f.cibwOptions.containsAll(List.of("audit-command", "audit-requires", "xbuild-files", "xbuild-tools")));
        assertTrue(f.imageKeys().contains("manylinux-pypy_aarch64-image"));
    }

    @Test
    void platformTablesTakeBuildAndSkipButOverridesDoNot() {
        assertTrue(f.cibwTableOptions.get("linux").containsAll(List.of("build", "skip", "test-skip", "enable", "archs")));
        assertFalse(f.cibwTableOptions.get("linux").contains("dependency-versions"), "options.py's DISALLOWED_OPTIONS");
        assertFalse(f.cibwTableOptions.get("macos").contains("manylinux-x86_64-image"));
        assertEquals(List.of("archs", "build", "enable", "skip", "test-skip"),
                f.cibwGlobalOnly.stream().filter(o -> !o.endsWith("-files")).sorted().toList());
        assertFalse(f.cibwOverrideOptions.contains("archs"));
    }

    @Test
    void enableGroupsAndImagesOfTheReleaseWithTheirHistory() {
        assertTrue(f.cibwEnableGroups.contains("pyodide-eol"));
        assertFalse(f.cibwEnableGroups.contains("cpython-freethreading"));
        assertEquals("3.4.0", f.cibwEnableHistory.get("cpython-freethreading").last());
        assertTrue(f.cibwImagesPerArch.get("riscv64").contains("manylinux_2_39"));
        assertTrue(f.cibwImagesPerArch.get("armv7l").contains("manylinux_2_35"));
        assertFalse(f.cibwImages.get("manylinux").contains("manylinux1"));
        assertTrue(f.cibwImageHistory.containsKey("manylinux1"));
    }

    @Test
    void buildIdentifiersOfTheReleaseAndOfOlderOnes() {
        for (String id : List.of("cp314t-manylinux_x86_64", "pp310-win_amd64", "cp313-ios_arm64_iphoneos", "cp312-pyodide_wasm32",
                "cp314-musllinux_riscv64", "cp313-android_arm64_v8a")) {
            assertTrue(Selectors.matchesCurrent(id), id);
        }
        assertFalse(Selectors.matchesCurrent("cp38-manylinux_x86_64"), "4.x builds no 3.8");
        assertTrue(Selectors.matchesAny("cp38-manylinux_x86_64"), "older releases did");
        assertFalse(Selectors.matchesAny("cp313-manylinux_loongarch64"));
        assertFalse(Selectors.matchesAny("cp3??t-win"));
        assertTrue(Selectors.matchesAny("cp3{12,13}-{manylinux,musllinux}_[!i]*"));
    }

    @Test
    void braceRangesExpandAsBracexDoes() {
        assertEquals(List.of("cp39-*", "cp310-*", "cp311-*", "cp312-*", "cp313-*"), Selectors.expand("cp3{9..13}-*"));
        assertEquals(List.of("a01", "a03", "a05"), Selectors.expand("a{01..05..2}"));
        assertEquals(List.of("xa", "xb", "xc"), Selectors.expand("x{a..c}"));
        assertEquals(List.of("cp313-a", "cp313-b", "pp311"), Selectors.expand("{cp313-{a,b},pp311}"));
        assertEquals(List.of("cp3{9}-*"), Selectors.expand("cp3{9}-*"), "a brace with one item stays literal");
    }

    @Test
    void pipOptionsWithTheirAliasesFromPipsSource() {
        assertEquals("26.2.1", f.pipSource.tag());
        assertEquals("no-deps", f.pipCanonical.get("no-dependencies"));
        assertEquals("timeout", f.pipCanonical.get("default-timeout"));
        assertEquals("log", f.pipCanonical.get("log-file"));
        assertTrue(f.pipOptions.containsAll(List.of("build-constraint", "only-final", "trusted-host")));
        assertEquals("25.0", f.pipHistory.get("global-option").last());
    }

    @Test
    void uvPythonPlatformsWithTheirAliases() {
        assertEquals("0.12.5", f.uvSource.tag());
        assertTrue(f.uvPythonPlatformPatterns.containsAll(List.of("manylinux_2_28_x86_64", "arm64-pc-windows-msvc", "wasm32-pyodide2025",
                "x86_64-manylinux_2_28", "linux")));
    }

    @Test
    void platformMachinePerOsIsPythonsSpelling() {
        assertEquals(List.of("AMD64", "ARM64", "x86"), f.markerOs.get("windows").get("platform_machine"));
        assertTrue(f.markerOs.get("linux").get("platform_machine").containsAll(List.of("x86_64", "aarch64", "loongarch64")));
        assertFalse(f.markerOs.get("linux").get("platform_machine").contains("arm64"));
        assertTrue(f.markerOs.get("macos").get("platform_machine").contains("arm64"));
    }

    @Test
    void everyArchAndMarkerVariableHasWords() {
        for (String a : f.allCibwArchs()) {
            assertTrue(Glossary.lookup(Topic.ARCH, a).isPresent(), a);
        }
        for (String a : f.policyArchs) {
            assertTrue(Glossary.lookup(Topic.ARCH, a).isPresent(), a);
        }
        for (String v : f.markerVariables) {
            assertTrue(Glossary.lookup(Topic.MARKER, v).isPresent(), v);
        }
        for (String o : List.of("platform", "python-version", "abi", "implementation", "only-binary", "no-binary", "index-url")) {
            assertTrue(Glossary.lookup(Topic.PIP, o).isPresent(), o);
            assertTrue(f.pipOptions.contains(o), o);
        }
    }

    @Test
    void misspelledArchitecturesMapToPythonsSpelling() {
        assertEquals("loongarch64", f.archAliases.get("loong64"));
        assertEquals("x86_64", f.archAliases.get("amd64"));
        assertEquals("aarch64", f.archAliases.get("arm64"));
    }

    @Test
    void markersParseAsPep508() {
        assertTrue(Markers.parse("python_version >= '3.10' and (sys_platform == 'linux' or os_name != \"nt\")").issues().isEmpty());
        assertTrue(Markers.parse("'linux' == sys_platform and 'gpu' in extras").issues().isEmpty());
        assertTrue(Markers.parse("platform_machine not in 'x86_64 aarch64'").issues().isEmpty());
        assertTrue(Markers.parse("python_version >= 3.10").issues().get(0).message().contains("values need quotes"));
        assertEquals("WH120", Markers.parse("sys_platform == 'linux' or").issues().get(0).code().id());
    }

    @Test
    void specifiersFollowPep440() {
        var r = Specifiers.parse(">=3.10, <3.14, !=3.12.*");
        assertTrue(r.issues().isEmpty());
        var v312 = version("3.12");
        assertFalse(r.specs().stream().allMatch(s -> Specifiers.contains(s, v312)));
        var v313 = version("3.13");
        assertTrue(r.specs().stream().allMatch(s -> Specifiers.contains(s, v313)));
        assertTrue(Specifiers.contains(Specifiers.parse("~=3.10").specs().get(0), version("3.13")));
        assertFalse(Specifiers.contains(Specifiers.parse("~=3.10.1").specs().get(0), version("3.11")));
    }

    private static Version version(String s) {
        try {
            return Version.parse(s);
        } catch (InputException e) {
            throw new AssertionError(e);
        }
    }
}
