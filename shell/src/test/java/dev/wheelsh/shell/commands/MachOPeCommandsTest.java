package dev.wheelsh.shell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.shell.NativeImages;
import dev.wheelsh.shell.TestRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code elf} on Mach-O and PE files, and {@code show} and {@code check} on macOS and Windows wheels. */
class MachOPeCommandsTest {

    @TempDir
    Path dir;

    private Path wheel(String filename, String member, byte[] content) throws IOException {
        Path whl = dir.resolve(filename);
        String tag = filename.substring(0, filename.length() - 4).split("-", 3)[2];
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(whl))) {
            zip.putNextEntry(new ZipEntry("foo-1.0.dist-info/WHEEL"));
            zip.write(("Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: " + tag + "\n").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(member));
            zip.write(content);
        }
        return whl;
    }

    @Test
    void elfShowsAMachOLibrarysSliceMinimumAndLibraries() throws IOException {
        Path lib = Files.write(dir.resolve("libdemo.dylib"), NativeImages.machO(NativeImages.X86_64, 13, 0,
                List.of("/usr/lib/libSystem.B.dylib")));
        TestRuns.Run r = TestRuns.runCommand("elf", lib.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(String.join("\n", lib.toString(),
                "  format         Mach-O (x86_64)",
                "  minimum        macos 13.0 (LC_BUILD_VERSION)",
                "  loads          /usr/lib/libSystem.B.dylib", ""), r.out());
    }

    @Test
    void elfShowsAPeMembersMachineAndImports() throws IOException {
        Path whl = wheel("foo-1.0-cp312-cp312-win_amd64.whl", "foo/_x.pyd", NativeImages.pe(List.of("python312.dll", "KERNEL32.dll")));
        TestRuns.Run r = TestRuns.runCommand("elf", whl + "!foo/_x.pyd");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  machine        x64 (IMAGE_FILE_MACHINE_AMD64) (win_amd64), PE32+, DLL"), r.out());
        assertTrue(r.out().contains("  imports        python312.dll, KERNEL32.dll"), r.out());
    }

    @Test
    void aTruncatedMachOIsOneLineAndExitTwo() throws IOException {
        byte[] full = NativeImages.machO(NativeImages.ARM64, 11, 0, List.of("/usr/lib/libSystem.B.dylib"));
        Path lib = Files.write(dir.resolve("libcut.dylib"), Arrays.copyOf(full, 40));
        TestRuns.Run r = TestRuns.runCommand("elf", lib.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("libcut.dylib: ") && r.err().contains("load commands"), r.err());
    }

    @Test
    void explainOnAnIosTargetSaysWhetherTheDeviceLoadsTheCode() throws IOException {
        Path whl = wheel("foo-1.0-cp313-cp313-ios_13_0_arm64_iphoneos.whl", "foo/_x.cpython-313-iphoneos.so",
                NativeImages.machO(NativeImages.ARM64, NativeImages.IOS, 13, 0, List.of("/usr/lib/libSystem.B.dylib")));
        TestRuns.Run ok = TestRuns.runCommand("explain", whl.toString(), "--target", "cp313-ios17.2-arm64_iphoneos");
        assertEquals(0, ok.status(), ok.out() + ok.err());
        assertFalse(ok.out().contains("WH32"), ok.out());
        TestRuns.Run old = TestRuns.runCommand("explain", whl.toString(), "--target", "cp313-ios12.4-arm64_iphoneos");
        assertEquals(1, old.status(), old.out() + old.err());
        assertTrue(old.out().contains("WH328") && old.out().contains("needs iOS 13.0"), old.out());
        TestRuns.Run simulator = TestRuns.runCommand("explain", whl.toString(), "--target", "cp313-ios17.2-arm64_iphonesimulator");
        assertEquals(1, simulator.status(), simulator.out() + simulator.err());
    }

    @Test
    void showListsMachOMembersAndJudgesThemAgainstTheTag() throws IOException {
        Path whl = wheel("foo-1.0-cp312-cp312-macosx_10_9_x86_64.whl", "foo/_x.cpython-312-darwin.so",
                NativeImages.machO(NativeImages.X86_64, 13, 0, List.of("/usr/lib/libSystem.B.dylib")));
        TestRuns.Run r = TestRuns.runCommand("show", whl.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("    foo/_x.cpython-312-darwin.so  Mach-O x86_64 macos 13.0"), r.out());
        assertTrue(r.out().contains("WH320"), r.out());
        assertTrue(r.out().contains("consistent with macosx_13_0_x86_64"), r.out());
        assertFalse(r.out().contains("pure Python"), r.out());
    }

    @Test
    void checkReportsTheSameVerdictAsShow() throws IOException {
        Path whl = wheel("foo-1.0-cp311-abi3-win_amd64.whl", "foo/_x.pyd", NativeImages.pe(List.of("python311.dll")));
        TestRuns.Run r = TestRuns.runCommand("check", whl.toString(), "--target", "cp312-windows-amd64");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("WH325"), r.out());
    }
}
