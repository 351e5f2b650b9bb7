package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.testing.ReferencePython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build selectors as cibuildwheel matches them: its own selector_matches (bracex, then fnmatch),
 * run from its source at the release cibuildwheel-facts.json names, against every identifier of
 * that release. Needs a clone of github.com/pypa/cibuildwheel named by the environment variable
 * WHEELSH_CIBUILDWHEEL_GIT (its git directory) and a Python with bracex and packaging, or a clone
 * of github.com/facelessuser/bracex named by WHEELSH_BRACEX_GIT (its newest tag is read); skipped,
 * saying which is missing, otherwise (CI has neither).
 */
class CibuildwheelSelectorDifferentialTest {

    private static final List<String> PATTERNS = List.of(
            "cp3{9..13}-*", "cp31{3..4}t-*", "cp3{10..11}-musllinux_*", "*-{win32,manylinux_i686}", "cp3{12..14}-manylinux_*",
            "cp3{9..13}-macosx_amd64", "cp3??t-win", "cp3??t-win*", "*-manylinux_loong64", "pp*", "*_universal2",
            "cp3{12,13}-{manylinux,musllinux}_[!i]*", "cp31[0-4]-*", "cp3{8,9}-* pp3{8,9}-*", "*pyodide*", "{cp,pp}31{0..1}-*",
            "cp3{9}-*", "cp3{013}-*", "cp3{9..}-*", "*-ios_*", "gp*", "cp315t-*", "*[!_]win*");

    @Test
    void patternsMatchWhatCibuildwheelMatches(@TempDir Path dir) throws IOException, InterruptedException {
        String git = System.getenv("WHEELSH_CIBUILDWHEEL_GIT");
        assumeTrue(git != null && Files.isDirectory(Path.of(git)),
                "WHEELSH_CIBUILDWHEEL_GIT does not name a cibuildwheel git directory: cibuildwheel differential test skipped");
        String tag = ConfigFacts.INSTANCE.cibwSource.tag();
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        String bracexGit = System.getenv("WHEELSH_BRACEX_GIT");
        if (bracexGit != null && Files.isDirectory(Path.of(bracexGit))) {
            Process bracex = new ProcessBuilder("sh", "-c",
                    "git --git-dir=\"$0\" archive \"$(git --git-dir=\"$0\" tag --sort=-v:refname | head -1)\" bracex | tar -x -C \"$1\"",
                    bracexGit, src.toString()).redirectErrorStream(true).start();
            assertEquals(0, bracex.waitFor(), new String(bracex.getInputStream().readAllBytes()));
        }
        Optional<Path> python = withBracex(src);
        assumeTrue(python.isPresent(), "no Python with bracex (or WHEELSH_BRACEX_GIT) and packaging: cibuildwheel differential test skipped");
        Process archive = new ProcessBuilder("sh", "-c", "git --git-dir=\"$0\" archive \"$1\" cibuildwheel/selector.py | tar -x -C \"$2\"",
                git, tag, src.toString()).redirectErrorStream(true).start();
        assertEquals(0, archive.waitFor(), new String(archive.getInputStream().readAllBytes()));
        Files.writeString(src.resolve("cibuildwheel/__init__.py"), "");
        List<String> ids = ConfigFacts.INSTANCE.cibwIdentifiers;
        ObjectMapper json = new ObjectMapper();
        Path input = dir.resolve("in.json");
        json.writeValue(input.toFile(), Map.of("patterns", PATTERNS, "ids", ids));
        String script = String.join("\n",
                "import json, sys",
                "sys.path.insert(0, sys.argv[2])",
                "from cibuildwheel.selector import selector_matches",
                "data = json.load(open(sys.argv[1]))",
                "print(json.dumps([[i for i in data['ids'] if selector_matches(p, i)] for p in data['patterns']]))");
        Path py = Files.writeString(dir.resolve("ref.py"), script);
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), py.toString(), input.toString(), src.toString()), 120);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode answer = json.readTree(r.stdout());
        for (int i = 0; i < PATTERNS.size(); i++) {
            List<String> theirs = new ArrayList<>();
            answer.get(i).forEach(n -> theirs.add(n.asText()));
            List<String> ours = new ArrayList<>();
            for (String id : ids) {
                boolean any = false;
                for (Selectors.Part part : Selectors.split(PATTERNS.get(i))) {
                    for (Pattern p : Selectors.compile(part.pattern())) {
                        any |= p.matcher(id).matches();
                    }
                }
                if (any) {
                    ours.add(id);
                }
            }
            assertEquals(theirs, ours, "identifiers matched by " + PATTERNS.get(i));
        }
        assertTrue(PATTERNS.size() > 20);
    }

    private static Optional<Path> withBracex(Path src) {
        for (Path p : ReferencePython.candidates()) {
            try {
                if (ReferencePython.run(List.of(p.toString(), "-c", "import sys; sys.path.insert(0, sys.argv[1]); import bracex, packaging",
                        src.toString()), 30).exitCode() == 0) {
                    return Optional.of(p);
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return Optional.empty();
    }
}
