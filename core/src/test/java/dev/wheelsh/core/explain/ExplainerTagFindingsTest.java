package dev.wheelsh.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.vocabulary.Finding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * explain's findings on an input's own tags are lint's tag-shape checks, placed in the name; real
 * wheel names (as PyPI serves them, legacy aliases beside their PEP 600 names) get none.
 */
class ExplainerTagFindingsTest {

    private static List<String> codes(String name) throws Exception {
        return Explainer.explainName(name, Optional.empty(), BuiltinPolicies.all()).tagFindings().stream()
                .map(f -> f.code().id()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "numpy-2.2.4-cp313-cp313t-musllinux_1_2_aarch64.whl",
        "numpy-2.2.4-pp310-pypy310_pp73-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "psutil-7.0.0-cp36-abi3-manylinux_2_12_i686.manylinux2010_i686.manylinux_2_17_i686.manylinux2014_i686.whl",
        "lazy_object_proxy-1.12.0-cp311-cp311-manylinux_2_5_x86_64.manylinux1_x86_64.manylinux_2_28_x86_64.whl",
        "cryptography-44.0.2-cp39-abi3-macosx_10_9_universal2.whl",
        "pydantic_core-2.33.1-cp313-cp313-win_arm64.whl",
        "numpy-2.2.4-cp312-cp312-android_24_arm64_v8a.whl",
        "numpy-2.2.4-cp312-cp312-pyodide_2024_0_wasm32.whl",
        "numpy-2.1.1-cp310-cp310-linux_loongarch64.whl",
    })
    void realWheelNamesHaveNoTagFindings(String name) throws Exception {
        assertEquals(List.of(), codes(name));
    }

    @Test
    void aMisspeltArchitectureIsWh191AtItsColumns() throws Exception {
        String name = "x-1.0-cp313-cp313-manylinux_2_17_x86_64.manylinux_2_28_loong64.whl";
        Finding f = Explainer.explainName(name, Optional.empty(), BuiltinPolicies.all()).tagFindings().get(0);
        assertEquals("WH191", f.code().id());
        assertEquals("loong64", name.substring(f.range().orElseThrow().startColumn(), f.range().orElseThrow().endColumn()));
    }

    @Test
    void aLegacyAliasAloneIsAHintOnlyAsAPlatformTag() throws Exception {
        assertEquals(List.of("WH192"), codes("manylinux2014_x86_64"));
        assertEquals(List.of(), codes("cp313-cp313-manylinux2014_x86_64"));
    }
}
