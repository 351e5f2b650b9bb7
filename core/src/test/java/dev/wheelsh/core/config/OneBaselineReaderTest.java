package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicyJson;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Baseline JSON has one reader: lint shows its findings, the verdict commands ({@link PolicyJson#read})
 * take its policies and refuse the file on its first error. The cases each former reader alone
 * caught are caught by both now, with one finding each.
 */
class OneBaselineReaderTest {

    private static final String OK_REST = "\"symbol_versions\": {}, \"lib_whitelist\": [\"libc.so.6\"]";

    private static List<Finding> errors(String text) {
        return BaselineChecks.check(text).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** The one error lint finds, and the line the verdict refuses the file with: the same finding. */
    private static void oneErrorForBoth(String text, String code) {
        List<Finding> errors = errors(text);
        assertEquals(1, errors.size(), text + " -> " + errors);
        Finding f = errors.get(0);
        assertEquals(code, f.code().id(), f.message());
        InputException e = assertThrows(InputException.class, () -> PolicyJson.read("b.json", text));
        String at = f.range().map(r -> ":" + (r.startLine() + 1) + ":" + (r.startColumn() + 1)).orElse("");
        // The verdict has no did-you-mean words; the place and the start of the message are lint's.
        assertTrue(e.getMessage().startsWith("b.json" + at + ": " + f.message().split(";")[0]), e.getMessage() + " vs " + f.message());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            // once refused by the verdict only
            "[{\"name\": \"x\", \"priority\": 3, \"lib_whitelist\": []}]                                     | WH607",
            "[{\"name\": \"x\", \"priority\": 3, \"symbol_versions\": {}}]                                   | WH609",
            "[{\"name\": \"x\", \"aliases\": \"y\", \"priority\": 3, " + OK_REST + "}]                        | WH603",
            "[{\"name\": \"x\", \"priority\": 3, \"symbol_versions\": {\"x86_64\": []}, \"lib_whitelist\": []}] | WH607",
            "[{\"name\": \"x\", \"priority\": 3, \"symbol_versions\": {\"x86_64\": {\"GLIBC\": \"2.17\"}}, \"lib_whitelist\": []}] | WH608",
            "[{\"name\": \"x\", \"priority\": 3, " + OK_REST + ", \"blacklist\": []}]                        | WH609",
            "[{\"name\": \"x\", \"priority\": 3, " + OK_REST + ", \"blacklist\": {\"libz.so.1\": [1]}}]        | WH609",
            // once found by lint only
            "[{\"name\": \"Many Linux\", \"priority\": 3, " + OK_REST + "}]                                 | WH603",
            "[{\"name\": \"x\", \"priority\": 3, " + OK_REST + "}, {\"name\": \"x\", \"priority\": 4, " + OK_REST + "}] | WH606",
            "[{\"name\": \"x\", \"priority\": 3, " + OK_REST + "}, {\"name\": \"y\", \"priority\": 3, " + OK_REST + "}] | WH605",
            "[{\"name\": \"x\", \"priority\": 3, \"symbol_versions\": {\"amd64\": {}}, \"lib_whitelist\": []}] | WH607",
            "[{\"name\": \"x\", \"priority\": 3, \"symbol_versions\": {\"x86_64\": {\"GLIBC\": [\"2.x\"]}}, \"lib_whitelist\": []}] | WH608",
            "[{\"name\": \"x\", \"priority\": 3, \"symbol_versions\": {}, \"lib_whitelist\": [\"/lib/libc.so.6\"]}] | WH609",
            // both, once with different words and limits
            "[{\"name\": \"x\", \"priority\": \"high\", " + OK_REST + "}]                                   | WH604",
            "[{\"name\": \"x\", " + OK_REST + "}]                                                           | WH604",
            "{\"policies\": 3}                                                                              | WH601",
            "[{\"name\":                                                                                    | WH600",
    })
    void eachProblemIsOneFindingAndTheVerdictRefusesWithIt(String text, String code) {
        oneErrorForBoth(text, code);
    }

    @Test
    void formerVerdictOnlyAndLintOnlyCasesKeepTheirWords() throws Exception {
        InputException e = assertThrows(InputException.class, () -> PolicyJson.read("b.json", "[{\"name\": \"x\", \"priority\": \"high\"}]"));
        assertEquals("b.json:1:28: priority of x must be a whole number from 0 to 999999999", e.getMessage());
        assertEquals("'amd64' is not an architecture name auditwheel uses; Python spells it x86_64",
                errors("[{\"name\": \"x\", \"priority\": 3, \"symbol_versions\": {\"amd64\": {}}, \"lib_whitelist\": []}]").get(0).message());
    }

    /** auditwheel 6.8.1 reads priority as a Python int and only orders by it; 0 is linux. */
    @ParameterizedTest(name = "priority {0}: read {1}")
    @CsvSource({"0, true", "51, true", "100, true", "101, true", "999999999, true", "1000000000, false", "-1, false", "1.5, false", "1e2, false"})
    void aPriorityIsAWholeNumberFrom0To999999999ForBoth(String priority, boolean read) {
        String text = "[{\"name\": \"x\", \"priority\": " + priority + ", " + OK_REST + "}]";
        assertEquals(read, errors(text).isEmpty(), "lint on priority " + priority);
        boolean verdictReads;
        try {
            PolicyJson.read("b.json", text);
            verdictReads = true;
        } catch (InputException e) {
            verdictReads = false;
        }
        assertEquals(read, verdictReads, "verdict on priority " + priority);
    }

    @Test
    void aCodeTheFileSilencesIsSilencedForTheVerdictToo() throws Exception {
        String text = "{\"$wheelsh-ignore\": [\"WH609\"], \"policies\": [{\"name\": \"x\", \"priority\": 3, "
                + "\"symbol_versions\": {}, \"lib_whitelist\": [\"libc.so.6\", \"/opt/libfoo.so\"]}]}";
        assertEquals(List.of(), errors(text));
        PolicySet read = PolicyJson.read("b.json", text);
        assertEquals(List.of("libc.so.6"), read.find("x").orElseThrow().libWhitelist(), "the bad entry is not taken");
    }

    @Test
    void everyBaselineFixtureIsReadByTheVerdictExactlyWhenLintFindsNoError() throws Exception {
        int files = 0;
        try (Stream<Path> dirs = Files.list(FixtureTest.fixtures())) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("policy-")).toList()) {
                Path file = FixtureTest.configFile(dir);
                String text = Files.readString(file);
                boolean lintClean = errors(text).isEmpty();
                boolean verdictReads;
                try {
                    PolicyJson.read(file);
                    verdictReads = true;
                } catch (InputException e) {
                    verdictReads = false;
                }
                assertEquals(lintClean, verdictReads, dir.getFileName().toString());
                files++;
            }
        }
        assertTrue(files >= 8, "policy fixtures: " + files);
    }

    @Test
    void theBuiltInBaselinesAsWrittenAreCleanForBoth() throws Exception {
        String text = PolicyJson.write(BuiltinPolicies.all().policies());
        assertEquals(List.of(), errors(text));
        assertEquals(BuiltinPolicies.all().policies().size(), PolicyJson.read("builtin.json", text).policies().size());
    }
}
