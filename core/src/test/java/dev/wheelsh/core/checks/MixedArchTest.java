package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wheel tagged x86_64 that also carries an aarch64 library (Debian 12's amd64 zlib and arm64
 * libstdc++, from scripts/fetch.d/10-debian-elf.sh; skipped, saying so, without them): WH304 reports
 * the foreign member, and the baseline verdict judges each architecture's members only against
 * that architecture's baselines. The aarch64 libstdc++ asks glibc 2.34 of aarch64's libc, which says
 * nothing about an x86_64 system.
 */
class MixedArchTest {

    @TempDir
    Path dir;

    private static byte[] elf(String relative) throws Exception {
        Path p = NativeCorpus.repoRoot().resolve(".corpus/elf").resolve(relative);
        assumeTrue(Files.isRegularFile(p), relative + " was not fetched (scripts/fetch.d/10-debian-elf.sh)");
        return Files.readAllBytes(p);
    }

    private CheckContext context() throws Exception {
        Path w = new TestWheel()
                .distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp311-cp311-manylinux_2_17_x86_64\n")
                .add("foo/libz.so.1", elf("amd64/zlib1g/lib/x86_64-linux-gnu/libz.so.1.2.13"), false)
                .add("foo/aarch64/libstdc++.so.6", elf("arm64/libstdc++6/usr/lib/aarch64-linux-gnu/libstdc++.so.6.0.30"), false)
                .write(dir.resolve("foo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl"));
        try (WheelArchive a = WheelArchive.open(w)) {
            return CheckContext.of(WheelFacts.read(a, false), BuiltinPolicies.all(), Optional.empty());
        }
    }

    @Test
    void eachArchitecturesMembersAreJudgedOnlyAgainstItsOwnBaselines() throws Exception {
        CheckContext c = context();
        PolicyVerdict main = c.verdict().orElseThrow();
        assertEquals("x86_64", main.arch());
        assertEquals("manylinux_2_17_x86_64", main.bestTag(), "the x86_64 zlib asks no more than glibc 2.14");
        assertTrue(main.policies().stream().flatMap(f -> f.obstacles().stream()).noneMatch(o -> o.member().contains("aarch64")),
                "no obstacle of an x86_64 policy names the aarch64 member");
        List<PolicyVerdict> foreign = c.foreignVerdicts();
        assertEquals(1, foreign.size());
        assertEquals("aarch64", foreign.get(0).arch());
        assertTrue(foreign.get(0).bestTag().startsWith("manylinux_2_") && foreign.get(0).bestTag().endsWith("_aarch64"),
                foreign.get(0).bestTag());
    }

    @Test
    void theForeignMemberIsReportedAndDoesNotBreakTheX86Promise() throws Exception {
        List<Finding> found = WheelCheckList.run(context());
        assertEquals(List.of(Code.WH304), found.stream().map(Finding::code).distinct().toList(), found::toString);
        assertTrue(found.get(0).message().contains("foo/aarch64/libstdc++.so.6"), found.get(0).message());
    }
}
