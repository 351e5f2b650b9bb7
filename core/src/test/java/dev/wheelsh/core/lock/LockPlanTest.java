package dev.wheelsh.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.vocabulary.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the fixture lock files install per target, in the summary's words, and how bad input is refused. */
class LockPlanTest {

    private static final Path FIXTURES = ReferencePython.repoRoot().resolve("core/src/test/resources/dev/wheelsh/core/lock");

    private static LockFile fixture(String name) throws Exception {
        Path f = FIXTURES.resolve(name);
        return LockReader.read(name, Files.readString(f, StandardCharsets.UTF_8));
    }

    private static LockPlan plan(LockFile lock, String target) throws InputException {
        return LockPlan.of(lock, TargetSpec.parse(target), PackagingRelease.V26_2, Optional.empty());
    }

    private static String summary(String file, String target) throws Exception {
        LockPlan p = plan(fixture(file), target);
        return p.refusal().map(r -> "refused: " + r).orElseGet(() -> p.summary().words());
    }

    @Test
    void pylockSummaryPerTarget() throws Exception {
        assertEquals("4 packages: 3 install as wheels, 0 build from source, 0 have nothing, 1 from a direct source (localtool); "
                + "1 not needed on this target", summary("pylock.toml", "cp312-glibc2.38-x86_64"));
        assertEquals("4 packages: 1 installs as wheels, 1 builds from source (numpy), 1 has nothing (zstd-native), "
                + "1 from a direct source (localtool); 1 not needed on this target", summary("pylock.toml", "cp312-glibc2.38-loongarch64"));
        assertEquals("5 packages: 4 install as wheels, 0 build from source, 0 have nothing, 1 from a direct source (localtool)",
                summary("pylock.toml", "cp312-windows-amd64"));
        assertEquals("refused: the lock requires Python >=3.10, not 3.9.0", summary("pylock.toml", "cp39-glibc2.28-x86_64"));
        assertEquals("refused: none of the lock's environments holds (sys_platform == 'win32'; sys_platform == 'linux'; "
                + "sys_platform == 'darwin')", summary("pylock.toml", "cp312-android24-arm64_v8a"));
    }

    @Test
    void aPackageWithNoFittingWheelAndNoSdistNamesTheClosestWheel() throws Exception {
        LockPlan p = plan(fixture("pylock.toml"), "cp312-musl1.2-aarch64");
        LockPlan.Entry zstd = p.entries().stream().filter(e -> e.pkg().name().equals("zstd-native")).findFirst().orElseThrow();
        assertEquals("zstd-native 1.5.6: nothing installs: no wheel fits and no sdist is locked (closest: "
                + "zstd_native-1.5.6-cp312-abi3-manylinux_2_28_x86_64.whl, the arch: the wheel is for x86_64; the machine is "
                + "Linux aarch64, musl 1.2)", zstd.sentence());
        LockPlan.Entry numpy = p.entries().get(0);
        assertTrue(numpy.outcome() instanceof LockPlan.Sdist, numpy.sentence());
        assertTrue(numpy.sentence().contains("the libc family: the wheel needs glibc"), numpy.sentence());
        assertFalse(p.installs());
    }

    @Test
    void theDefaultGroupsDecideGroupMarkers() throws Exception {
        LockFile lock = fixture("pylock.toml");
        LockPlan none = LockPlan.of(lock, TargetSpec.parse("cp312-windows-amd64"), PackagingRelease.V26_2, Optional.empty(),
                new LockPlan.Request(Optional.of(Set.of()), false, Set.of()));
        LockPlan.Entry pytest = none.entries().stream().filter(e -> e.pkg().name().equals("pytest")).findFirst().orElseThrow();
        assertEquals("pytest 8.3.5: not installed here: its marker 'test' in dependency_groups does not hold", pytest.sentence());
    }

    @Test
    void aForkedPackageIsTakenAtTheVersionWhoseMarkerHolds() throws Exception {
        LockPlan p = plan(fixture("pylock.forks.toml"), "cp313-macos15.0-arm64");
        List<String> sentences = p.entries().stream().map(LockPlan.Entry::sentence).toList();
        assertEquals("numpy 2.0.2: not installed here: its marker python_full_version < '3.10' does not hold", sentences.get(0));
        assertEquals("numpy 2.3.1: installs numpy-2.3.1-cp313-cp313-macosx_14_0_arm64.whl (matches cp313-cp313-macosx_14_0_arm64, "
                + "preference #3)", sentences.get(1));
        // the thin arm64 wheel ranks before universal2 on Apple silicon
        assertTrue(sentences.get(2).startsWith("charset-normalizer 3.4.2: installs charset_normalizer-3.4.2-cp313-cp313-macosx_11_0_arm64.whl"),
                sentences.get(2));
    }

    @Test
    void aTieBetweenTwoWheelsGoesToTheFirstListed() throws Exception {
        LockPlan p = plan(fixture("pylock.forks.toml"), "cp313-glibc2.39-x86_64");
        assertEquals("charset-normalizer 3.4.2: installs charset_normalizer-3.4.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl "
                + "(matches cp313-cp313-manylinux_2_17_x86_64, preference #23)", p.entries().get(2).sentence());
    }

