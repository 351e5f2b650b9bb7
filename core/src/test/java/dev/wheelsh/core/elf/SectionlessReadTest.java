package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * With its section header table removed (as sstrip and some packers do), every dynamic object of
 * the corpus still gives the same needed libraries, version needs and definitions and dynamic
 * symbols, found through the dynamic segment: DT_SYMTAB sized by DT_HASH or DT_GNU_HASH, DT_VERSYM,
 * DT_VERNEED and DT_VERDEF.
 */
class SectionlessReadTest {

    static DynamicSymbol unversioned(DynamicSymbol s) {
        return new DynamicSymbol(s.index(), s.name(), s.value(), s.size(), s.type(), s.bind(), s.visibility(),
                s.shndx(), java.util.Optional.empty());
    }

    @TestFactory
    Stream<DynamicTest> theDynamicSegmentAloneGivesTheSameFacts() throws IOException {
        assumeTrue(Files.isDirectory(Corpus.corpusDir()),
                "no .corpus/ folder: run scripts/fetch-test-inputs.sh to fetch the real ELF corpus");
        List<Path> files = Corpus.elfFiles().stream().filter(p -> !p.toString().contains("gconv")).toList();
        assumeTrue(!files.isEmpty(), ".corpus/ holds no ELF files: run scripts/fetch-test-inputs.sh");
        Path root = Corpus.repoRoot();
        return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
            byte[] b = Files.readAllBytes(f);
            ElfFile with = ElfReader.read(f.toString(), b);
            assumeTrue(with.dynamic().isPresent(), "static object");
            byte[] stripped = b.clone();
            ByteBuffer bb = ByteBuffer.wrap(stripped)
                    .order(with.header().bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            if (with.header().is64()) {
                bb.putLong(40, 0);
                bb.putShort(60, (short) 0);
                bb.putShort(62, (short) 0);
            } else {
                bb.putInt(32, 0);
                bb.putShort(48, (short) 0);
                bb.putShort(50, (short) 0);
            }
            ElfFile without = ElfReader.read(f.toString(), stripped);
            assertEquals(List.of(), without.sections());
            assertEquals(with.dynamic(), without.dynamic());
            assertEquals(with.versionNeeds(), without.versionNeeds());
            assertEquals(with.versionDefinitions(), without.versionDefinitions());
            if (with.dynamic().get().value(DynamicEntry.DT_VERSYM).isPresent()) {
                assertEquals(with.symbols(), without.symbols());
            } else {
                // Without DT_VERSYM (Solaris objects) the versions are reachable only through sections.
                assertEquals(with.symbols().stream().map(SectionlessReadTest::unversioned).toList(), without.symbols());
            }
        }));
    }
}
