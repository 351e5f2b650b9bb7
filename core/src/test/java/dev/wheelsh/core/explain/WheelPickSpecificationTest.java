package dev.wheelsh.core.explain;

import java.util.Map;
import dev.wheelsh.core.tags.SpecifierSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.wheel.IndexPage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How pip chooses among wheels, as pick reproduces it offline. */
class WheelPickSpecificationTest {

    private static WheelPick.Choice only(List<String> names, String target) throws Exception {
        Target t = TargetSpec.parse(target);
        List<WheelPick.Choice> choices = WheelPick.choose(names, t).choices();
        assertEquals(1, choices.size());
        return choices.get(0);
    }

    @Test
    void theNewestVersionWithACompatibleWheelWins() throws Exception {
        WheelPick.Choice c = only(List.of(
                "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl",
                "numpy-2.2.3-cp313-cp313-manylinux_2_38_loongarch64.whl",
                "numpy-2.2.2-cp313-cp313-manylinux_2_36_loongarch64.whl"), "cp313-glibc2.38-loongarch64");
        assertEquals("numpy-2.2.3-cp313-cp313-manylinux_2_38_loongarch64.whl", c.chosenWheel().orElseThrow().render());
    }

    @Test
    void withinAVersionTheMorePreferredTagWins() throws Exception {
        WheelPick.Choice c = only(List.of(
                "orjson-3.10.12-cp312-abi3-manylinux_2_17_x86_64.whl",
                "orjson-3.10.12-cp312-cp312-manylinux_2_17_x86_64.whl",
                "orjson-3.10.12-py3-none-any.whl"), "cp312-glibc2.36-x86_64");
        assertEquals("cp312-cp312-manylinux_2_17_x86_64", c.matchedTag().orElseThrow().toString());
    }

    @Test
    void onATieTheHigherBuildTagWins() throws Exception {
        WheelPick.Choice c = only(List.of(
                "foo-1.0-1-cp313-cp313-linux_loongarch64.whl",
                "foo-1.0-10-cp313-cp313-linux_loongarch64.whl",
                "foo-1.0-2abc-cp313-cp313-linux_loongarch64.whl"), "cp313-glibc2.38-loongarch64");
        assertEquals("10", c.chosenWheel().orElseThrow().build().orElseThrow().toString());
    }

    @Test
    void aBetterTagBeatsAHigherBuildTag() throws Exception {
        WheelPick.Choice c = only(List.of(
                "foo-1.0-9-cp313-cp313-linux_loongarch64.whl",
                "foo-1.0-1-cp313-cp313-manylinux_2_38_loongarch64.whl"), "cp313-glibc2.38-loongarch64");
        assertEquals("1", c.chosenWheel().orElseThrow().build().orElseThrow().toString());
    }

    @Test
    void whenNothingFitsTheClosestMissSaysWhy() throws Exception {
        WheelPick.Choice c = only(List.of(
                "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl",
                "numpy-2.2.4-cp310-cp310-manylinux_2_39_loongarch64.whl"), "cp310-glibc2.38-loongarch64");
        assertTrue(c.chosen().isEmpty());
        assertEquals(InstallVerdict.Component.LIBC_VERSION, c.closestMiss().orElseThrow().component());
        assertEquals("numpy-2.2.4-cp310-cp310-manylinux_2_39_loongarch64.whl", c.closestWheel().orElseThrow().render());
    }

    @Test
    void projectsAreGroupedByCanonicalNameAndBadNamesAreSkippedWithAReason() throws Exception {
        WheelPick.Result r = WheelPick.choose(List.of("Foo_Bar-1.0-py3-none-any.whl", "foo.bar-1.1-py3-none-any.whl",
                "not a wheel.whl", "foo-1.0.tar.gz"), TargetSpec.parse("cp312-glibc2.36-x86_64"));
        assertEquals(1, r.choices().size());
        assertEquals("1.1", r.choices().get(0).chosenWheel().orElseThrow().version().toString());
        assertEquals(1, r.skipped().size());
    }

