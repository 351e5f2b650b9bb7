package dev.wheelsh.core.machine;

import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.document.JsonTree;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.elf.MachineAbi;
import dev.wheelsh.core.tags.InterpreterTagInputs;
import dev.wheelsh.core.tags.Libc;
import dev.wheelsh.core.tags.PlatformTags;
import dev.wheelsh.core.tags.PythonVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a real machine into a {@link Target}, the way packaging reads the running one: the
 * interpreter is run once with {@link #SCRIPT} for its own facts (implementation, version,
 * sysconfig, glibc's confstr); its ELF header gives the loader (musl or glibc), the word size and,
 * on 32-bit ARM, the float ABI; a musl loader is run to learn its version. Everything it touches
 * comes in through {@link Machine}, so a test can describe a whole machine without having one.
 */
public final class HostProbe {

    /** Access to the machine: files by absolute path, and programs to run. */
    public interface Machine {
        /** Reads an ELF file of the machine. */
        ElfFile readElf(String absolutePath) throws InputException;

        /** Runs a program with arguments; gives back its exit code, standard output and error. */
        Output run(List<String> command) throws IOException;
    }

    /** What a program printed. */
    public record Output(int exitCode, String stdout, String stderr) {
    }

    /**
     * The one script the interpreter runs: valid Python 2.7 and 3.x, prints one JSON object.
     * Config variables that are unset print as null, as packaging's fallbacks need to know.
     */
    public static final String SCRIPT = String.join("\n",
            "import sys, os, json, sysconfig",
            "try:",
            "    from importlib.machinery import EXTENSION_SUFFIXES as S",
            "except ImportError:",
            "    import imp; S = [s[0] for s in imp.get_suffixes() if s[2] == imp.C_EXTENSION]",
            "v = lambda n: sysconfig.get_config_var(n)",
            "try:",
            "    libc = os.confstr('CS_GNU_LIBC_VERSION')",
            "except (AttributeError, ValueError, OSError):",
            "    libc = None",
            "if libc is None:",
            "    try:",
            "        import ctypes",
            "        f = ctypes.CDLL(None).gnu_get_libc_version",
            "        f.restype = ctypes.c_char_p",
            "        libc = 'glibc ' + f().decode('ascii')",
            "    except Exception:",
            "        libc = None",
            "print(json.dumps({'name': getattr(getattr(sys, 'implementation', None), 'name', 'cpython'),",
            " 'version': list(sys.version_info[:2]), 'executable': os.path.realpath(sys.executable),",
            " 'platform': sysconfig.get_platform(), 'maxsize64': sys.maxsize > 2 ** 32,",
            " 'Py_DEBUG': v('Py_DEBUG'), 'Py_GIL_DISABLED': v('Py_GIL_DISABLED'), 'WITH_PYMALLOC': v('WITH_PYMALLOC'),",
            " 'Py_UNICODE_SIZE': v('Py_UNICODE_SIZE'), 'EXT_SUFFIX': v('EXT_SUFFIX') or v('SO'),",
            " 'py_version_nodot': v('py_version_nodot'), 'gettotalrefcount': hasattr(sys, 'gettotalrefcount'),",
            " 'maxunicode': sys.maxunicode, 'extension_suffixes': list(S), 'glibc': libc}))",
            "");

    private static final Pattern MUSL_VERSION = Pattern.compile("Version (\\d+)\\.(\\d+)");
    private static final Pattern GLIBC_VERSION = Pattern.compile("glibc (\\d+)\\.(\\d+)");

    private final Machine machine;

    public HostProbe(Machine machine) {
        this.machine = machine;
    }

    /** The machine as {@code python} sees it; {@code python} is a path or a command on PATH. */
    public Target probe(String python) throws InputException {
        Output out;
        try {
            out = machine.run(List.of(python, "-c", SCRIPT));
        } catch (IOException e) {
            throw new InputException("interpreter '" + python + "': cannot run it (" + e.getMessage() + ")");
        }
        if (out.exitCode() != 0) {
            String stderr = out.stderr().strip();
            String last = stderr.lines().reduce((a, b) -> b).orElse("");
            // A program that is not Python (ls, a shell) tends to echo its argument, the whole
            // script, back in its complaint: then the complaint says nothing the user can use.
            boolean echoesScript = stderr.contains(SCRIPT.lines().findFirst().orElse(SCRIPT)) || last.length() > 300;
            throw new InputException("interpreter '" + python + "': the probe script failed (exit " + out.exitCode() + ")"
                    + (echoesScript ? "; is it a Python interpreter?" : last.isEmpty() ? "" : ": " + last));
        }
        // The streaming reader, not an object mapper: this runs at the start of `tags host`.
        JsonReader.Result read = JsonReader.read(out.stdout());
        if (read.error().isPresent()) {
            throw new InputException("interpreter '" + python + "': the probe printed something that is not JSON");
        }
        JsonTree facts = new JsonTree(read.root());
        if (facts.path("version").items().size() < 2) {
            throw new InputException("interpreter '" + python + "': the probe printed no facts");
        }
        return target(facts);
    }

    /** The target from the facts the script printed. */
    Target target(JsonTree facts) throws InputException {
        Interpreter interpreter = interpreter(facts);
        String platform = facts.path("platform").text("");
        if (!platform.startsWith("linux-")) {
            return new Target(otherPlatform(platform), interpreter);
        }
        String arch = PlatformTags.normalize(platform.substring("linux-".length()));
        boolean is64 = facts.path("maxsize64").bool(true);
        Optional<ElfFile> elf = Optional.empty();
        String executable = facts.path("executable").text("");
        if (!executable.isEmpty()) {
            try {
                elf = Optional.of(machine.readElf(executable));
            } catch (InputException e) {
                elf = Optional.empty(); // a script or an unreadable file: fall back to what the interpreter said
            }
        }
        Libc libc = libc(facts, elf);
        boolean userland32 = !is64 && (arch.equals("x86_64") || arch.equals("aarch64"));
        boolean hardFloat = elf.map(HostProbe::armHardFloat).orElse(true);
        Optional<LoongArchWorld.World> world = Optional.empty();
        if (arch.equals("loongarch64")) {
            // The interpreter's own markers decide; anything but old-world evidence is the upstream (new) world.
            world = Optional.of(elf.flatMap(LoongArchWorld::of).map(w -> w.world() == LoongArchWorld.World.OLD
                    ? LoongArchWorld.World.OLD : LoongArchWorld.World.NEW).orElse(LoongArchWorld.World.NEW));
        }
        return new Target(new Platform.Linux(arch, userland32, libc, hardFloat, world), interpreter);
    }

    private static Platform otherPlatform(String sysconfigPlatform) throws InputException {
        String p = sysconfigPlatform.toLowerCase(Locale.ROOT);
        if (p.equals("win32")) {
            return new Platform.Windows("x86");
        }
        if (p.startsWith("win-")) {
            return new Platform.Windows(p.substring(4));
        }
        Matcher mac = Pattern.compile("macosx-(\\d+)\\.(\\d+)-(.+)").matcher(p);
        if (mac.matches()) {
            return new Platform.MacOs(Integer.parseInt(mac.group(1)), Integer.parseInt(mac.group(2)), mac.group(3));
        }
        throw new InputException("platform '" + sysconfigPlatform + "': wheelsh probes Linux, macOS and Windows interpreters");
    }

    /** packaging's _is_linux_armhf: EABI5 with the hard-float flag; true for every other machine. */
    static boolean armHardFloat(ElfFile elf) {
        MachineAbi abi = elf.machineAbi();
        if (abi instanceof MachineAbi.Arm arm) {
            return arm.eabiVersion() == 5 && arm.floatAbi() == MachineAbi.FloatAbi.HARD;
        }
        return true;
    }

    /** glibc from confstr (what packaging reads first); musl from running the loader, as packaging does. */
    private Libc libc(JsonTree facts, Optional<ElfFile> elf) {
        Optional<String> loader = elf.flatMap(ElfFile::interpreter);
        if (loader.isPresent() && loader.get().contains("musl")) {
            try {
                Output o = machine.run(List.of(loader.get()));
                Matcher m = MUSL_VERSION.matcher(o.stderr() + "\n" + o.stdout());
                if (m.find()) {
                    return Libc.musl(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
            } catch (IOException e) {
                return Libc.none();
            }
            return Libc.none();
        }
        Matcher g = GLIBC_VERSION.matcher(facts.path("glibc").text(""));
        if (g.find()) {
            return Libc.glibc(Integer.parseInt(g.group(1)), Integer.parseInt(g.group(2)));
        }
        return Libc.none();
    }

    /** The interpreter and its ABI flags, by packaging's rules (_cpython_abis, _generic_abi). */
    static Interpreter interpreter(JsonTree f) {
        String name = f.path("name").text("cpython");
        String impl = Interpreters.shortNameOf(name);
        int major = f.path("version").items().get(0).integer(0);
        int minor = f.path("version").items().get(1).integer(0);
        PythonVersion version = new PythonVersion(major, OptionalInt.of(minor));
        if (!impl.equals("cp")) {
            String ext = f.path("EXT_SUFFIX").text("");
            return new Interpreter(impl, version, "", InterpreterTagInputs.abiFromExtSuffix(ext));
        }
        StringBuilder flags = new StringBuilder();
        JsonTree debug = f.path("Py_DEBUG");
        boolean hasDebugExt = false;
        for (JsonTree s : f.path("extension_suffixes").items()) {
            hasDebugExt |= s.text().equals("_d.pyd");
        }
        if (truthy(debug) || (!debug.present() && (f.path("gettotalrefcount").bool(false) || hasDebugExt))) {
            flags.append('d');
        }
        if (version.atLeast(3, 13) && truthy(f.path("Py_GIL_DISABLED"))) {
            flags.append('t');
        }
        if (!version.atLeast(3, 8)) {
            JsonTree pymalloc = f.path("WITH_PYMALLOC");
            if (truthy(pymalloc) || !pymalloc.present()) {
                flags.append('m');
            }
            if (!version.atLeast(3, 3)) {
                JsonTree unicode = f.path("Py_UNICODE_SIZE");
                if (unicode.integer(0) == 4 || (!unicode.present() && f.path("maxunicode").integer(0) == 0x10FFFF)) {
                    flags.append('u');
                }
            }
        }
        return Interpreter.cpython(version, flags.toString());
    }

    private static boolean truthy(JsonTree n) {
        return n.present() && n.bool(false);
    }

    /** Runs programs and reads files of this machine, for the command line. */
    public static Machine local() {
        return new Machine() {
            @Override
            public ElfFile readElf(String absolutePath) throws InputException {
                return ElfReader.read(Path.of(absolutePath));
            }

            @Override
            public Output run(List<String> command) throws IOException {
                Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
                p.getOutputStream().close();
                java.util.concurrent.CompletableFuture<byte[]> err =
                        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                            try {
                                return p.getErrorStream().readNBytes(1 << 20);
                            } catch (IOException e) {
                                return new byte[0];
                            }
                        });
                byte[] out = p.getInputStream().readNBytes(4 << 20);
                try {
                    if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        throw new IOException("did not finish within 30 s");
                    }
                    return new Output(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8),
                            new String(err.join(), java.nio.charset.StandardCharsets.UTF_8));
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        };
    }
}
