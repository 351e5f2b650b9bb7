package dev.wheelsh.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.tags.Libc;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelChecks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** musl code in a glibc wheel, glibc code in a musl wheel, and either on the other kind of system. */
class LibcFamilyChecksTest {

    @TempDir
    Path tmp;

    private static final byte[] MUSL = new TestElf().machine(62, true, false, 0).needed("libc.musl-x86_64.so.1").build();
    private static final byte[] GLIBC = new TestElf().machine(62, true, false, 0).needed("libc.so.6")
            .needs("libc.so.6", "GLIBC_2.2.5").build();
    private static final byte[] NEITHER = new TestElf().machine(62, true, false, 0).build();

    private WheelChecks.Result wheel(String platform, byte[] elf) throws Exception {
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: py3-none-" + platform + "\n")
                .add("foo/_native.abi3.so", elf, false).write(tmp.resolve("foo-1.0-py3-none-" + platform + ".whl"));
        try (WheelArchive w = WheelArchive.open(whl)) {
            return WheelChecks.check(w, false);
        }
    }

    private static List<String> codes(List<Finding> f) {
        return f.stream().map((Finding x) -> x.code().id()).toList();
    }

    @Test
    void muslCodeInAManylinuxWheelAndGlibcCodeInAMusllinuxWheelBreakTheirTags() throws Exception {
        List<Finding> musl = PromiseChecks.all(wheel("manylinux_2_17_x86_64", MUSL));
        assertEquals(List.of("WH312"), codes(musl));
        assertTrue(musl.get(0).message().contains("linked against musl but the wheel's tags are manylinux (glibc)"), musl.get(0).message());
        assertEquals(List.of("WH312"), codes(PromiseChecks.all(wheel("musllinux_1_2_x86_64", GLIBC))));
        assertEquals(List.of(), codes(PromiseChecks.all(wheel("musllinux_1_2_x86_64", MUSL))));
        assertEquals(List.of(), codes(PromiseChecks.all(wheel("manylinux_2_17_x86_64", NEITHER))), "code that needs no C library says nothing");
    }

    @Test
    void aLinuxWheelsCodeMustMatchTheTargetsCLibrary() throws Exception {
        WheelChecks.Result musl = wheel("linux_x86_64", MUSL);
        assertEquals(List.of(), codes(PromiseChecks.all(musl)), "linux_ promises nothing");
        assertEquals(List.of("WH313"), codes(LibcFamilyChecks.againstSystem(musl, Libc.glibc(2, 38), "the target")));
        assertEquals(List.of(), codes(LibcFamilyChecks.againstSystem(musl, Libc.musl(1, 2), "the target")));
        assertEquals(List.of("WH313"), codes(LibcFamilyChecks.againstSystem(wheel("linux_x86_64", GLIBC), Libc.musl(1, 2), "the target")));
    }
}