    @Test
    void aPep503PageListsItsAnchorsAndAPep691PageItsFiles() throws Exception {
        String html = "<!DOCTYPE html><html><body>\n"
                + "<a href=\"https://files.example/numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl#sha256=00\">"
                + "numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl</a><br/>\n"
                + "<a href=\"../../x/numpy-2.2.4.tar.gz#sha256=11\" data-requires-python=\"&gt;=3.10\">numpy-2.2.4.tar.gz</a>\n"
                + "<A HREF='/p/numpy-2.2.3-cp313-cp313-linux_loongarch64.whl'>download</A></body></html>";
        assertEquals(List.of("numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl", "numpy-2.2.4.tar.gz",
                "numpy-2.2.3-cp313-cp313-linux_loongarch64.whl"), IndexPage.filenames("page.html", html));
        String json = "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"numpy\", \"files\": ["
                + "{\"filename\": \"numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl\", \"url\": \"x\", \"hashes\": {}}]}";
        assertEquals(List.of("numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl"), IndexPage.filenames("page.json", json));
    }

    private static IndexPage.File file(String name) {
        return IndexPage.File.named(name);
    }

    private static IndexPage.File requiring(String name, String requiresPython) {
        return new IndexPage.File(name, Optional.of(requiresPython), false, "");
    }

    private static IndexPage.File yanked(String name) {
        return new IndexPage.File(name, Optional.empty(), true, "broken");
    }

    private static WheelPick.Choice pip(String target, WheelPick.Options options, IndexPage.File... files) throws Exception {
        List<WheelPick.Choice> choices = WheelPick.choose(List.of(files), TargetSpec.parse(target), options).choices();
        assertEquals(1, choices.size());
        return choices.get(0);
    }

    private static String chosen(WheelPick.Choice c) {
        return c.chosen().map(WheelPick.Candidate::filename).orElse("nothing");
    }

    @Test
    void pipBuildsTheNewerSdistWhenNoWheelOfThatVersionFitsAndSaysWhy() throws Exception {
        WheelPick.Choice c = pip("cp312-glibc2.38-loongarch64", WheelPick.Options.DEFAULT,
                file("numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.whl"), file("numpy-2.2.4.tar.gz"),
                file("numpy-2.2.2-cp312-cp312-manylinux_2_36_loongarch64.whl"));
        assertEquals("numpy-2.2.4.tar.gz", chosen(c));
        assertTrue(c.buildsFromSource());
        assertEquals("numpy-2.2.2-cp312-cp312-manylinux_2_36_loongarch64.whl", c.newestWheel().orElseThrow().filename());
        assertEquals("pip builds numpy 2.2.4 from numpy-2.2.4.tar.gz: no 2.2.4 wheel fits (closest: "
                + "numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.whl, the arch: " + c.closestMiss().orElseThrow().reason()
                + "); the newest wheel that would install is numpy-2.2.2-cp312-cp312-manylinux_2_36_loongarch64.whl; "
                + "with --only-binary :all: pip takes it", c.sentence());
    }

    @Test
    void withOnlyBinaryAllTheSdistIsNoCandidateAndWithPreferBinaryAnOlderWheelWins() throws Exception {
        IndexPage.File[] files = {file("numpy-2.2.4.tar.gz"), file("numpy-2.2.2-cp312-cp312-manylinux_2_36_loongarch64.whl")};
        WheelPick.Options onlyBinary = WheelPick.Options.DEFAULT.withFormats(FormatControl.DEFAULT.withOnlyBinary(":all:"));
        WheelPick.Options preferBinary = new WheelPick.Options(false, true, FormatControl.DEFAULT, Optional.empty());
        assertEquals("numpy-2.2.2-cp312-cp312-manylinux_2_36_loongarch64.whl", chosen(pip("cp312-glibc2.38-loongarch64", onlyBinary, files)));
        assertEquals("numpy-2.2.2-cp312-cp312-manylinux_2_36_loongarch64.whl", chosen(pip("cp312-glibc2.38-loongarch64", preferBinary, files)));
        WheelPick.Choice none = pip("cp312-glibc2.38-x86_64", onlyBinary, files);
        assertEquals("nothing", chosen(none));
        assertTrue(none.sentence().startsWith("pip finds nothing for numpy: no wheel fits"), none.sentence());
    }

