package dev.wheelsh.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.elf.ElfMachine;
import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.wheel.TestWheel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What explain FILE says to do next about a wheel's code, by auditwheel's rules: addtag when the
 * code of a linux_* wheel already meets a baseline, repair --plat X with the libraries it would
 * graft, what blocks repair (a glibc newer than every baseline, a blacklisted symbol), the tag a
 * wheel whose tags promise too much meets, and the libraries a target must provide.
 */
class NextStepsTest {

    @TempDir
    Path dir;

    private Path wheel(String platform, TestElf code) throws Exception {
        return new TestWheel()
                .distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp311-cp311-" + platform + "\n")
                .add("foo/_native.cpython-311-x86_64-linux-gnu.so", code.build(), false)
                .write(dir.resolve("foo-1.0-cp311-cp311-" + platform + ".whl"));
    }

    private static TestElf x86(String... needed) {
        return new TestElf().machine(ElfMachine.EM_X86_64, true, false, 0).needed(needed);
    }

    private static List<String> next(Path wheel, Optional<String> target) throws Exception {
        Explanation e = Explainer.explainWheelFile(wheel, target.isEmpty() ? Optional.empty() : Optional.of(TargetSpec.parse(target.get())),
                BuiltinPolicies.all());
        return e.next().stream().map(n -> n.action().id() + ": " + n.advice() + n.command().map(c -> " $ " + c).orElse("")).toList();
    }

    @Test
    void aLinuxWheelWhoseCodeMeetsABaselineOnlyNeedsItsTag() throws Exception {
        Path w = wheel("linux_x86_64", x86("libc.so.6").needs("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.17"));
        assertEquals(List.of("addtag: auditwheel addtag would tag it manylinux_2_17_x86_64: the code already meets that baseline and"
                + " needs nothing grafted $ auditwheel addtag " + w), next(w, Optional.empty()));
    }

    @Test
    void repairGraftsWhatNoBaselinePromisesAndTheTargetIsToldWhatToInstall() throws Exception {
        Path w = wheel("linux_x86_64", x86("libc.so.6", "libyaml-0.so.2").needs("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.28"));
        assertEquals(List.of("repair: auditwheel repair --plat manylinux_2_28_x86_64 would give a manylinux_2_28_x86_64 wheel,"
                        + " grafting libyaml-0.so.2 (what those libraries need themselves is judged when repair reads them)"
                        + " $ auditwheel repair --plat manylinux_2_28_x86_64 " + w,
                "install-system-libraries: the target must provide libyaml-0.so.2 (Debian 12: libyaml-0-2) (or auditwheel repair"
                        + " grafts them into the wheel) $ apt-get install libyaml-0-2"),
                next(w, Optional.of("cp311-glibc2.36-x86_64")));
    }

    @Test
    void aGlibcNewerThanEveryBaselineBlocksRepair() throws Exception {
        Path w = wheel("linux_x86_64", x86("libc.so.6").needs("libc.so.6", "GLIBC_2.99"));
        List<String> steps = next(w, Optional.empty());
        assertEquals(1, steps.size(), steps::toString);
        assertEquals(true, steps.get(0).startsWith("repair-blocked: auditwheel repair cannot give this code any baseline tag:"
                + " GLIBC_2.99 from libc.so.6 (asked by foo/_native.cpython-311-x86_64-linux-gnu.so) rules out manylinux_"), steps::toString);
        assertEquals(true, steps.get(0).endsWith("; build it on an older system"), steps::toString);
    }

    @Test
    void aBlacklistedSymbolBlocksRepair() throws Exception {
        Path w = wheel("linux_x86_64", x86("libc.so.6", "libz.so.1").needs("libc.so.6", "GLIBC_2.2.5").imports("_tr_align", 0));
        List<String> steps = next(w, Optional.empty());
        assertEquals(1, steps.size(), steps::toString);
        assertEquals(true, steps.get(0).startsWith("repair-blocked: auditwheel repair cannot give this code any baseline tag:"
                + " foo/_native.cpython-311-x86_64-linux-gnu.so imports _tr_align from libz.so.1, which manylinux_"), steps::toString);
    }

    @Test
    void tagsThatPromiseMoreThanTheCodeKeepsGetTheTagItMeets() throws Exception {
        Path w = wheel("manylinux_2_17_x86_64", x86("libc.so.6").needs("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.28"));
        assertEquals(List.of("retag: the code meets manylinux_2_28_x86_64, not the manylinux_2_17_x86_64 its tags promise: tag it"
                + " manylinux_2_28_x86_64, or build it on a system as old as manylinux_2_17_x86_64 describes"), next(w, Optional.empty()));
    }

    /** A library no baseline whitelists leaves the code at linux_*: "tag it linux" is no advice, grafting is. */
    @Test
    void tagsThatPromiseABaselineTheCodeMeetsOnlyWithAGraftGetRepair() throws Exception {
        Path w = wheel("manylinux_2_17_x86_64", x86("libc.so.6", "libssl.so.3").needs("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.17"));
        assertEquals(List.of("repair: auditwheel repair --plat manylinux_2_17_x86_64 would give a manylinux_2_17_x86_64 wheel,"
                + " grafting libssl.so.3 (what those libraries need themselves is judged when repair reads them)"
                + " $ auditwheel repair --plat manylinux_2_17_x86_64 " + w), next(w, Optional.empty()));
    }

    /** rollup's new-world loongarch64 build (npm, scripts/fetch.d/20-npm-native.sh) in a linux_loongarch64 wheel on Loongnix. */
    @Test
    void newWorldCodeOnAnOldWorldSystemIsToldTheWorldItNeeds() throws Exception {
        Path node = NativeCorpus.repoRoot()
                .resolve(".corpus/npm/@rollup_rollup-linux-loong64-gnu/package/rollup.linux-loong64-gnu.node");
        assumeTrue(Files.isRegularFile(node),
                "rollup's loong64 build was not fetched (scripts/fetch.d/20-npm-native.sh)");
        Path w = new TestWheel()
                .distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp311-cp311-linux_loongarch64\n")
                .add("foo/_native.cpython-311-loongarch64-linux-gnu.so", Files.readAllBytes(node), false)
                .write(dir.resolve("foo-1.0-cp311-cp311-linux_loongarch64.whl"));
        List<String> steps = next(w, Optional.of("cp311-glibc2.28-loongarch64+oldworld"));
        assertEquals(true, steps.contains("loongarch-world: the code (foo/_native.cpython-311-loongarch64-linux-gnu.so first) needs"
                + " a new-world (ABI2.0) system (upstream glibc 2.36 or later); on this one build from the sdist or use a wheel built"
                + " for its world"), steps::toString);
    }

    @Test
    void aWheelForAnotherPythonSaysWhichAndAFileKeepsItsCodesSteps() throws Exception {
        Path w = wheel("manylinux_2_17_x86_64", x86("libc.so.6").needs("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.17"));
        assertEquals(List.of("use-python: use CPython 3.11: the wheel's platform fits this machine, only its Python does not;"
                + " or build from the sdist for this one"), next(w, Optional.of("cp313-glibc2.36-x86_64")));
        assertEquals(List.of(), next(w, Optional.of("cp311-glibc2.36-x86_64")), "installable, tags kept: nothing to do");
    }
}
