package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.macho.MachOReader;
import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.macho.TestMachO;
import dev.wheelsh.core.pe.PeFile;
import dev.wheelsh.core.pe.TestPe;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts on macOS, iOS and Windows wheels (WH320-WH327), golden: synthetic wheels around real
 * libraries from Maven Central and npm (skipped, saying so, when .corpus/macho-pe was not fetched),
 * and around images the test writers make, which always run.
 */
class OtherSystemsVerdictTest {

    @TempDir
    Path dir;

    /** A wheel of this filename holding these members, deflated; WHEEL's Tag line is the filename's. */
    private Path wheel(String filename, Map<String, byte[]> members) throws Exception {
        return wheel(filename, members, false);
    }

    /** The same, each member stored (the real iOS frameworks are 55 and 115 MB: deflating them is all the test would do). */
    private Path storedWheel(String filename, Map<String, byte[]> members) throws Exception {
        return wheel(filename, members, true);
    }

    private Path wheel(String filename, Map<String, byte[]> members, boolean store) throws Exception {
        String tags = filename.substring(0, filename.length() - 4).split("-", 3)[2];
        String[] p = tags.split("-");
        StringBuilder tagLines = new StringBuilder();
        for (String i : p[0].split("\\.")) {
            for (String a : p[1].split("\\.")) {
                for (String pl : p[2].split("\\.")) {
                    tagLines.append("Tag: ").append(i).append('-').append(a).append('-').append(pl).append('\n');
                }
            }
        }
        TestWheel w = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\n" + tagLines);
        members.forEach((name, bytes) -> w.add(name, bytes, store));
        return w.write(dir.resolve(filename));
    }

    /** Every finding of the whole list, as "CODE message". */
    private static List<String> verdict(Path wheel) throws Exception {
        try (WheelArchive w = WheelArchive.open(wheel)) {
            List<String> out = new ArrayList<>();
            for (Finding f : WheelCheckList.run(WheelFacts.read(w, false), BuiltinPolicies.all(), Optional.empty())) {
                out.add(f.code().id() + " " + f.message());
            }
            return out;
        }
    }

    /** The findings of the checks against a target alone (WH307, WH308, WH310, WH313, WH328). */
    private static List<String> onTarget(Path wheel, String target) throws Exception {
        try (WheelArchive w = WheelArchive.open(wheel)) {
            CheckContext c = CheckContext.of(WheelFacts.read(w, false), BuiltinPolicies.all(), Optional.of(TargetSpec.parse(target)));
            List<String> out = new ArrayList<>();
            for (Finding f : WheelCheckList.run(WheelCheckList.ON_TARGET, c)) {
                out.add(f.code().id() + " " + f.message());
            }
            return out;
        }
    }

    private static byte[] real(String relative) throws Exception {
        assumeTrue(NativeCorpus.missing().isEmpty(), NativeCorpus.missing().orElse(""));
        Optional<Path> p = NativeCorpus.file(relative);
        assumeTrue(p.isPresent(), relative + " was not fetched (scripts/fetch.d/50-macho-pe.sh)");
        return Files.readAllBytes(p.get());
    }

    private static Map<String, byte[]> members(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            m.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return m;
    }

