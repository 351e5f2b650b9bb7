package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.testing.ReferencePython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marker and specifier syntax agree with Python's packaging 26 (pip's and uv's reference): what
 * packaging accepts, wheelsh reports no syntax error for, and the reverse. Skipped without it.
 */
class PackagingMarkersDifferentialTest {

    private static final List<String> MARKERS = List.of(
            "python_version >= '3.10'", "sys_platform == 'linux' and platform_machine == 'loongarch64'",
            "(os_name == 'nt' or sys_platform == 'darwin') and python_full_version < '3.13.1'",
            "'linux' in sys_platform", "platform_machine not in 'x86_64 aarch64'", "implementation_name === 'cpython'",
            "python_version >= 3.10", "sys_platform = 'linux'", "sys_platform == 'linux' and", "(python_version > '3.9'",
            "platform_machine == 'x86_64' or or", "extra == \"gpu\"", "python_version ~= '3.10'", "", "sys_platform",
            "'a' == 'b'", "python_version == python_full_version", "sys_platform == 'linux')");
    private static final List<String> SPECIFIERS = List.of(
            ">=3.9", ">=3.10,<3.14", "~=3.10", "==3.12.*", "!=3.11.0", ">=3.8,, 3.9", "3.9", "<=3.x", "~=3", ">=3.*",
            "===3.12.1", ">= 3.10 , < 4", ">3.10.0rc1", "==3.13.0.dev1", "");

    @Test
    void markerAndSpecifierSyntaxAgreeWithPackaging(@TempDir Path dir) throws IOException {
        Optional<Path> python = ReferencePython.withPackaging26();
        assumeTrue(python.isPresent(), "Python with packaging 26 not found (PATH or ~/.pyenv/versions/*): differential test skipped");
        ObjectMapper json = new ObjectMapper();
        Path input = dir.resolve("in.json");
        json.writeValue(input.toFile(), java.util.Map.of("markers", MARKERS, "specifiers", SPECIFIERS));
        String script = String.join("\n",
                "import json, sys",
                "from packaging.markers import Marker",
                "from packaging.specifiers import SpecifierSet",
                "data = json.load(open(sys.argv[1]))",
                "def ok(f, s):",
                "    try:",
                "        f(s); return True",
                "    except Exception:",
                "        return False",
                "print(json.dumps({'markers': [ok(Marker, m) for m in data['markers']],",
                "                  'specifiers': [ok(SpecifierSet, s) and s.strip() != '' for s in data['specifiers']]}))");
        Path py = Files.writeString(dir.resolve("ref.py"), script);
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), py.toString(), input.toString()), 60);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode answer = json.readTree(r.stdout());
        for (int i = 0; i < MARKERS.size(); i++) {
            boolean ours = Markers.parse(MARKERS.get(i)).issues().stream()
                    .noneMatch(x -> x.severity() == Severity.ERROR);
            assertEquals(answer.get("markers").get(i).asBoolean(), ours, "marker: " + MARKERS.get(i));
        }
        for (int i = 0; i < SPECIFIERS.size(); i++) {
            boolean ours = Specifiers.parse(SPECIFIERS.get(i)).issues().isEmpty() && !SPECIFIERS.get(i).isBlank();
            assertEquals(answer.get("specifiers").get(i).asBoolean(), ours, "specifier: " + SPECIFIERS.get(i));
        }
    }
}
