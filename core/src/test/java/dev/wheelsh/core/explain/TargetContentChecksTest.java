package dev.wheelsh.core.explain;

import dev.wheelsh.core.vocabulary.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.machine.TargetSpec;
import org.junit.jupiter.api.Test;

/** Which extension modules an interpreter imports, by their filename suffix. */
class TargetContentChecksTest {

    private static boolean imports(String member, String target) throws Exception {
        return TargetContentChecks.moduleSuffix(member, TargetSpec.parse(target)).isEmpty();
    }

    @Test
    void aVersionSpecificModuleLoadsOnlyInItsVersion() throws Exception {
        assertTrue(imports("numpy/_core/_multiarray_umath.cpython-313-x86_64-linux-gnu.so", "cp313-glibc2.36-x86_64"));
        assertTrue(!imports("numpy/core/_multiarray_umath.cpython-310-loongarch64-linux-gnu.so", "cp313-glibc2.38-loongarch64"));
    }

    @Test
    void freeThreadedAndGilBuildsDoNotImportEachOthersModules() throws Exception {
        assertTrue(!imports("m.cpython-313t-x86_64-linux-gnu.so", "cp313-glibc2.36-x86_64"));
        assertTrue(!imports("m.cpython-313-x86_64-linux-gnu.so", "cp313t-glibc2.36-x86_64"));
        assertTrue(imports("m.cpython-313t-x86_64-linux-gnu.so", "cp313t-glibc2.36-x86_64"));
    }

    @Test
    void theStableAbiIsImportedByGilBuildsOnly() throws Exception {
        assertTrue(imports("cryptography/hazmat/bindings/_rust.abi3.so", "cp313-glibc2.36-x86_64"));
        assertTrue(!imports("cryptography/hazmat/bindings/_rust.abi3.so", "cp313t-glibc2.36-x86_64"));
    }

    @Test
    void plainModulesAndSharedLibrariesAreNotJudged() throws Exception {
        assertTrue(imports("pkg/_speedups.so", "cp313-glibc2.36-x86_64"));
        assertTrue(imports("numpy.libs/libscipy_openblas64_-ff651d7f.so", "cp313-glibc2.36-x86_64"));
    }

    @Test
    void theFindingSaysWhatTheInterpreterImports() throws Exception {
        Finding f = TargetContentChecks.moduleSuffix("m.cpython-310-x86_64-linux-gnu.so",
                TargetSpec.parse("cp313-glibc2.36-x86_64")).orElseThrow();
        assertEquals("WH307", f.code().id());
        assertTrue(f.message().contains(".cpython-313-*.so"), f.message());
    }

    @Test
    void aLoongArchMemberOfTheOtherWorldIsAnErrorOnTheTarget() throws Exception {
        LoongArchWorld old = LoongArchWorld.of(ElfReader.read("old.so", new TestElf().machine(258, true, false, 0x03)
                .interpreter("/lib64/ld.so.1").needs("libc.so.6", "GLIBC_2.27").build())).orElseThrow();
        LoongArchWorld fresh = LoongArchWorld.of(ElfReader.read("new.so", new TestElf().machine(258, true, false, 0x43)
                .needs("libc.so.6", "GLIBC_2.36").build())).orElseThrow();
        assertEquals("WH308", TargetContentChecks.worldMismatch("m.so", old, LoongArchWorld.World.NEW).orElseThrow().code().id());
        assertEquals("WH308", TargetContentChecks.worldMismatch("m.so", fresh, LoongArchWorld.World.OLD).orElseThrow().code().id());
        assertTrue(TargetContentChecks.worldMismatch("m.so", fresh, LoongArchWorld.World.NEW).isEmpty());
        assertTrue(TargetContentChecks.worldMismatch("m.so", old, LoongArchWorld.World.OLD).isEmpty());
    }
}