    @Test
    void noBinaryForOneProjectMakesPipBuildEvenWhenAWheelFits() throws Exception {
        WheelPick.Options noBinary = WheelPick.Options.DEFAULT.withFormats(FormatControl.DEFAULT.withNoBinary("NumPy"));
        WheelPick.Choice c = pip("cp312-glibc2.38-x86_64", noBinary,
                file("numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.whl"), file("numpy-2.2.4.tar.gz"));
        assertEquals("numpy-2.2.4.tar.gz", chosen(c));
        assertEquals(WheelPick.Reason.NO_BINARIES, c.rejected().get(0).reason());
    }

    @Test
    void aNamedProjectWinsOverAllAndNoneClearsAsPipsFormatControlDoes() {
        FormatControl f = FormatControl.DEFAULT.withNoBinary(":all:").withOnlyBinary("numpy");
        assertEquals(Set.of(FormatControl.Format.BINARY), f.allowed("numpy"));
        assertEquals(Set.of(FormatControl.Format.SOURCE), f.allowed("scipy"));
        assertEquals(Set.of(FormatControl.Format.BINARY, FormatControl.Format.SOURCE),
                FormatControl.DEFAULT.withOnlyBinary(":all:").withOnlyBinary(":none:").allowed("numpy"));
        // ":all:" then ":none:" in one value: the names after :none: still count.
        assertEquals(Set.of(FormatControl.Format.SOURCE),
                FormatControl.DEFAULT.withNoBinary(":all:,:none:,lxml").allowed("lxml"));
    }

    @Test
    void requiresPythonFromTheIndexIsHeldAgainstTheFullPythonVersion() throws Exception {
        IndexPage.File[] files = {requiring("demo-3.0-py3-none-any.whl", ">=3.12"), requiring("demo-2.11-py3-none-any.whl", ">=3.11.5"),
                requiring("demo-2.10.tar.gz", ">=3.8")};
        assertEquals("demo-2.10.tar.gz", chosen(pip("cp311-glibc2.36-x86_64", WheelPick.Options.DEFAULT, files)));
        WheelPick.Options full = new WheelPick.Options(false, false, FormatControl.DEFAULT, Optional.of(Version.parse("3.11.7")));
        assertEquals("demo-2.11-py3-none-any.whl", chosen(pip("cp311-glibc2.36-x86_64", full, files)));
        WheelPick.Choice c = pip("cp311-glibc2.36-x86_64", full, files);
        assertEquals(WheelPick.Reason.REQUIRES_PYTHON, c.rejected().get(0).reason());
        assertEquals("3.0 requires Python >=3.12, not 3.11.7", c.rejected().get(0).detail());
    }

