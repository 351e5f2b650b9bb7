package dev.wheelsh.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.wheel.IndexPage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How pip chooses among wheels, as pick reproduces it offline. */
class WheelPickSpecificationTest {

    private static WheelPick.Choice only(List<String> names, String target) throws Exception {
        Target t = TargetSpec.parse(target);
        List<WheelPick.Choice> choices = WheelPick.choose(names, t).choices();
        assertEquals(1, choices.size());
        return choices.get(0);
    }

    @Test
    void theNewestVersionWithACompatibleWheelWins() throws Exception {
        WheelPick.Choice c = only(List.of(
                "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl",
                "numpy-2.2.3-cp313-cp313-manylinux_2_38_loongarch64.whl",
                "numpy-2.2.2-cp313-cp313-manylinux_2_36_loongarch64.whl"), "cp313-glibc2.38-loongarch64");
        assertEquals("numpy-2.2.3-cp313-cp313-manylinux_2_38_loongarch64.whl", c.chosenWheel().orElseThrow().render());
    }

    @Test
    void withinAVersionTheMorePreferredTagWins() throws Exception {
        WheelPick.Choice c = only(List.of(
                "orjson-3.10.12-cp312-abi3-manylinux_2_17_x86_64.whl",
                "orjson-3.10.12-cp312-cp312-manylinux_2_17_x86_64.whl",
                "orjson-3.10.12-py3-none-any.whl"), "cp312-glibc2.36-x86_64");
        assertEquals("cp312-cp312-manylinux_2_17_x86_64", c.matchedTag().orElseThrow().toString());
    }

    @Test
    void onATieTheHigherBuildTagWins() throws Exception {
        WheelPick.Choice c = only(List.of(
                "foo-1.0-1-cp313-cp313-linux_loongarch64.whl",
                "foo-1.0-10-cp313-cp313-linux_loongarch64.whl",
                "foo-1.0-2abc-cp313-cp313-linux_loongarch64.whl"), "cp313-glibc2.38-loongarch64");
        assertEquals("10", c.chosenWheel().orElseThrow().build().orElseThrow().toString());
    }

    @Test
    void aBetterTagBeatsAHigherBuildTag() throws Exception {
        WheelPick.Choice c = only(List.of(
                "foo-1.0-9-cp313-cp313-linux_loongarch64.whl",
                "foo-1.0-1-cp313-cp313-manylinux_2_38_loongarch64.whl"), "cp313-glibc2.38-loongarch64");
        assertEquals("1", c.chosenWheel().orElseThrow().build().orElseThrow().toString());
    }

    @Test
    void whenNothingFitsTheClosestMissSaysWhy() throws Exception {
        WheelPick.Choice c = only(List.of(
                "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl",
                "numpy-2.2.4-cp310-cp310-manylinux_2_39_loongarch64.whl"), "cp310-glibc2.38-loongarch64");
        assertTrue(c.chosen().isEmpty());
        assertEquals(InstallVerdict.Component.LIBC_VERSION, c.closestMiss().orElseThrow().component());
        assertEquals("numpy-2.2.4-cp310-cp310-manylinux_2_39_loongarch64.whl", c.closestWheel().orElseThrow().render());
    }

    @Test
    void projectsAreGroupedByCanonicalNameAndBadNamesAreSkippedWithAReason() throws Exception {
        WheelPick.Result r = WheelPick.choose(List.of("Foo_Bar-1.0-py3-none-any.whl", "foo.bar-1.1-py3-none-any.whl",
                "not a wheel.whl", "foo-1.0.tar.gz"), TargetSpec.parse("cp312-glibc2.36-x86_64"));
        assertEquals(1, r.choices().size());
        assertEquals("1.1", r.choices().get(0).chosenWheel().orElseThrow().version().toString());
        assertEquals(1, r.skipped().size());
    }

    @Test
    void aPep503PageListsItsAnchorsAndAPep691PageItsFiles() throws Exception {
        String html = "<!DOCTYPE html><html><body>\n"
                + "<a href=\"https://files.example/numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl#sha256=00\">"
                + "numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl</a><br/>\n"
                + "<a href=\"../../x/numpy-2.2.4.tar.gz#sha256=11\" data-requires-python=\"&gt;=3.10\">numpy-2.2.4.tar.gz</a>\n"
                + "<A HREF='/p/numpy-2.2.3-cp313-cp313-linux_loongarch64.whl'>download</A></body></html>";
        assertEquals(List.of("numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl", "numpy-2.2.4.tar.gz",
                "numpy-2.2.3-cp313-cp313-linux_loongarch64.whl"), IndexPage.filenames("page.html", html));
        String json = "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"numpy\", \"files\": ["
                + "{\"filename\": \"numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl\", \"url\": \"x\", \"hashes\": {}}]}";
        assertEquals(List.of("numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl"), IndexPage.filenames("page.json", json));
    }
}
