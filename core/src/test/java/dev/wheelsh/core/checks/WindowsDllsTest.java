package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.tags.TagSet;
import dev.wheelsh.core.testing.ReferencePython;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DLLs Windows and the interpreters provide: windows-dlls.tsv and windows-python-runtime.tsv
 * are scripts/facts/generate_windows_dlls.py's output for the delvewheel release their headers
 * name, and windows-system-dlls.txt adds only what the first lacks. The regeneration needs a clone of delvewheel named by WHEELSH_DELVEWHEEL_GIT (a git
 * directory) and a Python 3; it is skipped, saying so, otherwise.
 */
class WindowsDllsTest {

    private static final Pattern SOURCE = Pattern.compile(
            "# Source: https://github\\.com/adang1345/delvewheel (\\d+\\.\\d+\\.\\d+) \\((?:tag (\\S+), )?commit ([0-9a-f]{40})\\),");

    private static final WindowsDlls DLLS = WindowsDlls.BUILT_IN;

    @Test
    void theGeneratedListNamesDelvewheelsReleaseAndCommit() throws IOException {
        Matcher m = SOURCE.matcher(resourceText("windows-dlls.tsv"));
        assertTrue(m.find(), "the header names delvewheel's version and commit");
        assertEquals("1.12.1", m.group(1));
        assertEquals("93843ae94baf4196459f3e7bfcb1fc79d905256f", m.group(3));
    }

    @Test
    void theGeneratedListHoldsDelvewheelsSetsSortedLowerCase() {
        List<String> lines = WindowsDlls.lines("windows-dlls.tsv");
        assertEquals(2923, lines.size(), "delvewheel 1.12.1's names, one a line");
        List<String> names = lines.stream().map(l -> l.substring(0, l.indexOf('\t'))).toList();
        assertEquals(names.stream().sorted().distinct().toList(), names, "sorted, each once");
        assertEquals(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList(), names);
        for (String line : lines) {
            List<String> machines = List.of(line.substring(line.indexOf('\t') + 1).split(" "));
            assertEquals(List.of("win32", "win_amd64", "win_arm64").stream().filter(machines::contains).toList(), machines,
                    "known machines, each once, in order: " + line);
        }
    }

    @Test
    void windowsItselfIsThereOnEveryMachine() {
        for (String dll : List.of("kernel32.dll", "ws2_32.dll", "bcrypt.dll", "user32.dll", "advapi32.dll", "ntdll.dll",
                "combase.dll", "ucrtbase.dll")) {
            for (String machine : WindowsDlls.MACHINES) {
                assertTrue(DLLS.provides(dll, machine), dll + " on " + machine);
            }
        }
    }

    @Test
    void theApiSetsAreMatchedByTheirPrefix() {
        assertEquals(List.of("api-*\twin32 win_amd64 win_arm64"),
                WindowsDlls.lines("windows-dlls.tsv").stream().filter(l -> l.startsWith("api-")).toList());
        for (String machine : List.of("win32", "win_amd64", "win_arm64", "win_arm32")) {
            assertTrue(DLLS.provides("api-ms-win-crt-runtime-l1-1-0.dll", machine), machine);
            assertTrue(DLLS.provides("api-ms-win-core-synch-l1-2-0.dll", machine), machine);
        }
        assertFalse(DLLS.provides("ext-ms-win-ntuser-window-l1-1-0.dll", "win_amd64"), "extension sets are not on every edition");
    }

    @Test
    void aDllOfOneMachineIsNotCountedOnAnother() {
        // Windows on ARM64 has ARM64-only DLLs in System32 that x86 and x64 Windows lack
        assertTrue(DLLS.provides("xtajit.dll", "win_arm64"));
        assertFalse(DLLS.provides("xtajit.dll", "win_amd64"));
        assertFalse(DLLS.provides("xtajit.dll", "win_arm32"), "another machine counts what every listed one has");
    }

    @Test
    void theRedistributablesAndPythonAreNotWindows() {
        for (String dll : List.of("msvcp140.dll", "vcruntime140.dll", "vcruntime140_1.dll", "vcomp140.dll", "concrt140.dll",
                "python3.dll", "python312.dll", "libgcc_s_seh-1.dll")) {
            for (String machine : WindowsDlls.MACHINES) {
                assertFalse(DLLS.provides(dll, machine), dll + " on " + machine);
            }
        }
    }

    @Test
    void theHandWrittenSupplementHoldsOnlyWhatTheGeneratedListLacks() {
        List<String> generated = WindowsDlls.lines("windows-dlls.tsv");
        for (String name : WindowsDlls.lines("windows-system-dlls.txt")) {
            assertEquals(name.toLowerCase(Locale.ROOT), name);
            assertFalse(generated.contains(name + "\twin32 win_amd64 win_arm64"), name + " is already in windows-dlls.tsv on every machine");
        }
    }

