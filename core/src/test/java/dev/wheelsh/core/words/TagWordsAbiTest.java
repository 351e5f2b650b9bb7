package dev.wheelsh.core.words;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The words for a CPython ABI tag say "with the GIL" from 3.13 on, whatever the number's size. */
class TagWordsAbiTest {

    @Test
    void theGilIsNamedFrom313On() {
        assertEquals("the ABI of CPython 3.12", TagWords.abi("cp312"));
        assertEquals("the ABI of CPython 3.13 with the GIL", TagWords.abi("cp313"));
    }

    /** Found by fuzzing pick: a minor version past int's range threw NumberFormatException. */
    @Test
    void aMinorVersionPastAnyIntIsStillWords() {
        assertEquals("the ABI of CPython 3.12333333333333333333333333333 with the GIL",
                TagWords.abi("cp312333333333333333333333333333"));
    }
}
