package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.testing.ReferencePython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WH125 says a marker never holds: packaging 26 evaluates it in the environment of every machine
 * the facts know (each OS with each of its platform_machine values) and finds none where it holds;
 * a marker without WH125 that names its OS holds on at least one of them. The environments are built from the same
 * facts, so the test checks the marker semantics (and, or, in, not in, either order), not the facts.
 */
class MarkerValuesDifferentialTest {

    private static final List<String> MARKERS = List.of(
            "sys_platform == 'linux' and platform_machine == 'arm64'",
            "sys_platform == 'win32' and platform_machine == 'x86_64'",
            "sys_platform == 'win32' and platform_machine == 'AMD64'",
            "platform_system == 'Darwin' and platform_machine == 'aarch64'",
            "platform_system == 'Darwin' and platform_machine == 'arm64'",
            "os_name == 'nt' and platform_machine in 'x86_64 aarch64'",
            "os_name == 'nt' and platform_machine in 'AMD64 ARM64'",
            "platform_machine in 'x86_64 aarch64' and sys_platform == 'linux'",
            "sys_platform == 'linux' and sys_platform == 'darwin'",
            "sys_platform == 'linux' and platform_machine == 'arm64' or sys_platform == 'darwin'",
            "(sys_platform == 'linux' or sys_platform == 'darwin') and platform_machine == 'arm64'",
            "sys_platform != 'win32' and platform_machine == 'AMD64'",
            "os_name != 'nt' and platform_machine == 'x86_64'",
            "'linux' == sys_platform and 'x86_64' == platform_machine",
            "sys_platform in 'linux darwin' and platform_machine == 'ARM64'",
            "sys_platform == 'freebsd' and platform_machine == 'amd64'",
            "platform_system == 'Linux' and platform_machine not in 'x86_64 aarch64'");

    @Test
    void markersWheelshSaysNeverHoldHoldNowhere(@TempDir Path dir) throws IOException {
        Optional<Path> python = ReferencePython.withPackaging26();
        assumeTrue(python.isPresent(), "Python with packaging 26 not found (PATH or ~/.pyenv/versions/*): differential test skipped");
        ConfigFacts f = ConfigFacts.INSTANCE;
        List<Map<String, String>> environments = new ArrayList<>();
        f.markerOs.forEach((os, values) -> {
            for (String machine : values.get("platform_machine")) {
                Map<String, String> env = new LinkedHashMap<>();
                env.put("sys_platform", values.get("sys_platform").get(0));
                env.put("platform_system", values.get("platform_system").get(0));
                env.put("os_name", values.get("os_name").get(0));
                env.put("platform_machine", machine);
                environments.add(env);
            }
        });
        ObjectMapper json = new ObjectMapper();
        Path input = dir.resolve("in.json");
        json.writeValue(input.toFile(), Map.of("markers", MARKERS, "environments", environments));
        String script = String.join("\n",
                "import json, sys",
                "from packaging.markers import Marker",
                "data = json.load(open(sys.argv[1]))",
                "print(json.dumps([any(Marker(m).evaluate(e) for e in data['environments']) for m in data['markers']]))");
        Path py = Files.writeString(dir.resolve("ref.py"), script);
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), py.toString(), input.toString()), 60);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode holds = json.readTree(r.stdout());
        for (int i = 0; i < MARKERS.size(); i++) {
            String m = MARKERS.get(i);
            boolean neverHolds = MarkerValues.check(Markers.parse(m)).stream().anyMatch(x -> x.code().id().equals("WH125"));
            // an or of chains holds when one chain does: WH125 on one branch does not make the whole marker dead
            boolean wholeDead = neverHolds && !m.contains(" or ");
            if (wholeDead) {
                assertEquals(false, holds.get(i).asBoolean(), "wheelsh says it never holds, packaging finds a machine: " + m);
            } else if (!m.contains("freebsd") && !m.contains("!=")) {
                // (a chain that excludes an OS leaves the OSes the facts do not model, where anything may hold)
                assertEquals(true, holds.get(i).asBoolean(), "wheelsh lets it pass, but it holds on no known machine: " + m);
            }
        }
    }
}
