package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.elf.ElfMachine;
import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * musl code judged by what it imports: musl has no symbol versions, so the musl release a member
 * needs is the release that added its newest import (elf/musl-symbols.tsv), and musllinux_1_1 holds
 * only when nothing needs 1.2. Around real binaries: rollup's musl builds from npm
 * (scripts/fetch.d/20-npm-native.sh) and a 32-bit object built against Debian's i386 musl 1.2.3
 * (scripts/fetch.d/60-musl.sh); those tests skip, saying so, when the corpus was not fetched.
 */
class MuslVerdictTest {

    static final String ARMHF = "@rollup_rollup-linux-arm-musleabihf/package/rollup.linux-arm-musleabihf.node";
    static final String X64 = "@rollup_rollup-linux-x64-musl/package/rollup.linux-x64-musl.node";
    static final String ARM64 = "@rollup_rollup-linux-arm64-musl/package/rollup.linux-arm64-musl.node";
    static final String RISCV64 = "@rollup_rollup-linux-riscv64-musl/package/rollup.linux-riscv64-musl.node";
    static final String LOONG64 = "@rollup_rollup-linux-loong64-musl/package/rollup.linux-loong64-musl.node";

    @TempDir
    Path dir;

    private static byte[] corpus(String relative, String script) throws Exception {
        Path p = NativeCorpus.repoRoot().resolve(".corpus").resolve(relative);
        assumeTrue(Files.isRegularFile(p), relative + " was not fetched (" + script + ")");
        return Files.readAllBytes(p);
    }

    private static byte[] npm(String relative) throws Exception {
        return corpus("npm/" + relative, "scripts/fetch.d/20-npm-native.sh");
    }

    private Path wheel(String platform, String member, byte[] bytes) throws Exception {
        return new TestWheel()
                .distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp313-cp313-" + platform + "\n")
                .add("foo/" + member, bytes, false)
                .write(dir.resolve("foo-1.0-cp313-cp313-" + platform + ".whl"));
    }

    private static CheckContext context(Path wheel) throws Exception {
        try (WheelArchive w = WheelArchive.open(wheel)) {
            return CheckContext.of(WheelFacts.read(w, false), BuiltinPolicies.all(), Optional.empty());
        }
    }

    private static PolicyVerdict verdict(Path wheel) throws Exception {
        return context(wheel).verdict().orElseThrow();
    }

    private static List<String> findings(Path wheel) throws Exception {
        List<String> out = new ArrayList<>();
        for (Finding f : WheelCheckList.run(context(wheel))) {
            out.add(f.code().id() + " " + f.message());
        }
        return out;
    }

    private static List<String> notes(PolicyVerdict v, String kind) {
        return v.notes().stream().filter(n -> n.kind().equals(kind)).map(PolicyVerdict.Note::message).toList();
    }

    // ---- the floor from the imports ----

    @Test
    void thirtyTwoBitArmCodeBuiltAgainstMusl12NeedsMusl12() throws Exception {
        Path w = wheel("musllinux_1_1_armv7l", "rollup.linux-arm-musleabihf.node", npm(ARMHF));
        PolicyVerdict v = verdict(w);
        assertEquals("musllinux_1_2_armv7l", v.bestTag());
        assertEquals(List.of("foo/rollup.linux-arm-musleabihf.node needs musl 1.2: imports __clock_gettime64 (added in musl 1.2.0)"),
                notes(v, "musl-floor"));
        assertEquals(List.of("foo/rollup.linux-arm-musleabihf.node needs musl 1.2: imports __clock_gettime64 (added in musl 1.2.0),"
                + " which musllinux_1_1_armv7l does not promise"),
                v.fit("musllinux_1_1").orElseThrow().obstacles().stream().map(o -> o.describe(v.fit("musllinux_1_1").get().policy(), "armv7l")).toList());
        // check: the wheel's own tag promises more than its code needs.
        assertEquals(List.of("WH311 foo/rollup.linux-arm-musleabihf.node needs musl 1.2: imports __clock_gettime64 (added in musl 1.2.0),"
                + " which musllinux_1_1_armv7l does not promise"), findings(w));
    }

    @Test
    void sixtyFourBitCodeThatImportsNothingNewerThanMusl11KeepsMusllinux11() throws Exception {
        for (String[] c : List.of(new String[] {X64, "x86_64", "rollup.linux-x64-musl.node"},
                new String[] {ARM64, "aarch64", "rollup.linux-arm64-musl.node"})) {
            Path w = wheel("musllinux_1_1_" + c[1], c[2], npm(c[0]));
            PolicyVerdict v = verdict(w);
            assertEquals("musllinux_1_1_" + c[1], v.bestTag(), v::toString);
            assertEquals(1, notes(v, "musl-floor").size(), v::toString);
            assertTrue(notes(v, "musl-floor").get(0).startsWith("no import needs a musl newer than 1."), v::toString);
            assertEquals(List.of(), findings(w));
        }
    }

