package dev.wheelsh.core.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputExceptionTest {

    @Test
    void theMessageIsBuiltFromTheFields() {
        InputException e = InputException.atColumn("target", "cp313-x", 6, 1, "bad");
        assertEquals("target 'cp313-x': at column 7: bad", e.getMessage());
        assertEquals("bad", e.reason());
        assertEquals(new InputException.Part("cp313-x", 6, 1), e.part().orElseThrow());
        assertEquals("x", e.part().orElseThrow().text());
    }

    @Test
    void aPartOutsideTheInputIsClampedToIt() {
        InputException.Part p = InputException.in("tag", "abc", 2, 10, "why").part().orElseThrow();
        assertEquals(2, p.offset());
        assertEquals(1, p.length());
        assertEquals(0, InputException.in("tag", "abc", 9, 1, "why").part().orElseThrow().length());
    }

    @Test
    void aMessageOnlyErrorHasNoPartAndItsMessageIsTheReason() {
        InputException e = new InputException("f.json: cannot read");
        assertTrue(e.part().isEmpty());
        assertEquals("f.json: cannot read", e.reason());
    }

    /** Found by fuzzing (NamesFuzzTest.filename, ExplainFuzzTest.explainName): a quoted newline split the refusal. */
    @Test
    void aRefusalQuotingANewlineOrAnEscapeIsStillOneLine() {
        InputException e = InputException.in("wheel filename", "foo-1.0-py3\nx-none-\u001b[2Jany.whl", 0, 3, "bad");
        assertEquals("wheel filename 'foo-1.0-py3\\x0ax-none-\\x1b[2Jany.whl': bad", e.getMessage());
        assertEquals("explain 'a\\x0db': no", new InputException("explain 'a\rb': no").getMessage());
        // the part still holds the input as typed, for the ranges a face underlines
        assertEquals("foo", e.part().orElseThrow().text());
    }
}
