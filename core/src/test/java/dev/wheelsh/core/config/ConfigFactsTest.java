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
    void cibuildwheelArchitecturesAsItsDocsListThem() {
        assertEquals(List.of("x86_64", "i686", "aarch64", "ppc64le", "s390x", "armv7l", "riscv64"), f.cibwArchs.get("linux"));
        assertEquals(List.of("AMD64", "x86", "ARM64"), f.cibwArchs.get("windows"));
        assertFalse(f.allCibwArchs().contains("loongarch64"), "cibuildwheel has no loongarch64 builds");
        assertTrue(f.cibwGlobalOnly.containsAll(List.of("build", "skip", "test-skip")));
        assertTrue(f.imageKeys().contains("manylinux-pypy_aarch64-image"));
    }

    @Test
    void buildIdentifiersIncludeFreeThreadedPyPyIosAndPyodide() {
        for (String id : List.of("cp313t-manylinux_x86_64", "pp310-win_amd64", "cp313-ios_arm64_iphoneos", "cp312-pyodide_wasm32",
                "cp314-musllinux_riscv64", "cp313-android_arm64_v8a")) {
            assertTrue(Selectors.matchesAny(id), id);
        }
        assertFalse(Selectors.matchesAny("cp313-manylinux_loongarch64"));
        assertFalse(Selectors.matchesAny("cp3??t-win"));
        assertTrue(Selectors.matchesAny("cp3{12,13}-{manylinux,musllinux}_[!i]*"));
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