    @Test
    void architecturesTheTableDoesNotCoverAreSaidToBeUnjudged() throws Exception {
        Path w = wheel("musllinux_1_2_riscv64", "rollup.linux-riscv64-musl.node", npm(RISCV64));
        assertEquals(List.of("the musl symbol table does not cover riscv64 (it covers aarch64, armv7l, i686, x86_64): the musl"
                + " release its imports need is not judged"), notes(verdict(w), "musl-floor"));
        // No musllinux baseline here has riscv64: wheelsh answers linux_riscv64 too, so there is no difference to explain.
        assertEquals("linux_riscv64", verdict(w).bestTag());
        assertEquals(List.of(), notes(verdict(w), "auditwheel-differs"));
    }

    @Test
    void aThirtyTwoBitObjectBuiltAgainstDebiansMusl123ImportsTheTime64Clock() throws Exception {
        byte[] so = corpus("musl/time64/clock64.so", "scripts/fetch.d/60-musl.sh");
        Path w = wheel("musllinux_1_1_i686", "_clock.cpython-313-i386-linux-musl.so", so);
        PolicyVerdict v = verdict(w);
        assertEquals("musllinux_1_2_i686", v.bestTag());
        assertEquals(List.of("foo/_clock.cpython-313-i386-linux-musl.so needs musl 1.2: imports __clock_gettime64 (added in musl 1.2.0)"),
                notes(v, "musl-floor"));
        assertEquals(1, findings(w).size());
    }

    // ---- plain libc.so: the loader's reserved names, and auditwheel's other answer ----

    @Test
    void codeNeedingPlainLibcSoIsMuslCodeAndTheDifferenceFromAuditwheelIsSaid() throws Exception {
        Path w = wheel("musllinux_1_2_x86_64", "rollup.linux-x64-musl.node", npm(X64));
        PolicyVerdict v = verdict(w);
        assertEquals(List.of("auditwheel answers linux_x86_64 here, wheelsh musllinux_1_1_x86_64: foo/rollup.linux-x64-musl.node needs"
                + " plain libc.so, and auditwheel knows musl code only by ld-musl-*, libc.musl-* or a -linux-musl.so file name, so it"
                + " judges this code by the C library of the machine it runs on (on glibc, against manylinux, which does not list"
                + " libc.so). musl's loader answers libc.so, libpthread.so, librt.so, libm.so, libdl.so, libutil.so, libxnet.so itself,"
                + " so this is musl code and musllinux is its baseline"), notes(v, "auditwheel-differs"));
    }

    /** A written musl object: musl's loader, and these libraries. */
    private static byte[] written(String interpreter, String... needed) {
        TestElf e = new TestElf().machine(ElfMachine.EM_X86_64, true, false, 0).needed(needed);
        return (interpreter.isEmpty() ? e : e.interpreter(interpreter)).build();
    }

    /** A written 32-bit musl object: these imports, musl's i386 loader and C library. */
    private static byte[] i386(String... imports) {
        TestElf e = new TestElf().machine(ElfMachine.EM_386, false, false, 0).interpreter("/lib/ld-musl-i386.so.1")
                .needed("libc.musl-x86.so.1");
        for (String sym : imports) {
            e.imports(sym, 0);
        }
        return e.build();
    }

    @Test
    void theNewestImportSetsTheFloorAndATimeThirtyTwoObjectKeepsMusllinux11() throws Exception {
        PolicyVerdict old = verdict(wheel("musllinux_1_1_i686", "_t.so", i386("clock_gettime", "memcpy")));
        assertEquals("musllinux_1_1_i686", old.bestTag());
        PolicyVerdict time64 = verdict(wheel("musllinux_1_1_i686", "_t.so", i386("memcpy", "__clock_gettime64", "qsort_r")));
        assertEquals("musllinux_1_2_i686", time64.bestTag());
        assertEquals(List.of("foo/_t.so needs musl 1.2: imports qsort_r (added in musl 1.2.3)"), notes(time64, "musl-floor"));
    }

    @Test
    void theLoadersOwnNamesAreNoLibrariesFromTheSystem() throws Exception {
        Path w = wheel("musllinux_1_1_x86_64", "_m.so",
                written("/lib/ld-musl-x86_64.so.1", "libc.musl-x86_64.so.1", "libpthread.so.0", "libm.so", "libdl.so.2"));
        PolicyVerdict v = verdict(w);
        assertEquals("musllinux_1_1_x86_64", v.bestTag());
        assertEquals(List.of(), notes(v, "auditwheel-differs"), "auditwheel sees musl's loader and libc.musl-x86_64.so.1");
        assertEquals(List.of(), findings(w));
    }

    @Test
    void aLibraryOutsideTheLoaderStillHasToComeFromTheSystem() throws Exception {
        PolicyVerdict v = verdict(wheel("musllinux_1_1_x86_64", "_m.so", written("/lib/ld-musl-x86_64.so.1", "libc.so", "libssl.so.3")));
        assertEquals("linux_x86_64", v.bestTag());
    }

    @Test
    void anExtensionNamedForMuslIsMuslCodeToAuditwheelToo() throws Exception {
        PolicyVerdict v = verdict(wheel("musllinux_1_1_x86_64", "_m.cpython-313-x86_64-linux-musl.so", written("", "libc.so")));
        assertEquals("musllinux_1_1_x86_64", v.bestTag());
        assertEquals(List.of(), notes(v, "auditwheel-differs"));
    }
}
