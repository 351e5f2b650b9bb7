package dev.wheelsh.core.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.PythonVersion;
import dev.wheelsh.core.tags.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How pip widens its --platform values before packaging sees them (compatibility_tags.py). */
class PipPlatformOptionsTest {

    @Test
    void aMacosNameBringsOlderReleasesAndUniversalBuilds() {
        List<String> p = PipPlatformOptions.expand(List.of("macosx_11_0_arm64"), PackagingRelease.V26_2);
        assertEquals(List.of("macosx_11_0_arm64", "macosx_11_0_universal2", "macosx_10_16_universal2"), p.subList(0, 3));
        assertTrue(p.contains("macosx_10_4_universal2"), p.toString());
        List<Tag> tags = new PipPlatformOptions(List.of("macosx_11_0_arm64"), PythonVersion.of(3, 13), "cp", List.of())
                .tags(PackagingRelease.V26_2);
        assertEquals(p.size() * (1 + 1 + 1 + 11 + 15) + 1 + 15, tags.size(), "per platform cp313, abi3, none, 11 older abi3, 15 py*; then cp313-none-any and 15 py*-none-any");
    }

    @Test
    void legacyManylinuxNamesBringTheOlderLegacyNamesOnlyForIntel() {
        assertEquals(List.of("manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"),
                PipPlatformOptions.expand(List.of("manylinux2014_x86_64"), PackagingRelease.V26_2));
        assertEquals(List.of("manylinux2014_aarch64"), PipPlatformOptions.expand(List.of("manylinux2014_aarch64"), PackagingRelease.V26_2));
        assertEquals(List.of("manylinux2010_i686", "manylinux1_i686"), PipPlatformOptions.expand(List.of("manylinux2010_i686"), PackagingRelease.V26_2));
    }

    @Test
    void aPep600NameIsTakenAloneWithoutOlderGlibcsOrLinux() {
        List<Tag> tags = new PipPlatformOptions(List.of("manylinux_2_28_x86_64"), PythonVersion.of(3, 12), "cp", List.of())
                .tags(PackagingRelease.V26_2);
        assertEquals("cp312-cp312-manylinux_2_28_x86_64", tags.get(0).toString());
        assertFalse(tags.stream().anyMatch(t -> t.platform().equals("manylinux_2_17_x86_64") || t.platform().equals("linux_x86_64")),
                tags.toString());
    }

    @Test
    void aNameMetBeforeIsNotRepeated() {
        assertEquals(List.of("manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"),
                PipPlatformOptions.expand(List.of("manylinux2014_x86_64", "manylinux1_x86_64", "manylinux2010_x86_64"),
                        PackagingRelease.V26_2));
    }

    @Test
    void pipNamesTheInterpreterItselfInItsNoneAnyTag() {
        List<Tag> tags = new PipPlatformOptions(List.of("manylinux_2_17_x86_64"), PythonVersion.of(3, 10), "pp", List.of("pypy310_pp73"))
                .tags(PackagingRelease.V26_2);
        assertTrue(tags.contains(new Tag("pp310", "none", "any")), tags.toString());
        assertFalse(tags.contains(new Tag("pp3", "none", "any")), "pp3 is sys_tags' word, not pip's --implementation's");
    }
}
