package dev.wheelsh.shell.io;

import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.machine.HostProbe;
import dev.wheelsh.core.vocabulary.AtomicWrite;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The host probe's answer remembered per interpreter, so {@code tags host} and a command without
 * a target spawn Python once, not on every run. The key is what makes the answer: the
 * interpreter's real path, size and modification time, the probe script itself, and the
 * environment variables Python reads at start ({@code PYTHON*}, {@code _PYTHON*}, such as
 * {@code _PYTHON_HOST_PLATFORM}). An upgraded, rebuilt or replaced interpreter is another key.
 *
 * <p>Only a real program is cached: a script in front of the interpreter (pyenv's shims, a
 * wrapper) picks the interpreter anew on every run (from the directory, its own environment), so
 * its answer is never kept. The cache lives under {@code $XDG_CACHE_HOME/wheelsh} (else
 * {@code ~/.cache/wheelsh}); a cache that cannot be read or written only costs the probe.
 */
public final class ProbeCache implements HostProbe.Machine {

    private final HostProbe.Machine machine;
    private final Optional<Path> directory;
    private final Map<String, String> env;

    public ProbeCache(HostProbe.Machine machine, Optional<Path> directory, Map<String, String> env) {
        this.machine = machine;
        this.directory = directory;
        this.env = Map.copyOf(env);
    }

    /** This machine's probe with the cache of this user, as the command line uses it. */
    public static HostProbe.Machine local() {
        return new ProbeCache(HostProbe.local(), cacheDirectory(System.getenv()), System.getenv());
    }

    /** {@code $XDG_CACHE_HOME/wheelsh}, else {@code ~/.cache/wheelsh} (the XDG base directory rule). */
    static Optional<Path> cacheDirectory(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "wheelsh"));
        }
        String home = env.get("HOME");
        return home == null || home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "wheelsh"));
    }

    @Override
    public ElfFile readElf(String absolutePath) throws InputException {
        return machine.readElf(absolutePath);
    }

    @Override
    public HostProbe.Output run(List<String> command) throws IOException {
        Optional<Path> entry = isProbe(command) ? directory.flatMap(d -> key(command.get(0)).map(k -> d.resolve("probe-" + k + ".json")))
                : Optional.empty();
        if (entry.isPresent() && Files.isRegularFile(entry.get())) {
            try {
                return new HostProbe.Output(0, Files.readString(entry.get(), StandardCharsets.UTF_8), "");
            } catch (IOException e) {
                // unreadable: probe again below
            }
        }
        HostProbe.Output out = machine.run(command);
        if (entry.isPresent() && out.exitCode() == 0) {
            try {
                Files.createDirectories(entry.get().getParent());
                AtomicWrite.write(entry.get(), out.stdout().getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InputException e) {
                // a read-only or full cache directory: the answer is still right, only not kept
            }
        }
        return out;
    }

    private static boolean isProbe(List<String> command) {
        return command.size() == 3 && command.get(1).equals("-c") && command.get(2).equals(HostProbe.SCRIPT);
    }

    /** The cache key of an interpreter, or nothing when its answer must not be kept. */
    Optional<String> key(String python) {
        Optional<Path> program = resolve(python);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path real = program.get().toRealPath();
            if (!isNativeProgram(real)) {
                return Optional.empty();
            }
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            StringBuilder material = new StringBuilder();
            material.append(real).append('\n').append(a.size()).append('\n').append(a.lastModifiedTime().toMillis()).append('\n');
            material.append(HostProbe.SCRIPT).append('\n');
            new TreeMap<>(env).forEach((k, v) -> {
                if (k.startsWith("PYTHON") || k.startsWith("_PYTHON")) {
                    material.append(k).append('=').append(v).append('\n');
                }
            });
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.toString().getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest, 0, 12));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** The file a command names: a path as it is, a bare name through PATH, as the process would find it. */
    private Optional<Path> resolve(String python) {
        if (python.contains(File.separator)) {
            Path p = Path.of(python);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, python);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** An ELF, Mach-O or PE program, not a script that decides which interpreter runs. */
    static boolean isNativeProgram(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n < 2) {
            return false;
        }
        int magic = n < 4 ? 0 : ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        return magic == 0x7f454c46 // ELF
                || magic == 0xfeedface || magic == 0xfeedfacf || magic == 0xcefaedfe || magic == 0xcffaedfe // Mach-O
                || magic == 0xcafebabe // a universal Mach-O binary
                || (head[0] == 'M' && head[1] == 'Z'); // PE
    }
}
