package dev.wheelsh.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelsh.core.explain.Explainer;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The wheel reader over arbitrary archives: the zip structure, the member reads with their CRC and
 * length checks, the facts (RECORD verified) and every check that show runs against a target. The
 * archive is written to one file per run because the reader reads files in place.
 */
class WheelFuzzTest {

    private static final PolicySet POLICIES = BuiltinPolicies.all();
    private static final List<Target> TARGETS = Refusal.targets("cp312-glibc2.28-x86_64", "cp313-musl1.2-aarch64",
            "cp312-macos14.0-arm64", "cp313-windows-amd64");
    private static Path dir;

    @BeforeAll
    static void makeDirectory() throws IOException {
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "wheelsh-fuzz") : Files.createTempDirectory("wheelsh-fuzz");
    }

    @AfterAll
    static void removeDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @FuzzTest
    void wheel(byte[] data) throws IOException {
        if (dir == null) {
            makeDirectory();
        }
        Path file = dir.resolve("fuzz-1.0-py3-none-any.whl");
        Files.write(file, data);
        Refusal.atMostOneLine(() -> {
            try (WheelArchive w = WheelArchive.open(file)) {
                WheelFacts.read(w, true);
            }
        });
        Target target = TARGETS.get(Refusal.pick(data, TARGETS.size()));
        Refusal.atMostOneLine(() -> Explainer.explainWheelFile(file, Optional.of(target), POLICIES));
    }
}
