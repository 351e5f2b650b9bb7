package dev.wheelsh.core.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wheelsh.core.vocabulary.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad target says which part is bad as fields, not as text: the offset and length of the bad
 * component in the text as given, and the reason without the target around it.
 */
class TargetSpecPartTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "cp313-glibc2.x-loongarch64      | glibc2.x  | system 'glibc2.x' is not glibcX.Y, muslX.Y, linux, macosX.Y, windows, iosX.Y or androidN",
            "cp313-glibc2.38-x86-64          | x86-64    | architecture 'x86-64' has characters other than a-z, 0-9 and _",
            "pp310t-glibc2.35-x86_64         | t         | ABI flags 't' apply to CPython (cp) only",
            "cp3x-glibc2.38-x86_64           | cp3x      | interpreter 'cp3x' is not IMPLEMENTATION+VERSION[+ABI flags], e.g. cp313t",
            "cp313-glibc2.38-x86_64+fast     | fast      | unknown flag '+fast' (known: +32bit, +softfloat, +oldworld, +abi=TAG)",
            "cp313-glibc2.38-x86_64+oldworld | x86_64    | +oldworld applies to loongarch64 only",
            "cp313-glibc2.99999-x86_64       | 99999     | version number '99999' is too large",
            "cp399999-glibc2.38-x86_64       | 399999    | Python version '399999' is too long",
            "cp313                           | cp313     | expected INTERPRETER-SYSTEM-ARCH, e.g. cp313-glibc2.38-loongarch64",
    })
    void theBadPartIsTheComponentAtFault(String spec, String bad, String reason) {
        InputException e = assertThrows(InputException.class, () -> TargetSpec.parse(spec));
        InputException.Part part = e.part().orElseThrow();
        assertEquals(spec, part.input());
        assertEquals(bad, part.text());
        assertEquals(reason, e.reason());
        assertEquals("target '" + spec + "': at column " + (part.offset() + 1) + ": " + reason, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'  cp313-glibcX-x86_64'|glibcX|9", "'\tCP313-Glibc2.x-x86_64 '|Glibc2.x|8"})
    void offsetsCountInTheTextAsGivenWithItsWhiteSpaceAndCase(String spec, String bad, int column) {
        InputException e = assertThrows(InputException.class, () -> TargetSpec.parse(spec));
        assertEquals(bad, e.part().orElseThrow().text());
        assertEquals(column, e.part().orElseThrow().offset() + 1);
    }
}
