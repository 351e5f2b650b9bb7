package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.pe.PeFile;
import dev.wheelsh.core.pe.TestPe;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wheelsh's WH326 (DLLs a module imports that nothing on the user's machine provides) against
 * {@code delvewheel show --ignore-existing}, run from delvewheel's source ({@value #PATH} names a
 * PYTHONPATH holding the source trees of delvewheel and pefile). Off Windows delvewheel finds no
 * DLL on PATH, so the DLLs it would copy into the wheel are exactly those it cannot assume on the
 * user's machine and does not find in the wheel: WH326's. The wheels hold the corpus's real DLLs
 * (JNA, sqlite-jdbc, zstd-jni, rollup; x64, x86 and ARM64) as .pyd modules and written modules
 * importing the Python DLLs, the C runtime and libraries bundled or not, under cp38, cp39, cp312,
 * abi3 and py3-none tags.
 */
class DelvewheelDifferentialTest {

    static final String PATH = "WHEELSH_DELVEWHEEL_PATH";

    @TempDir
    Path dir;

    private record Machine(String platform, int number, List<String> realDlls) {
    }

    private static final List<Machine> MACHINES = List.of(
            new Machine("win_amd64", PeFile.IMAGE_FILE_MACHINE_AMD64, List.of("jna-5.17.0/com/sun/jna/win32-x86-64/jnidispatch.dll",
                    "sqlite-jdbc-3.49.1.0/org/sqlite/native/Windows/x86_64/sqlitejdbc.dll", "zstd-jni-1.5.7-2/win/amd64/libzstd-jni-1.5.7-2.dll",
                    "@rollup_rollup-win32-x64-msvc/package/rollup.win32-x64-msvc.node")),
            new Machine("win32", PeFile.IMAGE_FILE_MACHINE_I386, List.of("jna-5.17.0/com/sun/jna/win32-x86/jnidispatch.dll",
                    "sqlite-jdbc-3.49.1.0/org/sqlite/native/Windows/x86/sqlitejdbc.dll", "zstd-jni-1.5.7-2/win/x86/libzstd-jni-1.5.7-2.dll",
                    "@rollup_rollup-win32-ia32-msvc/package/rollup.win32-ia32-msvc.node")),
            new Machine("win_arm64", PeFile.IMAGE_FILE_MACHINE_ARM64, List.of("jna-5.17.0/com/sun/jna/win32-aarch64/jnidispatch.dll",
                    "sqlite-jdbc-3.49.1.0/org/sqlite/native/Windows/aarch64/sqlitejdbc.dll", "zstd-jni-1.5.7-2/win/aarch64/libzstd-jni-1.5.7-2.dll",
                    "@rollup_rollup-win32-arm64-msvc/package/rollup.win32-arm64-msvc.node")));

    /** Python and ABI tags; the written modules import the Python DLL these name. */
    private static final List<String[]> INTERPRETERS = List.of(new String[] {"cp38", "cp38", "python38.dll"},
            new String[] {"cp39", "cp39", "python39.dll"}, new String[] {"cp312", "cp312", "python312.dll"},
            new String[] {"cp39", "abi3", "python3.dll"}, new String[] {"py3", "none", null});

    /** The imports of the written modules, beyond the Python DLL. */
    private static final List<List<String>> IMPORTS = List.of(
            List.of("KERNEL32.dll", "VCRUNTIME140.dll", "api-ms-win-crt-runtime-l1-1-0.dll"),
            List.of("MSVCP140.dll", "VCRUNTIME140_1.dll", "KERNEL32.dll"),
            List.of("libopenblas.dll", "USER32.dll", "ADVAPI32.dll"),
            List.of("libbundled.dll", "WS2_32.dll", "bcrypt.dll"));

