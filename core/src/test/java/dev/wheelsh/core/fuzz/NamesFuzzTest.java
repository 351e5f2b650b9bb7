package dev.wheelsh.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.SdistFilename;
import dev.wheelsh.core.tags.SpecifierSet;
import dev.wheelsh.core.tags.TagSet;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.tags.WheelFilename;

/**
 * The parsers of what a user types or an index lists: wheel and sdist filenames (under both
 * packaging releases' rules), tag sets, versions and specifiers, and target specs.
 */
class NamesFuzzTest {

    @FuzzTest
    void filename(byte[] data) {
        String name = Refusal.text(data);
        for (PackagingRelease release : PackagingRelease.values()) {
            Refusal.atMostOneLine(() -> WheelFilename.parse(name, true, release).render());
            Refusal.atMostOneLine(() -> WheelFilename.parse(name, false, release).render());
            Refusal.atMostOneLine(() -> SdistFilename.parse(name, release));
        }
    }

    @FuzzTest
    void tagSet(byte[] data) {
        String text = Refusal.text(data);
        Refusal.atMostOneLine(() -> TagSet.parse(text, true).compressed());
        Refusal.atMostOneLine(() -> TagSet.parse(text, false).compressed());
        Refusal.atMostOneLine(() -> Version.parse(text));
        Refusal.atMostOneLine(() -> SpecifierSet.parse(text));
    }

    @FuzzTest
    void target(byte[] data) {
        Refusal.atMostOneLine(() -> TargetSpec.format(TargetSpec.parse(Refusal.text(data))));
    }
}
