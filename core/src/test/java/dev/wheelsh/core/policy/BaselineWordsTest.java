package dev.wheelsh.core.policy;

import dev.wheelsh.core.words.BaselineWords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sentence explain and the editor's hovers add to a manylinux or musllinux tag. */
class BaselineWordsTest {

    private static Optional<String> words(String tag) {
        return BaselineWords.forPlatformTag(tag, BuiltinPolicies.all());
    }

    @Test
    void aLegacyNameGivesItsBaselinesNewestVersionsOnItsArchitecture() {
        String w = words("manylinux2014_aarch64").orElseThrow();
        assertTrue(w.startsWith("its baseline (auditwheel's manylinux_2_17, modelled on CentOS 7 (PEP 599)) lets a wheel take 23 libraries"), w);
        assertTrue(w.endsWith("with symbol versions up to GLIBC_2.18, GLIBCXX_3.4.19, CXXABI_1.3.7, GCC_4.7.0, ZLIB_1.2.5.2, LIBATOMIC_1.0"), w);
    }

    @Test
    void muslBaselinesJudgeNoVersionsAndUndefinedOrEmptyPromisesGetNoSentence() {
        assertTrue(words("musllinux_1_2_loongarch64").orElseThrow().endsWith("it judges no symbol versions"));
        assertEquals(Optional.empty(), words("manylinux_2_17_loongarch64"), "no baseline of glibc 2.17 defines loongarch64");
        assertEquals(Optional.empty(), words("linux_x86_64"));
        assertEquals(Optional.empty(), words("macosx_11_0_arm64"));
    }
}
