package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in baselines against real libraries (Debian 12's libc6, libstdc++6, libgcc-s1 and
 * zlib1g of six architectures, fetched by scripts/fetch.d/10-debian-elf.sh) and real wheels.
 * Debian 12 ships glibc 2.36 and GCC 12's runtime, so manylinux_2_36 must allow exactly the
 * versions its libraries define; deriving a baseline from the same tree must give those lists.
 */
class BaselinesOnRealLibrariesTest {

    private static final Path CORPUS = ReferencePython.repoRoot().resolve(".corpus");

    @TempDir
    Path tmp;

    private static Path debian(String debArch) {
        Path dir = CORPUS.resolve("elf").resolve(debArch);
        assumeTrue(Files.isDirectory(dir), "no " + dir + ": run scripts/fetch-test-inputs.sh");
        return dir;
    }

    private static Derived derive(Path dir) throws Exception {
        BaselineDerivation.Derived d = BaselineDerivation.derive(dir, Optional.empty(), Optional.empty(),
                BuiltinPolicies.all().find("manylinux_2_36").orElseThrow().libWhitelist(), Map.of());
        return new Derived(d.policy(), d.policy().architectures().iterator().next());
    }

    private record Derived(Policy policy, String arch) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"amd64,x86_64", "i386,i686", "arm64,aarch64", "armhf,armv7l", "ppc64el,ppc64le", "s390x,s390x"})
    void manylinux236AllowsExactlyWhatDebian12sLibrariesDefine(String debArch, String arch) throws Exception {
        Derived real = derive(debian(debArch));
        assertEquals(arch, real.arch());
        assertEquals("manylinux_2_36", real.policy().name(), "named after the newest GLIBC version defined");
        assertEquals(56, real.policy().priority());
        Policy builtin = BuiltinPolicies.all().find("manylinux_2_36").orElseThrow();
        for (String family : List.of("GLIBC", "GLIBCXX", "CXXABI", "GCC")) {
            // GLIBC_2.0 on aarch64, ppc64le and armv7l is defined by libgcc_s.so.1, not by glibc.
            assertEquals(builtin.allowed(arch, family).orElseThrow(), real.policy().allowed(arch, family).orElseThrow(), debArch + " " + family);
        }
        // zlib 1.2.13's newest node is ZLIB_1.2.12, which auditwheel's policies list from 2_37 on.
        assertEquals(BuiltinPolicies.all().find("manylinux_2_37").orElseThrow().allowed(arch, "ZLIB").orElseThrow(),
                real.policy().allowed(arch, "ZLIB").orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"amd64,x86_64,manylinux_2_36,GLIBC_2.36", "arm64,aarch64,manylinux_2_36,GLIBC_2.36",
            "s390x,s390x,manylinux_2_36,GLIBC_2.36"})
    void debian12sLibstdcxxNeedsTheGlibcItWasBuiltFor(String debArch, String arch, String best, String limiting) throws Exception {
        Path lib;
        try (Stream<Path> s = Files.walk(debian(debArch).resolve("libstdc++6"))) {
            lib = s.filter(p -> p.getFileName().toString().matches("libstdc\\+\\+\\.so\\.6\\.0\\.\\d+")).findFirst().orElseThrow();
        }
        ElfFile elf = ElfReader.read(lib);
        PolicyVerdict v = BaselineEvaluation.evaluate(SystemNeeds.of("libstdc++.so.6", elf), arch, BuiltinPolicies.all());
        assertEquals(best + "_" + arch, v.bestTag());
        PolicyVerdict.Fit next = v.nextBetter().orElseThrow();
        assertTrue(next.obstacles().stream().anyMatch(o -> o instanceof PolicyVerdict.TooNewVersion t
                && t.version().equals(limiting) && t.library().equals("libc.so.6")), next.obstacles().toString());
    }

    /** Rebuilt real wheels were tagged by auditwheel repair: they are consistent with at least their lowest tag. */
    static Stream<Path> wheels() throws Exception {
        Path dir = CORPUS.resolve("wheels");
        if (!Files.isDirectory(dir)) {
            return Stream.of(Path.of("(no .corpus/wheels: run scripts/fetch-test-inputs.sh)"));
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".whl") && p.toString().contains("manylinux")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wheels")
    void realWheelsMeetTheBaselineTheirTagsName(Path wheel) throws Exception {
        assumeTrue(Files.isRegularFile(wheel), wheel.toString());
        try (WheelArchive w = WheelArchive.open(wheel)) {
            WheelChecks.Result r = WheelChecks.check(w, false);
            String arch = r.elfMembers().get(0).elf().platformArch();
            PolicyVerdict v = BaselineEvaluation.evaluate(SystemNeeds.of(r), arch, BuiltinPolicies.all());
            int lowest = Integer.MAX_VALUE;
            for (var t : r.filename().tags().tags()) {
                Optional<Policy> p = BuiltinPolicies.all().ofPlatformTag(t.platform());
                if (p.isPresent()) {
                    lowest = Math.min(lowest, p.get().priority());
                }
            }
            int lowestPriority = lowest;
            assertTrue(v.best().priority() >= lowestPriority, () -> wheel.getFileName() + ": consistent with " + v.bestTag()
                    + "; " + v.nextBetter().map(f -> f.obstacles().toString()).orElse(""));
        }
    }

    /** A wheel of foreign-architecture libraries: Debian's arm64 zlib, tagged as it should be and as it should not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"arm64,aarch64", "ppc64el,ppc64le", "armhf,armv7l", "s390x,s390x"})
    void aWheelHoldingForeignLibrariesGetsTheBaselineOfWhatTheyNeed(String debArch, String arch) throws Exception {
        Path libz;
        try (Stream<Path> s = Files.walk(debian(debArch).resolve("zlib1g"))) {
            libz = s.filter(p -> p.getFileName().toString().matches("libz\\.so\\.1\\.[\\d.]+") && Files.isRegularFile(p)).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(libz);
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp312-cp312-manylinux_2_17_" + arch + "\n")
                .add("foo.libs/libbundled.so", bytes, false)
                .write(tmp.resolve("foo-1.0-cp312-cp312-manylinux_2_17_" + arch + ".whl"));
        try (WheelArchive w = WheelArchive.open(whl)) {
            WheelChecks.Result r = WheelChecks.check(w, false);
            SystemNeeds needs = SystemNeeds.of(r);
            PolicyVerdict v = BaselineEvaluation.evaluate(needs, arch, BuiltinPolicies.all());
            String highest = needs.highestVersions().get("GLIBC");
            Set<String> glibcAsked = new TreeSet<>();
            needs.members().get(0).versions().forEach(a -> glibcAsked.add(a.version()));
            // The verdict is the oldest built-in baseline of the architecture whose glibc defines every version asked.
            Policy expected = null;
            for (Policy p : BuiltinPolicies.all().forArch(arch)) {
                if (p.libc() == LibcFamily.GLIBC && glibcAsked.stream().allMatch(a ->
                        !a.startsWith("GLIBC_") || p.allowed(arch, "GLIBC").orElseThrow().contains(a.substring(6)))) {
                    expected = p;
                    break;
                }
            }
            assertEquals(expected.platformTag(arch), v.bestTag(), "asks " + glibcAsked + ", highest " + highest);
        }
    }

    /**
     * Native Node.js addons of rollup, shipped in npm packages for many architectures and both C
     * libraries, each put in a wheel as its only member: the verdict by auditwheel's rules, worked
     * out by hand from what each needs (readelf -d -V).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rollup-linux-loong64-gnu, loongarch64, manylinux_2_36_loongarch64",     // GLIBC_2.36, GCC_4.2.0
            "rollup-linux-loongarch64-gnu, loongarch64, manylinux_2_36_loongarch64",
            "rollup-linux-riscv64-gnu, riscv64, manylinux_2_34_riscv64",             // GLIBC_2.34
            "rollup-linux-powerpc64le-gnu, ppc64le, manylinux_2_34_ppc64le",         // GLIBC_2.34
            "rollup-linux-ppc64-gnu, ppc64le, manylinux_2_17_ppc64le",               // little-endian (ELFv2) code despite the name; GLIBC_2.17
            "rollup-linux-s390x-gnu, s390x, manylinux_2_17_s390x",                   // GLIBC_2.3.4: s390x starts at 2_17
            "rollup-linux-arm-gnueabihf, armv7l, manylinux_2_17_armv7l",             // GLIBC_2.4, GCC_4.3.0
            "rollup-linux-x64-musl, x86_64, musllinux_1_1_x86_64",                   // needs only musl's libc.so, nothing newer than 1.1
            "rollup-linux-arm64-musl, aarch64, musllinux_1_1_aarch64",
            "rollup-linux-arm-musleabihf, armv7l, musllinux_1_2_armv7l",             // imports __clock_gettime64, added in musl 1.2.0
            "rollup-linux-loong64-musl, loongarch64, musllinux_1_2_loongarch64",     // musllinux_1_1 has no loongarch64
            "rollup-linux-riscv64-musl, riscv64, linux_riscv64",                     // no musllinux baseline has riscv64
    })
    void npmNativeAddonsGetTheBaselineOfWhatTheyNeed(String pkg, String arch, String expected) throws Exception {
        Path dir = CORPUS.resolve("npm/@rollup_" + pkg + "/package");
        assumeTrue(Files.isDirectory(dir), "no " + dir + ": run scripts/fetch-test-inputs.sh");
        Path node;
        try (Stream<Path> s = Files.list(dir)) {
            node = s.filter(p -> p.toString().endsWith(".node")).findFirst().orElseThrow();
        }
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: py3-none-linux_" + arch + "\n")
                .add("foo/_native.abi3.so", Files.readAllBytes(node), false)
                .write(tmp.resolve("foo-1.0-py3-none-linux_" + arch + ".whl"));
        try (WheelArchive w = WheelArchive.open(whl)) {
            WheelChecks.Result r = WheelChecks.check(w, false);
            PolicyVerdict v = BaselinePromise.verdict(r, BuiltinPolicies.all()).orElseThrow();
            assertEquals(arch, v.arch());
            assertEquals(expected, v.bestTag());
        }
    }

    /** rollup's musl build of x86_64 put in a wheel tagged manylinux: it installs on glibc systems and cannot load there. */
    @org.junit.jupiter.api.Test
    void aRealMuslAddonInAManylinuxWheelIsWh312() throws Exception {
        Path dir = CORPUS.resolve("npm/@rollup_rollup-linux-x64-musl/package");
        assumeTrue(Files.isDirectory(dir), "no " + dir + ": run scripts/fetch-test-inputs.sh");
        Path node;
        try (Stream<Path> s = Files.list(dir)) {
            node = s.filter(p -> p.toString().endsWith(".node")).findFirst().orElseThrow();
        }
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: py3-none-manylinux_2_17_x86_64\n")
                .add("foo/_native.abi3.so", Files.readAllBytes(node), false)
                .write(tmp.resolve("foo-1.0-py3-none-manylinux_2_17_x86_64.whl"));
        try (WheelArchive w = WheelArchive.open(whl)) {
            assertEquals(List.of("WH312"), PromiseChecks.all(WheelChecks.check(w, false)).stream().map(f -> f.code().id()).toList());
        }
    }
}
