package dev.wheelsh.core.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A link's filename is percent-decoded as pip decodes it (Python's urllib.parse.unquote; the
 * expected values below are what Python 3.11 prints for each input).
 */
class IndexPageHrefTest {

    @Test
    void percentEscapesAreDecodedAsPythonsUnquoteDecodesThem() {
        assertEquals("pkg-1.0+local-py3-none-any.whl", IndexPage.unquote("pkg-1.0%2Blocal-py3-none-any.whl"));
        assertEquals("x\u20acy", IndexPage.unquote("x%e2%82%acy"));
        assertEquals("A", IndexPage.unquote("%41"));
        assertEquals("\ufffdA", IndexPage.unquote("%ff%41"));
        assertEquals("\ufffd", IndexPage.unquote("%C3"));
    }

    /** Found by fuzzing pick: URLDecoder threw IllegalArgumentException on these. */
    @Test
    void aPercentSignWithoutTwoHexDigitsStaysAsItIs() {
        assertEquals("a%1.", IndexPage.unquote("a%1."));
        assertEquals("%", IndexPage.unquote("%"));
        assertEquals("%4", IndexPage.unquote("%4"));
        assertEquals("%zzA", IndexPage.unquote("%zz%41"));
    }

    /** URLDecoder made a space of '+'; pip keeps it, and a local version needs it. */
    @Test
    void aPlusStaysAPlus() throws InputException {
        List<String> names = IndexPage.filenames("page",
                "<html><a href=\"torch-2.5.0+cpu-cp312-cp312-linux_x86_64.whl\">x</a><a href=\"a-1.0%zz.tar.gz\">y</a></html>");
        assertEquals(List.of("torch-2.5.0+cpu-cp312-cp312-linux_x86_64.whl", "a-1.0%zz.tar.gz"), names);
    }
}
