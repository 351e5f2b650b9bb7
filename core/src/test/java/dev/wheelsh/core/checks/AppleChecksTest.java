package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.macho.MachOFile;
import dev.wheelsh.core.tags.PlatformTag;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules the macOS checks apply, one by one (delocate's where it has one; docs/baselines.md). */
class AppleChecksTest {

    @Test
    void theFatFormatsNeedTheirArchitectures() {
        assertEquals(List.of("x86_64", "arm64"), AppleChecks.arches("universal2"));
        assertEquals(List.of("x86_64", "i386"), AppleChecks.arches("intel"));
        assertEquals(List.of("arm64"), AppleChecks.arches("arm64"));
    }

    @Test
    void fromMacosElevenTheTagVersionIsTheMajorVersion() {
        assertArrayEquals(new int[] {10, 9}, AppleChecks.tagVersion(new MachOFile.Version(10, 9, 2)));
        assertArrayEquals(new int[] {11, 0}, AppleChecks.tagVersion(new MachOFile.Version(11, 3, 0)));
        assertArrayEquals(new int[] {14, 0}, AppleChecks.tagVersion(new MachOFile.Version(14, 2, 0)));
    }

    @Test
    void pathsInsideTheWheelResolveAndNeverLeaveIt() {
        assertEquals("pkg/.dylibs/libz.dylib", AppleChecks.join("pkg", ".dylibs/libz.dylib"));
        assertEquals("pkg.libs/libz.dylib", AppleChecks.join("pkg/sub", "../../pkg.libs/./libz.dylib"));
        assertNull(AppleChecks.join("pkg", "../../etc/libz.dylib"));
    }

    @Test
    void theSystemIsUsrLibAndSystemAsForDelocate() {
        Set<String> none = Set.of();
        assertEquals(Optional.empty(), AppleChecks.unresolved("m.so", "/usr/lib/libSystem.B.dylib", List.of(), none));
        assertEquals(Optional.empty(), AppleChecks.unresolved("m.so", "/System/Library/Frameworks/Foundation.framework/Foundation",
                List.of(), none));
        assertTrue(AppleChecks.unresolved("m.so", "/usr/local/lib/libomp.dylib", List.of(), none).isPresent());
        assertTrue(AppleChecks.unresolved("m.so", "@executable_path/libpython3.12.dylib", List.of(), none).isPresent());
        assertEquals(Optional.of("@rpath/libz.dylib (the member names no rpath)"), AppleChecks.unresolved("p/m.so", "@rpath/libz.dylib",
                List.of(), Set.of("p/libz.dylib")));
        assertEquals(Optional.empty(), AppleChecks.unresolved("p/m.so", "@rpath/libz.dylib", List.of("@loader_path"), Set.of("p/libz.dylib")));
    }

    @Test
    void arm64MacsAreNeverOlderThanEleven() {
        List<PlatformTag.MacOs> tags = List.of((PlatformTag.MacOs) PlatformTag.parse("macosx_10_9_universal2"));
        assertArrayEquals(new int[] {10, 9}, AppleChecks.floor(tags, "x86_64").orElseThrow());
        assertArrayEquals(new int[] {11, 0}, AppleChecks.floor(tags, "arm64").orElseThrow());
        assertTrue(AppleChecks.floor(tags, "i386").isEmpty());
    }
}
