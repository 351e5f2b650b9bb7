package dev.wheelsh.core.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** pip debug --verbose read as a target, and its tag list against wheelsh's. */
class PipDebugReportTest {

    private static String output(String pip, List<String> tags) {
        return "pip version: pip " + pip + " from /somewhere/pip (python 3.12)\nsys.version: 3.12.3\nsys.platform: linux\n"
                + "vendored library versions:\n  packaging==26.2\n  platformdirs==4.3.8\nCompatible tags: " + tags.size() + "\n"
                + tags.stream().map(t -> "  " + t + "\n").collect(Collectors.joining());
    }

    @Test
    void theTargetComesFromTheBestTags() throws InputException {
        assertEquals("cp312-glibc2.36-x86_64", PipDebugReport.parse("d", output("26.2", List.of("cp312-cp312-manylinux_2_36_x86_64",
                "cp312-cp312-manylinux_2_35_x86_64"))).target().compact());
        assertEquals("cp313t-musl1.2-aarch64", PipDebugReport.parse("d", output("26.2", List.of("cp313-cp313t-musllinux_1_2_aarch64")))
                .target().compact());
        // packaging 26.3 puts linux_* first; the manylinux tag after it still gives the glibc
        assertEquals("cp312-glibc2.39-x86_64", PipDebugReport.parse("d", output("26.3.dev0", List.of("cp312-cp312-linux_x86_64",
                "cp312-cp312-manylinux_2_39_x86_64"))).target().compact());
        assertEquals("cp313-macos14.0-arm64", PipDebugReport.parse("d", output("26.2", List.of("cp313-cp313-macosx_14_0_arm64")))
                .target().compact());
        assertEquals("cp312-windows-amd64", PipDebugReport.parse("d", output("26.2", List.of("cp312-cp312-win_amd64"))).target().compact());
        assertEquals("pp310-glibc2.35-x86_64", PipDebugReport.parse("d", output("26.2", List.of("pp310-pypy310_pp73-manylinux_2_35_x86_64")))
                .target().compact());
    }

    @Test
    void aListWheelshComputesIsEqualAndAChangedOneIsNot() throws InputException {
        Target t = TargetSpec.parse("cp312-glibc2.28-aarch64");
        List<String> ours = t.tags(PackagingRelease.V26_2).stream().map(Tag::toString).toList();
        PipDebugReport same = PipDebugReport.parse("d", output("26.2", ours));
        assertTrue(same.compare(same.target(), PackagingRelease.V26_2).equal());
        List<String> swapped = new ArrayList<>(ours);
        swapped.set(0, ours.get(1));
        swapped.set(1, ours.get(0));
        PipDebugReport.Comparison c = PipDebugReport.parse("d", output("26.2", swapped)).compare(t, PackagingRelease.V26_2);
        assertFalse(c.equal());
        assertEquals("pip lists " + ours.size() + " tags, wheelsh " + ours.size()
                + " (packaging 26.2): the same tags in another order; first difference at #1", c.words());
    }

    @Test
    void badOutputIsOneLine() {
        assertEquals("d: not the output of pip debug --verbose (no 'pip version:' or no 'Compatible tags:' line)",
                assertThrows(InputException.class, () -> PipDebugReport.parse("d", "hello\n")).getMessage());
        assertEquals("d: 'Compatible tags: 3' but 1 tags follow (run pip debug with --verbose for the whole list)",
                assertThrows(InputException.class, () -> PipDebugReport.parse("d",
                        "pip version: pip 26.2\nCompatible tags: 3\n  cp312-cp312-linux_x86_64\n")).getMessage());
        assertTrue(assertThrows(InputException.class, () -> PipDebugReport.parse("d",
                "pip version: pip 26.2\nCompatible tags: 1\n  cp312-cp312\n")).getMessage().startsWith("d:3: "));
    }

    /**
     * Every interpreter here whose pip uses packaging's tags (pip 20 and newer): its own debug
     * output against wheelsh's list for the machine it names.
     */
    @Test
    void theInstalledPipsListsEqualWheelshs() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (var python : ReferencePython.candidates()) {
            ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.toString(), "-m", "pip", "debug", "--verbose"), 120);
            if (r.exitCode() != 0) {
                continue;
            }
            PipDebugReport report = PipDebugReport.parse(python.toString(), r.stdout());
            if (Integer.parseInt(report.pipVersion().split("\\.")[0]) < 20) {
                continue; // pip 19 computed its tags with its own pep425tags, before it used packaging's
            }
            // pips before 26 vendor older packagings; their order for a glibc Linux CPython is 26.2's
            PackagingRelease release;
            try {
                release = PackagingRelease.forPip(report.pipVersion());
            } catch (InputException e) {
                release = PackagingRelease.V26_2;
            }
            PipDebugReport.Comparison c = report.compare(report.target(), release);
            checked.add(python + " (pip " + report.pipVersion() + ")");
            if (!c.equal()) {
                differing.add(python + ": " + c.words());
            }
        }
        if (checked.isEmpty()) {
            System.err.println("SKIPPED: no Python with pip found (PATH or ~/.pyenv/versions/*)");
        }
        assumeTrue(!checked.isEmpty(), "no Python with pip found");
        assertEquals(List.of(), differing, "checked " + checked);
    }
}
