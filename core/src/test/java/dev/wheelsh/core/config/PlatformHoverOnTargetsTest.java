package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.explain.Explainer;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.vocabulary.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hover on a platform tag in pip.conf says what pip on each of the editor's default targets
 * makes of it, in the words of the install verdict (core's Explainer), after what the tag means.
 */
class PlatformHoverOnTargetsTest {

    private static final String CONF = "[global]\nplatform = manylinux_2_28_x86_64\n";

    private static String hover(List<String> targets) {
        ConfigAnalyzer a = new ConfigAnalyzer(new CheckSettings(List.of(), targets));
        return a.hover(ConfigFileKind.PIP_CONF, CONF, 1, 14).orElseThrow().markdown();
    }

    @Test
    void eachTargetGetsOneParagraph() throws Exception {
        String text = hover(List.of("cp313-glibc2.38-x86_64", "cp313-glibc2.38-loongarch64"));
        assertTrue(text.contains("\n\npip on cp313-glibc2.38-x86_64 takes it (best as cp313-cp313-manylinux_2_28_x86_64, preference #"), text);
        assertTrue(text.contains("\n\npip on cp313-glibc2.38-loongarch64 does not take it: the wheel is for x86_64; "
                + "the machine is Linux loongarch64, glibc 2.38"), text);
        assertTrue(text.endsWith(Explainer.platformOn("manylinux_2_28_x86_64", TargetSpec.parse("cp313-glibc2.38-loongarch64"))), text);
    }

    @Test
    void aGlibcTooOldIsTheReason() throws Exception {
        assertEquals("pip on cp313-glibc2.17-x86_64 does not take it: the wheel needs glibc 2.28 or newer; the machine has glibc 2.17",
                Explainer.platformOn("manylinux_2_28_x86_64", TargetSpec.parse("cp313-glibc2.17-x86_64")));
    }

    @Test
    void withoutTargetsTheHoverIsTheTagInWords() {
        String text = hover(List.of());
        assertFalse(text.contains("pip on"), text);
        assertTrue(text.startsWith("`manylinux_2_28_x86_64`: "), text);
    }

    @Test
    void aDefaultTargetThatDoesNotParseIsSkipped() {
        String text = hover(List.of("cp313-glibc2.38-loong64", "cp313-glibc2.38-x86_64"));
        assertTrue(text.contains("pip on cp313-glibc2.38-x86_64 takes it"), text);
        assertFalse(text.contains("loong64"), text);
    }

    /** The same misspelt architecture is WH191 in a pip.conf platform and in a [tool.wheelsh] target. */
    @Test
    void aMisspeltTargetArchitectureIsTheSameFindingAsInAPlatformTag() {
        ConfigAnalyzer a = new ConfigAnalyzer(CheckSettings.defaults());
        var inPipConf = a.check(ConfigFileKind.PIP_CONF, "[global]\nplatform = manylinux_2_38_loong64\n").stream()
                .filter(f -> f.code() == Code.WH191).findFirst().orElseThrow();
        var inTarget = a.check(ConfigFileKind.PYPROJECT, "[tool.wheelsh]\ntargets = [\"cp313-glibc2.38-loong64\"]\n").stream()
                .filter(f -> f.code() == Code.WH191).findFirst().orElseThrow();
        assertEquals(inPipConf.message(), inTarget.message());
        assertEquals(inPipConf.severity(), inTarget.severity());
        // the range is the arch inside the string: columns 28-35 of `targets = ["cp313-glibc2.38-loong64"]`
        assertEquals(1, inTarget.range().orElseThrow().startLine());
        assertEquals(28, inTarget.range().orElseThrow().startColumn());
        assertEquals(35, inTarget.range().orElseThrow().endColumn());
    }
}

