package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicyJson;
import dev.wheelsh.core.words.PlatformTagWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server describes a platform tag in a pip.conf with the baselines of the workspace's
 * pyproject.toml: the same words as {@code wheelsh explain TAG --baseline FILE} with that file.
 */
class ProjectBaselineHoverTest {

    private static final String TAG = "manylinux_2_38_loongarch64";

    @TempDir
    Path project;

    @Test
    void aPipConfHoverOnAPlatformTagSaysWhatExplainSaysWithTheProjectsBaselineFile() throws Exception {
        Path baseline = project.resolve("baselines/loongarch64-glibc2.38.json");
        Files.createDirectories(baseline.getParent());
        Files.copy(EditorRun.repoRoot().resolve("docs/examples/loongarch64-glibc2.38.json"), baseline);
        Path pyproject = project.resolve("pyproject.toml");
        Files.writeString(pyproject, "[tool.wheelsh]\nbaselines = [\"baselines/loongarch64-glibc2.38.json\"]\n");
        String pip = project.resolve("pip.conf").toUri().toString();

        String withFile = "`" + TAG + "`: " + PlatformTagWords.describe(TAG, BuiltinPolicies.all().with(PolicyJson.read(baseline)));
        String builtIn = "`" + TAG + "`: " + PlatformTagWords.describe(TAG, BuiltinPolicies.all());
        assertNotEquals(builtIn, withFile, "the example file redefines the built-in manylinux_2_38 on loongarch64");

        try (LspSession s = LspSession.started(DocumentAnalyzer.coreFactory(), 0,
                init -> init.setWorkspaceFolders(List.of(new WorkspaceFolder(project.toUri().toString(), "project"))))) {
            s.open(pip, 1, "[install]\nplatform = " + TAG + "\n");
            assertEquals(withFile, hoverText(s, pip));

            // The project stops naming the file; once the pyproject.toml is saved, hovers say the built-in words.
            Files.writeString(pyproject, "[tool.wheelsh]\nbaselines = []\n");
            s.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(pyproject.toUri().toString())));
            assertEquals(builtIn, hoverText(s, pip));
        }
    }

    private static String hoverText(LspSession s, String uri) throws Exception {
        Hover h = s.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 15)))
                .get(10, TimeUnit.SECONDS);
        return h.getContents().getRight().getValue();
    }
}