    static final String ZSTD_X86 = "zstd-jni-1.5.7-2/darwin/x86_64/libzstd-jni-1.5.7-2.dylib";
    static final String ZSTD_ARM = "zstd-jni-1.5.7-2/darwin/aarch64/libzstd-jni-1.5.7-2.dylib";
    static final String SQLITE_X86 = "sqlite-jdbc-3.49.1.0/org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib";
    static final String JNA_ARM = "jna-5.17.0/com/sun/jna/darwin-aarch64/libjnidispatch.jnilib";
    static final String JNA_X86 = "jna-5.17.0/com/sun/jna/darwin-x86-64/libjnidispatch.jnilib";
    static final String SQLITE_WIN_ARM = "sqlite-jdbc-3.49.1.0/org/sqlite/native/Windows/aarch64/sqlitejdbc.dll";
    static final String ZSTD_WIN_X64 = "zstd-jni-1.5.7-2/win/amd64/libzstd-jni-1.5.7-2.dll";
    /** Node.js for mobile 18.20.4 (nodejs-mobile-react-native on npm): LC_BUILD_VERSION ios 13.0, thin arm64. */
    static final String NODE_IOS_DEVICE = "nodejs-mobile-react-native/package/ios/NodeMobile.xcframework/ios-arm64/NodeMobile.framework/NodeMobile";
    /** The same release for the simulator: a fat file of x86_64 and arm64 slices, each LC_BUILD_VERSION iossimulator 13.0. */
    static final String NODE_IOS_SIMULATOR = "nodejs-mobile-react-native/package/ios/NodeMobile.xcframework/ios-arm64_x86_64-simulator/NodeMobile.framework/NodeMobile";
    static final String ROLLUP_WIN_X64 = "@rollup_rollup-win32-x64-msvc/package/rollup.win32-x64-msvc.node";

    @Test
    void aMacosxTenNineWheelWithThirteenZeroCodeIsCaughtAndRetagged() throws Exception {
        Path w = wheel("foo-1.0-cp312-cp312-macosx_10_9_x86_64.whl", members("foo/_zstd.cpython-312-darwin.so", real(ZSTD_X86)));
        assertEquals(List.of("WH320 foo/_zstd.cpython-312-darwin.so (x86_64) needs macOS 13.0 (LC_BUILD_VERSION minos), but the tag"
                + " macosx_10_9_x86_64 promises macOS 10.9; the wheel's code is consistent with macosx_13_0_x86_64"), verdict(w));
    }

    @Test
    void twoMembersOfDifferentMinimaAreJudgedEachAndTheHighestNamesTheTag() throws Exception {
        Path w = wheel("foo-1.0-cp312-cp312-macosx_10_9_x86_64.whl", members(
                "foo/_sqlite.cpython-312-darwin.so", real(SQLITE_X86), // LC_VERSION_MIN_MACOSX 10.6: fine
                "foo/.dylibs/libzstd.dylib", real(ZSTD_X86)));
        assertEquals(List.of("WH320 foo/.dylibs/libzstd.dylib (x86_64) needs macOS 13.0 (LC_BUILD_VERSION minos), but the tag"
                + " macosx_10_9_x86_64 promises macOS 10.9; the wheel's code is consistent with macosx_13_0_x86_64"), verdict(w));
        Path ok = wheel("foo-1.0-cp312-cp312-macosx_13_0_x86_64.whl", members(
                "foo/_sqlite.cpython-312-darwin.so", real(SQLITE_X86), "foo/.dylibs/libzstd.dylib", real(ZSTD_X86)));
        assertEquals(List.of(), verdict(ok));
    }

    @Test
    void aUniversal2TagWithOneSliceMissesTheOther() throws Exception {
        Path w = wheel("foo-1.0-cp312-cp312-macosx_11_0_universal2.whl", members("foo/_jna.cpython-312-darwin.so", real(JNA_ARM)));
        assertEquals(List.of("WH321 foo/_jna.cpython-312-darwin.so holds only arm64 code, but the wheel's tags (macosx_11_0_universal2)"
                + " need x86_64 and arm64; missing: x86_64"), verdict(w));
    }

    @Test
    void aRealUniversal2FileWithBothSlicesKeepsItsTag() throws Exception {
        byte[] fat = NativeCorpus.fat(List.of(real(JNA_X86), real(JNA_ARM)));
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp312-cp312-macosx_10_9_universal2.whl", members("foo/_jna.cpython-312-darwin.so", fat))));
    }

