package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelt architecture gets one answer wherever it is written: the code and the words lint
 * gives for it in a pip.conf, and exit status 2, from explain and from simulate alike.
 */
class OneAnswerPerMistakeTest {

    private static final String ARM64_ON_LINUX = "'arm64' is not an architecture Linux platform tags use; Python spells it aarch64";
    private static final String LOONG64_ON_LINUX = "'loong64' is not an architecture Linux platform tags use; Python spells it loongarch64";

    @TempDir
    Path dir;

    private String lint(String platform) throws IOException {
        Path conf = dir.resolve("pip.conf");
        Files.writeString(conf, "[global]\nplatform = " + platform + "\n");
        TestRuns.Run lint = TestRuns.run("lint", conf.toString());
        assertEquals(1, lint.status(), lint.out() + lint.err());
        return lint.out();
    }

    @Test
    void explainOfLinuxArm64IsLintsWh191WithExitTwo() throws IOException {
        assertTrue(lint("linux_arm64").contains("WH191 error: " + ARM64_ON_LINUX), "lint says it so");
        TestRuns.Run explain = TestRuns.run("explain", "linux_arm64");
        assertEquals(2, explain.status(), explain.out() + explain.err());
        assertTrue(explain.out().contains("WH191 error: " + ARM64_ON_LINUX), explain.out());
    }

    @Test
    void simulateWithLoong64IsRefusedWithTheSameCodeAndWords() throws IOException {
        assertTrue(lint("manylinux_2_38_loong64").contains("WH191 error: " + LOONG64_ON_LINUX), "lint says it so");
        TestRuns.Run simulate = TestRuns.run("simulate", "--arch", "loong64", "--glibc", "2.38", "--python", "3.13");
        assertEquals(2, simulate.status(), simulate.out() + simulate.err());
        assertEquals("", simulate.out(), "no machine is built");
        assertTrue(simulate.err().startsWith("wheelsh: WH191 error: "), simulate.err());
        assertTrue(simulate.err().contains(LOONG64_ON_LINUX), simulate.err());
    }

    @Test
    void simulateOfWindowsX8664NamesWindowsOwnSpelling() {
        TestRuns.Run simulate = TestRuns.run("simulate", "--windows", "--arch", "x86_64", "--python", "3.13");
        assertEquals(2, simulate.status(), simulate.out() + simulate.err());
        assertTrue(simulate.err().contains("WH191 error: ")
                && simulate.err().contains("'x86_64' is not an architecture Windows platform tags use; Python spells it amd64"),
                simulate.err());
        TestRuns.Run fixed = TestRuns.run("simulate", "--windows", "--arch", "amd64", "--python", "3.13");
        assertEquals(0, fixed.status(), fixed.err());
        assertTrue(fixed.out().contains("win_amd64"), fixed.out());
    }

    @Test
    void aTagSetWithAMisspeltArchitectureIsBadInputToo() {
        TestRuns.Run explain = TestRuns.run("explain", "cp313-cp313-manylinux_2_28_loong64", "--target", "cp313-glibc2.38-loongarch64");
        assertEquals(2, explain.status(), explain.out());
        assertTrue(explain.out().contains("WH191 error: " + LOONG64_ON_LINUX), explain.out());
    }

    @Test
    void tagsRefusesAMisspeltArchitectureAsSimulateDoes() {
        TestRuns.Run tags = TestRuns.run("tags", "--python", "3.13", "--arch", "loong64", "--glibc", "2.38");
        assertEquals(2, tags.status(), tags.out() + tags.err());
        assertTrue(tags.err().startsWith("wheelsh: WH191 error: ") && tags.err().contains(LOONG64_ON_LINUX), tags.err());
    }

    /** The same PyPy machine has the same tags whichever command describes it. */
    @Test
    void tagsAndSimulateGiveAPyPyTheSameAbi() {
        TestRuns.Run tags = TestRuns.run("tags", "--implementation", "pp", "--python", "3.10", "--arch", "x86_64", "--glibc", "2.38");
        TestRuns.Run simulate = TestRuns.run("simulate", "--implementation", "pp", "--python", "3.10", "--arch", "x86_64", "--glibc", "2.38");
        assertEquals(0, tags.status(), tags.err());
        assertTrue(tags.out().contains("pp310-pypy310_pp73-manylinux_2_38_x86_64"), tags.out());
        String count = tags.out().lines().findFirst().orElseThrow().split(" ")[0];
        assertTrue(simulate.out().contains(count + " tags; best pp310-pypy310_pp73-manylinux_2_38_x86_64"), simulate.out());
    }
}
