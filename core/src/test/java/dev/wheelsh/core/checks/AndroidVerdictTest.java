package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.elf.BionicCode;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfMachine;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Android wheels (PEP 738) around real NDK-built libraries: rollup's Android builds from npm
 * (scripts/fetch.d/20-npm-native.sh; skipped, saying so, when .corpus/npm was not fetched), one built
 * for API level 24 on arm64_v8a and one for API 24 on armeabi_v7a, and a musl build of the same code
 * for comparison. Bionic code is judged by Android's rules and never called musl.
 */
class AndroidVerdictTest {

    static final String ARM64 = "@rollup_rollup-android-arm64/package/rollup.android-arm64.node";
    static final String ARM32 = "@rollup_rollup-android-arm-eabi/package/rollup.android-arm-eabi.node";
    static final String MUSL_ARM64 = "@rollup_rollup-linux-arm64-musl/package/rollup.linux-arm64-musl.node";

    @TempDir
    Path dir;

    private static byte[] npm(String relative) throws Exception {
        Path p = NativeCorpus.repoRoot().resolve(".corpus/npm").resolve(relative);
        assumeTrue(Files.isRegularFile(p), relative + " was not fetched (scripts/fetch.d/20-npm-native.sh)");
        return Files.readAllBytes(p);
    }

    private Path wheel(String platform, byte[] member) throws Exception {
        return new TestWheel()
                .distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp313-cp313-" + platform + "\n")
                .add("foo/_native.cpython-313-aarch64-linux-android.so", member, false)
                .write(dir.resolve("foo-1.0-cp313-cp313-" + platform + ".whl"));
    }

    private static List<String> findings(Path wheel, Optional<String> target) throws Exception {
        try (WheelArchive w = WheelArchive.open(wheel)) {
            CheckContext c = CheckContext.of(WheelFacts.read(w, false), BuiltinPolicies.all(), target.map(t -> {
                try {
                    return TargetSpec.parse(t);
                } catch (Exception e) {
                    throw new IllegalArgumentException(e);
                }
            }));
            List<String> out = new ArrayList<>();
            for (Finding f : WheelCheckList.run(c)) {
                out.add(f.code().id() + " " + f.message());
            }
            return out;
        }
    }

    private static Optional<PolicyVerdict> verdict(Path wheel) throws Exception {
        try (WheelArchive w = WheelArchive.open(wheel)) {
            return CheckContext.of(WheelFacts.read(w, false), BuiltinPolicies.all(), Optional.empty()).verdict();
        }
    }

    private ElfFile elf(String relative) throws Exception {
        Path p = dir.resolve("member.so");
        Files.write(p, npm(relative));
        return ElfReader.read(p);
    }

    // ---- the ELF facts ----

    @Test
    void theNdkNoteTellsBionicCodeAndItsApiLevel() throws Exception {
        BionicCode arm64 = elf(ARM64).bionic().orElseThrow();
        assertEquals(OptionalInt.of(24), arm64.apiLevel());
        assertEquals(List.of(".note.android.ident", "bionic's symbol version LIBC from libdl.so"), arm64.evidence());
        assertEquals(Optional.of("arm64_v8a"), BionicCode.abi(elf(ARM64).header()));
        assertEquals(Optional.of("armeabi_v7a"), BionicCode.abi(elf(ARM32).header()));
        assertEquals(OptionalInt.of(24), elf(ARM32).bionic().orElseThrow().apiLevel());
    }

    @Test
    void muslCodeThatAlsoNeedsPlainLibcSoIsNotAndroid() throws Exception {
        assertTrue(elf(MUSL_ARM64).bionic().isEmpty());
    }

    // ---- the verdict: Android's baseline, never musllinux or linux_* ----

    @Test
    void anAndroidWheelIsConsistentWithItsAndroidTagAndNotWithMusllinux() throws Exception {
        Path w = wheel("android_24_arm64_v8a", npm(ARM64));
        PolicyVerdict v = verdict(w).orElseThrow();
        assertEquals("android_24_arm64_v8a", v.bestTag());
        assertTrue(v.consistentWithABaseline());
        assertFalse(v.policies().stream().anyMatch(f -> f.policy().name().startsWith("musllinux") || f.policy().name().startsWith("manylinux")));
        assertEquals(List.of(), findings(w, Optional.empty()));
    }

    @Test
    void aTagBelowTheCodesApiLevelIsCaughtAndTheCodesOwnTagNamed() throws Exception {
        Path w = wheel("android_21_arm64_v8a", npm(ARM64));
        assertEquals(List.of("WH314 foo/_native.cpython-313-aarch64-linux-android.so was built for Android API level 24 (its"
                + " .note.android.ident), but the tag android_21_arm64_v8a promises API level 21; the code is consistent with"
                + " android_24_arm64_v8a"), findings(w, Optional.empty()));
        assertEquals("android_24_arm64_v8a", verdict(w).orElseThrow().bestTag());
    }

