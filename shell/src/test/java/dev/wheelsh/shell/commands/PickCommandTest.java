package dev.wheelsh.shell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.shell.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pick in the shell: pip's choice from a saved index tree, in words and as JSON, with pip's options. */
class PickCommandTest {

    private static Path index(Path dir) throws Exception {
        Path numpy = Files.createDirectories(dir.resolve("simple/numpy"));
        Files.writeString(numpy.resolve("index.html"), "<!DOCTYPE html><html><body>\n"
                + "<a href=\"../../f/numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.whl\" data-requires-python=\"&gt;=3.10\">"
                + "numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.whl</a>\n"
                + "<a href=\"../../f/numpy-2.2.4.tar.gz\" data-requires-python=\"&gt;=3.10\">numpy-2.2.4.tar.gz</a>\n"
                + "<a href=\"../../f/scipy-1.15.0-cp312-cp312-manylinux_2_38_loongarch64.whl\">scipy-1.15.0-cp312-cp312-manylinux_2_38_loongarch64.whl</a>\n"
                + "</body></html>\n");
        Path demo = Files.createDirectories(dir.resolve("simple/demo"));
        Files.writeString(demo.resolve("index.json"), "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"demo\", \"files\": ["
                + "{\"filename\": \"demo-3.0-py3-none-any.whl\", \"url\": \"x\", \"hashes\": {}, \"requires-python\": \">=3.13\"},"
                + "{\"filename\": \"demo-2.10.tar.gz\", \"url\": \"x\", \"hashes\": {}, \"requires-python\": \">=3.8\"}]}");
        return dir.resolve("simple");
    }

