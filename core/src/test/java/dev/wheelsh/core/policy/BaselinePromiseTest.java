package dev.wheelsh.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelChecks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WH311: what a wheel's code needs beyond the baseline its own tag names, glibc aside. */
class BaselinePromiseTest {

    @TempDir
    Path tmp;

    private WheelChecks.Result wheel(String platform, byte[] elf) throws Exception {
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp313-cp313-" + platform + "\n")
                .add("foo/_ext.cpython-313-loongarch64-linux-gnu.so", elf, false)
                .write(tmp.resolve("foo-1.0-cp313-cp313-" + platform + ".whl"));
        try (WheelArchive w = WheelArchive.open(whl)) {
            return WheelChecks.check(w, false);
        }
    }

    /** New-world loongarch64 code built on a glibc 2.38 system with GCC 14's libstdc++. */
    private static byte[] builtWithGcc14OnGlibc238() {
        return new TestElf().machine(258, true, false, 0x43).needed("libstdc++.so.6", "libc.so.6")
                .needs("libc.so.6", "GLIBC_2.36", "GLIBC_2.38").needs("libstdc++.so.6", "GLIBCXX_3.4.33").build();
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map((Finding f) -> f.code().id()).toList();
    }

    @Test
    void aNewerLibstdcxxThanTheTagsBaselineIsWh311AndNamesTheTagTheCodeMeets() throws Exception {
        WheelChecks.Result r = wheel("manylinux_2_38_loongarch64", builtWithGcc14OnGlibc238());
        List<Finding> findings = PromiseChecks.all(r);
        assertEquals(List.of("WH311"), codes(findings));
        assertTrue(findings.get(0).message().startsWith("GLIBCXX_3.4.33 from libstdc++.so.6"), findings.get(0).message());
        assertTrue(findings.get(0).explanation().contains("consistent with manylinux_2_40_loongarch64"), findings.get(0).explanation());
    }

    @Test
    void aProjectsBaselineForItsFrozenGlibcKeepsThePromise() throws Exception {
        WheelChecks.Result r = wheel("manylinux_2_38_loongarch64", builtWithGcc14OnGlibc238());
        PolicySet custom = BuiltinPolicies.all().with(PolicyJson.read(ReferencePython.repoRoot().resolve("docs/examples/loongarch64-glibc2.38.json")));
        assertEquals(List.of(), PromiseChecks.all(r, custom));
    }

    @Test
    void theGlibcFloorStaysWh309AndIsNotReportedTwice() throws Exception {
        WheelChecks.Result r = wheel("manylinux_2_36_loongarch64", builtWithGcc14OnGlibc238());
        List<String> codes = codes(PromiseChecks.all(r));
        assertEquals(1, codes.stream().filter("WH309"::equals).count(), codes.toString());
        assertTrue(codes.contains("WH311"), "GLIBCXX_3.4.33 is beyond manylinux_2_36 too: " + codes);
    }

    @Test
    void aLinuxTagPromisesNothingAndGetsNoWh311() throws Exception {
        assertEquals(List.of(), PromiseChecks.all(wheel("linux_loongarch64", builtWithGcc14OnGlibc238())));
    }
}
