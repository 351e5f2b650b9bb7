package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code [tool.wheelsh]} has one reader: lint shows its findings, {@code wheelsh check} takes its
 * value and refuses the file on its first error, warnings do not stop it.
 */
class OneWheelshTableReaderTest {

    private static List<Finding> lint(String toml) {
        return PyprojectChecks.check(toml, CheckSettings.defaults()).stream().filter(f -> f.code().id().startsWith("WH1")).toList();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "targets = [\"cp313-glibcX-loongarch64\"]    | WH130 | 2:19 | target 'cp313-glibcX-loongarch64': system 'glibcx' is not glibcX.Y, muslX.Y, linux, macosX.Y, windows, iosX.Y or androidN",
            "baselines = [\"/etc/policy.json\"]           | WH131 | 2:15 | baseline '/etc/policy.json' must be a .json file relative to this pyproject.toml",
            "targets = \"cp313-glibc2.38-x86_64\"          | WH117 | 2:11 | 'targets' takes a list of strings",
    })
    void anErrorIsOneFindingForLintAndTheLineCheckRefusesWith(String line, String code, String at, String message) {
        String toml = "[tool.wheelsh]\n" + line + "\n";
        List<Finding> found = lint(toml);
        assertEquals(1, found.size(), found.toString());
        assertEquals(code, found.get(0).code().id());
        assertEquals(message, found.get(0).message());
        InputException e = assertThrows(InputException.class, () -> WheelshTable.read("pyproject.toml", toml));
        assertEquals("pyproject.toml:" + at + ": " + message, e.getMessage());
    }

    @Test
    void theBadPartOfATargetIsPlacedFromTheParsersOffsetNotFromItsMessage() {
        String toml = "[tool.wheelsh]\ntargets = [\"cp313-glibc2.38-loong-arch\", \" cp313-glibc2.38-x86_64+fast\"]\n";
        List<Finding> found = lint(toml);
        assertEquals(2, found.size(), found.toString());
        // zero-based columns of line 2: "loong-arch" is 28-38; "fast" after the '+' is 66-70, past the leading space
        assertEquals(28, found.get(0).range().orElseThrow().startColumn());
        assertEquals(38, found.get(0).range().orElseThrow().endColumn());
        assertEquals(66, found.get(1).range().orElseThrow().startColumn());
        assertEquals(70, found.get(1).range().orElseThrow().endColumn());
    }

    @Test
    void anUnknownKeyIsAWarningForLintAndDoesNotStopCheck() throws Exception {
        String toml = "[tool.wheelsh]\ntargets = [\"cp313-glibc2.38-loongarch64\"]\ntarget = [\"x\"]\n";
        List<Finding> found = lint(toml);
        assertEquals(List.of("WH132"), found.stream().map(f -> f.code().id()).toList());
        assertEquals(Severity.WARNING, found.get(0).severity());
        WheelshTable t = WheelshTable.read("pyproject.toml", toml);
        assertEquals("cp313-glibc2.38-loongarch64", t.targets().get(0).compact());
    }

    @Test
    void whatLintPassesCheckReadsAndSilencedCodesCountForBoth() throws Exception {
        String toml = "# wheelsh: ignore WH131\n[tool.wheelsh]\ntargets = [\"cp312-musl1.2-aarch64\"]\n"
                + "baselines = [\"policies/a.json\", \"notes.txt\"]\n";
        assertEquals(List.of(), lint(toml));
        WheelshTable t = WheelshTable.read("pyproject.toml", toml);
        assertEquals(List.of("policies/a.json"), t.baselines(), "the bad path is not taken, only not reported");
        assertEquals(1, t.targets().size());
    }

    @Test
    void aTomlSyntaxErrorAnywhereRefusesCheck() {
        InputException e = assertThrows(InputException.class, () -> WheelshTable.read("p.toml", "[tool.wheelsh]\ntargets = [\"a\"\n"));
        assertTrue(e.getMessage().startsWith("p.toml:"), e.getMessage());
    }
}
