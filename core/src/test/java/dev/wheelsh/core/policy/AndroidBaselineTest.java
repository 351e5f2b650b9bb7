package dev.wheelsh.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** android-libraries.tsv, pinned: the levels auditwheel 6.8.1 lists and how a tag's level picks one. */
class AndroidBaselineTest {

    @Test
    void theTableHasAuditwheelsFourLevelsWithTheirPriorities() {
        assertEquals(List.of(21, 24, 26, 27), AndroidBaseline.levels().stream().map(AndroidBaseline.Level::apiLevel).toList());
        assertEquals(List.of(79, 76, 74, 73), AndroidBaseline.levels().stream().map(AndroidBaseline.Level::priority).toList());
        assertEquals(16, AndroidBaseline.levels().get(0).libraries().size());
        assertEquals(21, AndroidBaseline.levels().get(3).libraries().size());
    }

    @Test
    void aTagIsJudgedByTheHighestLevelNotAboveIt() {
        assertEquals(Optional.of(21), AndroidBaseline.at(23).map(AndroidBaseline.Level::apiLevel));
        assertEquals(Optional.of(27), AndroidBaseline.at(35).map(AndroidBaseline.Level::apiLevel));
        assertTrue(AndroidBaseline.at(20).isEmpty());
        assertTrue(AndroidBaseline.allowedLibraries(20).isEmpty());
    }

    @Test
    void librariesArriveAtTheirLevel() {
        assertFalse(AndroidBaseline.allowedLibraries(23).contains("libvulkan.so"));
        assertTrue(AndroidBaseline.allowedLibraries(24).contains("libvulkan.so"));
        assertFalse(AndroidBaseline.allowedLibraries(25).contains("libaaudio.so"));
        assertTrue(AndroidBaseline.allowedLibraries(26).contains("libaaudio.so"));
        assertTrue(AndroidBaseline.allowedLibraries(27).contains("libneuralnetworks.so"));
        for (AndroidBaseline.Level l : AndroidBaseline.levels()) {
            assertTrue(l.libraries().containsAll(List.of("libc.so", "libm.so", "libdl.so", "liblog.so", "libandroid.so", "libz.so")), l::toString);
            assertFalse(l.libraries().contains("libstdc++.so"), l::toString); // the NDK's C++ runtime is bundled, never the system's
        }
    }

    @Test
    void thePolicyNamesTheTagOfTheAbi() {
        assertEquals("android_24_arm64_v8a", AndroidBaseline.policy(24, "arm64_v8a").platformTag("arm64_v8a"));
        assertEquals(76, AndroidBaseline.policy(25, "x86").priority());
    }
}
