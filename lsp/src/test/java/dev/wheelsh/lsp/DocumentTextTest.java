package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class DocumentTextTest {

    private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
    }

    @Test
    void aRangedChangeReplacesExactlyItsSpan() {
        String text = "[tool.cibuildwheel]\narchs = [\"loong64\"]\n";
        assertEquals("[tool.cibuildwheel]\narchs = [\"loongarch64\"]\n",
                DocumentText.apply(text, edit(1, 10, 1, 17, "loongarch64")));
    }

    @Test
    void changesApplyInOrderEachToTheResultOfThePrevious() {
        String text = "abc\ndef";
        assertEquals("Xbc\nYdef", DocumentText.apply(text, List.of(edit(0, 0, 0, 1, "X"), edit(1, 0, 1, 0, "Y"))));
    }

    @Test
    void columnsCountUtf16CodeUnitsSoAnEmojiIsTwoColumns() {
        String text = "a\uD83D\uDE00b = 1"; // a, U+1F600 (two UTF-16 units), b
        assertEquals("a\uD83D\uDE00c = 1", DocumentText.apply(text, edit(0, 3, 0, 4, "c")));
        assertEquals(3, DocumentText.offsetOf(text, 0, 3));
    }

    @Test
    void crLfAndLoneCrEachEndOneLine() {
        String text = "one\r\ntwo\rthree\nfour";
        assertEquals(5, DocumentText.offsetOf(text, 1, 0));
        assertEquals(9, DocumentText.offsetOf(text, 2, 0));
        assertEquals(15, DocumentText.offsetOf(text, 3, 0));
        assertEquals(new Position(2, 2), DocumentText.positionOf(text, 11));
        assertEquals("one\r\ntwo\rTHREE\nfour", DocumentText.apply(text, edit(2, 0, 2, 5, "THREE")));
    }

    @Test
    void aColumnPastTheEndOfItsLineMeansTheEndOfThatLine() {
        String text = "ab\r\ncd";
        assertEquals(2, DocumentText.offsetOf(text, 0, 99));
        assertEquals("abX\r\ncd", DocumentText.apply(text, edit(0, 99, 0, 99, "X")));
    }

    @Test
    void aLinePastTheEndMeansTheEndOfTheText() {
        assertEquals("ab\ncdX", DocumentText.apply("ab\ncd", edit(7, 0, 9, 3, "X")));
    }

    @Test
    void aChangeWithoutRangeReplacesTheWholeText() {
        assertEquals("new", DocumentText.apply("old\ntext", new TextDocumentContentChangeEvent("new")));
    }

    @Test
    void aReversedRangeIsTakenAsTheSameSpan() {
        assertEquals("aXd", DocumentText.apply("abcd", edit(0, 3, 0, 1, "X")));
    }

    @Test
    void deletingALineBreakJoinsTheLines() {
        assertEquals("abcd", DocumentText.apply("ab\r\ncd", edit(0, 2, 1, 0, "")));
    }
}
