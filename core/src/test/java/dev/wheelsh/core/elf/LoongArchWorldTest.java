package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoongArchWorldTest {

    static LoongArchWorld world(TestElf t) throws InputException {
        return LoongArchWorld.of(ElfReader.read("x.so", t.build())).orElseThrow();
    }

    static TestElf loong(int flags) {
        return new TestElf().machine(ElfMachine.EM_LOONGARCH, true, false, flags);
    }

    @Test
    void theMarkersAreThoseOfTheDataFile() {
        assertEquals(List.of("/lib64/ld.so.1"), LoongArchWorld.marker("old.interpreters"));
        assertTrue(LoongArchWorld.marker("new.interpreters").contains("/lib64/ld-linux-loongarch-lp64d.so.1"));
        assertEquals(List.of(2, 27), List.of(LoongArchWorld.glibcBase("old")[0], LoongArchWorld.glibcBase("old")[1]));
        assertEquals(List.of(2, 36), List.of(LoongArchWorld.glibcBase("new")[0], LoongArchWorld.glibcBase("new")[1]));
    }

    @Test
    void anOldWorldProgramHasTheOldLoaderAndGlibc227Versions() throws InputException {
        LoongArchWorld w = world(loong(0x3).interpreter("/lib64/ld.so.1").needed("libc.so.6")
                .needs("libc.so.6", "GLIBC_2.27").imports("puts", 2));
        assertEquals(LoongArchWorld.World.OLD, w.world());
        assertTrue(w.evidence().get(0).contains("/lib64/ld.so.1, the old-world loader"), w.evidence().toString());
        assertTrue(w.evidence().get(1).contains("GLIBC_2.27"));
        assertTrue(w.evidence().get(2).contains("object ABI v0"));
        assertTrue(w.consequence().contains("does not load on a new-world"));
    }

    @Test
    void anOldWorldExtensionIsKnownByItsGlibcVersionsAlone() throws InputException {
        LoongArchWorld w = world(loong(0x3).needed("libc.so.6").needs("libc.so.6", "GLIBC_2.27", "GLIBC_2.28")
                .imports("memcpy", 2));
        assertEquals(LoongArchWorld.World.OLD, w.world());
    }

    @Test
    void aNewWorldExtensionNeedsGlibc236OrLaterAndIsObjectAbiV1() throws InputException {
        LoongArchWorld w = world(loong(0x43).needed("libc.so.6").needs("libc.so.6", "GLIBC_2.36", "GLIBC_2.38")
                .imports("memcpy", 2));
        assertEquals(LoongArchWorld.World.NEW, w.world());
        assertEquals(2, w.evidence().size());
        assertTrue(w.consequence().contains("does not load on an old-world"));
    }

    @Test
    void aNewWorldProgramBuiltBeforeBinutils240IsKnownByItsLoader() throws InputException {
        LoongArchWorld w = world(loong(0x3).interpreter("/lib64/ld-linux-loongarch-lp64d.so.1"));
        assertEquals(LoongArchWorld.World.NEW, w.world());
    }

    @Test
    void anObjectV0WithoutVersionedGlibcSymbolsIsUndecided() throws InputException {
        LoongArchWorld w = world(loong(0x3).needed("libz.so.1"));
        assertEquals(LoongArchWorld.World.UNDECIDED, w.world());
        assertTrue(w.consequence().contains("no marker decides"));
    }

    @Test
    void glibc235IsThePreReleaseNewWorldThatNoReleasedSystemLoads() throws InputException {
        LoongArchWorld w = world(loong(0x3).needed("libc.so.6").needs("libc.so.6", "GLIBC_2.35").imports("memcpy", 2));
        assertEquals(LoongArchWorld.World.PRE_RELEASE, w.world());
        assertTrue(w.consequence().contains("loads neither on an old-world (ABI1.0) system nor on a new-world (ABI2.0) distribution"));
    }

    @Test
    void markersPointingBothWaysConflict() throws InputException {
        LoongArchWorld w = world(loong(0x43).interpreter("/lib64/ld.so.1"));
        assertEquals(LoongArchWorld.World.CONFLICTING, w.world());
    }

    @Test
    void otherMachinesHaveNoLoongArchWorld() throws InputException {
        assertEquals(Optional.empty(), LoongArchWorld.of(ElfReader.read("x", new TestElf().build())));
    }

    @Test
    void theLoongArchLibrariesOfTheCorpusAreNewWorldExceptJna512() throws IOException, InputException {
        assumeTrue(Files.isDirectory(Corpus.corpusDir()), "no .corpus/: run scripts/fetch-test-inputs.sh");
        int seen = 0;
        for (Path p : Corpus.elfFiles()) {
            ElfFile f = ElfReader.read(p);
            Optional<LoongArchWorld> w = LoongArchWorld.of(f);
            if (w.isEmpty()) {
                continue;
            }
            seen++;
            // Static Go executables (esbuild) carry no glibc marker but are object ABI v1. JNA 5.12.1
            // was built in mid-2022 against a pre-release new-world glibc (it needs GLIBC_2.35).
            LoongArchWorld.World expected = p.toString().contains("jna-5.12.1")
                    ? LoongArchWorld.World.PRE_RELEASE : LoongArchWorld.World.NEW;
            assertEquals(expected, w.get().world(), p + ": " + w.get().evidence());
        }
        assumeTrue(seen > 0, "the corpus holds no LoongArch objects (npm and Maven steps of the fetch)");
    }
}