    @Test
    void aUniversal2FileOfNewerSlicesIsConsistentWithATagPerSliceAsDelocateRenamesIt() throws Exception {
        byte[] fat = NativeCorpus.fat(List.of(real(ZSTD_X86), real(ZSTD_ARM)));
        List<String> v = verdict(wheel("foo-1.0-cp312-cp312-macosx_10_9_universal2.whl", members("foo/_zstd.cpython-312-darwin.so", fat)));
        assertEquals(List.of(
                "WH320 foo/_zstd.cpython-312-darwin.so (x86_64) needs macOS 13.0 (LC_BUILD_VERSION minos), but the tag"
                        + " macosx_10_9_universal2 promises macOS 10.9; the wheel's code is consistent with macosx_13_0_x86_64.macosx_14_0_arm64",
                "WH320 foo/_zstd.cpython-312-darwin.so (arm64) needs macOS 14.0 (LC_BUILD_VERSION minos), but the tag"
                        + " macosx_10_9_universal2 promises macOS 11.0; the wheel's code is consistent with macosx_13_0_x86_64.macosx_14_0_arm64"), v);
    }

    @Test
    void aMislabelledArm64DllIsCaught() throws Exception {
        Path w = wheel("foo-1.0-cp312-cp312-win_amd64.whl", members("foo/_sqlite.cp312-win_amd64.pyd", real(SQLITE_WIN_ARM)));
        assertEquals(List.of("WH324 foo/_sqlite.cp312-win_amd64.pyd is ARM64 (IMAGE_FILE_MACHINE_ARM64) code, but the wheel's"
                + " platform tag is win_amd64; the code is consistent with win_arm64"), verdict(w));
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp312-cp312-win_arm64.whl", members("foo/_sqlite.cp312-win_arm64.pyd", real(SQLITE_WIN_ARM)))));
    }

    @Test
    void aProgramOfAnotherMachineIsNoDllAndRunsOnItsOwn() throws Exception {
        // esbuild's x86 program in an x64 wheel runs under WOW64; only DLLs load into Python
        Path w = wheel("foo-1.0-py3-none-win_amd64.whl", members("foo/bin/esbuild.exe", real("@esbuild_win32-ia32/package/esbuild.exe")));
        assertEquals(List.of(), verdict(w));
    }