    @Test
    void onLoongarch64PipBuildsNumpyFromItsSdistAndSaysWhy(@TempDir Path dir) throws Exception {
        TestRuns.Run r = TestRuns.run("pick", index(dir).toString(), "--target", "cp312-glibc2.38-loongarch64");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("numpy: pip builds numpy 2.2.4 from numpy-2.2.4.tar.gz: no 2.2.4 wheel fits (closest: "
                + "numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.whl, the arch"), r.out());
        assertTrue(r.out().contains("with --only-binary :all: pip finds nothing"), r.out());
        // The scipy wheel is listed on numpy's page: pip, asking for numpy, passes it over.
        assertTrue(!r.out().contains("scipy:"), r.out());
    }

    @Test
    void requiresPythonFromAPep691PageAndOnlyBinaryAllAsJson(@TempDir Path dir) throws Exception {
        TestRuns.Run r = TestRuns.run("pick", index(dir).toString(), "--target", "cp312-glibc2.36-x86_64",
                "--only-binary", ":all:", "--json");
        assertEquals(1, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode demo = doc.get("projects").get(0);
        assertEquals("demo", demo.get("project").asText());
        assertTrue(demo.get("file") == null, demo.toString());
        assertEquals("requires_python", demo.get("passed_over").get(0).get("reason").asText());
        assertEquals("no_sources", demo.get("passed_over").get(1).get("reason").asText());
        JsonNode numpy = doc.get("projects").get(1);
        assertEquals("wheel", numpy.get("kind").asText());
        assertEquals("numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.whl", numpy.get("file").asText());
    }

    @Test
    void aBinaryOptionWithoutAValueIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        TestRuns.Run r = TestRuns.run("pick", index(dir).toString(), "--only-binary", "--json");
        assertEquals(2, r.status(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void tagsUnderPackaging263PutTheNativeLinuxTagFirst() {
        TestRuns.Run v262 = TestRuns.run("tags", "--python", "3.12", "--arch", "loongarch64", "--glibc", "2.38");
        TestRuns.Run v263 = TestRuns.run("tags", "--python", "3.12", "--arch", "loongarch64", "--glibc", "2.38",
                "--packaging", "26.3");
        assertEquals(0, v263.status(), v263.err());
        assertEquals("cp312-cp312-manylinux_2_38_loongarch64", v262.out().lines().skip(1).findFirst().orElseThrow());
        assertEquals("cp312-cp312-linux_loongarch64", v263.out().lines().skip(1).findFirst().orElseThrow());
        assertEquals(v262.out().lines().count(), v263.out().lines().count());
    }

    @Test
    void aPackagingReleaseWheelshDoesNotKnowIsOneLineAndExitTwo() {
        TestRuns.Run r = TestRuns.run("tags", "--python", "3.12", "--arch", "x86_64", "--glibc", "2.38", "--packaging", "25.0");
        assertEquals(2, r.status(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("26.2, 26.3"), r.err());
    }

    @Test
    void anIndexPageThatIsNeitherHtmlNorJsonIsOneLineNamingItAndExitTwo(@TempDir Path dir) throws Exception {
        Path page = Files.createDirectories(dir.resolve("simple/numpy")).resolve("index.html");
        Files.writeString(page, "numpy-2.2.4.tar.gz\n");
        TestRuns.Run r = TestRuns.run("pick", dir.resolve("simple").toString(), "--target", "cp312-glibc2.38-x86_64");
        assertEquals(2, r.status(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(page + ": not a simple-index page"), r.err());
    }

    @Test
    void aRequiresPythonThatDoesNotParseIsNamedOnStderrAndIgnoredAsPipIgnoresIt(@TempDir Path dir) throws Exception {
        Path page = Files.createDirectories(dir.resolve("simple/demo")).resolve("index.html");
        Files.writeString(page, "<a href=\"demo-1.0.tar.gz\" data-requires-python=\"&gt;=3.6.*\">demo-1.0.tar.gz</a>\n");
        TestRuns.Run r = TestRuns.run("pick", dir.resolve("simple").toString(), "--target", "cp312-glibc2.38-x86_64");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("demo: pip builds demo 1.0 from demo-1.0.tar.gz"), r.out());
        assertTrue(r.err().contains("demo-1.0.tar.gz: requires-python '>=3.6.*' does not parse"), r.err());
    }

    @Test
    void pipReleasesMapToTheirPackagingAndDisagreementIsOneLine() {
        TestRuns.Run main = TestRuns.run("tags", "--python", "3.12", "--arch", "loongarch64", "--glibc", "2.38", "--pip", "26.3.dev0");
        assertEquals("cp312-cp312-linux_loongarch64", main.out().lines().skip(1).findFirst().orElseThrow(), main.err());
        TestRuns.Run both = TestRuns.run("tags", "--python", "3.12", "--arch", "x86_64", "--glibc", "2.38",
                "--pip", "26.2", "--packaging", "26.3");
        assertEquals(2, both.status(), both.out());
        assertEquals("wheelsh: --packaging 26.3 and --pip 26.2 disagree: pip 26.2 vendors packaging 26.2", both.err().strip());
    }

    @Test
    void aPinTakesAYankedFileWhenNothingElseMatchesAndSaysSo(@TempDir Path dir) throws Exception {
        Path page = Files.createDirectories(dir.resolve("simple/demo")).resolve("index.html");
        Files.writeString(page, "<a href=\"demo-1.0-py3-none-any.whl\" data-yanked=\"broken\">demo-1.0-py3-none-any.whl</a>\n"
                + "<a href=\"demo-0.9-py3-none-any.whl\">demo-0.9-py3-none-any.whl</a>\n");
        TestRuns.Run bare = TestRuns.run("pick", dir.resolve("simple").toString(), "--target", "cp312-glibc2.38-x86_64");
        assertTrue(bare.out().contains("demo: pip installs demo-0.9-py3-none-any.whl"), bare.out());
        TestRuns.Run pinned = TestRuns.run("pick", dir.resolve("simple").toString(), "--target", "cp312-glibc2.38-x86_64",
                "--require", "demo==1.0");
        assertEquals(0, pinned.status(), pinned.err());
        assertTrue(pinned.out().contains("demo: pip installs demo-1.0-py3-none-any.whl"), pinned.out());
        assertTrue(pinned.err().contains("demo-1.0-py3-none-any.whl is yanked (broken); pip takes it because the requirement ==1.0 pins it"),
                pinned.err());
        TestRuns.Run range = TestRuns.run("pick", dir.resolve("simple").toString(), "--target", "cp312-glibc2.38-x86_64",
                "--require", "demo>=1.0");
        assertEquals(1, range.status(), "a range is no pin: the yanked file stays out: " + range.out());
        TestRuns.Run bad = TestRuns.run("pick", dir.resolve("simple").toString(), "--target", "cp312-glibc2.38-x86_64",
                "--require", "demo=1.0");
        assertEquals(2, bad.status(), bad.out());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    @Test
    void packagingOnExplainSimulateAndCheck(@TempDir Path dir) throws Exception {
        TestRuns.Run e262 = TestRuns.run("explain", "demo-1.0-cp313-cp313-linux_x86_64.whl", "--target", "cp313-glibc2.38-x86_64");
        TestRuns.Run e263 = TestRuns.run("explain", "demo-1.0-cp313-cp313-linux_x86_64.whl", "--target", "cp313-glibc2.38-x86_64",
                "--packaging", "26.3");
        assertTrue(e262.out().contains("(preference #38 of the target's tags)"), e262.out());
        assertTrue(e263.out().contains("(preference #1 of the target's tags)"), e263.out());
        TestRuns.Run s263 = TestRuns.run("simulate", "--target", "cp313-glibc2.38-x86_64", "--pip", "26.3.dev0");
        assertTrue(s263.out().contains("best cp313-cp313-linux_x86_64"), s263.out());
        // check's choice among built wheels is WheelPick.choose with the release (WheelPickSpecificationTest)
        TestRuns.Run badRelease = TestRuns.run("check", dir.toString(), "--target", "cp313-glibc2.38-x86_64", "--packaging", "25.0");
        assertEquals(2, badRelease.status(), badRelease.out());
    }

    @Test
    void targetsInUvsWords() {
        TestRuns.Run r = TestRuns.run("simulate", "--python-platform", "aarch64-unknown-linux-gnu", "--python", "3.12");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("CPython 3.12 on Linux aarch64, glibc 2.28  [cp312-glibc2.28-aarch64]"), r.out());
        TestRuns.Run t = TestRuns.run("-c", "target x86_64-pc-windows-msvc --python 3.13; target");
        assertTrue(t.out().contains("[cp313-windows-amd64]"), t.out());
        TestRuns.Run noPython = TestRuns.run("simulate", "--python-platform", "aarch64-unknown-linux-gnu");
        assertEquals(2, noPython.status());
        assertEquals("wheelsh: --python-platform aarch64-unknown-linux-gnu needs --python X.Y (uv takes the version from --python-version)",
                noPython.err().strip());
    }
}
