package dev.wheelsh.core.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaging releases wheelsh reproduces, and which one a pip release vendors. */
class PackagingReleaseTest {

    @Test
    void eachPipReleaseNamesTheVendoredPackagingAsItsVendorTxtSays() throws Exception {
        assertEquals(PackagingRelease.V26_2, PackagingRelease.forPip("26.2"));
        assertEquals(PackagingRelease.V26_2, PackagingRelease.forPip("26.1"));
        assertEquals(PackagingRelease.V26_3, PackagingRelease.forPip("26.3.dev0"));
        InputException old = assertThrows(InputException.class, () -> PackagingRelease.forPip("23.2.1"));
        assertTrue(old.getMessage().contains("pip 23.2.1 vendors packaging 21.3, which wheelsh does not reproduce"),
                old.getMessage());
        InputException unknown = assertThrows(InputException.class, () -> PackagingRelease.forPip("99.0"));
        assertEquals(1, unknown.getMessage().lines().count());
    }

    @Test
    void theTableIsInReleaseOrderAndEveryRowVendorsAPackagingVersion() throws Exception {
        List<PackagingRelease.PipVendoring> rows = PackagingRelease.pipReleases();
        assertTrue(rows.size() >= 30, "rows: " + rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(Version.parse(rows.get(i - 1).pip()).compareTo(Version.parse(rows.get(i).pip())) < 0,
                    rows.get(i - 1).pip() + " before " + rows.get(i).pip());
            Version.parse(rows.get(i).packaging());
            assertTrue(rows.get(i).date().matches("\\d{4}-\\d{2}-\\d{2}"), rows.get(i).date());
        }
    }

    @Test
    void the263OrderPutsLinuxFirstAndSpellsFat3() {
        assertEquals(List.of("linux_armv8l", "linux_armv7l", "manylinux_2_17_armv8l", "musllinux_1_2_armv7l"),
                PackagingRelease.V26_3.platforms(List.of("manylinux_2_17_armv8l", "musllinux_1_2_armv7l", "linux_armv8l", "linux_armv7l")));
        assertEquals(List.of("macosx_10_15_intel", "macosx_10_15_fat3"),
                PackagingRelease.V26_3.platforms(List.of("macosx_10_15_intel", "macosx_10_15_fat32")));
        assertEquals(List.of("macosx_10_15_fat32"), PackagingRelease.V26_2.platforms(List.of("macosx_10_15_fat32")));
    }

    @Test
    void underV263AFreeThreadedInterpretersExplicitAbi3tIsYieldedOnce() {
        List<Tag> v262 = TagGenerator.cpythonTags(PythonVersion.of(3, 14), List.of("cp314t", "abi3t"), List.of("linux_x86_64"),
                PackagingRelease.V26_2);
        List<Tag> v263 = TagGenerator.cpythonTags(PythonVersion.of(3, 14), List.of("cp314t", "abi3t"), List.of("linux_x86_64"),
                PackagingRelease.V26_3);
        Tag abi3t = new Tag("cp314", "abi3t", "linux_x86_64");
        assertEquals(2, v262.stream().filter(abi3t::equals).count());
        assertEquals(1, v263.stream().filter(abi3t::equals).count());
    }
}
