package dev.wheelsh.core.config;

import dev.wheelsh.core.document.TomlReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.testing.ReferencePython;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TOML reader accepts what Python's tomllib (the reader pip, build and cibuildwheel use)
 * accepts and rejects what it rejects: hand-written edge cases and every pyproject fixture.
 * Skipped without a Python 3.11+ (found as for the packaging tests).
 */
class TomllibDifferentialTest {

    private static final List<String> SNIPPETS = List.of(
            "a = 1", "a = +1", "a = 01", "a = 1_000", "a = 1__0", "a = 0xDEAD_beef", "a = 0o17", "a = 0b101", "a = 1e10",
            "a = -inf", "a = nan", "a = 3.", "a = .5", "a = true", "a = True", "a = 1979-05-27", "a = 1979-05-27T07:32:00-08:00",
            "a = 07:32:00", "a = \"\\u00e9\"", "a = \"\\Uffffffff\"", "\"\\Udddddddd\" = 1", "a = \"\\U0001F600\"", "a = \"\\x41\"", "a = \"tab\there\"", "a = 'it''s'", "a = '''x'''''",
            "a = \"\"\"x\"\"\"\"\"", "a = [1, 'two', [3]]", "a = [\n 1,\n # c\n 2,\n]", "a = {}", "a = { b = 1, }", "a = { b = 1\n}",
            "a.b = 1\na.c = 2", "a.b = 1\n[a]\nc = 2", "[a]\nb = 1\n[a.b]", "[[a]]\n[a]", "a = 1\na = 2", "\"a b\" = 1", "'' = 1",
            "a = \"unterminated", "[a\nb = 1", "a =", "= 1", "a = 1 2", "[ a . b ]\nc = 1", "a = \"\"\"\nline \\\n   next\"\"\"",
            "a = 1 # comment", "a = \"\\q\"", "a = [1,,2]", "[a]\n[a]",
            "[[a]]\n[[a.b]]\n[a.b.c]\nx = 1\n[[a]]\n[[a.b]]\n[a.b.c]\nx = 2", "[[a]]\n[a.b]\n[[a]]\n[a.b]",
            "[[a]]\n[a.b]\n[a.b]", "[[a]]\nb.c = 1\n[a.b]");

    @Test
    void validityAgreesWithTomllib(@TempDir Path dir) throws IOException, URISyntaxException {
        Optional<Path> python = ReferencePython.withPackaging26();
        assumeTrue(python.isPresent(), "Python 3.11+ with packaging 26 not found (PATH or ~/.pyenv/versions/*): differential test skipped");
        List<String> docs = new ArrayList<>(SNIPPETS);
        for (Path d : FixtureTest.cases().toList()) {
            Path f = FixtureTest.configFile(d);
            if (f.getFileName().toString().equals("pyproject.toml")) {
                docs.add(Files.readString(f));
            }
        }
        ObjectMapper json = new ObjectMapper();
        Path input = dir.resolve("docs.json");
        json.writeValue(input.toFile(), Map.of("docs", docs));
        Path script = Files.writeString(dir.resolve("ref.py"), String.join("\n",
                "import json, sys, tomllib",
                "out = []",
                "for d in json.load(open(sys.argv[1]))['docs']:",
                "    try:",
                "        tomllib.loads(d); out.append(True)",
                "    except tomllib.TOMLDecodeError:",
                "        out.append(False)",
                "print(json.dumps(out))"));
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), script.toString(), input.toString()), 60);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode answers = json.readTree(r.stdout());
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            boolean ours = TomlReader.read(docs.get(i)).errors().isEmpty();
            if (ours != answers.get(i).asBoolean()) {
                disagreements.add((answers.get(i).asBoolean() ? "tomllib accepts, we reject: " : "tomllib rejects, we accept: ")
                        + docs.get(i).substring(0, Math.min(80, docs.get(i).length())).replace("\n", "\\n"));
            }
        }
        assertEquals(List.of(), disagreements);
    }
}
