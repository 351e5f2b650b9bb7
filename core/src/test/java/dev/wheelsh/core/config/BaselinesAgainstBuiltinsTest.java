package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicyJson;
import dev.wheelsh.core.testing.ReferencePython;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WH613/WH614: a baseline file that redefines a built-in baseline, compared with it. */
class BaselinesAgainstBuiltinsTest {

    private static List<String> codes(String text) {
        return new ConfigAnalyzer(new CheckSettings(List.of(), List.of())).check(ConfigFileKind.BASELINE_JSON, text).stream()
                .map((Finding f) -> f.code().id()).toList();
    }

    @Test
    void theBuiltInListsWrittenOutAreCleanAndTheLoongarchExampleAllowsMore() throws Exception {
        assertEquals(List.of(), codes(PolicyJson.write(BuiltinPolicies.all().policies())), "the built-in baselines pass every check");
        String example = Files.readString(ReferencePython.repoRoot().resolve("docs/examples/loongarch64-glibc2.38.json"));
        assertEquals(List.of("WH613"), codes(example));
    }

    @Test
    void aSparseListIsNotARange() {
        List<String> c = codes("[{\"name\": \"manylinux_2_17\", \"aliases\": [\"manylinux2014\"], \"priority\": 80, \"symbol_versions\": "
                + "{\"x86_64\": {\"GLIBC\": [\"2.2.5\", \"2.17\"]}}, \"lib_whitelist\": [\"libc.so.6\"]}]");
        assertEquals(List.of("WH614"), c);
    }
}
