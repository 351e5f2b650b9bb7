package dev.wheelsh.core.machine;

import dev.wheelsh.core.elf.LoongArchWorld;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.tags.Libc;
import java.util.Optional;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole machines described by hand (the interpreter's printed facts, its ELF header, its musl
 * loader's banner), so the probe's decisions can be checked for machines this one is not.
 */
class HostProbeCannedMachineTest {

    private static final int EM_386 = 3;
    private static final int EM_ARM = 40;
    private static final int EM_X86_64 = 62;
    private static final int EM_LOONGARCH = 258;

    /** A machine whose python3 prints {@code facts} and whose executable is {@code elf}. */
    private static HostProbe machine(String facts, byte[] elf, String muslBanner) {
        return new HostProbe(new HostProbe.Machine() {
            @Override
            public ElfFile readElf(String path) throws InputException {
                return ElfReader.read(path, elf);
            }

            @Override
            public HostProbe.Output run(List<String> command) throws IOException {
                if (command.get(0).equals("python3")) {
                    return new HostProbe.Output(0, facts, "");
                }
                if (command.get(0).contains("ld-musl")) {
                    return new HostProbe.Output(1, "", muslBanner);
                }
                throw new IOException("no such program " + command.get(0));
            }
        });
    }

    private static String facts(String platform, boolean is64, String glibc, Map<String, Object> extra) {
        StringBuilder sb = new StringBuilder("{\"name\": \"cpython\", \"version\": [3, 12], \"executable\": \"/usr/bin/python3.12\","
                + " \"platform\": \"" + platform + "\", \"maxsize64\": " + is64 + ", \"Py_DEBUG\": 0, \"Py_GIL_DISABLED\": null,"
                + " \"WITH_PYMALLOC\": 1, \"Py_UNICODE_SIZE\": null, \"EXT_SUFFIX\": \".cpython-312-x.so\","
                + " \"gettotalrefcount\": false, \"maxunicode\": 1114111, \"extension_suffixes\": [\".so\"], \"glibc\": "
                + (glibc == null ? "null" : "\"glibc " + glibc + "\""));
        extra.forEach((k, v) -> sb.append(", \"").append(k).append("\": ").append(v));
        return sb.append("}").toString();
    }

    @Test
    void aMuslInterpreterIsRecognisedByItsLoaderAndTheLoaderGivesTheVersion() throws Exception {
        byte[] elf = new TestElf().machine(EM_X86_64, true, false, 0).interpreter("/lib/ld-musl-x86_64.so.1").build();
        Target t = machine(facts("linux-x86_64", true, null, Map.of()), elf, "musl libc (x86_64)\nVersion 1.2.5\nDynamic Program Loader")
                .probe("python3");
        Platform.Linux linux = (Platform.Linux) t.platform();
        assertEquals(Libc.musl(1, 2), linux.libc());
        assertEquals("cp312-musl1.2-x86_64", t.compact());
    }

    @Test
    void armhfIsHardFloatEabi5AndArmelGetsNoManylinuxTags() throws Exception {
        byte[] armhf = new TestElf().machine(EM_ARM, false, false, 0x05000400).interpreter("/lib/ld-linux-armhf.so.3").build();
        byte[] armel = new TestElf().machine(EM_ARM, false, false, 0x05000200).interpreter("/lib/ld-linux.so.3").build();
        Target hf = machine(facts("linux-armv7l", false, "2.36", Map.of()), armhf, "").probe("python3");
        Target sf = machine(facts("linux-armv7l", false, "2.36", Map.of()), armel, "").probe("python3");
        assertTrue(hf.tags().get(0).platform().startsWith("manylinux_2_36_armv7l"));
        assertEquals("cp312-glibc2.36-armv7l+softfloat", sf.compact());
        assertTrue(sf.tags().stream().noneMatch(tag -> tag.platform().startsWith("manylinux")));
    }

    @Test
    void a32BitInterpreterOnA64BitKernelIsA32BitUserland() throws Exception {
        byte[] i386 = new TestElf().machine(EM_386, false, false, 0).interpreter("/lib/ld-linux.so.2").build();
        Target t = machine(facts("linux-x86_64", false, "2.35", Map.of()), i386, "").probe("python3");
        assertEquals("cp312-glibc2.35-x86_64+32bit", t.compact());
        assertEquals("cp312-cp312-manylinux_2_35_i686", t.tags().get(0).toString());
    }

    @Test
    void loongarchWorldsAreToldApartByTheInterpretersLoader() throws Exception {
        byte[] newWorld = new TestElf().machine(EM_LOONGARCH, true, false, 0x43)
                .interpreter("/lib64/ld-linux-loongarch-lp64d.so.1").needs("libc.so.6", "GLIBC_2.36").build();
        byte[] oldWorld = new TestElf().machine(EM_LOONGARCH, true, false, 0x03)
                .interpreter("/lib64/ld.so.1").needs("libc.so.6", "GLIBC_2.27").build();
        Target n = machine(facts("linux-loongarch64", true, "2.38", Map.of()), newWorld, "").probe("python3");
        Target o = machine(facts("linux-loongarch64", true, "2.28", Map.of()), oldWorld, "").probe("python3");
        assertEquals(Optional.of(LoongArchWorld.World.NEW), ((Platform.Linux) n.platform()).loongArchWorld());
        assertEquals(Optional.of(LoongArchWorld.World.OLD), ((Platform.Linux) o.platform()).loongArchWorld());
    }

    @Test
    void freeThreadingAndDebugComeFromTheConfigVariables() throws Exception {
        byte[] elf = new TestElf().machine(EM_X86_64, true, false, 0).interpreter("/lib64/ld-linux-x86-64.so.2").build();
        String f = facts("linux-x86_64", true, "2.39", Map.of()).replace("\"version\": [3, 12]", "\"version\": [3, 13]")
                .replace("\"Py_GIL_DISABLED\": null", "\"Py_GIL_DISABLED\": 1").replace("\"Py_DEBUG\": 0", "\"Py_DEBUG\": 1");
        Target t = machine(f, elf, "").probe("python3");
        assertEquals(List.of("cp313td", "cp313t"), t.interpreter().abis());
        assertTrue(t.interpreter().freeThreaded());
    }

    @Test
    void anInterpreterThatCannotRunIsOneClearLine() {
        HostProbe probe = new HostProbe(new HostProbe.Machine() {
            @Override
            public ElfFile readElf(String path) throws InputException {
                throw new InputException(path + ": not found");
            }

            @Override
            public HostProbe.Output run(List<String> command) {
                return new HostProbe.Output(1, "", "Traceback (most recent call last):\nImportError: no sysconfig");
            }
        });
        InputException e = assertThrows(InputException.class, () -> probe.probe("python3"));
        assertTrue(e.getMessage().contains("ImportError: no sysconfig"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aProgramThatIsNotPythonGetsOneLineWithoutTheProbeScriptEchoedBack() {
        // ls, given the script as a file name, complains with the whole script quoted in its message.
        HostProbe probe = new HostProbe(new HostProbe.Machine() {
            @Override
            public ElfFile readElf(String path) throws InputException {
                throw new InputException(path + ": not read in this test");
            }

            @Override
            public HostProbe.Output run(List<String> command) {
                return new HostProbe.Output(2, "", command.get(0) + ": cannot access '" + command.get(2) + "': File name too long\n");
            }
        });
        InputException e = assertThrows(InputException.class, () -> probe.probe("/bin/ls"));
        assertEquals("interpreter '/bin/ls': the probe script failed (exit 2); is it a Python interpreter?", e.getMessage());
    }
}