    @Test
    void wheelshObstaclesAreTheDllsDelvewheelWouldCopy() throws Exception {
        assumeTrue(NativeCorpus.missing().isEmpty(), NativeCorpus.missing().orElse(""));
        String pythonPath = System.getenv(PATH);
        if (pythonPath == null) {
            System.err.println("SKIPPED: " + PATH + " does not name the source trees of delvewheel and pefile");
        }
        assumeTrue(pythonPath != null, PATH + " is not set");
        Optional<Path> python = ReferencePython.withPackaging26();
        assumeTrue(python.isPresent(), "no Python with packaging 26");

        Map<Path, Set<String>> ours = new LinkedHashMap<>();
        int n = 0;
        for (Machine m : MACHINES) {
            for (String[] interpreter : INTERPRETERS) {
                String tags = interpreter[0] + "-" + interpreter[1] + "-" + m.platform();
                for (String real : m.realDlls()) {
                    Optional<Path> p = NativeCorpus.file(real);
                    assumeTrue(p.isPresent(), real + " was not fetched");
                    Path w = wheel(n++, tags, Map.of("foo/_real.pyd", Files.readAllBytes(p.get())));
                    ours.put(w, obstacles(w));
                }
                for (List<String> imports : IMPORTS) {
                    List<String> all = new ArrayList<>(imports);
                    if (interpreter[2] != null) {
                        all.add(0, interpreter[2]);
                    }
                    byte[] pyd = new TestPe().machine(m.number()).imports(all.toArray(String[]::new)).build();
                    Map<String, byte[]> members = new LinkedHashMap<>();
                    members.put("foo/_x.pyd", pyd);
                    if (imports.contains("libbundled.dll")) {
                        members.put("foo/libbundled.dll", new TestPe().machine(m.number()).imports("KERNEL32.dll").build());
                    }
                    Path w = wheel(n++, tags, members);
                    ours.put(w, obstacles(w));
                }
            }
        }
        List<String> differences = new ArrayList<>();
        int same = 0;
        int withObstacles = 0;
        for (Map.Entry<Path, Set<String>> e : ours.entrySet()) {
            List<String> command = List.of("env", "PYTHONPATH=" + pythonPath, python.get().toString(), "-m", "delvewheel", "show",
                    "--ignore-existing", e.getKey().toString());
            ReferencePython.ProcessResult r = ReferencePython.run(command, 120);
            assertEquals(0, r.exitCode(), e.getKey().getFileName() + ": " + r.stdout() + r.stderr());
            Set<String> copied = copied(r.stdout());
            if (copied.equals(e.getValue())) {
                same++;
                withObstacles += copied.isEmpty() ? 0 : 1;
            } else {
                differences.add(e.getKey().getFileName() + ": delvewheel copies " + copied + ", wheelsh's obstacles " + e.getValue());
            }
        }
        System.err.println("delvewheel differential: " + ours.size() + " wheels, " + same + " the same (" + withObstacles
                + " of them with DLLs to copy), " + differences.size() + " different");
        assertEquals(List.of(), differences);
        assertTrue(same > 100, "too few wheels compared: " + same);
        assertTrue(withObstacles > 20 && withObstacles < same, "the wheels must hold both kinds: " + withObstacles);
    }

    /** The DLL names under "The following DLLs will be copied into the wheel.", lower-cased. */
    static Set<String> copied(String out) {
        Set<String> names = new TreeSet<>();
        boolean in = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("The following DLLs will be copied")) {
                in = true;
            } else if (in && line.startsWith("    ")) {
                String name = line.strip().split(" ")[0];
                if (!name.equals("None")) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            } else if (in) {
                break;
            }
        }
        return names;
    }

    private Path wheel(int id, String tags, Map<String, byte[]> members) throws Exception {
        String dist = "foo" + id;
        TestWheel w = new TestWheel().distInfo(dist + "-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: " + tags + "\n");
        members.forEach((name, bytes) -> w.add(name, bytes, false));
        return w.write(dir.resolve(dist + "-1.0-" + tags + ".whl"));
    }

    /** The DLL names of wheelsh's WH326 findings, lower-cased. */
    private static Set<String> obstacles(Path wheel) throws Exception {
        Set<String> out = new TreeSet<>();
        try (WheelArchive w = WheelArchive.open(wheel)) {
            for (Finding f : WheelCheckList.run(WheelFacts.read(w, false), BuiltinPolicies.all(), Optional.empty())) {
                if (f.code().id().equals("WH326")) {
                    String m = f.message();
                    String list = m.substring(m.indexOf(" imports ") + 9, m.indexOf(", which neither"));
                    for (String dll : list.split(", ")) {
                        out.add(dll.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }
}