    @Test
    void eachInterpreterShipsTheRuntimeDelvewheelSaysIt() throws IOException {
        assertEquals(1473, WindowsDlls.lines("windows-python-runtime.tsv").size(), "rows for CPython 2.6 to 3.99 and PyPy");
        assertTrue(resourceText("windows-python-runtime.tsv").contains("commit 93843ae94baf4196459f3e7bfcb1fc79d905256f"));
        Set<String> both = Set.of("vcruntime140.dll", "vcruntime140_1.dll");
        assertEquals(both, DLLS.shippedForAbi("cp312", "win_amd64"));
        assertEquals(both, DLLS.shippedForAbi("cp313t", "win_arm64"));
        assertEquals(both, DLLS.shippedForAbi("cp399", "win_amd64"), "delvewheel's rule reaches 3.99");
        assertEquals(Set.of("vcruntime140.dll"), DLLS.shippedForAbi("cp312", "win32"));
        assertEquals(Set.of("vcruntime140.dll"), DLLS.shippedForAbi("cp37m", "win_amd64"));
        assertEquals(Set.of("vcruntime140.dll"), DLLS.shippedForAbi("pypy310_pp73", "win_amd64"));
        assertEquals(Set.of("vcruntime140d.dll", "ucrtbased.dll"), DLLS.shippedForAbi("cp312d", "win_amd64"));
        assertEquals(Set.of("msvcr90.dll"), DLLS.shippedForAbi("cp27m", "win32"));
        assertEquals(both, DLLS.shippedForStableAbi("cp39", "win_arm64"));
        assertEquals(Set.of(), DLLS.shippedForAbi("none", "win_amd64"), "no interpreter named, none counted");
        assertEquals(Set.of(), DLLS.shippedForAbi("abi3", "win_amd64"), "abi3 is judged by the Python tag");
        for (String line : WindowsDlls.lines("windows-python-runtime.tsv")) {
            assertFalse(line.contains("msvcp140.dll"), "the C++ runtime comes with no interpreter: " + line);
        }
    }

    @Test
    void aWheelCountsOnlyTheRuntimeEveryInterpreterOfItsTagsShips() throws Exception {
        Set<String> both = Set.of("vcruntime140.dll", "vcruntime140_1.dll");
        assertEquals(both, WindowsChecks.interpreterRuntime(TagSet.parse("cp312-cp312-win_amd64").tags()));
        assertEquals(Set.of("vcruntime140.dll"), WindowsChecks.interpreterRuntime(TagSet.parse("cp37-cp37m-win_amd64").tags()),
                "CPython 3.7's ABI tag is cp37m");
        assertEquals(Set.of("vcruntime140.dll"), WindowsChecks.interpreterRuntime(TagSet.parse("cp38.cp39-cp38.cp39-win_amd64").tags()),
                "3.8 ships vcruntime140.dll alone");
        assertEquals(both, WindowsChecks.interpreterRuntime(TagSet.parse("cp39-abi3-win_amd64").tags()));
        assertEquals(Set.of(), WindowsChecks.interpreterRuntime(TagSet.parse("py3-none-win_amd64").tags()));
    }

    @Test
    void theGeneratorWritesTheCommittedFile(@TempDir Path out) throws IOException {
        String clone = System.getenv("WHEELSH_DELVEWHEEL_GIT");
        assumeTrue(clone != null && Files.isDirectory(Path.of(clone)),
                "WHEELSH_DELVEWHEEL_GIT does not name a clone of delvewheel: regeneration test skipped");
        Optional<Path> python = ReferencePython.candidates().stream().findFirst();
        assumeTrue(python.isPresent(), "no Python 3: regeneration test skipped");
        Matcher m = SOURCE.matcher(resourceText("windows-dlls.tsv"));
        assertTrue(m.find());
        Path script = ReferencePython.repoRoot().resolve("scripts/facts/generate_windows_dlls.py");
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), script.toString(),
                "--delvewheel", clone + "@" + (m.group(2) != null ? m.group(2) : m.group(3)), "--out", out.toString()), 120);
        assertEquals(0, r.exitCode(), r.stderr());
        for (String file : List.of("windows-dlls.tsv", "windows-python-runtime.tsv")) {
            assertEquals(resourceText(file), Files.readString(out.resolve(file)), file + " differs from the generator's output");
        }
    }

    private static String resourceText(String name) throws IOException {
        try (InputStream in = WindowsDlls.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " missing");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
