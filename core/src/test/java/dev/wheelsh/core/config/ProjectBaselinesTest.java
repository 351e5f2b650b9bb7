package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicyJson;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.words.PlatformTagWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hovers on a platform tag say what {@code wheelsh explain TAG --baseline FILE} says: the tag's
 * words with the baselines the project names, here a loongarch64 manylinux_2_38 that redefines
 * the built-in one.
 */
class ProjectBaselinesTest {

    private static final String TAG = "manylinux_2_38_loongarch64";
    private static final String PIP_CONF = "[install]\nplatform = " + TAG + "\n";

    @TempDir
    Path project;
    Path baseline;

    @BeforeEach
    void aProjectWhosePyprojectNamesABaselineFile() throws Exception {
        Files.createDirectories(project.resolve("baselines"));
        baseline = project.resolve("baselines/loongarch64-glibc2.38.json");
        Files.copy(ReferencePython.repoRoot().resolve("docs/examples/loongarch64-glibc2.38.json"), baseline);
        Files.writeString(project.resolve("pyproject.toml"),
                "[tool.wheelsh]\nbaselines = [\"baselines/loongarch64-glibc2.38.json\"]\n");
    }

    private static String hoverOnTag(ConfigAnalyzer analyzer, DocumentPlace place) {
        ParsedDocument d = analyzer.parse(ConfigFileKind.PIP_CONF, PIP_CONF, place);
        return analyzer.hover(d, 1, 15).orElseThrow().markdown();
    }

    private String explainWords(PolicySet policies) {
        return Markdown.code(TAG) + ": " + Markdown.text(PlatformTagWords.describe(TAG, policies));
    }

    @Test
    void aPipConfHoverUsesTheBaselinesOfTheWorkspacesPyproject() throws Exception {
        PolicySet withFile = BuiltinPolicies.all().with(PolicyJson.read(baseline));
        String hover = hoverOnTag(new ConfigAnalyzer(CheckSettings.defaults()),
                new DocumentPlace(Optional.of(project.resolve("pip.conf")), Optional.of(project)));
        assertEquals(explainWords(withFile), hover);
        assertNotEquals(explainWords(BuiltinPolicies.all()), hover, "the project's file redefines the built-in baseline");
    }

    @Test
    void withoutAWorkspaceAPipConfHoverUsesTheBuiltInBaselines() {
        assertEquals(explainWords(BuiltinPolicies.all()), hoverOnTag(new ConfigAnalyzer(CheckSettings.defaults()),
                DocumentPlace.ofFile(project.resolve("pip.conf"))));
    }

    @Test
    void theEditorsExtraBaselineFilesCountToo() throws Exception {
        ConfigAnalyzer withExtra = new ConfigAnalyzer(new CheckSettings(List.of(baseline), List.of()));
        assertEquals(explainWords(BuiltinPolicies.all().with(PolicyJson.read(baseline))),
                hoverOnTag(withExtra, DocumentPlace.NOWHERE));
    }

    @Test
    void aPyprojectsBaselinePathsAreRelativeToItsOwnDirectory() throws Exception {
        String text = Files.readString(project.resolve("pyproject.toml"));
        ConfigAnalyzer analyzer = new ConfigAnalyzer(CheckSettings.defaults());
        ParsedDocument inProject = analyzer.parse(ConfigFileKind.PYPROJECT, text, DocumentPlace.ofFile(project.resolve("pyproject.toml")));
        assertEquals(List.of(baseline.normalize()), ProjectBaselines.projectFiles(inProject));
        ParsedDocument nowhere = analyzer.parse(ConfigFileKind.PYPROJECT, text, DocumentPlace.NOWHERE);
        assertEquals(List.of(), ProjectBaselines.projectFiles(nowhere), "a relative path of a text that lives nowhere names nothing");
    }

    @Test
    void anUnreadableBaselineFileLeavesTheBuiltInWords() throws Exception {
        Files.writeString(baseline, "{ not json");
        assertEquals(explainWords(BuiltinPolicies.all()), hoverOnTag(new ConfigAnalyzer(CheckSettings.defaults()),
                new DocumentPlace(Optional.empty(), Optional.of(project))));
    }
}
