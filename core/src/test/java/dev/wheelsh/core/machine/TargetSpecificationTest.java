package dev.wheelsh.core.machine;

import dev.wheelsh.core.elf.LoongArchWorld;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.tags.CpythonAbi;
import dev.wheelsh.core.tags.InterpreterTagInputs;
import dev.wheelsh.core.tags.Libc;
import dev.wheelsh.core.tags.PlatformTags;
import dev.wheelsh.core.tags.PythonVersion;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagGenerator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The target model and its compact form. */
class TargetSpecificationTest {

    @ParameterizedTest
    @ValueSource(strings = {"cp313t-glibc2.38-loongarch64", "cp312-musl1.2-aarch64", "cp311-glibc2.36-aarch64+32bit",
            "cp312-glibc2.36-armv7l+softfloat", "cp310-glibc2.28-loongarch64+oldworld", "pp310-glibc2.35-x86_64",
            "cp313-macos14.0-arm64", "cp313-windows-amd64", "cp313-ios17.2-arm64_iphoneos", "cp313-android24-arm64_v8a",
            "cp37m-glibc2.17-x86_64", "cp27mu-glibc2.17-x86_64", "graalpy311-glibc2.28-x86_64+abi=graalpy242_311_native",
            "cp312-linux-mips64", "cp313td-glibc2.39-x86_64"})
    void theCompactFormRoundTrips(String spec) throws Exception {
        assertEquals(spec, TargetSpec.parse(spec).compact());
    }

    @Test
    void aTargetAcceptsExactlyPipsTagsForItsMachine() throws Exception {
        Target t = TargetSpec.parse("cp313t-glibc2.38-loongarch64");
        List<String> platforms = PlatformTags.linux(
                new PlatformTags.LinuxSystem("loongarch64", false, Libc.glibc(2, 38), true), PlatformTags.Mode.PACKAGING);
        List<Tag> expected = TagGenerator.sysTags(InterpreterTagInputs.cpython(PythonVersion.of(3, 13),
                CpythonAbi.fromFlags("t", PythonVersion.of(3, 13)), platforms));
        assertEquals(expected, t.tags());
        assertTrue(t.interpreter().freeThreaded());
    }

    @Test
    void anIosTargetsCpuIsItsMultiarchWithoutTheSdk() throws Exception {
        assertEquals("arm64", TargetSpec.parse("cp313-ios17.2-arm64_iphoneos").platform().arch());
        assertEquals("x86_64", TargetSpec.parse("cp313-ios17.2-x86_64_iphonesimulator").platform().arch());
    }

    @Test
    void aMisspelledProfileGetsTheNameItWasMeantToBe() {
        InputException e = assertThrows(InputException.class, () -> Profiles.named("debain-12"));
        assertTrue(e.getMessage().startsWith("profile 'debain-12': unknown; did you mean debian-12? (known: debian-12, "), e.getMessage());
        InputException far = assertThrows(InputException.class, () -> Profiles.named("windows-11"));
        assertFalse(far.getMessage().contains("did you mean"), far.getMessage());
    }

    @Test
    void pypyGetsThePp73AbiByDefault() throws Exception {
        assertEquals(List.of("pypy310_pp73"), TargetSpec.parse("pp310-glibc2.35-x86_64").interpreter().abis());
    }

    @Test
    void aBadSpecSaysWhereAndWhy() {
        InputException e = assertThrows(InputException.class, () -> TargetSpec.parse("cp313-glibc2.x-loongarch64"));
        assertTrue(e.getMessage().contains("at column 7"), e.getMessage());
        assertTrue(e.getMessage().contains("glibc2.x"), e.getMessage());
        assertThrows(InputException.class, () -> TargetSpec.parse("cp313-glibc2.38-x86_64+oldworld"));
        assertThrows(InputException.class, () -> TargetSpec.parse("pp310t-glibc2.35-x86_64"));
        assertThrows(InputException.class, () -> TargetSpec.parse("cp313"));
        assertThrows(InputException.class, () -> TargetSpec.parse("cp313-glibc2.38-x86_64+fast"));
    }

    @Test
    void everyProfileIsAValidMachineOnEachOfItsArchitectures() throws Exception {
        assertTrue(Profiles.all().size() >= 20);
        for (Profiles.Profile p : Profiles.all()) {
            for (String arch : p.archs()) {
                Target t = p.target(Optional.of(arch));
                assertFalse(t.tags().isEmpty(), p.name() + " " + arch);
            }
        }
    }

    @Test
    void loongarchProfilesSayWhichWorldTheyBelongTo() throws Exception {
        Platform.Linux loongnix = (Platform.Linux) Profiles.named("loongnix-20").target(Optional.empty()).platform();
        assertEquals(Optional.of(LoongArchWorld.World.OLD), loongnix.loongArchWorld());
        Platform.Linux openeuler = (Platform.Linux) Profiles.named("openeuler-24.03").target(Optional.empty()).platform();
        assertEquals(Optional.of(LoongArchWorld.World.NEW), openeuler.loongArchWorld());
        assertEquals(Libc.glibc(2, 38), openeuler.libc());
    }

    @Test
    void anUnknownProfileListsTheKnownOnes() {
        InputException e = assertThrows(InputException.class, () -> Profiles.named("debian-99"));
        assertTrue(e.getMessage().contains("debian-12"), e.getMessage());
    }
}
