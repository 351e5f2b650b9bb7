package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hovers say what the word under the cursor means; completions offer what can be typed there. */
class AssistTest {

    private final ConfigAnalyzer a = new ConfigAnalyzer(CheckSettings.defaults());

    private HoverText hover(ConfigFileKind k, String text, int line, int col) {
        return a.hover(k, text, line, col).orElseThrow(() -> new AssertionError("no hover at " + line + ":" + col));
    }

    private List<String> labels(ConfigFileKind k, String text, int line, int col) {
        return a.complete(k, text, line, col).stream().map(Completion::label).toList();
    }

    @Test
    void hoverOnASelectorNamesItsPartsAndItsMatches() {
        String t = "[tool.cibuildwheel]\nbuild = \"pp* cp313t-manylinux_aarch64\"\n";
        HoverText h = hover(ConfigFileKind.PYPROJECT, t, 1, 20);
        assertEquals(SourceRange.onLine(1, 13, 37), h.range());
        assertTrue(h.markdown().contains("CPython 3.13 (free-threaded)"), h.markdown());
        assertTrue(h.markdown().contains("matches 0 build identifiers of cibuildwheel " + ConfigFacts.INSTANCE.cibwVersion
                + "; and 1 that only older releases built"), h.markdown());
    }

    @Test
    void hoverOnAMarkerVariableAndAnArchValue() {
        String t = "[tool.uv]\nenvironments = [\"platform_machine == 'loongarch64'\"]\n";
        assertTrue(hover(ConfigFileKind.PYPROJECT, t, 1, 20).markdown().contains("platform.machine()"));
        HoverText arch = hover(ConfigFileKind.PYPROJECT, t, 1, 42);
        assertEquals(SourceRange.onLine(1, 38, 49), arch.range());
        assertTrue(arch.markdown().contains("LoongArch"), arch.markdown());
    }

    @Test
    void hoverOnPipOptionsPlatformTagsAndSymbolVersions() {
        String conf = "[download]\nplatform = manylinux2014_x86_64\n";
        assertTrue(hover(ConfigFileKind.PIP_CONF, conf, 1, 3).markdown().contains("only-binary"));
        assertTrue(hover(ConfigFileKind.PIP_CONF, conf, 1, 15).markdown().contains("manylinux_2_17_x86_64"));
        String json = "[{\"name\": \"manylinux_2_17\", \"symbol_versions\": {\"x86_64\": {\"GLIBC\": [\"2.17\"]}}}]";
        assertTrue(hover(ConfigFileKind.BASELINE_JSON, json, 0, 72).markdown().contains("glibc 2.17 or newer"));
        assertTrue(hover(ConfigFileKind.BASELINE_JSON, json, 0, 52).markdown().contains("64-bit x86"));
    }

    @Test
    void completionOfKeysOptionsArchsAndTagComponents() {
        assertTrue(labels(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel]\ntest-\n", 1, 5).contains("test-command"));
        assertTrue(labels(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel.linux]\narchs = [\"\"]\n", 1, 10).contains("loongarch64") == false);
        assertTrue(labels(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel.linux]\narchs = [\"\"]\n", 1, 10).contains("riscv64"));
        assertTrue(labels(ConfigFileKind.PYPROJECT, "[tool.cibuildwheel]\nbuild = \"cp313-many\"\n", 1, 19).contains("manylinux_x86_64"));
        assertTrue(labels(ConfigFileKind.PIP_CONF, "[global]\nonly-\n", 1, 5).contains("only-binary"));
        assertTrue(labels(ConfigFileKind.PIP_CONF, "[download]\nplatform = manylinux_2_38_loo\n", 1, 29).contains("loongarch64"));
        assertTrue(labels(ConfigFileKind.BASELINE_JSON, "[{\"symbol_versions\": {\"lo", 0, 25).contains("loongarch64"));
        assertTrue(labels(ConfigFileKind.BASELINE_JSON, "[{\"name\": \"many", 0, 15).contains("manylinux_2_38"));
    }

    @Test
    void hoverOnAPipPlatformSaysWhatItsBaselineAllows() {
        String t = "[global]\nplatform = manylinux_2_38_loongarch64\n";
        String md = hover(ConfigFileKind.PIP_CONF, t, 1, 15).markdown();
        assertTrue(md.contains("GLIBCXX_3.4.30") && md.contains("auditwheel's manylinux_2_38"), md);
    }
}
