package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.wheelsh.core.config.CheckSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    private static final Path ROOT = Path.of("/ws").toAbsolutePath();

    private static Optional<CheckSettings> read(String json) {
        return ServerSettings.read(JsonParser.parseString(json), Optional.of(ROOT));
    }

    @Test
    void nestedSettingsGiveBaselinesFromTheWorkspaceRootAndTargets() {
        CheckSettings s = read("{\"wheelsh\": {\"baselines\": [\"policies/loong.json\", \"/etc/b.json\"],"
                + " \"defaultTargets\": [\"--glibc 2.38 --arch loongarch64\"]}}").orElseThrow();
        assertEquals(List.of(ROOT.resolve("policies/loong.json"), Path.of("/etc/b.json").toAbsolutePath()),
                s.extraBaselineFiles());
        assertEquals(List.of("--glibc 2.38 --arch loongarch64"), s.defaultTargets());
    }

    @Test
    void dottedKeysAndSingleStringsAreReadToo() {
        CheckSettings s = read("{\"wheelsh.baselines\": \"b.json\", \"wheelsh.defaultTargets\": \"--musl 1.2\"}").orElseThrow();
        assertEquals(List.of(ROOT.resolve("b.json")), s.extraBaselineFiles());
        assertEquals(List.of("--musl 1.2"), s.defaultTargets());
    }

    @Test
    void settingsOfOtherToolsLeaveOursAlone() {
        assertTrue(read("{\"python\": {\"analysis\": {}}}").isEmpty());
        assertTrue(ServerSettings.read(null, Optional.empty()).isEmpty());
        assertTrue(ServerSettings.read("not json", Optional.empty()).isEmpty());
    }

    @Test
    void valuesOfTheWrongShapeAreIgnoredNotFatal() {
        CheckSettings s = read("{\"wheelsh\": {\"baselines\": [1, null, \"\", {\"a\": 1}], \"defaultTargets\": 7}}").orElseThrow();
        assertEquals(List.of(), s.extraBaselineFiles());
        assertEquals(List.of(), s.defaultTargets());
    }
}
