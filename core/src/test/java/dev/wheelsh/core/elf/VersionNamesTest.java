package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionNamesTest {

    @Test
    void theHighestVersionOfEachFamilyIsComparedNumericallyNotAsText() {
        assertEquals(Map.of("GLIBC", "GLIBC_2.14", "GLIBCXX", "GLIBCXX_3.4.30", "CXXABI", "CXXABI_1.3.13"),
                VersionNames.highestPerFamily(List.of("GLIBC_2.2.5", "GLIBC_2.14", "GLIBC_2.3.4", "GLIBCXX_3.4.9",
                        "GLIBCXX_3.4.30", "CXXABI_1.3.13", "CXXABI_1.3", "GLIBC_PRIVATE")));
    }

    @Test
    void namesWithoutNumbersHaveNoFamilyVersion() {
        assertEquals(List.of(), VersionNames.parse("GLIBC_PRIVATE").numbers());
        assertEquals("GCC", VersionNames.parse("GCC_3.0").family());
        assertEquals(List.of(2, 27), VersionNames.parse("GLIBC_2.27").numbers());
    }
}
