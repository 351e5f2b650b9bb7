package dev.wheelsh.core.wheel;

import dev.wheelsh.core.vocabulary.Severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real wheels, rebuilt from installed packages by scripts/fetch.d/40-rebuilt-wheels.sh (numpy,
 * cryptography, orjson, ...): the dist-info folder is found, WHEEL parses with its tags, every
 * RECORD hash matches, and the ELF members found by content are the ones the JDK's own zip reader
 * finds, each read in place with the same facts as from its inflated bytes; and the wheel checks
 * find nothing to say about these consistent wheels.
 */
class RebuiltWheelsTest {

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        return p;
    }

    @TestFactory
    Stream<DynamicTest> everyRebuiltWheelReadsInPlace() throws IOException {
        Path dir = repoRoot().resolve(".corpus/wheels");
        assumeTrue(Files.isDirectory(dir), "no .corpus/wheels: run scripts/fetch-test-inputs.sh");
        List<Path> wheels;
        try (Stream<Path> s = Files.walk(dir)) {
            wheels = s.filter(p -> p.toString().endsWith(".whl")).sorted().toList();
        }
        assumeTrue(!wheels.isEmpty(), ".corpus/wheels holds no wheels (no Python with native packages here)");
        return wheels.stream().map(w -> DynamicTest.dynamicTest(w.getFileName().toString(), () -> check(w)));
    }

    static void check(Path whl) throws Exception {
        String distribution = whl.getFileName().toString().split("-")[0];
        List<String> elfByJdk = new ArrayList<>();
        try (ZipFile jdk = new ZipFile(whl.toFile())) {
            for (ZipEntry e : Collections.list(jdk.entries())) {
                try (InputStream in = jdk.getInputStream(e)) {
                    if (!e.isDirectory() && e.getSize() >= 16 && ElfReader.isElf(in.readNBytes(4))) {
                        elfByJdk.add(e.getName());
                    }
                }
            }
            try (WheelArchive w = WheelArchive.open(whl)) {
                String di = w.distInfoDir(Optional.of(distribution));
                WheelMetadata m = w.wheelFile(di);
                assertFalse(m.tags().isEmpty(), "WHEEL has Tag lines");
                assertEquals(List.of(), w.verifyRecord(di));
                List<String> elf = w.elfMembers().stream().map(WheelArchive.Member::name).toList();
                assertEquals(elfByJdk, elf);
                for (String member : elf) {
                    ElfFile inPlace = w.readElf(member);
                    byte[] bytes = jdk.getInputStream(jdk.getEntry(member)).readAllBytes();
                    assertEquals(ElfReader.read(inPlace.name(), bytes), inPlace);
                }
                // Wheels from PyPI, rebuilt as they were installed, are consistent with themselves. (A
                // warning could come from the rebuilt filename: it compresses WHEEL's tags, which
                // widens a tag list that is not a product of its parts.)
                assertEquals(List.of(), WheelChecks.check(w, true).findings().stream()
                        .filter(f -> f.severity() == Severity.ERROR).toList());
            }
        }
    }
}
