package dev.wheelsh.core.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.macho.NativeCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PE file of the fetched corpus, and the images the committed generator writes, read by
 * wheelsh give the same facts as {@code llvm-readobj --file-headers --coff-imports}: the machine,
 * the COFF characteristics, PE32 or PE32+, the subsystem and its version, the operating-system
 * version, and the DLLs of the import and delay-load directories in their order.
 */
class LlvmPeDifferentialTest {

    private static final Pattern HEX_IN_PARENS = Pattern.compile("\\(0x([0-9A-Fa-f]+)\\)");

    @TestFactory
    Stream<DynamicTest> wheelshAgreesWithLlvmReadobjOnEveryCorpusFile() throws IOException {
        Optional<Path> readobj = NativeCorpus.llvmTool("llvm-readobj");
        assumeTrue(readobj.isPresent(), "llvm-readobj (Debian's llvm package) is not on PATH; the PE differential test needs it");
        assumeTrue(NativeCorpus.missing().isEmpty(), NativeCorpus.missing().orElse(""));
        List<Path> files = NativeCorpus.peFiles();
        assumeTrue(!files.isEmpty(), ".corpus/macho-pe holds no PE files: run scripts/fetch-test-inputs.sh");
        Path root = NativeCorpus.repoRoot();
        return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> compare(readobj.get(), f)));
    }

    @TestFactory
    Stream<DynamicTest> wheelshAgreesWithLlvmReadobjOnGeneratedImages(@TempDir Path temp) {
        Optional<Path> readobj = NativeCorpus.llvmTool("llvm-readobj");
        assumeTrue(readobj.isPresent(), "llvm-readobj (Debian's llvm package) is not on PATH; the PE differential test needs it");
        List<TestPe> images = List.of(new TestPe().imports("python311.dll", "KERNEL32.dll").delayImports("python3.dll"),
                new TestPe().machine(PeFile.IMAGE_FILE_MACHINE_I386).imports("python3.dll", "VCRUNTIME140.dll"),
                new TestPe().machine(PeFile.IMAGE_FILE_MACHINE_ARM64).delayImports("msvcp140.dll", "python313t.dll"),
                new TestPe());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            int n = i;
            tests.add(DynamicTest.dynamicTest("generated image " + n, () -> {
                Path f = temp.resolve("image" + n + ".dll");
                Files.write(f, images.get(n).build());
                compare(readobj.get(), f);
            }));
        }
        return tests.stream();
    }

    static void compare(Path readobj, Path file) throws Exception {
        String out = NativeCorpus.run(List.of(readobj.toString(), "--file-headers", "--coff-imports", file.toString()));
        assertEquals(parse(out), facts(PeReader.read(file)), file + " against llvm-readobj");
    }

    /** Our facts, in llvm-readobj's words. */
    static List<String> facts(PeFile f) {
        List<String> out = new ArrayList<>();
        out.add("Machine 0x" + Integer.toHexString(f.machine()));
        out.add("Characteristics 0x" + Integer.toHexString(f.characteristics()));
        out.add("Magic 0x" + (f.pe32Plus() ? "20b" : "10b"));
        out.add("OperatingSystemVersion " + f.operatingSystemVersion());
        out.add("SubsystemVersion " + f.subsystemVersion());
        out.add("Subsystem 0x" + Integer.toHexString(f.subsystem()));
        for (String d : f.imports()) {
            out.add("Import " + d);
        }
        for (String d : f.delayImports()) {
            out.add("DelayImport " + d);
        }
        return out;
    }

    static List<String> parse(String out) {
        List<String> facts = new ArrayList<>();
        String block = "";
        String osMajor = null;
        String subMajor = null;
        for (String raw : out.split("\n")) {
            String line = raw.strip();
            if (line.endsWith("{") && !raw.startsWith("    ")) {
                block = line.substring(0, line.length() - 1).strip();
                continue;
            }
            String[] kv = line.split(": ", 2);
            if (kv.length < 2) {
                continue;
            }
            String key = kv[0];
            String value = kv[1];
            switch (block) {
                case "ImageFileHeader" -> {
                    if (key.equals("Machine")) {
                        facts.add("Machine 0x" + hexIn(value));
                    }
                }
                case "ImageOptionalHeader" -> {
                    switch (key) {
                        case "Magic" -> facts.add("Magic 0x" + value.substring(2).toLowerCase());
                        case "MajorOperatingSystemVersion" -> osMajor = value;
                        case "MinorOperatingSystemVersion" -> facts.add("OperatingSystemVersion " + osMajor + "." + value);
                        case "MajorSubsystemVersion" -> subMajor = value;
                        case "MinorSubsystemVersion" -> facts.add("SubsystemVersion " + subMajor + "." + value);
                        case "Subsystem" -> facts.add("Subsystem 0x" + hexIn(value));
                        default -> {
                        }
                    }
                }
                case "Import", "DelayImport" -> {
                    if (key.equals("Name")) {
                        facts.add(block + " " + value);
                    }
                }
                default -> {
                }
            }
        }
        // the file header's characteristics line is "Characteristics [ (0x2022)"
        Matcher m = Pattern.compile("ImageFileHeader \\{.*?Characteristics \\[ \\(0x([0-9A-Fa-f]+)\\)", Pattern.DOTALL).matcher(out);
        if (m.find()) {
            facts.add(1, "Characteristics 0x" + Long.toHexString(Long.parseLong(m.group(1), 16)));
        }
        return facts;
    }

    static String hexIn(String value) {
        Matcher m = HEX_IN_PARENS.matcher(value);
        return m.find() ? Long.toHexString(Long.parseLong(m.group(1), 16)) : value;
    }
}
