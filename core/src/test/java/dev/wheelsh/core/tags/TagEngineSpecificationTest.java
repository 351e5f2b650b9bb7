package dev.wheelsh.core.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of the tag engine, one by one, in words. */
class TagEngineSpecificationTest {

    @Nested
    class TagSets {
        @Test
        void aCompressedTagSetExpandsToTheProductOfItsParts() throws Exception {
            TagSet set = TagSet.parse("py2.py3-none-any");
            assertEquals(Set.of(new Tag("py2", "none", "any"), new Tag("py3", "none", "any")), set.tags());
        }

        @Test
        void tagsAreLowerCased() throws Exception {
            assertEquals(new Tag("cp313", "cp313", "win_amd64"), Tag.parse("CP313-cp313-Win_AMD64"));
        }

        @Test
        void sortedOrderIsCheckedOnlyWhenAskedFor() throws Exception {
            assertEquals(2, TagSet.parse("py3.py2-none-any").tags().size());
            assertThrows(UnsortedTagsException.class, () -> TagSet.parse("py3.py2-none-any", true));
        }

        @Test
        void aTagSetNeedsThreeComponents() {
            InputException e = assertThrows(InputException.class, () -> TagSet.parse("py3-none"));
            assertTrue(e.getMessage().contains("expected 3"), e.getMessage());
        }
    }

    @Nested
    class Versions {
        @Test
        void versionsAreNormalisedAsPep440Says() throws Exception {
            assertEquals("1.0rc1", Version.parse("1.0-preview-1").toString());
            assertEquals("1.0.post2.dev3", Version.parse("v1.0-2.DEV3").toString());
            assertEquals("1!2.0a0+ubuntu.1", Version.parse("1!2.0alpha+Ubuntu-1").toString());
        }

        @Test
        void versionsOrderAsPep440Says() throws Exception {
            List<String> ascending = List.of("1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0b1", "1.0rc1", "1.0",
                    "1.0+abc", "1.0+1", "1.0.post1.dev1", "1.0.post1", "1.1", "1!0.1");
            for (int i = 1; i < ascending.size(); i++) {
                Version lower = Version.parse(ascending.get(i - 1));
                Version higher = Version.parse(ascending.get(i));
                assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
            }
            assertEquals(Version.parse("1.0.0"), Version.parse("1"));
        }

        @Test
        void aVersionThatIsNotPep440IsRefused() {
            for (String bad : List.of("latest", "1..0", "1.0~rc1", "1.0+", "")) {
                assertThrows(InputException.class, () -> Version.parse(bad), bad);
            }
        }
    }

    @Nested
    class WheelFilenames {
        @Test
        void aWheelFilenameSplitsIntoItsComponents() throws Exception {
            WheelFilename w = WheelFilename.parse("Foo.Bar-1.0-2abc-cp313-cp313t-manylinux_2_38_loongarch64.whl");
            assertEquals("foo-bar", w.name());
            assertEquals("1.0", w.version().toString());
            assertEquals("2", w.build().orElseThrow().number().toString());
            assertEquals("abc", w.build().orElseThrow().suffix());
            assertEquals(Set.of(new Tag("cp313", "cp313t", "manylinux_2_38_loongarch64")), w.tags().tags());
        }

        @Test
        void theErrorNamesTheBadComponent() {
            assertMessage("foo-1.0-py3-none-any.zip", "extension must be '.whl'");
            assertMessage("foo-1.0-py3-none.whl", "expected 5");
            assertMessage("foo__bar-1.0-py3-none-any.whl", "project name 'foo__bar'");
            assertMessage("foo-latest-py3-none-any.whl", "version 'latest'");
            assertMessage("foo-1.0-abc-py3-none-any.whl", "build tag 'abc'");
        }

        private void assertMessage(String filename, String expected) {
            InputException e = assertThrows(InputException.class, () -> WheelFilename.parse(filename));
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }

