package dev.wheelsh.core.tags;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The engine against the committed golden files generated from packaging 26 by
 * scripts/golden/generate_tags.py: these run everywhere, with or without Python.
 */
class PackagingGoldenTest {

    private static Path goldenDir() throws URISyntaxException {
        return Path.of(PackagingGoldenTest.class.getResource("golden/tags.golden.json").toURI()).getParent();
    }

    @Test
    void tagListsEqualPackagingForEveryTargetInOrder() throws Exception {
        int targets = PackagingGolden.assertTagsEqual(goldenDir());
        assertTrue(targets >= 30, "at least 30 targets, found " + targets);
    }

    @Test
    void wheelFilenamesAreAcceptedAndParsedAsPackagingDoes() throws Exception {
        int names = PackagingGolden.assertWheelFilenamesEqual(goldenDir());
        assertTrue(names >= 300, "at least 300 filenames, found " + names);
    }

    @Test
    void sdistFilenamesAreAcceptedAndParsedAsPackagingDoes() throws Exception {
        assertTrue(PackagingGolden.assertSdistFilenamesEqual(goldenDir()) > 10);
    }
}