    @Test
    void realWindowsLibrariesImportOnlyWhatWindowsHas() throws Exception {
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp312-cp312-win_amd64.whl", members(
                "foo/_zstd.cp312-win_amd64.pyd", real(ZSTD_WIN_X64), "foo/rollup.node", real(ROLLUP_WIN_X64)))));
    }

    @Test
    void aMachOLibraryInAManylinuxWheelIsTheWrongFormat() throws Exception {
        Path w = wheel("foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", members("foo/_zstd.cpython-312-x86_64-linux-gnu.so", real(ZSTD_X86)));
        assertEquals(List.of("WH327 foo/_zstd.cpython-312-x86_64-linux-gnu.so is a Mach-O file (macOS or iOS code), but the wheel's platform"
                + " tags (manylinux_2_17_x86_64) are for systems that load ELF files"), verdict(w));
    }

    // ---- around written images: these run without the corpus ----

    @Test
    void anAbi3WheelImportingAVersionedPythonDllCannotLoadOnOtherVersions() throws Exception {
        byte[] pyd = new TestPe().imports("python311.dll", "KERNEL32.dll", "VCRUNTIME140.dll").build();
        Path w = wheel("foo-1.0-cp311-abi3-win_amd64.whl", members("foo/_speedups.pyd", pyd));
        assertEquals(List.of("WH325 foo/_speedups.pyd imports python311.dll (CPython 3.11), but the wheel is tagged abi3: a stable-ABI"
                + " (abi3) module must import only python3.dll"), verdict(w));
        byte[] stable = new TestPe().imports("python3.dll", "KERNEL32.dll").build();
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp311-abi3-win_amd64.whl", members("foo/_speedups.pyd", stable))));
    }

    @Test
    void aVersionedWheelMustImportItsOwnVersionsDll() throws Exception {
        byte[] pyd = new TestPe().imports("python311.dll").build();
        assertEquals(List.of("WH325 foo/_x.cp312-win_amd64.pyd imports python311.dll (CPython 3.11), but the wheel is tagged cp312: the"
                + " tags' interpreters provide python312.dll"), verdict(wheel("foo-1.0-cp312-cp312-win_amd64.whl", members("foo/_x.cp312-win_amd64.pyd", pyd))));
        byte[] ft = new TestPe().imports("python313t.dll").build();
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp313-cp313t-win_amd64.whl", members("foo/_x.cp313t-win_amd64.pyd", ft))));
    }

    @Test
    void dllsNeitherBundledNorWindowsNorCpythonsAreObstacles() throws Exception {
        byte[] pyd = new TestPe().imports("python312.dll", "MSVCP140.dll", "KERNEL32.dll", "api-ms-win-crt-runtime-l1-1-0.dll",
                "VCRUNTIME140_1.dll").delayImports("libopenblas.dll").build();
        assertEquals(List.of("WH326 foo/_x.pyd imports MSVCP140.dll, libopenblas.dll, which neither the wheel, Windows nor CPython provides"),
                verdict(wheel("foo-1.0-cp312-cp312-win_amd64.whl", members("foo/_x.pyd", pyd))));
        byte[] bundled = new TestPe().build();
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp312-cp312-win_amd64.whl", members("foo/_x.pyd", pyd,
                "foo.libs/msvcp140.dll", bundled, "foo.libs/libopenblas.dll", bundled))));
        // the C runtime a wheel may count on is what every interpreter its tags admit ships (delvewheel's tables)
        byte[] runtime = new TestPe().imports("VCRUNTIME140.dll", "VCRUNTIME140_1.dll").build();
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp39-abi3-win_amd64.whl", members("foo/_x.pyd", runtime))));
        assertEquals(List.of("WH326 foo/_x.pyd imports VCRUNTIME140_1.dll, which neither the wheel, Windows nor CPython provides"),
                verdict(wheel("foo-1.0-cp38-cp38-win_amd64.whl", members("foo/_x.pyd", runtime))));
        assertEquals(List.of("WH326 foo/_x.pyd imports VCRUNTIME140.dll, VCRUNTIME140_1.dll, which neither the wheel, Windows nor CPython provides"),
                verdict(wheel("foo-1.0-py3-none-win_amd64.whl", members("foo/_x.pyd", runtime))));
        // vcruntime140_1.dll comes with CPython on x64 and ARM64, not on x86
        byte[] x86 = new TestPe().machine(PeFile.IMAGE_FILE_MACHINE_I386).imports("VCRUNTIME140_1.dll").build();
        assertEquals(List.of("WH326 foo/_x.pyd imports VCRUNTIME140_1.dll, which neither the wheel, Windows nor CPython provides"),
                verdict(wheel("foo-1.0-cp312-cp312-win32.whl", members("foo/_x.pyd", x86))));
    }

    @Test
    void librariesAreFoundThroughLoaderPathAndRpathInsideTheWheel() throws Exception {
        byte[] lib = TestMachO.x86_64().id("@rpath/libbar.dylib").buildVersion(1, 10, 9).build();
        byte[] ext = TestMachO.x86_64().buildVersion(1, 10, 9).loads("/usr/lib/libSystem.B.dylib")
                .loads("@rpath/libbar.dylib").loads("@loader_path/../foo.libs/libbaz.dylib").rpath("@loader_path/.dylibs").build();
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp312-cp312-macosx_10_9_x86_64.whl", members(
                "foo/_x.cpython-312-darwin.so", ext, "foo/.dylibs/libbar.dylib", lib, "foo.libs/libbaz.dylib", lib))));
        byte[] homebrew = TestMachO.x86_64().buildVersion(1, 10, 9).loads("/opt/homebrew/opt/libomp/lib/libomp.dylib")
                .loads("@rpath/libbar.dylib").rpath("@loader_path/.dylibs").build();
        assertEquals(List.of("WH322 foo/_x.cpython-312-darwin.so loads /opt/homebrew/opt/libomp/lib/libomp.dylib, @rpath/libbar.dylib"
                        + " (not found in the wheel through its rpaths @loader_path/.dylibs), which are neither in the wheel nor part of macOS"),
                verdict(wheel("foo-1.0-cp312-cp312-macosx_10_9_x86_64.whl", members("foo/_x.cpython-312-darwin.so", homebrew))));
    }

    @Test
    void fromMacosElevenOnOnlyTheMajorVersionCounts() throws Exception {
        byte[] ext = TestMachO.arm64().buildVersion(1, 11, 3).build();
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp312-cp312-macosx_11_0_arm64.whl", members("foo/_x.cpython-312-darwin.so", ext))));
        byte[] twelve = TestMachO.arm64().buildVersion(1, 12, 0).build();
        assertEquals(List.of("WH320 foo/_x.cpython-312-darwin.so (arm64) needs macOS 12.0 (LC_BUILD_VERSION minos), but the tag"
                        + " macosx_11_0_arm64 promises macOS 11.0; the wheel's code is consistent with macosx_12_0_arm64"),
                verdict(wheel("foo-1.0-cp312-cp312-macosx_11_0_arm64.whl", members("foo/_x.cpython-312-darwin.so", twelve))));
        // arm64 code is 11.0 or later: a universal2 tag of 10.9 is no promise to arm64 Macs older than 11
        byte[] fat = NativeCorpus.fat(List.of(TestMachO.x86_64().versionMinMacos(10, 9).build(), TestMachO.arm64().buildVersion(1, 11, 0).build()));
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp312-cp312-macosx_10_9_universal2.whl", members("foo/_x.cpython-312-darwin.so", fat))));
    }

    @Test
    void anIosMemberIsJudgedByItsSdkCpuAndMinimum() throws Exception {
        byte[] simulator = TestMachO.arm64().buildVersion(7, 13, 0).build();
        assertEquals(List.of("WH323 foo/_x.cpython-313-iphoneos.so is built for the iOS simulator (iossimulator), not the device"
                        + " (tag ios_13_0_arm64_iphoneos)"),
                verdict(wheel("foo-1.0-cp313-cp313-ios_13_0_arm64_iphoneos.whl", members("foo/_x.cpython-313-iphoneos.so", simulator))));
        byte[] newer = TestMachO.arm64().buildVersion(2, 15, 0).build();
        assertEquals(List.of("WH323 foo/_x.cpython-313-iphoneos.so (arm64) needs iOS 15.0 (LC_BUILD_VERSION minos), newer than the 13.0 the"
                        + " tag promises (tag ios_13_0_arm64_iphoneos)"),
                verdict(wheel("foo-1.0-cp313-cp313-ios_13_0_arm64_iphoneos.whl", members("foo/_x.cpython-313-iphoneos.so", newer))));
        byte[] device = TestMachO.arm64().buildVersion(2, 13, 0).build();
        assertEquals(List.of(), verdict(wheel("foo-1.0-cp313-cp313-ios_13_0_arm64_iphoneos.whl", members("foo/_x.cpython-313-iphoneos.so", device))));
    }

    @Test
    void aRealIosDeviceLibraryKeepsItsDeviceTagAndNoOther() throws Exception {
        byte[] device = real(NODE_IOS_DEVICE);
        String so = "foo/_node.cpython-313-iphoneos.so";
        assertEquals(List.of(), verdict(storedWheel("foo-1.0-cp313-cp313-ios_13_0_arm64_iphoneos.whl", members(so, device))));
        assertEquals(List.of("WH323 " + so + " (arm64) needs iOS 13.0 (LC_BUILD_VERSION minos), newer than the 12.0 the tag promises"
                        + " (tag ios_12_0_arm64_iphoneos)"),
                verdict(storedWheel("foo-1.0-cp313-cp313-ios_12_0_arm64_iphoneos.whl", members(so, device))));
        assertEquals(List.of("WH323 " + so + " is built for the iOS device (ios), not the simulator (tag ios_13_0_arm64_iphonesimulator)"),
                verdict(storedWheel("foo-1.0-cp313-cp313-ios_13_0_arm64_iphonesimulator.whl", members(so, device))));
    }

    @Test
    void aRealIosSimulatorLibraryServesBothSimulatorCpus() throws Exception {
        byte[] simulator = real(NODE_IOS_SIMULATOR);
        String so = "foo/_node.cpython-313-iphonesimulator.so";
        assertEquals(List.of(), verdict(storedWheel("foo-1.0-cp313-cp313-ios_13_0_x86_64_iphonesimulator.whl", members(so, simulator))));
        // the real file's arm64 slice is built for iOS 14.0, the first release whose simulator runs on Apple silicon
        assertEquals(List.of("WH323 " + so + " (arm64) needs iOS 14.0 (LC_BUILD_VERSION minos), newer than the 13.0 the tag promises"
                        + " (tag ios_13_0_arm64_iphonesimulator)"),
                verdict(storedWheel("foo-1.0-cp313-cp313-ios_13_0_arm64_iphonesimulator.whl", members(so, simulator))));
        assertEquals(List.of(), verdict(storedWheel("foo-1.0-cp313-cp313-ios_14_0_arm64_iphonesimulator.whl", members(so, simulator))));
        assertEquals(List.of("WH323 " + so + " is built for the iOS simulator (iossimulator), not the device; (arm64) needs iOS 14.0"
                        + " (LC_BUILD_VERSION minos), newer than the 13.0 the tag promises (tag ios_13_0_arm64_iphoneos)"),
                verdict(storedWheel("foo-1.0-cp313-cp313-ios_13_0_arm64_iphoneos.whl", members(so, simulator))));
    }

    @Test
    void onAnIosTargetTheRealDeviceLibraryLoadsOnlyOnDevicesOfItsRelease() throws Exception {
        Path w = storedWheel("foo-1.0-cp313-cp313-ios_13_0_arm64_iphoneos.whl", members("foo/_node.cpython-313-iphoneos.so", real(NODE_IOS_DEVICE)));
        assertEquals(List.of(), onTarget(w, "cp313-ios17.0-arm64_iphoneos"));
        assertEquals(List.of(), onTarget(w, "cp313-ios13.0-arm64_iphoneos"));
        assertEquals(List.of("WH328 foo/_node.cpython-313-iphoneos.so (arm64) needs iOS 13.0 (LC_BUILD_VERSION minos); the target is"
                + " iOS 12.4 arm64_iphoneos, where it does not load"), onTarget(w, "cp313-ios12.4-arm64_iphoneos"));
        assertEquals(List.of("WH328 foo/_node.cpython-313-iphoneos.so is built for the iOS device (ios), not the simulator; the target is"
                + " iOS 17.0 arm64_iphonesimulator, where it does not load"), onTarget(w, "cp313-ios17.0-arm64_iphonesimulator"));
        Path sim = storedWheel("foo-1.0-cp313-cp313-ios_13_0_x86_64_iphonesimulator.whl",
                members("foo/_node.cpython-313-iphonesimulator.so", real(NODE_IOS_SIMULATOR)));
        assertEquals(List.of(), onTarget(sim, "cp313-ios17.0-x86_64_iphonesimulator"));
        assertEquals(List.of(), onTarget(sim, "cp313-ios17.0-arm64_iphonesimulator"));
        assertEquals(List.of("WH328 foo/_node.cpython-313-iphonesimulator.so (arm64) needs iOS 14.0 (LC_BUILD_VERSION minos); the target"
                + " is iOS 13.7 arm64_iphonesimulator, where it does not load"), onTarget(sim, "cp313-ios13.7-arm64_iphonesimulator"));
    }

    @Test
    void elfInAWindowsWheelAndPeInAMacWheelAreTheWrongFormat() throws Exception {
        byte[] elf = new TestElf().machine(62, true, false, 0).needed("libc.so.6").build();
        List<String> v = verdict(wheel("foo-1.0-cp312-cp312-win_amd64.whl", members("foo/_x.pyd", elf)));
        assertTrue(v.contains("WH327 foo/_x.pyd is an ELF file (Linux or Android code), but the wheel's platform tags (win_amd64)"
                + " are for systems that load PE files"), v.toString());
        List<String> mac = verdict(wheel("foo-1.0-cp312-cp312-macosx_11_0_arm64.whl", members("foo/_x.so", new TestPe().build())));
        assertEquals(List.of("WH327 foo/_x.so is a PE file (Windows code), but the wheel's platform tags (macosx_11_0_arm64)"
                + " are for systems that load Mach-O files"), mac);
    }

    @Test
    void onAMacosTargetTheReleaseIsComparedInFullAndTheSliceMustBeThere() throws Exception {
        byte[] fat = NativeCorpus.fat(List.of(TestMachO.x86_64().buildVersion(1, 13, 0).build(), TestMachO.arm64().buildVersion(1, 13, 2).build()));
        Path w = wheel("foo-1.0-cp312-cp312-macosx_13_0_universal2.whl", members("foo/_x.cpython-312-darwin.so", fat));
        assertEquals(List.of(), onTarget(w, "cp312-macos13.2-arm64"));
        assertEquals(List.of("WH328 foo/_x.cpython-312-darwin.so (arm64) needs macOS 13.2 (LC_BUILD_VERSION minos); the target is"
                + " macOS 13.1 arm64, where it does not load"), onTarget(w, "cp312-macos13.1-arm64"));
        Path thin = wheel("foo-1.0-cp312-cp312-macosx_11_0_universal2.whl", members("foo/_x.cpython-312-darwin.so",
                TestMachO.arm64().buildVersion(1, 11, 0).build()));
        assertEquals(List.of("WH328 foo/_x.cpython-312-darwin.so holds arm64 code, no x86_64 slice; the target is macOS 14.0 x86_64,"
                + " where it does not load"), onTarget(thin, "cp312-macos14.0-x86_64"));
    }

    @Test
    void onAWindowsTargetTheMachineMustBeTheTargets() throws Exception {
        Path w = wheel("foo-1.0-cp312-cp312-win_amd64.whl", members("foo/_x.pyd", new TestPe().machine(PeFile.IMAGE_FILE_MACHINE_ARM64).build()));
        assertEquals(List.of("WH328 foo/_x.pyd is ARM64 (IMAGE_FILE_MACHINE_ARM64) code (win_arm64); the target is Windows amd64, where"
                + " it does not load"), onTarget(w, "cp312-windows-amd64"));
        assertEquals(List.of(), onTarget(w, "cp312-windows-arm64"));
        assertEquals(List.of(), onTarget(w, "cp312-glibc2.36-x86_64"), "a Linux target is judged by the ELF checks alone");
    }

    @Test
    void storedAndDeflatedMembersAreReadInPlaceAlike() throws Exception {
        byte[] ext = TestMachO.x86_64().buildVersion(1, 12, 0).build();
        byte[] pyd = new TestPe().imports("python311.dll").build();
        for (boolean store : new boolean[] {true, false}) {
            Path mac = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp312-cp312-macosx_11_0_x86_64\n")
                    .add("foo/_x.cpython-312-darwin.so", ext, store).write(dir.resolve("foo-1.0-cp312-cp312-macosx_11_0_x86_64.whl"));
            assertEquals(List.of("WH320"), verdict(mac).stream().map(v -> v.substring(0, 5)).toList(), "stored " + store);
            Path win = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp312-abi3-win_amd64\n")
                    .add("foo/_x.pyd", pyd, store).write(dir.resolve("foo-1.0-cp312-abi3-win_amd64.whl"));
            assertEquals(List.of("WH325"), verdict(win).stream().map(v -> v.substring(0, 5)).toList(), "stored " + store);
        }
    }

    @Test
    void aBrokenMachOMemberIsOneLineNamingTheWheelAndMember() throws Exception {
        byte[] cut = Arrays.copyOf(TestMachO.x86_64().buildVersion(1, 12, 0).loads("/usr/lib/libSystem.B.dylib").build(), 50);
        Path w = wheel("foo-1.0-cp312-cp312-macosx_11_0_x86_64.whl", members("foo/_x.cpython-312-darwin.so", cut));
        InputException e = assertThrows(InputException.class, () -> verdict(w));
        assertTrue(e.getMessage().startsWith("foo-1.0-cp312-cp312-macosx_11_0_x86_64.whl!foo/_x.cpython-312-darwin.so: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aJavaClassFileIsNoUniversalBinary() {
        byte[] cls = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 65};
        assertTrue(!MachOReader.isMachO(cls));
    }
}
