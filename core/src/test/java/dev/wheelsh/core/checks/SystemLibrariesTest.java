package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.elf.ElfMachine;
import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.Policy;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WH318 on real Debian 12 extension modules (scripts/fetch.d/60-debian-system-libs.sh; skipped,
 * saying so, when .corpus/debian-libs was not fetched): python3-yaml's _yaml needs libyaml-0.so.2 and
 * python3-cryptography's _openssl needs libssl.so.3 and libcrypto.so.3, none of which any manylinux
 * baseline promises. pip installs a linux_x86_64 wheel of them anywhere; the import needs the system's.
 */
class SystemLibrariesTest {

    @TempDir
    Path dir;

    private static byte[] debian(String pkg, String suffix) throws Exception {
        Path root = NativeCorpus.repoRoot().resolve(".corpus/debian-libs").resolve(pkg);
        assumeTrue(Files.isDirectory(root), pkg + " was not fetched (scripts/fetch.d/60-debian-system-libs.sh)");
        try (Stream<Path> s = Files.walk(root)) {
            return Files.readAllBytes(s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow());
        }
    }

    private Path wheel(String platform, String member, byte[] code, String member2, byte[] code2) throws Exception {
        TestWheel w = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp311-cp311-"
                + platform + "\n").add(member, code, false);
        if (member2 != null) {
            w.add(member2, code2, false);
        }
        return w.write(dir.resolve("foo-1.0-cp311-cp311-" + platform + ".whl"));
    }

    private static List<String> onTarget(Path wheel, String target, Code code) throws Exception {
        try (WheelArchive w = WheelArchive.open(wheel)) {
            CheckContext c = CheckContext.of(WheelFacts.read(w, false), BuiltinPolicies.all(), Optional.of(TargetSpec.parse(target)));
            return WheelCheckList.run(c).stream().filter(f -> f.code() == code).map(Finding::message).toList();
        }
    }

    @Test
    void debiansYamlAndCryptographyModulesNeedTheirLibrariesFromTheSystem() throws Exception {
        Path w = wheel("linux_x86_64", "yaml/_yaml.cpython-311-x86_64-linux-gnu.so",
                debian("python3-yaml_6.0-3+b2_amd64", "_yaml.cpython-311-x86_64-linux-gnu.so"),
                "cryptography/hazmat/bindings/_openssl.abi3.so", debian("python3-cryptography_38.0.4-3+deb12u1_amd64", "_openssl.abi3.so"));
        assertEquals(List.of(
                "pip installs it; importing yaml._yaml fails where libyaml-0.so.2 is missing: it is not part of manylinux_2_36_x86_64;"
                        + " on the target it must come from the system (Debian 12: libyaml-0-2)",
                "pip installs it; importing cryptography.hazmat.bindings._openssl fails where libssl.so.3 is missing: it is not part of"
                        + " manylinux_2_36_x86_64; on the target it must come from the system (Debian 12: libssl3)",
                "pip installs it; importing cryptography.hazmat.bindings._openssl fails where libcrypto.so.3 is missing: it is not part of"
                        + " manylinux_2_36_x86_64; on the target it must come from the system (Debian 12: libssl3)"),
                onTarget(w, "cp311-glibc2.36-x86_64", Code.WH318));
        // the same libraries are what show's baseline verdict calls external: one rule
        assertEquals(List.of(), onTarget(w, "cp311-musl1.2-x86_64", Code.WH318), "glibc code on a musl target is WH313's");
    }

    @Test
    void aLibraryTheTableDoesNotKnowGetsNoPackageName() throws Exception {
        byte[] image = new TestElf().machine(ElfMachine.EM_X86_64, true, false, 0).needed("libc.so.6", "libwheelshtest.so.7").build();
        Path w = wheel("linux_x86_64", "foo/_native.cpython-311-x86_64-linux-gnu.so", image, null, null);
        assertEquals(List.of("pip installs it; importing foo._native fails where libwheelshtest.so.7 is missing: it is not part of"
                + " manylinux_2_17_x86_64; on the target it must come from the system"), onTarget(w, "cp311-glibc2.17-x86_64", Code.WH318));
        assertEquals(Optional.empty(), DebianPackages.of("libwheelshtest.so.7"));
    }

    @Test
    void aWhitelistedLibraryIsNotReported() throws Exception {
        byte[] image = new TestElf().machine(ElfMachine.EM_X86_64, true, false, 0).needed("libc.so.6", "libm.so.6", "libz.so.1").build();
        Path w = wheel("linux_x86_64", "foo/_native.cpython-311-x86_64-linux-gnu.so", image, null, null);
        assertEquals(List.of(), onTarget(w, "cp311-glibc2.36-x86_64", Code.WH318));
    }

    @Test
    void theTargetsBaselineIsTheNewestItsCLibraryMeets() throws Exception {
        assertEquals(Optional.of("manylinux_2_17"), baseline("cp311-glibc2.17-x86_64"));
        assertEquals(Optional.of("manylinux_2_36"), baseline("cp311-glibc2.36-x86_64"));
        assertEquals(Optional.of("musllinux_1_2"), baseline("cp311-musl1.2-aarch64"));
        assertEquals(Optional.of("musllinux_1_1"), baseline("cp311-musl1.1-aarch64"));
        assertEquals(Optional.empty(), baseline("cp311-glibc2.3-x86_64"), "older than every baseline");
        assertEquals(Optional.empty(), baseline("cp312-macos14.0-arm64"));
    }

    private static Optional<String> baseline(String target) throws Exception {
        return SystemLibraries.targetBaseline(TargetSpec.parse(target), BuiltinPolicies.all()).map(Policy::name);
    }

    @Test
    void debianPackagesComeFromTheGeneratedTable() {
        assertEquals(Optional.of("libssl3"), DebianPackages.of("libssl.so.3"));
        assertEquals(Optional.of("libyaml-0-2"), DebianPackages.of("libyaml-0.so.2"));
        assertEquals(Optional.of("libc6"), DebianPackages.of("libc.so.6"));
        assertTrue(DebianPackages.size() > 50, "sonames: " + DebianPackages.size());
    }

    /** The committed table is what the generator writes from the fetched packages (when they are here). */
    @Test
    void theTableIsWhatTheGeneratorWrites() throws Exception {
        Path root = NativeCorpus.repoRoot();
        Path libs = root.resolve(".corpus/debian-libs");
        assumeTrue(Files.isDirectory(libs) && Files.isDirectory(root.resolve(".corpus/debs")),
                ".corpus/debian-libs or .corpus/debs was not fetched: the regeneration check is skipped");
        Optional<Path> python = onPath("python3");
        assumeTrue(python.isPresent() && onPath("dpkg-deb").isPresent(), "python3 or dpkg-deb missing: skipped");
        Path out = dir.resolve("sonames.tsv");
        Process p = new ProcessBuilder(python.get().toString(), "scripts/facts/generate_debian_sonames.py", out.toString(),
                ".corpus/debs", ".corpus/debian-libs").directory(root.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        assertEquals(Files.readString(root.resolve("core/src/main/resources/dev/wheelsh/core/checks/debian-sonames.tsv")),
                Files.readString(out));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