    @Test
    void aRequiresPythonThatDoesNotParseIsIgnoredWithAWarningAsPipIgnoresIt() throws Exception {
        WheelPick.Choice c = pip("cp311-glibc2.36-x86_64", WheelPick.Options.DEFAULT, requiring("demo-3.0-py3-none-any.whl", ">=3.6.*"));
        assertEquals("demo-3.0-py3-none-any.whl", chosen(c));
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("'>=3.6.*' does not parse"), c.warnings().get(0));
    }

    @Test
    void yankedFilesAreSkippedButStillCountAgainstPreReleases() throws Exception {
        assertEquals("yankee-1.1-py3-none-any.whl", chosen(pip("cp312-glibc2.36-x86_64", WheelPick.Options.DEFAULT,
                yanked("yankee-1.2-py3-none-any.whl"), file("yankee-1.1-py3-none-any.whl"))));
        WheelPick.Choice built = pip("cp312-glibc2.36-x86_64", WheelPick.Options.DEFAULT,
                yanked("yankee-1.2-py3-none-any.whl"), file("yankee-1.2.tar.gz"), file("yankee-1.1-py3-none-any.whl"));
        assertEquals("pip builds yankee 1.2 from yankee-1.2.tar.gz: no 1.2 wheel pip may take (yankee-1.2-py3-none-any.whl: "
                + "yanked (broken); pip install takes a yanked file only for a == pin); the newest wheel that would install "
                + "is yankee-1.1-py3-none-any.whl; with --only-binary :all: pip takes it", built.sentence());
        // The final 1.0 is yanked: it still keeps the pre-release out, so pip finds nothing.
        WheelPick.Choice c = pip("cp312-glibc2.36-x86_64", WheelPick.Options.DEFAULT,
                yanked("yankfinal-1.0.tar.gz"), file("yankfinal-1.1a1-py3-none-any.whl"));
        assertEquals("nothing", chosen(c));
        assertEquals(List.of(WheelPick.Reason.YANKED, WheelPick.Reason.PRERELEASE),
                c.rejected().stream().map(WheelPick.Rejected::reason).toList());
    }

    @Test
    void preReleasesAreTakenWithPreOrWhenNothingElseIsListed() throws Exception {
        IndexPage.File[] files = {file("prerel-2.0rc1-py3-none-any.whl"), file("prerel-1.9.tar.gz")};
        assertEquals("prerel-1.9.tar.gz", chosen(pip("cp312-glibc2.36-x86_64", WheelPick.Options.DEFAULT, files)));
        WheelPick.Options pre = new WheelPick.Options(true, false, FormatControl.DEFAULT, Optional.empty());
        assertEquals("prerel-2.0rc1-py3-none-any.whl", chosen(pip("cp312-glibc2.36-x86_64", pre, files)));
        assertEquals("onlypre-0.3a1.tar.gz", chosen(pip("cp312-glibc2.36-x86_64", WheelPick.Options.DEFAULT,
                file("onlypre-0.3a1.tar.gz"), file("onlypre-0.2b1-py3-none-any.whl"))));
    }

    @Test
    void withinAVersionAnyFittingWheelBeatsTheSdistAndOnATieTheLaterListedFileWins() throws Exception {
        assertEquals("stable-4.1-cp39-abi3-manylinux_2_17_x86_64.whl", chosen(pip("cp313-glibc2.36-x86_64", WheelPick.Options.DEFAULT,
                file("stable-4.1.tar.gz"), file("stable-4.1-cp39-abi3-manylinux_2_17_x86_64.whl"))));
        assertEquals("dragon-1.4.tar.gz", chosen(pip("cp313-glibc2.36-x86_64", WheelPick.Options.DEFAULT,
                file("dragon-1.4.zip"), file("dragon-1.4.tar.gz"))));
    }

    @Test
    void legacySdistNamesAreReadAfterTheProjectNameAndUnknownArchivesArePassedOver() throws Exception {
        WheelPick.Choice c = pip("cp312-glibc2.36-x86_64", WheelPick.Options.DEFAULT,
                file("Legacy.Name-1.0.zip"), file("legacy_name-1.1.tgz"), file("legacy-name-1.3.TAR.GZ"));
        assertEquals("legacy_name-1.1.tgz", chosen(c));
        // pip compares the suffix as written: ".TAR.GZ" is no archive format it knows.
        assertEquals(WheelPick.Reason.UNSUPPORTED_ARCHIVE, c.rejected().get(0).reason());
    }

    @Test
    void aPageCarriesRequiresPythonAndYankedAsPipReadsThem() throws Exception {
        String html = "<a href=\"x/a-1.0.tar.gz\" data-requires-python=\"&gt;=3.10,&lt;4\" data-yanked=\"bad build\">a-1.0.tar.gz</a>"
                + "<a href='x/a-1.1.tar.gz' data-yanked>a-1.1.tar.gz</a><a href=x/a-1.2.tar.gz data-yanked=\"\">a-1.2.tar.gz</a>";
        List<IndexPage.File> files = IndexPage.files("page.html", html);
        assertEquals(new IndexPage.File("a-1.0.tar.gz", Optional.of(">=3.10,<4"), true, "bad build"), files.get(0));
        // A bare data-yanked has no value for Python's HTMLParser, so pip does not take it as yanked.
        assertEquals(IndexPage.File.named("a-1.1.tar.gz"), files.get(1));
        assertEquals(new IndexPage.File("a-1.2.tar.gz", Optional.empty(), true, ""), files.get(2));
        String json = "{\"files\": [{\"filename\": \"a-1.0.tar.gz\", \"requires-python\": \">=3.9\", \"yanked\": \"why\"},"
                + "{\"filename\": \"a-1.1.tar.gz\", \"requires-python\": null, \"yanked\": false}]}";
        assertEquals(List.of(new IndexPage.File("a-1.0.tar.gz", Optional.of(">=3.9"), true, "why"), IndexPage.File.named("a-1.1.tar.gz")),
                IndexPage.files("page.json", json));
    }

    @Test
    void aPageThatIsNeitherHtmlNorJsonIsRefusedInOneLine() {
        InputException e = assertThrows(InputException.class, () -> IndexPage.files("simple/numpy/index.html", "numpy 2.2.4"));
        assertEquals("simple/numpy/index.html: not a simple-index page (neither HTML nor PEP 691 JSON)", e.getMessage());
    }

    @Test
    void underPackaging263ANativeLinuxWheelBeatsAManylinuxOneOfTheSameVersion() throws Exception {
        IndexPage.File[] files = {file("dragon-1.4-cp312-cp312-manylinux_2_36_loongarch64.whl"),
                file("dragon-1.4-cp312-cp312-linux_loongarch64.whl")};
        WheelPick.Options v263 = new WheelPick.Options(false, false, FormatControl.DEFAULT, Optional.empty(),
                PackagingRelease.V26_3);
        assertEquals("dragon-1.4-cp312-cp312-manylinux_2_36_loongarch64.whl",
                chosen(pip("cp312-glibc2.38-loongarch64", WheelPick.Options.DEFAULT, files)));
        assertEquals("dragon-1.4-cp312-cp312-linux_loongarch64.whl", chosen(pip("cp312-glibc2.38-loongarch64", v263, files)));
    }

    @Test
    void underPackaging263AWheelNameWithAnEmptyTagMemberIsPassedOver() throws Exception {
        WheelPick.Options v263 = new WheelPick.Options(false, false, FormatControl.DEFAULT, Optional.empty(),
                PackagingRelease.V26_3);
        WheelPick.Choice c = pip("cp312-glibc2.38-x86_64", v263, file("foo-1.0-py3.-none-any.whl"), file("foo-0.9.tar.gz"));
        assertEquals("foo-0.9.tar.gz", chosen(c));
        assertEquals(WheelPick.Reason.INVALID_NAME, c.rejected().get(0).reason());
        assertEquals("foo-1.0-py3.-none-any.whl", chosen(pip("cp312-glibc2.38-x86_64", WheelPick.Options.DEFAULT,
                file("foo-1.0-py3.-none-any.whl"), file("foo-0.9.tar.gz"))));
    }

    @Test
    void checksChoiceAmongBuiltWheelsFollowsThePackagingRelease() throws Exception {
        List<String> built = List.of("demo-1.0-cp313-cp313-linux_x86_64.whl", "demo-1.0-cp313-cp313-manylinux_2_17_x86_64.whl");
        Target t = TargetSpec.parse("cp313-glibc2.38-x86_64");
        assertEquals("demo-1.0-cp313-cp313-manylinux_2_17_x86_64.whl",
                WheelPick.choose(built, t, PackagingRelease.V26_2).choices().get(0).chosen().orElseThrow().filename());
        assertEquals("demo-1.0-cp313-cp313-linux_x86_64.whl",
                WheelPick.choose(built, t, PackagingRelease.V26_3).choices().get(0).chosen().orElseThrow().filename());
    }

    @Test
    void aRequirementLimitsTheVersionsAndItsMissWordsToThem() throws Exception {
        List<IndexPage.File> files = List.of(IndexPage.File.named("demo-2.0-py3-none-any.whl"),
                IndexPage.File.named("demo-2.0-cp313-cp313-win_amd64.whl"),
                IndexPage.File.named("demo-1.0-cp313-cp313-macosx_14_0_arm64.whl"), IndexPage.File.named("demo-1.0.tar.gz"));
        Target t = TargetSpec.parse("cp313-glibc2.38-x86_64");
        WheelPick.Options pinned = WheelPick.Options.DEFAULT.withRequirements(Map.of("demo", SpecifierSet.parse("==1.0")));
        WheelPick.Choice c = WheelPick.chooseFor("demo", files, TagRanking.of(t), pinned);
        assertEquals("demo-1.0.tar.gz", c.chosen().orElseThrow().filename());
        assertEquals("demo-1.0-cp313-cp313-macosx_14_0_arm64.whl", c.closestWheel().orElseThrow().render());
        assertEquals(WheelPick.Reason.NOT_REQUESTED, c.rejected().stream()
                .filter(r -> r.filename().equals("demo-2.0-py3-none-any.whl")).findFirst().orElseThrow().reason());
    }
}
