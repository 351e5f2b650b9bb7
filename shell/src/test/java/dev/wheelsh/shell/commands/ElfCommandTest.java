package dev.wheelsh.shell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.shell.NativeImages;
import dev.wheelsh.shell.TestRuns;
import dev.wheelsh.shell.io.ExitStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelsh elf}: text and JSON for a real object, one-line errors and exit 2 for bad input. */
class ElfCommandTest {

    static TestRuns.Run run(String... args) {
        return TestRuns.runCommand(args);
    }

    static Path javaLauncher() throws IOException {
        return TestRuns.javaLauncher();
    }


    @Test
    void describesARealProgramInText() throws IOException {
        Path java = javaLauncher();
        TestRuns.Run r = run("elf", java.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  machine "), r.out());
        assertTrue(r.out().contains("  interpreter    /"), "a dynamically linked program names its loader: " + r.out());
        assertTrue(r.out().contains("libc"), r.out());
    }

    @Test
    void theJsonHasTheDocumentedFields() throws IOException {
        Path java = javaLauncher();
        TestRuns.Run r = run("elf", java.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String field : new String[] {"file", "class", "byte_order", "type", "machine", "flags", "abi", "interpreter",
            "soname", "needed", "rpath", "runpath", "version_needs", "version_definitions", "dynamic_symbols",
            "imported_symbols", "x86_isa_level", "py_init", "loongarch_world"}) {
            assertTrue(j.has(field), "missing " + field + " in " + r.out());
        }
        assertTrue(j.get("machine").get("arch").isTextual());
        assertTrue(j.get("needed").isArray());
    }

    static Path wheelHolding(Path dir, Path elf) throws IOException {
        Path whl = dir.resolve("demo-1.0-py3-none-linux_x86_64.whl");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(whl))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("demo-1.0.dist-info/WHEEL"));
            zip.write("Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: py3-none-linux_x86_64\n".getBytes());
            zip.putNextEntry(new java.util.zip.ZipEntry("demo/bin/tool"));
            zip.write(Files.readAllBytes(elf));
        }
        return whl;
    }

    @Test
    void readsAWheelMemberInPlaceAndNamesTheMembersWhenOnlyTheWheelIsGiven(@TempDir Path dir) throws IOException {
        Path java = javaLauncher();
        Path whl = wheelHolding(dir, java);
        TestRuns.Run direct = run("elf", java.toString(), "--json");
        TestRuns.Run member = run("elf", whl + "!demo/bin/tool", "--json");
        assertEquals(0, member.status(), member.err());
        assertEquals(direct.out().replace(java.toString(), "X"),
                member.out().replace(whl.getFileName() + "!demo/bin/tool", "X"));
        TestRuns.Run wheelOnly = run("elf", whl.toString());
        assertEquals(0, wheelOnly.status(), wheelOnly.err());
        assertEquals("demo-1.0-py3-none-linux_x86_64.whl: 1 native member; name one as demo-1.0-py3-none-linux_x86_64.whl!MEMBER\n"
                + "  ELF     demo/bin/tool", wheelOnly.out().strip());
        TestRuns.Run missing = run("elf", whl + "!demo/nope.so");
        assertEquals(ExitStatus.USAGE, missing.status());
        assertEquals("wheelsh: demo-1.0-py3-none-linux_x86_64.whl: no member demo/nope.so (native members: demo/bin/tool (ELF))",
                missing.err().strip());
    }

    /** A wheel of every format: ELF, a fat Mach-O named like a text file, a PE DLL, and members that are none. */
    static Path mixedWheel(Path dir) throws IOException {
        Path whl = dir.resolve("mixed-1.0-py3-none-any.whl");
        byte[] thin = NativeImages.machO(NativeImages.ARM64, 11, 0, List.of("/usr/lib/libSystem.B.dylib"));
        byte[] fat = ByteBuffer.allocate(8 + 20 + thin.length).order(ByteOrder.BIG_ENDIAN)
                .putInt(0xcafebabe).putInt(1).putInt(NativeImages.ARM64).putInt(0).putInt(28).putInt(thin.length).putInt(0)
                .put(thin).array();
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(whl))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("mixed-1.0.dist-info/WHEEL"));
            zip.write("Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: py3-none-any\n".getBytes());
            zip.putNextEntry(new java.util.zip.ZipEntry("mixed/bin/tool"));
            zip.write(Files.readAllBytes(javaLauncher()));
            zip.putNextEntry(new java.util.zip.ZipEntry("mixed/universal.txt"));
            zip.write(fat);
            zip.putNextEntry(new java.util.zip.ZipEntry("mixed/libs/"));
            zip.putNextEntry(new java.util.zip.ZipEntry("mixed/libs/_ext.pyd"));
            zip.write(NativeImages.pe(List.of("KERNEL32.dll")));
            zip.putNextEntry(new java.util.zip.ZipEntry("mixed/Tool.class"));
            zip.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61, 0, 0});
            zip.putNextEntry(new java.util.zip.ZipEntry("mixed/__init__.py"));
            zip.write("# not native code\n".getBytes());
        }
        return whl;
    }

    @Test
    void aWheelAloneListsItsElfMachOAndPeMembersByContent(@TempDir Path dir) throws IOException {
        Path whl = mixedWheel(dir);
        TestRuns.Run text = run("elf", whl.toString());
        assertEquals(0, text.status(), text.err());
        assertEquals(String.join("\n",
                "mixed-1.0-py3-none-any.whl: 3 native members; name one as mixed-1.0-py3-none-any.whl!MEMBER",
                "  ELF     mixed/bin/tool",
                "  Mach-O  mixed/universal.txt",
                "  PE      mixed/libs/_ext.pyd"), text.out().strip());

        TestRuns.Run json = run("elf", whl.toString(), "--json");
        assertEquals(0, json.status(), json.err());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("mixed-1.0-py3-none-any.whl", j.get("wheel").asText());
        List<String> listed = new java.util.ArrayList<>();
        j.get("native_members").forEach(m -> listed.add(m.get("format").asText() + " " + m.get("name").asText()));
        assertEquals(List.of("elf mixed/bin/tool", "mach-o mixed/universal.txt", "pe mixed/libs/_ext.pyd"), listed);
        assertEquals(Files.size(javaLauncher()), j.get("native_members").get(0).get("size").asLong());

        // each listed member is one the command then reads in its own format
        TestRuns.Run pe = run("elf", whl + "!mixed/libs/_ext.pyd", "--json");
        assertEquals(0, pe.status(), pe.err());
        assertTrue(pe.out().contains("KERNEL32.dll"), pe.out());
        TestRuns.Run macho = run("elf", whl + "!mixed/universal.txt");
        assertEquals(0, macho.status(), macho.err());
    }

    @Test
    void aWheelWithoutNativeCodeSaysSo(@TempDir Path dir) throws IOException {
        Path whl = dir.resolve("pure-1.0-py3-none-any.whl");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(whl))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("pure-1.0.dist-info/WHEEL"));
            zip.write("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n".getBytes());
            zip.putNextEntry(new java.util.zip.ZipEntry("pure/__init__.py"));
            zip.write("print('hello')\n".getBytes());
        }
        TestRuns.Run text = run("elf", whl.toString());
        assertEquals(0, text.status(), text.err());
        assertEquals("pure-1.0-py3-none-any.whl: no native members (no ELF, Mach-O or PE file)", text.out().strip());
        TestRuns.Run json = run("elf", whl.toString(), "--json");
        assertEquals(0, new ObjectMapper().readTree(json.out()).get("native_members").size(), json.out());
    }

    @Test
    void aMissingFileIsAUsageErrorOnOneLine(@TempDir Path dir) {
        TestRuns.Run r = run("elf", dir.resolve("nope.so").toString());
        assertEquals(ExitStatus.USAGE, r.status());
        assertEquals("wheelsh: " + dir.resolve("nope.so") + ": no such file", r.err().strip());
    }

    @Test
    void aFileThatIsNotElfIsAUsageErrorOnOneLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("METADATA");
        Files.writeString(f, "Metadata-Version: 2.1\n");
        TestRuns.Run r = run("elf", f.toString());
        assertEquals(ExitStatus.USAGE, r.status());
        assertEquals("wheelsh: " + f + ": not an ELF file (starts with 4d 65 74 61, not 7f 45 4c 46)", r.err().strip());
    }

    @Test
    void aTruncatedElfFileIsAUsageErrorOnOneLine(@TempDir Path dir) throws IOException {
        byte[] b = Files.readAllBytes(javaLauncher());
        Path f = dir.resolve("cut");
        Files.write(f, Arrays.copyOf(b, 40));
        TestRuns.Run r = run("elf", f.toString());
        assertEquals(ExitStatus.USAGE, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("ELF header truncated"), r.err());
    }
}
