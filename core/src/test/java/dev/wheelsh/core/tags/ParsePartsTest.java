package dev.wheelsh.core.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filenames, tag sets, tags and versions that do not parse name the bad part by offset and length. */
class ParsePartsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "foo-1.0-py3-none-any.zip            | .zip                      | extension must be '.whl'",
            "foo-1.0-py3-none.whl                | foo-1.0-py3-none          | has 4 dash-separated parts, expected 5 (name-version-python-abi-platform) or 6 (with a build tag)",
            "foo__bar-1.0-py3-none-any.whl       | foo__bar                  | project name 'foo__bar' is invalid (only letters, digits, '.' and '_' are allowed, and no '__')",
            "foo-latest-py3-none-any.whl         | latest                    | version 'latest' is not a valid PEP 440 version",
            "foo-1.0-abc-py3-none-any.whl        | abc                       | build tag 'abc' must start with a digit",
    })
    void wheelFilenames(String filename, String bad, String reason) {
        InputException e = assertThrows(InputException.class, () -> WheelFilename.parse(filename));
        assertEquals(bad, e.part().orElseThrow().text());
        assertEquals(reason, e.reason());
        assertEquals("wheel filename '" + filename + "': " + reason, e.getMessage());
    }

    @Test
    void anUnsortedComponentOfAWheelsTagsIsTheBadPart() {
        InputException e = assertThrows(InputException.class, () -> WheelFilename.parse("foo-1.0-py3.py2-none-any.whl", true));
        assertEquals("py3.py2", e.part().orElseThrow().text());
        assertEquals("wheel filename 'foo-1.0-py3.py2-none-any.whl': compressed tag set components must be in sorted order per PEP 425",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "foo-1.0.tar.bz2 | .bz2       | extension must be '.tar.gz' or '.zip'",
            "foo.zip         | foo        | no '-' between name and version",
            "foo-latest.zip  | latest     | version 'latest' is not a valid PEP 440 version",
    })
    void sdistFilenames(String filename, String bad, String reason) {
        InputException e = assertThrows(InputException.class, () -> SdistFilename.parse(filename));
        assertEquals(bad, e.part().orElseThrow().text());
        assertEquals("sdist filename '" + filename + "': " + reason, e.getMessage());
    }

    @Test
    void tagSetsTagsAndVersions() {
        InputException set = assertThrows(InputException.class, () -> TagSet.parse("py3-none"));
        assertEquals("py3-none", set.part().orElseThrow().text());
        InputException unsorted = assertThrows(UnsortedTagsException.class, () -> TagSet.parse("py3-none-manylinux2014_x86_64.any", true));
        assertEquals("manylinux2014_x86_64.any", unsorted.part().orElseThrow().text());
        assertEquals(9, unsorted.part().orElseThrow().offset());
        InputException tag = assertThrows(InputException.class, () -> Tag.parse("py2.py3-none-any"));
        assertEquals("tag 'py2.py3-none-any': is a compressed tag set of 2 tags, expected one tag", tag.getMessage());
        InputException version = assertThrows(InputException.class, () -> Version.parse("1.0-beta!"));
        assertEquals("1.0-beta!", version.part().orElseThrow().text());
        assertEquals("version '1.0-beta!': not a valid PEP 440 version", version.getMessage());
    }

    @Test
    void aHugeInputIsShortenedInTheMessageButKeptWholeInThePart() {
        String huge = "1" + ".0".repeat(3000);
        InputException e = assertThrows(InputException.class, () -> Version.parse(huge));
        assertEquals("version '" + huge.substring(0, 20) + "...': too long", e.getMessage());
        assertEquals(huge, e.part().orElseThrow().input());
        assertTrue(e.getMessage().length() < 60);
    }
}
