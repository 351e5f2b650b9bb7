package dev.wheelsh.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.machine.TargetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdict table (verdicts.tsv): for each wheel and target, pip's answer and, when it is no,
 * the closest miss and the words that explain it.
 */
class VerdictTableTest {

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = VerdictTableTest.class.getResourceAsStream("verdicts.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(Arguments.of(f[0], f[1], f[2], f[3]));
            }
        }
        return rows.stream();
    }

    @Test
    void theTableHasAtLeastSixtyRows() throws IOException {
        assertTrue(rows().count() >= 60);
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @MethodSource("rows")
    void verdictAndReasonAreAsTheTableSays(String wheel, String target, String expected, String phrase) throws Exception {
        InstallVerdict v = InstallVerdict.of(WheelFilename.parse(wheel).tags(), TargetSpec.parse(target));
        if (expected.equals("installable")) {
            assertTrue(v.installable(), () -> "not installable: " + v.closestMiss().map(InstallVerdict.Miss::reason).orElse(""));
            assertEquals(phrase, v.bestTag().orElseThrow().toString());
        } else {
            assertTrue(!v.installable(), "pip would install it with " + v.bestTag());
            InstallVerdict.Miss miss = v.closestMiss().orElseThrow();
            assertEquals(expected, miss.component().name().toLowerCase(Locale.ROOT), miss.reason());
            assertTrue(miss.reason().contains(phrase), "reason: " + miss.reason());
        }
    }
}
