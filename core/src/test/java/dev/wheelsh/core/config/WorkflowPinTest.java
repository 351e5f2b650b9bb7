package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cibuildwheel release a project's GitHub workflow pins judges its pyproject.toml when [tool.wheelsh] does not name one. */
class WorkflowPinTest {

    private static final String PYPROJECT = "[tool.cibuildwheel]\ntest-sources = [\"tests\"]\nbuild = \"cp39-*\"\n";

    private static final String WORKFLOW = String.join("\n",
            "name: Build wheels",
            "on: [push]",
            "jobs:",
            "  build_wheels:",
            "    runs-on: ${{ matrix.os }}",
            "    steps:",
            "      - uses: actions/checkout@v4",
            "      - name: Build wheels",
            "        uses: pypa/cibuildwheel@v2.23.3",
            "        env:",
            "          CIBW_BUILD_VERBOSITY: 1",
            "");

    private final ConfigAnalyzer analyzer = new ConfigAnalyzer(CheckSettings.defaults());

    private List<Finding> check(Path project, String pyproject) throws IOException {
        Path file = Files.writeString(project.resolve("pyproject.toml"), pyproject);
        return analyzer.check(analyzer.parse(ConfigFileKind.PYPROJECT, pyproject, DocumentPlace.ofFile(file)));
    }

    private static void workflow(Path project, String name, String text) throws IOException {
        Files.createDirectories(project.resolve(".github/workflows"));
        Files.writeString(project.resolve(".github/workflows").resolve(name), text);
    }

    @Test
    void anOptionTheWorkflowsReleaseLacksIsAnErrorNamingTheWorkflow(@TempDir Path project) throws IOException {
        workflow(project, "wheels.yml", WORKFLOW);
        List<Finding> findings = check(project, PYPROJECT);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("WH116", findings.get(0).code().id());
        assertEquals("cibuildwheel 2.23.3 (pinned in .github/workflows/wheels.yml) has no option 'test-sources' (3.0 added it); "
                + "pin such a release or drop it", findings.get(0).message());
    }

    @Test
    void withoutAWorkflowTheNewestReleaseJudges(@TempDir Path project) throws IOException {
        assertEquals(List.of(), check(project, PYPROJECT));
    }

    @Test
    void theTableOfTheProjectOutranksTheWorkflow(@TempDir Path project) throws IOException {
        workflow(project, "wheels.yml", WORKFLOW);
        assertEquals(List.of(), check(project, "[tool.wheelsh]\ncibuildwheel = \"4.2\"\n\n" + PYPROJECT));
    }

    @Test
    void aBranchOrCommitPinsNoRelease() {
        assertEquals(Optional.empty(), WorkflowPin.in("      - uses: pypa/cibuildwheel@main\n"));
        assertEquals(Optional.empty(), WorkflowPin.in("      - uses: pypa/cibuildwheel@1828c10ab37f080699c7b81cea34097c684a7074\n"));
        assertEquals(Optional.of("3.1.4"), WorkflowPin.in("      - uses: \"pypa/cibuildwheel@v3.1.4\"  # pinned\n"));
        assertEquals(Optional.of("4.2.0"), WorkflowPin.in("        uses: pypa/cibuildwheel@1828c10ab37f080699c7b81cea34097c684a7074  # v4.2.0\n"),
                "a commit with its release in the comment, as Dependabot writes it");
    }

    @Test
    void theOldestOfSeveralPinsIsTheOneEveryOptionMustWorkWith(@TempDir Path project) throws IOException {
        workflow(project, "wheels.yml", WORKFLOW.replace("v2.23.3", "v4.2.0"));
        workflow(project, "legacy.yaml", WORKFLOW.replace("v2.23.3", "v3.1.4"));
        assertEquals(Optional.of(new WorkflowPin("3.1.4", ".github/workflows/legacy.yaml")), WorkflowPin.near(project));
        assertTrue(check(project, PYPROJECT).isEmpty(), "3.1 has test-sources");
    }

    @Test
    void anOlderReleaseIsJudgedByItsOwnTables() {
        ConfigFacts facts = ConfigFacts.INSTANCE;
        assertEquals("2.23", facts.cibwTablesFor("2.23.3").release());
        assertEquals("2.0", facts.cibwTablesFor("2.1").release(), "2.1 has no x.y.0 tag: the tables of 2.0");
        assertEquals(facts.cibwVersion, facts.cibwTablesFor("4.2.1").release());
        assertEquals(facts.cibwVersion, facts.cibwTablesFor("9.0").release());
        assertTrue(!facts.cibwTablesFor("4.0").archCaseInsensitive(), "lower-case archs came with 4.1.1");
        assertTrue(facts.cibwTablesFor("3.3").topOptions().contains("manylinux-armv7l-image"));
        assertTrue(!facts.cibwTablesFor("2.16").topOptions().contains("manylinux-armv7l-image"));
    }
}
