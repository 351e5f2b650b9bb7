package dev.wheelsh.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keys cost time and memory linear in their length, however many parts they have. */
class TomlKeyCostTest {

    private static String dotted(int parts) {
        StringBuilder sb = new StringBuilder("k0");
        for (int i = 1; i < parts; i++) {
            sb.append(".k").append(i % 10);
        }
        return sb.toString();
    }

    @Test
    void aKeyOfHundredThousandPartsIsReadInUnderTwoSeconds() {
        String text = dotted(100_000) + " = 1\n";
        Toml.Document doc = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> TomlReader.read(text));
        assertEquals(1, doc.entries().size());
        assertEquals(100_000, doc.entries().get(0).path().size());
        assertTrue(doc.errors().isEmpty(), () -> doc.errors().toString());
    }

    @Test
    void theSameLongKeyTwiceIsOneDuplicateWithAShortMessage() {
        String key = dotted(50_000);
        Toml.Document doc = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> TomlReader.read(key + " = 1\n" + key + " = 2\n"));
        assertEquals(1, doc.errors().size());
        assertTrue(doc.errors().get(0).message().length() < 120, doc.errors().get(0).message());
        assertTrue(doc.errors().get(0).message().contains("defined twice"));
    }

    @Test
    void aValueUnderALongDottedPathIsStillAValueNotATable() {
        String key = dotted(30_000);
        Toml.Document doc = TomlReader.read(key + " = 1\n" + key + ".below = 2\n");
        assertEquals(1, doc.errors().size());
        assertTrue(doc.errors().get(0).message().endsWith("is a value, not a table"), doc.errors().get(0).message());
    }

    @Test
    void manyKeysUnderALongHeaderAreLinear() {
        StringBuilder sb = new StringBuilder("[").append(dotted(20_000)).append("]\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("x").append(i).append(" = ").append(i).append('\n');
        }
        String text = sb.toString();
        Toml.Document doc = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TomlReader.read(text));
        assertTrue(doc.errors().isEmpty());
    }
}