    @Test
    void armeabiCodeUnderAnArm64TagIsTheWrongAbi() throws Exception {
        Path w = wheel("android_24_arm64_v8a", npm(ARM32));
        assertEquals(List.of("WH314 foo/_native.cpython-313-aarch64-linux-android.so is armeabi_v7a code (arm), but the tag"
                + " android_24_arm64_v8a is for arm64_v8a"), findings(w, Optional.empty()));
    }

    @Test
    void androidCodeInALinuxTaggedWheelIsCaught() throws Exception {
        Path w = wheel("linux_aarch64", npm(ARM64));
        List<String> f = findings(w, Optional.empty());
        assertEquals(1, f.size(), f::toString);
        assertTrue(f.get(0).startsWith("WH314 foo/_native.cpython-313-aarch64-linux-android.so is Android code (.note.android.ident,"), f::toString);
        assertTrue(f.get(0).endsWith("but the wheel's tags are linux_aarch64; no Linux loader loads it"), f::toString);
    }

    @Test
    void muslCodeInAnAndroidWheelIsLinuxCode() throws Exception {
        Path w = wheel("android_24_arm64_v8a", npm(MUSL_ARM64));
        assertEquals(List.of("WH314 foo/_native.cpython-313-aarch64-linux-android.so is Linux code linked against musl, but the"
                + " wheel's tags are android (android_24_arm64_v8a); Android has neither glibc nor musl"), findings(w, Optional.empty()));
    }

    // ---- around written images: these run without the corpus ----

    /** An arm64 library that names Android's loader and needs these libraries. */
    private static byte[] written(String... needed) {
        return new TestElf().machine(ElfMachine.EM_AARCH64, true, false, 0).interpreter("/system/bin/linker64").needed(needed).build();
    }

    @Test
    void aLibraryNoAndroidAppMayLinkIsCaughtAndTheVerdictKeepsTheAndroidTagWithoutItsPromise() throws Exception {
        Path w = wheel("android_24_arm64_v8a", written("libc.so", "liblog.so", "libssl.so.3"));
        assertEquals(List.of("WH314 foo/_native.cpython-313-aarch64-linux-android.so needs libssl.so.3, which the wheel does not bundle"
                + " and which is not among the system libraries an Android app may link at API level 24"), findings(w, Optional.empty()));
        PolicyVerdict v = verdict(w).orElseThrow();
        assertEquals("android_24_arm64_v8a", v.bestTag());
        assertFalse(v.consistentWithABaseline());
        assertEquals(List.of("libssl.so.3 (needed by foo/_native.cpython-313-aarch64-linux-android.so) is not bundled and is not among"
                + " the libraries android_24_arm64_v8a lets a wheel take from the system"),
                v.blocked().get(0).obstacles().stream().map(o -> o.describe(v.blocked().get(0).policy(), v.arch())).toList());
    }

    @Test
    void vulkanArrivesAtApiLevel24() throws Exception {
        assertEquals(1, findings(wheel("android_21_arm64_v8a", written("libc.so", "libvulkan.so")), Optional.empty()).size());
        assertEquals(List.of(), findings(wheel("android_24_arm64_v8a", written("libc.so", "libvulkan.so")), Optional.empty()));
    }

    /**
     * Without .note.android.ident, the bionic versions asked set the floor: LIBC_O exists in libc.so
     * from API level 26 (bionic's libc.map.txt), so such code is not for an android_24 wheel.
     */
    @Test
    void withoutTheNoteBionicsSymbolVersionsSetTheApiLevel() throws Exception {
        byte[] image = new TestElf().machine(ElfMachine.EM_AARCH64, true, false, 0).interpreter("/system/bin/linker64")
                .needed("libc.so").needs("libc.so", "LIBC", "LIBC_N", "LIBC_O").build();
        Path p = dir.resolve("floor.so");
        Files.write(p, image);
        BionicCode code = ElfReader.read(p).bionic().orElseThrow();
        assertEquals(OptionalInt.empty(), code.apiLevel());
        assertEquals(OptionalInt.of(26), code.versionFloor());
        assertEquals(OptionalInt.of(26), code.builtFor());
        Path w = wheel("android_24_arm64_v8a", image);
        assertEquals(List.of("WH314 foo/_native.cpython-313-aarch64-linux-android.so was built for Android API level 26 (it asks"
                + " LIBC_O from libc.so, which bionic defines from API level 26), but the tag android_24_arm64_v8a promises API"
                + " level 24; the code is consistent with android_26_arm64_v8a"), findings(w, Optional.empty()));
        assertEquals("android_26_arm64_v8a", verdict(w).orElseThrow().bestTag());
        // the base version LIBC is in every bionic that has versions: it sets no floor
        Files.write(p, new TestElf().machine(ElfMachine.EM_AARCH64, true, false, 0).interpreter("/system/bin/linker64")
                .needed("libc.so").needs("libc.so", "LIBC").build());
        assertEquals(OptionalInt.empty(), ElfReader.read(p).bionic().orElseThrow().builtFor());
    }

