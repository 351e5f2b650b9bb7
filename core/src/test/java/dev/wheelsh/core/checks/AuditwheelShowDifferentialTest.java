package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * show's baseline verdict against {@code auditwheel show --json}'s overall tag, side by side, on the
 * real wheels of .corpus/wheels and on wheels built here around real libraries of the corpus
 * (Debian 12's extension modules and libraries of nine architectures, rollup's NDK and musl builds
 * from npm). auditwheel runs from its source at its newest 6.8 tag, taken from the git directory
 * {@value #AUDITWHEEL_GIT} names, with pyelftools either importable or taken from the git
 * directory {@value #PYELFTOOLS_GIT} names; skipped, saying which is missing, otherwise (CI has
 * neither). Every wheel must get auditwheel's tag, except those of {@link #DELIBERATE}, each a
 * difference docs/baselines.md ("Side by side with auditwheel show") explains with its evidence.
 */
class AuditwheelShowDifferentialTest {

    static final String AUDITWHEEL_GIT = "WHEELSH_AUDITWHEEL_GIT";
    static final String PYELFTOOLS_GIT = "WHEELSH_PYELFTOOLS_GIT";

    /**
     * Where wheelsh answers otherwise on purpose: the wheel, what auditwheel 6.8.1 answers (its
     * overall tag, or "error" when it fails), and wheelsh's tag.
     */
    static final Map<String, String[]> DELIBERATE = Map.of(
            // musl's loader answers to the reserved name libc.so itself; auditwheel resolves it on the
            // host, and on a glibc host reads glibc's linker script /usr/lib/<triplet>/libc.so as ELF
            "rollupmusl-4.0-cp311-cp311-linux_x86_64.whl", new String[] {"error", "musllinux_1_1_x86_64"},
            "rollupmuslarm-4.0-cp311-cp311-linux_aarch64.whl", new String[] {"error", "musllinux_1_1_aarch64"},
            // Android's armeabi-v7a passes floats in integer registers (soft-float calls); auditwheel
            // takes only hard-float EABI5 code as 32-bit ARM and finds no ELF file for the wheel
            "rolluparm-4.0-cp313-cp313-android_24_armeabi_v7a.whl", new String[] {"error", "android_24_armeabi_v7a"});

    @TempDir
    Path dir;

    @Test
    void showGivesAuditwheelsOverallTag() throws Exception {
        String git = System.getenv(AUDITWHEEL_GIT);
        assumeTrue(git != null && Files.isDirectory(Path.of(git)),
                AUDITWHEEL_GIT + " does not name an auditwheel git directory: auditwheel differential test skipped");
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        String tag = sh("git --git-dir=\"$0\" tag --list '6.8.*' --sort=-v:refname | head -1", git).strip();
        assumeTrue(!tag.isEmpty(), "no 6.8.x tag in " + git + ": auditwheel differential test skipped");
        sh("git --git-dir=\"$0\" archive \"$1\" src/auditwheel | tar -x -C \"$2\" --strip-components=1", git, tag, src.toString());
        // auditwheel's main asks importlib.metadata for its own version
        Path meta = Files.createDirectories(src.resolve("auditwheel-" + tag + ".dist-info"));
        Files.writeString(meta.resolve("METADATA"), "Metadata-Version: 2.1\nName: auditwheel\nVersion: " + tag + "\n");
        String elftoolsGit = System.getenv(PYELFTOOLS_GIT);
        if (elftoolsGit != null && Files.isDirectory(Path.of(elftoolsGit))) {
            sh("git --git-dir=\"$0\" archive \"$(git --git-dir=\"$0\" tag --sort=-v:refname | head -1)\" elftools | tar -x -C \"$1\"",
                    elftoolsGit, src.toString());
        }
        Optional<Path> python = pythonFor(src);
        assumeTrue(python.isPresent(), "no Python 3.9+ with packaging and pyelftools (or " + PYELFTOOLS_GIT
                + "): auditwheel differential test skipped");

        List<Path> wheels = new ArrayList<>(corpusWheels());
        wheels.addAll(builtWheels());
        assumeTrue(!wheels.isEmpty(), "no wheels: .corpus was not fetched (scripts/fetch-test-inputs.sh)");
        ObjectMapper json = new ObjectMapper();
        int agree = 0;
        List<String> deliberate = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (Path w : wheels) {
            Optional<String> ours = ours(w);
            if (ours.isEmpty()) {
                continue; // no native code: auditwheel has no tag to give either
            }
            // from a directory of its own: auditwheel reads nothing of this repository
            ReferencePython.ProcessResult r = ReferencePython.run(List.of("env", "PYTHONPATH=" + src, python.get().toString(),
                    "-m", "auditwheel", "show", "--json", w.toString()), 300);
            String theirs = r.exitCode() == 0 ? json.readTree(r.stdout()).get("overall_tag").asText() : "error";
            String name = w.getFileName().toString();
            String[] known = DELIBERATE.get(name);
            List<String> notes = notes(w);
            if (theirs.equals(ours.get()) && known == null) {
                agree++;
                assertEquals(List.of(), notes, name + ": show must not say auditwheel differs where it agrees");
            } else if (known != null && known[0].equals(theirs) && known[1].equals(ours.get())) {
                deliberate.add(name);
                assertEquals(1, notes.size(), name + ": show says in words why auditwheel differs");
            } else {
                unexplained.add(name + ": auditwheel " + theirs + (theirs.equals("error") ? " (" + lastLine(r.stderr()) + ")" : "")
                        + ", wheelsh " + ours.get());
            }
        }
        System.err.println("auditwheel " + tag + " side by side: " + agree + " wheels agree, " + deliberate.size()
                + " differ as docs/baselines.md says " + deliberate + ", " + unexplained.size() + " unexplained");
        assertEquals(List.of(), unexplained, "differences from auditwheel show that docs/baselines.md does not explain");
        assertEquals(DELIBERATE.keySet().stream().sorted().toList(), deliberate.stream().sorted().toList(),
                "every documented difference still happens");
        assertTrue(agree >= 20, "agreements: " + agree);
    }

    private static Optional<String> ours(Path wheel) throws Exception {
        try (WheelArchive a = WheelArchive.open(wheel)) {
            return CheckContext.of(WheelFacts.read(a, false), BuiltinPolicies.all(), Optional.empty()).verdict()
                    .map(PolicyVerdict::bestTag);
        }
    }

    private static List<String> notes(Path wheel) throws Exception {
        try (WheelArchive a = WheelArchive.open(wheel)) {
            return AuditwheelDifferences.notes(CheckContext.of(WheelFacts.read(a, false), BuiltinPolicies.all(), Optional.empty()));
        }
    }

    private static List<Path> corpusWheels() throws IOException {
        Path root = NativeCorpus.repoRoot().resolve(".corpus/wheels");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".whl")).sorted().toList();
        }
    }

    /** Wheels around real libraries of the corpus, each left out when its library was not fetched. */
    private List<Path> builtWheels() throws Exception {
        Path c = NativeCorpus.repoRoot().resolve(".corpus");
        Map<String, String[]> debianArches = new LinkedHashMap<>();
        debianArches.put("amd64", new String[] {"x86_64", "x86_64-linux-gnu"});
        debianArches.put("i386", new String[] {"i686", "i386-linux-gnu"});
        debianArches.put("arm64", new String[] {"aarch64", "aarch64-linux-gnu"});
        debianArches.put("armhf", new String[] {"armv7l", "arm-linux-gnueabihf"});
        debianArches.put("ppc64el", new String[] {"ppc64le", "powerpc64le-linux-gnu"});
        debianArches.put("s390x", new String[] {"s390x", "s390x-linux-gnu"});
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, String[]> a : debianArches.entrySet()) {
            String arch = a.getValue()[0];
            String lib = a.getKey() + "/libstdc++6/usr/lib/" + a.getValue()[1] + "/libstdc++.so.6.0.30";
            String zlib = a.getKey() + "/zlib1g/lib/" + a.getValue()[1] + "/libz.so.1.2.13";
            build(out, "debstdcxx-12.2-cp311-cp311-linux_" + arch + ".whl", Map.of("debstdcxx/libstdc++.so.6", c.resolve("elf/" + lib)));
            build(out, "debzlib-1.2.13-cp311-cp311-linux_" + arch + ".whl", Map.of("debzlib/libz.so.1", c.resolve("elf/" + zlib)));
        }
        build(out, "mixed-1.0-cp311-cp311-manylinux_2_17_x86_64.whl", Map.of(
                "mixed/libz.so.1", c.resolve("elf/amd64/zlib1g/lib/x86_64-linux-gnu/libz.so.1.2.13"),
                "mixed/aarch64/libstdc++.so.6", c.resolve("elf/arm64/libstdc++6/usr/lib/aarch64-linux-gnu/libstdc++.so.6.0.30")));
        build(out, "debyaml-6.0-cp311-cp311-linux_x86_64.whl", Map.of("yaml/_yaml.cpython-311-x86_64-linux-gnu.so",
                debian(c, "python3-yaml_6.0-3+b2_amd64", "_yaml.cpython-311-x86_64-linux-gnu.so")));
        build(out, "debyaml-6.0-cp311-cp311-linux_aarch64.whl", Map.of("yaml/_yaml.cpython-311-aarch64-linux-gnu.so",
                debian(c, "python3-yaml_6.0-3+b2_arm64", "_yaml.cpython-311-aarch64-linux-gnu.so")));
        build(out, "debcrypto-38.0-cp311-abi3-linux_x86_64.whl", Map.of("cryptography/hazmat/bindings/_openssl.abi3.so",
                debian(c, "python3-cryptography_38.0.4-3+deb12u1_amd64", "_openssl.abi3.so")));
        Map<String, String> rollup = new LinkedHashMap<>();
        rollup.put("rollupmusl-4.0-cp311-cp311-linux_x86_64.whl", "@rollup_rollup-linux-x64-musl/package/rollup.linux-x64-musl.node");
        rollup.put("rollupmuslarm-4.0-cp311-cp311-linux_aarch64.whl", "@rollup_rollup-linux-arm64-musl/package/rollup.linux-arm64-musl.node");
        rollup.put("rollupandroid-4.0-cp313-cp313-android_24_arm64_v8a.whl", "@rollup_rollup-android-arm64/package/rollup.android-arm64.node");
        rollup.put("rolluparm-4.0-cp313-cp313-android_24_armeabi_v7a.whl", "@rollup_rollup-android-arm-eabi/package/rollup.android-arm-eabi.node");
        rollup.put("rolluploong-4.0-cp311-cp311-linux_loongarch64.whl", "@rollup_rollup-linux-loong64-gnu/package/rollup.linux-loong64-gnu.node");
        rollup.put("rollupriscv-4.0-cp311-cp311-linux_riscv64.whl", "@rollup_rollup-linux-riscv64-gnu/package/rollup.linux-riscv64-gnu.node");
        rollup.put("rollupppc-4.0-cp311-cp311-linux_ppc64le.whl", "@rollup_rollup-linux-powerpc64le-gnu/package/rollup.linux-powerpc64le-gnu.node");
        rollup.put("rollups390x-4.0-cp311-cp311-linux_s390x.whl", "@rollup_rollup-linux-s390x-gnu/package/rollup.linux-s390x-gnu.node");
        rollup.put("rolluparmhf-4.0-cp311-cp311-linux_armv7l.whl", "@rollup_rollup-linux-arm-gnueabihf/package/rollup.linux-arm-gnueabihf.node");
        for (Map.Entry<String, String> r : rollup.entrySet()) {
            build(out, r.getKey(), Map.of("rollup/rollup.node", c.resolve("npm").resolve(r.getValue())));
        }
        return out;
    }

    private static Path debian(Path corpus, String pkg, String suffix) throws IOException {
        Path root = corpus.resolve("debian-libs").resolve(pkg);
        if (!Files.isDirectory(root)) {
            return root.resolve(suffix); // absent: the wheel is left out
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(root.resolve(suffix));
        }
    }

    private void build(List<Path> out, String name, Map<String, Path> members) throws IOException {
        String stem = name.substring(0, name.length() - 4);
        String[] parts = stem.split("-");
        TestWheel w = new TestWheel().distInfo(parts[0] + "-" + parts[1] + ".dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: "
                + parts[2] + "-" + parts[3] + "-" + parts[4] + "\n");
        for (Map.Entry<String, Path> m : new TreeMap<>(members).entrySet()) {
            if (!Files.isRegularFile(m.getValue())) {
                System.err.println("auditwheel differential: " + name + " left out (" + m.getValue().getFileName() + " not fetched)");
                return;
            }
            w.add(m.getKey(), Files.readAllBytes(m.getValue()), false);
        }
        out.add(w.write(dir.resolve(name)));
    }

    private static Optional<Path> pythonFor(Path src) {
        for (Path p : ReferencePython.candidates()) {
            try {
                if (ReferencePython.run(List.of("env", "PYTHONPATH=" + src, p.toString(), "-c",
                        "import sys; assert sys.version_info >= (3, 9); import elftools, packaging"), 30).exitCode() == 0) {
                    return Optional.of(p);
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return Optional.empty();
    }

    private static String sh(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertEquals(0, p.waitFor(), script + ": " + err);
        return out;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