    @Nested
    class Platforms {
        private final PlatformTags.LinuxSystem loongarch238 =
                new PlatformTags.LinuxSystem("loongarch64", false, Libc.glibc(2, 38), true);

        @Test
        void packagingModeListsManylinuxDownToTheGeneralFloorEvenWhereNoSystemExists() {
            List<String> tags = PlatformTags.linux(loongarch238, PlatformTags.Mode.PACKAGING);
            assertEquals("manylinux_2_38_loongarch64", tags.get(0));
            assertTrue(tags.contains("manylinux2014_loongarch64"));
            assertEquals("linux_loongarch64", tags.get(tags.size() - 1));
        }

        @Test
        void baselineDefinedModeStopsWhereGlibcGainedTheArchitecture() {
            assertEquals(List.of("manylinux_2_38_loongarch64", "manylinux_2_37_loongarch64",
                    "manylinux_2_36_loongarch64", "linux_loongarch64"),
                    PlatformTags.linux(loongarch238, PlatformTags.Mode.BASELINE_DEFINED));
        }

        @Test
        void legacyAliasesFollowTheirPep600Equals() {
            List<String> tags = PlatformTags.linux(
                    new PlatformTags.LinuxSystem("x86_64", false, Libc.glibc(2, 17), true), PlatformTags.Mode.PACKAGING);
            assertEquals(tags.indexOf("manylinux_2_17_x86_64") + 1, tags.indexOf("manylinux2014_x86_64"));
            assertEquals(tags.indexOf("manylinux_2_12_x86_64") + 1, tags.indexOf("manylinux2010_x86_64"));
            assertEquals(tags.indexOf("manylinux_2_5_x86_64") + 1, tags.indexOf("manylinux1_x86_64"));
        }

        @Test
        void aSoftFloatArmUserlandGetsNoManylinuxTags() {
            List<String> tags = PlatformTags.linux(
                    new PlatformTags.LinuxSystem("armv7l", false, Libc.glibc(2, 36), false), PlatformTags.Mode.PACKAGING);
            assertEquals(List.of("linux_armv7l"), tags);
        }

        @Test
        void a32BitUserlandOnAarch64IsArmv8lAndAlsoAcceptsArmv7l() {
            List<String> tags = PlatformTags.linux(
                    new PlatformTags.LinuxSystem("aarch64", true, Libc.musl(1, 2), true), PlatformTags.Mode.PACKAGING);
            assertEquals(List.of("musllinux_1_2_armv8l", "musllinux_1_1_armv8l", "musllinux_1_0_armv8l",
                    "musllinux_1_2_armv7l", "musllinux_1_1_armv7l", "musllinux_1_0_armv7l",
                    "linux_armv8l", "linux_armv7l"), tags);
        }
    }

    @Nested
    class Interpreters {
        @Test
        void aDebugBuildAlsoAcceptsTheNonDebugAbi() {
            assertEquals(List.of("cp313d", "cp313"), new CpythonAbi(true, false, false, false).abis(PythonVersion.of(3, 13)));
        }

        @Test
        void aFreeThreadedBuildUsesAbi3tNotAbi3() {
            List<Tag> tags = TagGenerator.cpythonTags(PythonVersion.of(3, 13), List.of("cp313t"), List.of("any"));
            assertTrue(tags.contains(new Tag("cp313", "abi3t", "any")));
            assertFalse(tags.contains(new Tag("cp313", "abi3", "any")));
        }

        @Test
        void theStableAbiReachesBackToPython32() {
            List<Tag> tags = TagGenerator.cpythonTags(PythonVersion.of(3, 13), List.of("cp313"), List.of("any"));
            assertEquals(new Tag("cp32", "abi3", "any"), tags.get(tags.size() - 1));
        }

        @Test
        void pypyTakesItsAbiFromTheExtensionSuffix() {
            assertEquals(List.of("pypy310_pp73"), InterpreterTagInputs.abiFromExtSuffix(".pypy310-pp73-x86_64-linux-gnu.so"));
        }
    }
}
