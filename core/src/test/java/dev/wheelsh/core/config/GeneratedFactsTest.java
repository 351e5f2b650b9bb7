package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.testing.ReferencePython;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool facts are the generator's output: each data file names its repository, tag and commit,
 * and scripts/facts/generate_config_facts.py run on clones at those tags writes the same files.
 * The regeneration needs clones named by WHEELSH_CIBUILDWHEEL_GIT, WHEELSH_PIP_GIT and
 * WHEELSH_UV_GIT (git directories) and Python 3.11 or newer; it is skipped, saying so, otherwise.
 */
class GeneratedFactsTest {

    private static final List<String> FILES = List.of("cibuildwheel-facts.json", "pip-facts.json", "uv-facts.json");

    @Test
    void everyDataFileNamesItsSource() throws IOException {
        for (String file : FILES) {
            JsonNode source = resource(file).path("_source");
            assertTrue(source.path("repository").asText().startsWith("https://github.com/"), file);
            assertTrue(source.path("commit").asText().matches("[0-9a-f]{40}"), file + ": a full commit id");
            assertTrue(!source.path("tag").asText().isEmpty() && source.path("files").size() > 0, file);
            assertEquals("scripts/facts/generate_config_facts.py", source.path("generator").asText(), file);
        }
    }

    @Test
    void theGeneratorWritesTheCommittedFiles(@TempDir Path out) throws IOException {
        String cibw = System.getenv("WHEELSH_CIBUILDWHEEL_GIT");
        String pip = System.getenv("WHEELSH_PIP_GIT");
        String uv = System.getenv("WHEELSH_UV_GIT");
        assumeTrue(cibw != null && pip != null && uv != null,
                "WHEELSH_CIBUILDWHEEL_GIT, WHEELSH_PIP_GIT and WHEELSH_UV_GIT not all set: regeneration test skipped");
        Optional<Path> python = python311();
        assumeTrue(python.isPresent(), "no Python 3.11 or newer (tomllib): regeneration test skipped");
        Path script = ReferencePython.repoRoot().resolve("scripts/facts/generate_config_facts.py");
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), script.toString(),
                "--cibuildwheel", cibw + "@" + tag("cibuildwheel-facts.json"), "--pip", pip + "@" + tag("pip-facts.json"),
                "--uv", uv + "@" + tag("uv-facts.json"), "--out", out.toString()), 600);
        assertEquals(0, r.exitCode(), r.stderr());
        ObjectMapper json = new ObjectMapper();
        for (String file : FILES) {
            assertEquals(resource(file), json.readTree(out.resolve(file).toFile()), file + " differs from the generator's output");
        }
    }

    private static String tag(String file) throws IOException {
        return resource(file).path("_source").path("tag").asText();
    }

    private static JsonNode resource(String file) throws IOException {
        try (InputStream in = ConfigFacts.class.getResourceAsStream(file)) {
            assertTrue(in != null, file + " missing");
            return new ObjectMapper().readTree(in);
        }
    }

    private static Optional<Path> python311() {
        for (Path p : ReferencePython.candidates()) {
            try {
                if (ReferencePython.run(List.of(p.toString(), "-c", "import sys, tomllib; sys.exit(sys.version_info < (3, 11))"), 30)
                        .exitCode() == 0) {
                    return Optional.of(p);
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return Optional.empty();
    }
}
