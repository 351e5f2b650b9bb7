package dev.wheelsh.core.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The registry of codes and docs/codes.md say the same: the same codes, severities and anchors. */
class CodeRegistryTest {

    private static final Pattern ROW = Pattern.compile("^\\| <a id=\"(wh\\d{3})\"></a>(WH\\d{3}) \\| (\\w+) \\|", Pattern.MULTILINE);

    private static Map<String, String[]> documented() throws IOException {
        String doc = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/codes.md"));
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            String[] previous = rows.put(m.group(2), new String[] {m.group(1), m.group(3)});
            assertEquals(null, previous, m.group(2) + " is documented twice");
        }
        return rows;
    }

    @Test
    void everyCodeIsDocumentedWithItsSeverityAndAnchor() throws IOException {
        Map<String, String[]> rows = documented();
        for (Code code : Code.values()) {
            String[] row = rows.get(code.id());
            assertTrue(row != null, code + " has no row in docs/codes.md");
            assertEquals(code.severity().name().toLowerCase(Locale.ROOT), row[1], code + "'s severity");
            assertEquals("docs/codes.md#" + row[0], code.docsAnchor());
            assertFalse(code.title().isBlank(), code + " has a title");
        }
    }

    @Test
    void everyDocumentedCodeIsInTheRegistry() throws IOException {
        for (String id : documented().keySet()) {
            assertTrue(Code.of(id).isPresent(), id + " is documented but not in Code");
        }
        assertEquals(Code.values().length, documented().size());
    }

    @Test
    void anIdOfAnyCaseNamesItsCodeAndNothingElseDoes() {
        assertEquals(Code.WH191, Code.of("wh191").orElseThrow());
        assertTrue(Code.of("WH999").isEmpty());
        assertTrue(Code.of("").isEmpty());
    }
}