    @Test
    void uvLockWalksTheDependenciesWhoseMarkersHold() throws Exception {
        assertEquals("5 packages: 4 install as wheels, 0 build from source, 0 have nothing, 1 from a direct source (app); "
                + "2 not needed on this target", summary("uv.lock", "cp312-glibc2.38-x86_64"));
        assertEquals("5 packages: 1 installs as wheels, 3 build from source (zstandard, uvloop, ruff), 0 have nothing, "
                + "1 from a direct source (app); 2 not needed on this target", summary("uv.lock", "cp312-glibc2.38-loongarch64"));
        LockPlan win = plan(fixture("uv.lock"), "cp312-windows-amd64");
        assertTrue(win.entries().stream().anyMatch(e -> e.sentence().startsWith("pywin32 308: installs pywin32-308-cp312-cp312-win_amd64.whl")));
        assertTrue(win.entries().stream().anyMatch(e -> e.sentence().equals("uvloop 0.21.0: not installed here: "
                + "no dependency whose marker holds here leads to it")));
        LockPlan all = LockPlan.of(fixture("uv.lock"), TargetSpec.parse("cp312-windows-amd64"), PackagingRelease.V26_2,
                Optional.empty(), new LockPlan.Request(Optional.empty(), true, Set.of()));
        assertEquals(6, all.summary().packages() - all.summary().notNeeded().size(), "mkdocs comes with --all-groups");
    }

    @Test
    void aPipReportIsJudgedOnAnotherTarget() throws Exception {
        assertEquals("4 packages: 2 install as wheels, 1 builds from source (pyyaml), 0 have nothing, 1 from a direct source (mytool)",
                summary("report.json", "cp312-glibc2.38-x86_64"));
        LockPlan p = plan(fixture("report.json"), "cp312-glibc2.38-loongarch64");
        assertEquals("numpy 2.2.4: nothing installs: the reported wheel does not install here (pip chose it for cpython 3.12.3 on "
                + "linux x86_64) (closest: numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl, the arch: the "
                + "wheel is for x86_64; the machine is Linux loongarch64, glibc 2.38)", p.entries().get(0).sentence());
    }

    @Test
    void badInputIsOneLineNamingFilePlaceAndProblem() {
        assertEquals("pylock.toml: lock-version: missing (a string is required)",
                error("pylock.toml", "created-by = 'x'\n[[packages]]\nname = 'a'\n"));
        assertEquals("pylock.toml: lock-version: version 2.0 is not supported (1.x is)",
                error("pylock.toml", "lock-version = '2.0'\ncreated-by = 'x'\npackages = []\n"));
        assertEquals("pylock.toml: packages[0].name: 'Foo_Bar' is not normalized (foo-bar)",
                error("pylock.toml", "lock-version = '1.0'\ncreated-by = 'x'\n[[packages]]\nname = 'Foo_Bar'\ndirectory = { path = '.' }\n"));
        assertEquals("pylock.toml: packages[0].wheels[0].hashes: at least one hash is required",
                error("pylock.toml", "lock-version = '1.0'\ncreated-by = 'x'\n[[packages]]\nname = 'a'\nwheels = [{ url = 'https://x/a-1-py3-none-any.whl' }]\n"));
        assertEquals("pylock.toml: packages[0].wheels[0].name: 'b-1-py3-none-any.whl' is not a file of a",
                error("pylock.toml", "lock-version = '1.0'\ncreated-by = 'x'\n[[packages]]\nname = 'a'\n"
                        + "wheels = [{ url = 'https://x/b-1-py3-none-any.whl', hashes = { sha256 = 'ab' } }]\n"));
        assertEquals("pylock.toml: packages[0].marker: marker 'sys_platform = \"linux\"': at column 14: expected a comparison operator",
                error("pylock.toml", "lock-version = '1.0'\ncreated-by = 'x'\n[[packages]]\nname = 'a'\nmarker = 'sys_platform = \"linux\"'\n"
                        + "directory = { path = '.' }\n"));
        assertEquals("pylock.toml:2:1: not valid TOML: expected a key", error("pylock.toml", "lock-version = '1.0'\n= 1\n").replaceAll(":[^:]*$", ": expected a key"));
        assertEquals("uv.lock: version: uv.lock version 2 is not read (version 1 is)", error("uv.lock", "version = 2\n"));
        assertEquals("uv.lock: package[0].name: missing (a string is required)", error("uv.lock", "version = 1\n[[package]]\nversion = '1'\n"));
        assertEquals("report.json:1:12: not valid JSON: JSON syntax error: Unexpected end-of-input within/between Object entries",
                error("report.json", "{\"version\":").replaceAll("\\s+$", ""));
        assertEquals("report.json: install[0].download_info: missing",
                error("report.json", "{\"version\": \"1\", \"install\": [{\"metadata\": {\"name\": \"a\"}}]}"));
    }

    private static String error(String name, String text) {
        return assertThrows(InputException.class, () -> LockReader.read(name, text)).getMessage();
    }

    @Test
    void hostileInputIsRefusedInOneLine() {
        String deep = "(".repeat(100_000) + "os_name == 'nt'" + ")".repeat(100_000);
        assertEquals("pylock.toml: packages[0].marker: marker '" + deep.substring(0, 20) + "...': at column 65: "
                + "parentheses nested deeper than 64",
                error("pylock.toml", "lock-version = '1.0'\ncreated-by = 'x'\n[[packages]]\nname = 'a'\nmarker = \"" + deep
                        + "\"\ndirectory = { path = '.' }\n"));
        String huge = "#".repeat(LockReader.MAX_CHARS + 1);
        assertEquals("uv.lock: larger than 32 MiB; not read as a lock file", error("uv.lock", huge));
    }
}
