package dev.wheelsh.core.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.DynamicSymbol;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfMachine;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.elf.TestElf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelArchiveTest {

    static final String WHEEL = "Wheel-Version: 1.0\nGenerator: test 1.0\nRoot-Is-Purelib: false\n"
            + "Tag: cp312-cp312-manylinux_2_17_x86_64\nTag: cp312-cp312-manylinux2014_x86_64\n";

    static byte[] extension() {
        return new TestElf().needed("libc.so.6").needs("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.17")
                .imports("memcpy", 3).exports("PyInit__speedups", 0, false).withSections().build();
    }

    static byte[] helper() {
        return new TestElf().machine(ElfMachine.EM_AARCH64, true, false, 0).needed("libm.so.6").build();
    }

    static TestWheel sample() {
        return new TestWheel().distInfo("foo-1.0.dist-info", WHEEL)
                .add("foo/__init__.py", "from ._speedups import *\n".getBytes(StandardCharsets.UTF_8), false)
                .add("foo/_speedups.cpython-312-x86_64-linux-gnu.so", extension(), false)
                .add("foo/data/helper.bin", helper(), true);
    }

    @Test
    void findsTheDistInfoFolderAndReadsWheelAndMetadata(@TempDir Path dir) throws Exception {
        try (WheelArchive w = WheelArchive.open(sample().write(dir.resolve("foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl")))) {
            String di = w.distInfoDir(Optional.of("foo"));
            assertEquals("foo-1.0.dist-info", di);
            WheelMetadata m = w.wheelFile(di);
            assertEquals("1.0", m.wheelVersion());
            assertFalse(m.rootIsPurelib());
            assertEquals(List.of("cp312-cp312-manylinux_2_17_x86_64", "cp312-cp312-manylinux2014_x86_64"), m.tags());
            assertEquals(Optional.of("test 1.0"), m.generator());
            assertEquals(List.of("foo"), w.metadata(di).get("Name"));
            assertFalse(w.metadata(di).containsKey("Long text"), "headers stop at the first blank line");
            assertEquals(6, w.record(di).size(), "five members and RECORD itself");
        }
    }

    @Test
    void findsElfMembersByContentWhateverTheirNames(@TempDir Path dir) throws Exception {
        try (WheelArchive w = WheelArchive.open(sample().write(dir.resolve("foo.whl")))) {
            assertEquals(List.of("foo/_speedups.cpython-312-x86_64-linux-gnu.so", "foo/data/helper.bin"),
                    w.elfMembers().stream().map(WheelArchive.Member::name).toList());
        }
    }

    @Test
    void readsDeflatedAndStoredElfMembersInPlaceWithTheSameResultAsFromBytes(@TempDir Path dir) throws Exception {
        try (WheelArchive w = WheelArchive.open(sample().write(dir.resolve("foo.whl")))) {
            ElfFile ext = w.readElf("foo/_speedups.cpython-312-x86_64-linux-gnu.so");
            assertEquals("foo.whl!foo/_speedups.cpython-312-x86_64-linux-gnu.so", ext.name());
            ElfFile direct = ElfReader.read(ext.name(), extension());
            assertEquals(direct, ext);
            assertEquals(List.of("PyInit__speedups"), ext.pyInitSymbols());
            ElfFile stored = w.readElf("foo/data/helper.bin");
            assertEquals("aarch64", stored.platformArch());
            assertEquals(List.of("libm.so.6"), stored.needed());
        }
    }

    @Test
    void recordHashesOfAnIntactWheelAllMatch(@TempDir Path dir) throws Exception {
        try (WheelArchive w = WheelArchive.open(sample().write(dir.resolve("foo.whl")))) {
            assertEquals(List.of(), w.verifyRecord("foo-1.0.dist-info"));
        }
    }

    @Test
    void recordNamesTheMemberWhoseHashOrSizeDiffersAndTheOnesMissing(@TempDir Path dir) throws Exception {
        TestWheel t = sample();
        String record = t.record().replace("foo/__init__.py,sha256=", "foo/__init__.py,sha256=X")
                + "foo/gone.py,sha256=AAAA,3\n";
        record = record.replace("foo/data/helper.bin," + TestWheel.hash(helper()) + ",",
                "foo/data/helper.bin," + TestWheel.hash(helper()) + ",1");
        try (WheelArchive w = WheelArchive.open(t.write(dir.resolve("foo.whl"), record))) {
            List<WheelArchive.RecordProblem> p = w.verifyRecord("foo-1.0.dist-info");
            assertEquals(List.of("foo/__init__.py", "foo/data/helper.bin", "foo/gone.py"),
                    p.stream().map(WheelArchive.RecordProblem::member).toList(), p.toString());
            assertTrue(p.get(0).problem().startsWith("sha256 is "));
            assertTrue(p.get(1).problem().contains("RECORD says 1"));
            assertEquals("listed in RECORD but not in the archive", p.get(2).problem());
        }
    }

    @Test
    void noDistInfoOrTwoOrAWrongNameAreOneLineErrors(@TempDir Path dir) throws Exception {
        try (WheelArchive w = WheelArchive.open(new TestWheel().add("foo/x.py", new byte[1], false)
                .write(dir.resolve("a.whl"), null))) {
            assertEquals("a.whl: no .dist-info folder at the top of the archive",
                    assertThrows(InputException.class, () -> w.distInfoDir(Optional.empty())).getMessage());
        }
        try (WheelArchive w = WheelArchive.open(sample().add("bar-2.0.dist-info/WHEEL", new byte[1], false)
                .write(dir.resolve("b.whl")))) {
            assertEquals("b.whl: more than one .dist-info folder: bar-2.0.dist-info, foo-1.0.dist-info",
                    assertThrows(InputException.class, () -> w.distInfoDir(Optional.empty())).getMessage());
        }
        try (WheelArchive w = WheelArchive.open(sample().write(dir.resolve("c.whl")))) {
            assertEquals("c.whl: .dist-info folder foo-1.0.dist-info does not start with bar",
                    assertThrows(InputException.class, () -> w.distInfoDir(Optional.of("bar"))).getMessage());
            assertEquals("foo-1.0.dist-info", w.distInfoDir(Optional.of("FOO")));
        }
    }

    @Test
    void aTruncatedWheelIsNotAReadableZip(@TempDir Path dir) throws Exception {
        Path whl = sample().write(dir.resolve("foo.whl"));
        byte[] b = Files.readAllBytes(whl);
        Path cut = dir.resolve("cut.whl");
        Files.write(cut, Arrays.copyOf(b, b.length / 2));
        InputException e = assertThrows(InputException.class, () -> WheelArchive.open(cut));
        assertTrue(e.getMessage().startsWith("cut.whl: not a readable zip archive: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aMemberThatInflatesPastTheCapIsRefusedWithoutReadingItAll(@TempDir Path dir) throws Exception {
        byte[] zeros = new byte[64 << 20];
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", WHEEL).add("foo/bomb.txt", zeros, false)
                .write(dir.resolve("bomb.whl"));
        assertTrue(Files.size(whl) < 1 << 20, "64 MiB of zeros deflate to well under 1 MiB");
        try (WheelArchive w = WheelArchive.open(whl)) {
            InputException e = assertThrows(InputException.class, () -> w.read("foo/bomb.txt", 1 << 20));
            assertEquals("bomb.whl!foo/bomb.txt: 67108864 bytes, more than the 1048576 read for this kind of member",
                    e.getMessage());
        }
    }

    @Test
    void anElfMemberThatIsMostlyZerosIsRefusedAsAZipBombBeforeInflating(@TempDir Path dir) throws Exception {
        byte[] elf = extension();
        byte[] bomb = Arrays.copyOf(elf, 100 << 20); // a real header, then 100 MiB of zeros
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", WHEEL).add("foo/bomb.so", bomb, false)
                .write(dir.resolve("bomb.whl"));
        try (WheelArchive w = WheelArchive.open(whl)) {
            assertEquals(List.of("foo/bomb.so"), w.elfMembers().stream().map(WheelArchive.Member::name).toList(),
                    "found by its first four bytes only");
            InputException e = assertThrows(InputException.class, () -> w.readElf("foo/bomb.so"));
            assertTrue(e.getMessage().startsWith("bomb.whl!foo/bomb.so: inflates "), e.getMessage());
            assertTrue(e.getMessage().contains("is a zip bomb, not a library"), e.getMessage());
        }
    }

    @Test
    void aCompressedElfMemberLargerThanTheKeptWindowIsStillReadCorrectly(@TempDir Path dir) throws Exception {
        // An object whose section headers sit 40 MiB after its dynamic tables: the reader must go to
        // the end and come back, through an inflating window that keeps only 1 MiB.
        byte[] small = extension();
        ElfFile ref = ElfReader.read("x", small);
        byte[] big = Arrays.copyOf(small, small.length + (40 << 20));
        long shoff = ref.header().shoff();
        int shSize = ref.header().shnum() * ref.header().shentsize();
        System.arraycopy(small, (int) shoff, big, big.length - shSize, shSize);
        java.nio.ByteBuffer.wrap(big).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(40, big.length - shSize);
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", WHEEL).add("foo/big.so", big, false)
                .write(dir.resolve("big.whl"));
        WheelArchive.Limits small1MiB = new WheelArchive.Limits(1000, 1 << 20, 1L << 30, 1 << 20);
        try (WheelArchive w = WheelArchive.open(whl, small1MiB)) {
            ElfFile f = w.readElf("foo/big.so");
            assertEquals(ref.symbols().stream().map(DynamicSymbol::name).toList(),
                    f.symbols().stream().map(DynamicSymbol::name).toList());
            assertEquals(ref.versionNeeds(), f.versionNeeds());
            assertEquals(ref.sections().size(), f.sections().size());
        }
    }

    @Test
    void aRealLibraryDeflatedInAWheelReadsLikeTheFile(@TempDir Path dir) throws IOException, InputException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assumeTrue(root != null);
        Path lib = root.resolve(".corpus/elf/arm64/libstdc++6/usr/lib/aarch64-linux-gnu/libstdc++.so.6.0.30");
        assumeTrue(Files.isRegularFile(lib), "no arm64 libstdc++ in .corpus/: run scripts/fetch-test-inputs.sh");
        byte[] b = Files.readAllBytes(lib);
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", WHEEL).add("foo.libs/libstdc++.so.6", b, false)
                .write(dir.resolve("foo.whl"));
        try (WheelArchive w = WheelArchive.open(whl, new WheelArchive.Limits(1000, 1 << 20, 1L << 30, 1 << 20))) {
            ElfFile inWheel = w.readElf("foo.libs/libstdc++.so.6");
            ElfFile direct = ElfReader.read(inWheel.name(), b);
            assertEquals(direct, inWheel);
        }
    }
}
