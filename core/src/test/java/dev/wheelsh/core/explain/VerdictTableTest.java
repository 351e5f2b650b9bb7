package dev.wheelsh.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.machine.TargetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdict table (verdicts.tsv): for each wheel and target, pip's answer and, when it is no,
 * the closest miss and the words that explain it; where a row says, the next step explain names.
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
                rows.add(Arguments.of(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : ""));
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
    void verdictAndReasonAreAsTheTableSays(String wheel, String target, String expected, String phrase, String next) throws Exception {
        InstallVerdict v = InstallVerdict.of(WheelFilename.parse(wheel).tags(), TargetSpec.parse(target));
        if (!next.isEmpty()) {
            // the next step explain gives for the name: "action: phrase of its advice or command", or none at all
            List<NextStep> steps = Explainer.explainName(wheel, Optional.of(TargetSpec.parse(target)),
                    BuiltinPolicies.all()).next();
            if (next.equals("none")) {
                assertEquals(List.of(), steps);
            } else {
                String action = next.substring(0, next.indexOf(": "));
                String words = next.substring(next.indexOf(": ") + 2);
                assertTrue(steps.stream().anyMatch(n -> n.action().id().equals(action)
                        && (n.advice().contains(words) || n.command().orElse("").contains(words))), "next steps: " + steps);
            }
        }
        if (expected.equals("installable")) {
            InstallVerdict.Installs installs = assertInstanceOf(InstallVerdict.Installs.class, v, v::toString);
            assertEquals(phrase, installs.bestTag().toString());
        } else {
            InstallVerdict.Miss miss = assertInstanceOf(InstallVerdict.Misses.class, v, v::toString).closest();
            assertEquals(expected, miss.component().name().toLowerCase(Locale.ROOT), miss.reason());
            assertTrue(miss.reason().contains(phrase), "reason: " + miss.reason());
        }
    }

    /** A wheel wrong in two ways is reported as wrong in both: the closest miss first, then the rest. */
    @Test
    void aMissNamesEveryComponentThatDoesNotFit() throws Exception {
        InstallVerdict v = InstallVerdict.of(
                WheelFilename.parse("numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl").tags(),
                TargetSpec.parse("cp310-glibc2.38-loongarch64"));
        InstallVerdict.Misses misses = assertInstanceOf(InstallVerdict.Misses.class, v);
        assertEquals(List.of(InstallVerdict.Component.PYTHON_VERSION, InstallVerdict.Component.ABI, InstallVerdict.Component.ARCH),
                misses.all().stream().map(InstallVerdict.Miss::component).toList());
        assertEquals("the wheel is for x86_64; the machine is Linux loongarch64, glibc 2.38", misses.others().get(1).reason());
    }

    @Test
    void aWheelThatFitsButForItsGlibcMissesOnlyThat() throws Exception {
        InstallVerdict v = InstallVerdict.of(WheelFilename.parse("x-1-cp312-cp312-manylinux_2_39_aarch64.whl").tags(),
                TargetSpec.parse("cp312-glibc2.36-aarch64"));
        InstallVerdict.Misses misses = assertInstanceOf(InstallVerdict.Misses.class, v);
        assertEquals(InstallVerdict.Component.LIBC_VERSION, misses.closest().component());
        assertEquals(List.of(), misses.others());
    }

    /** The nearest tag is one a wheel could carry: no manylinux tag below the architecture's first baseline. */
    @Test
    void theNearestTagCanExist() throws Exception {
        InstallVerdict v = InstallVerdict.of(WheelFilename.parse("numpy-2.1.1-cp37-cp37m-manylinux_2_36_loongarch64.whl").tags(),
                TargetSpec.parse("cp37-glibc2.28-loongarch64+oldworld"));
        InstallVerdict.Miss miss = assertInstanceOf(InstallVerdict.Misses.class, v).closest();
        assertEquals(InstallVerdict.Component.LIBC_VERSION, miss.component());
        assertEquals("cp37-cp37m-linux_loongarch64", miss.nearest().orElseThrow().toString());
    }
}
