package dev.wheelsh.shell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.shell.TestRuns;
import dev.wheelsh.shell.io.ExitStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        assertEquals(ExitStatus.USAGE, wheelOnly.status());
        assertEquals("wheelsh: demo-1.0-py3-none-linux_x86_64.whl: a wheel, not an ELF object; name a member as "
                + "demo-1.0-py3-none-linux_x86_64.whl!MEMBER (ELF members: demo/bin/tool)", wheelOnly.err().strip());
        TestRuns.Run missing = run("elf", whl + "!demo/nope.so");
        assertEquals(ExitStatus.USAGE, missing.status());
        assertEquals("wheelsh: demo-1.0-py3-none-linux_x86_64.whl: no member demo/nope.so (ELF members: demo/bin/tool)",
                missing.err().strip());
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
