package dev.wheelsh.core.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wheelsh.core.vocabulary.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * requires-python as packaging's SpecifierSet reads it. Each expectation is what
 * {@code Version(v) in SpecifierSet(s)} gives in packaging 26.2.
 */
class SpecifierSetTest {

    @ParameterizedTest(name = "{1} in ''{0}'' is {2}")
    @CsvSource(delimiter = '|', value = {
            ">=3.10|3.11.7|true",
            ">=3.11.5,<3.14|3.11.2|false",
            ">=3.11.5,<3.14|3.11.7|true",
            "~=3.10|3.13.0|true",
            "~=3.10.1|3.11.0|false",
            "==3.11.*|3.11.7|true",
            "==3.1.*|3.11.0|false",
            "!=3.11.*|3.12.0|true",
            "<3.12|3.12.0|false",
            ">3.11|3.11.7|true",
            "<=3.11|3.11.7|false",
            "==3.11|3.11.0|true",
            "===3.11.7|3.11.7|true",
            ">=3.8,|3.9.0|true",
            "''|3.9.0|true",
            ">=2.7,!=3.0.*,!=3.1.*|3.1.4|false",
            ">3.11.0|3.11.0.post1|false",
            ">= 3.8|3.8.0|true",
    })
    void containsAsPackagingDoes(String set, String version, boolean expected) throws Exception {
        assertEquals(expected, SpecifierSet.parse(set).contains(Version.parse(version)));
    }

    @ParameterizedTest(name = "''{0}'' does not parse")
    @CsvSource(delimiter = '|', value = {">=3.6.*", "~=3", ">=3.10+local", "3.10", "=>3.8", "==3.*.1"})
    void refusesWhatPackagingRefuses(String set) {
        InputException e = assertThrows(InputException.class, () -> SpecifierSet.parse(set));
        assertEquals(1, e.getMessage().lines().count());
    }
}
