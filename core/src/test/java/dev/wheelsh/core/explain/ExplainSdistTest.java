package dev.wheelsh.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** explain on a source distribution's name: what it is and when pip builds it. */
class ExplainSdistTest {

    @Test
    void aPep625NameIsReadAsProjectAndVersionWithWhenPipBuildsIt() throws Exception {
        Explanation e = Explainer.explainName("numpy-2.2.4.tar.gz",
                Optional.of(TargetSpec.parse("cp312-glibc2.38-loongarch64")), BuiltinPolicies.all());
        assertEquals(Explanation.Kind.SDIST, e.kind());
        assertEquals("project numpy, version 2.2.4", e.components().get(0).meaning());
        assertTrue(e.components().get(1).meaning().startsWith("a source distribution named as PEP 625 says"),
                e.components().get(1).meaning());
        assertTrue(e.components().get(1).meaning().contains("pip builds it only when no wheel of numpy 2.2.4 fits"));
        assertTrue(e.verdictLines().get(0).startsWith("verdict: an sdist has no tags"), e.verdictLines().toString());
        assertEquals(Explanation.Outcome.HOLDS, e.outcome());
    }

    @Test
    void aLegacyNameGetsItsPep625Spelling() throws Exception {
        Explanation e = Explainer.explainName("Foo.Bar-1.0.zip", Optional.empty(), BuiltinPolicies.all());
        assertEquals("project foo-bar, version 1.0", e.components().get(0).meaning());
        assertTrue(e.components().get(1).meaning().contains("PEP 625 would name it foo_bar-1.0.tar.gz"),
                e.components().get(1).meaning());
    }

    @Test
    void anSdistNameWithoutAVersionIsRefusedInOneLine() {
        InputException e = assertThrows(InputException.class,
                () -> Explainer.explainName("numpy.tar.gz", Optional.empty(), BuiltinPolicies.all()));
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.getMessage().contains("no '-' between name and version"), e.getMessage());
    }
}