    /** The floor of each version node, from bionic's symbol maps: the table the generator wrote. */
    @Test
    void bionicVersionFloorsAreTheSymbolMapsLevels() throws Exception {
        for (String[] row : new String[][] {{"LIBC_N", "24"}, {"LIBC_O", "26"}, {"LIBC_P", "28"}, {"LIBC_Q", "29"}, {"LIBC_R", "30"},
                {"LIBC_S", "31"}, {"LIBC_T", "33"}, {"LIBC_U", "34"}, {"LIBC_V", "35"}}) {
            Path p = dir.resolve(row[0] + ".so");
            Files.write(p, new TestElf().machine(ElfMachine.EM_AARCH64, true, false, 0).needed("libc.so")
                    .needs("libc.so", "LIBC", row[0]).build());
            assertEquals(OptionalInt.of(Integer.parseInt(row[1])), ElfReader.read(p).bionic().orElseThrow().versionFloor(), row[0]);
        }
    }

    @Test
    void theLoaderAloneMarksAndroidCode() throws Exception {
        Path p = dir.resolve("loader.so");
        Files.write(p, written("libc.so"));
        assertEquals(List.of("Android's loader /system/bin/linker64"), ElfReader.read(p).bionic().orElseThrow().evidence());
        Files.write(p, new TestElf().machine(ElfMachine.EM_AARCH64, true, false, 0).needed("libc.so", "libm.so", "libdl.so").build());
        assertTrue(ElfReader.read(p).bionic().isEmpty(), "plain libc.so, libm.so, libdl.so are musl's reserved names too");
    }

    // ---- against a target ----

    @Test
    void anAndroidTargetRejectsLinuxCodeAndALinuxTargetRejectsAndroidCode() throws Exception {
        Path musl = wheel("linux_aarch64", npm(MUSL_ARM64));
        List<String> onAndroid = findings(musl, Optional.of("cp313-android24-arm64_v8a"));
        assertTrue(onAndroid.contains("WH315 foo/_native.cpython-313-aarch64-linux-android.so"
                + " is Linux code linked against musl; the target (Android API 24 arm64_v8a) runs bionic, Android's C library"),
                onAndroid::toString);
        Path android = wheel("android_24_arm64_v8a", npm(ARM64));
        List<String> onLinux = findings(android, Optional.of("cp313-glibc2.36-aarch64"));
        assertTrue(onLinux.stream().anyMatch(s -> s.startsWith("WH315 ") && s.contains("is Android code")
                && s.endsWith("is Linux, whose loader cannot load it")), onLinux::toString);
    }

    @Test
    void anAndroidTargetRejectsGlibcCode() throws Exception {
        // Debian's zlib for arm64, linked against libc.so.6 and GLIBC_x.y
        Path lib = NativeCorpus.repoRoot().resolve(".corpus/elf/arm64/zlib1g/lib/aarch64-linux-gnu/libz.so.1.2.13");
        assumeTrue(Files.isRegularFile(lib), lib + " was not fetched (scripts/fetch.d/10-debian-elf.sh)");
        Path w = wheel("manylinux_2_17_aarch64", Files.readAllBytes(lib));
        assertEquals(List.of("WH315 foo/_native.cpython-313-aarch64-linux-android.so is Linux code linked against glibc; the target"
                + " (Android API 24 arm64_v8a) runs bionic, Android's C library"), findings(w, Optional.of("cp313-android24-arm64_v8a")));
        assertEquals(List.of(), findings(w, Optional.of("cp313-glibc2.36-aarch64")));
    }

    @Test
    void anOlderAndroidTargetRejectsCodeBuiltForANewerApiLevel() throws Exception {
        Path android = wheel("android_24_arm64_v8a", npm(ARM64));
        assertEquals(List.of(), findings(android, Optional.of("cp313-android24-arm64_v8a")));
        assertEquals(List.of("WH315 foo/_native.cpython-313-aarch64-linux-android.so was built for Android API level 24 (its"
                + " .note.android.ident), but the target (Android API 21 arm64_v8a) promises API level 21; the code is consistent with"
                + " android_24_arm64_v8a"), findings(android, Optional.of("cp313-android21-arm64_v8a")));
    }
}
