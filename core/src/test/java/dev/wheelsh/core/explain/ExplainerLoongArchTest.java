package dev.wheelsh.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.policy.BuiltinPolicies;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A loongarch64 filename cannot tell the ABI world: explain says so, names `wheelsh show FILE` as
 * the judge, and on an old-world system every manylinux loongarch64 tag cannot load, whatever
 * its glibc version.
 */
class ExplainerLoongArchTest {

    private static Explanation explain(String name, String target) throws Exception {
        return Explainer.explainName(name, Optional.of(TargetSpec.parse(target)), BuiltinPolicies.all());
    }

    @Test
    void aLinuxTagRecordsNoWorldAndShowDecides() throws Exception {
        Explanation e = explain("numpy-2.1.1-cp310-cp310-linux_loongarch64.whl", "cp310-glibc2.38-loongarch64");
        assertEquals(List.of("linux_loongarch64 does not record the LoongArch ABI world: linux_loongarch64 wheels exist for "
                + "both (Loongnix's are old world, ABI1.0); `wheelsh show FILE` decides it from the code"), e.notes());
        assertEquals(Explanation.Outcome.HOLDS, e.outcome());
    }

    @Test
    void aManylinuxTagPromisesTheNewWorld() throws Exception {
        Explanation e = explain("x-1.0-cp312-cp312-manylinux_2_36_loongarch64.whl", "cp312-glibc2.38-loongarch64");
        assertTrue(e.notes().get(0).startsWith("manylinux_2_36_loongarch64 promises the new LoongArch world"), e.notes().toString());
    }

    @Test
    void onAnOldWorldSystemEveryManylinuxTagCannotLoad() throws Exception {
        Explanation old = explain("x-1.0-cp37-cp37m-manylinux_2_17_loongarch64.whl", "cp37-glibc2.28-loongarch64+oldworld");
        assertTrue(old.oldWorldCannotLoad());
        assertEquals(Explanation.Outcome.PROBLEM, old.outcome());
        assertTrue(old.verdictLines().get(0).startsWith("verdict: pip installs it (matching cp37-cp37m-manylinux_2_17_loongarch64), "
                + "but it cannot load there: "), old.verdictLines().toString());
        Explanation linux = explain("x-1.0-cp37-cp37m-linux_loongarch64.whl", "cp37-glibc2.28-loongarch64+oldworld");
        assertEquals(Explanation.Outcome.HOLDS, linux.outcome(), "a linux_* tag may be of either world: show decides");
    }

    @Test
    void otherArchitecturesHaveNoNotes() throws Exception {
        assertEquals(List.of(), explain("x-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", "cp312-glibc2.38-x86_64").notes());
    }
}
