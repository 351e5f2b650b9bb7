package dev.wheelsh.shell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.machine.HostProbe;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host probe runs an interpreter once: its answer is kept per interpreter (real path, size,
 * modification time, the probe script, Python's start-up variables) and asked again whenever any
 * of them changes; a script in front of an interpreter is asked every time.
 */
class ProbeCacheTest {

    private static final List<String> PROBE_ARGS = List.of("-c", HostProbe.SCRIPT);

    @TempDir
    Path dir;

    /** A machine that answers the probe with a counter, so each real run shows. */
    private final List<List<String>> runs = new ArrayList<>();
    private int exitCode;
    private final HostProbe.Machine counting = new HostProbe.Machine() {
        @Override
        public ElfFile readElf(String absolutePath) throws InputException {
            throw new InputException("not used");
        }

        @Override
        public HostProbe.Output run(List<String> command) {
            runs.add(command);
            return new HostProbe.Output(exitCode, "{\"run\": " + runs.size() + "}", "");
        }
    };

    private Path python;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void anInterpreter() throws IOException {
        // the smallest ELF header is enough: the cache reads the magic, never runs the file
        python = dir.resolve("bin/python3.12");
        Files.createDirectories(python.getParent());
        Files.write(python, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        python.toFile().setExecutable(true);
        Files.createSymbolicLink(dir.resolve("bin/python3"), python.getFileName());
        env.put("PATH", dir.resolve("bin").toString());
    }

    private String probe(String command) throws IOException {
        ProbeCache cache = new ProbeCache(counting, Optional.of(dir.resolve("cache")), env);
        List<String> full = new ArrayList<>(List.of(command));
        full.addAll(PROBE_ARGS);
        return cache.run(full).stdout();
    }

    @Test
    void theSecondProbeOfAnInterpreterIsAnsweredFromTheCache() throws IOException {
        assertEquals("{\"run\": 1}", probe("python3"));
        assertEquals("{\"run\": 1}", probe("python3"));
        // the same program by its own path and through the link is the same interpreter
        assertEquals("{\"run\": 1}", probe(python.toString()));
        assertEquals(1, runs.size());
    }

    @Test
    void aChangedInterpreterIsAskedAgain() throws IOException {
        probe("python3");
        Files.setLastModifiedTime(python, FileTime.fromMillis(Files.getLastModifiedTime(python).toMillis() - 60_000));
        assertEquals("{\"run\": 2}", probe("python3"));
        Files.write(python, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0});
        assertEquals("{\"run\": 3}", probe("python3"));
        assertEquals(3, runs.size());
    }

    @Test
    void pythonsStartUpVariablesArePartOfTheAnswer() throws IOException {
        probe("python3");
        env.put("_PYTHON_HOST_PLATFORM", "linux-loongarch64");
        assertEquals("{\"run\": 2}", probe("python3"));
        env.put("HOME", "/elsewhere"); // not Python's: the same answer
        assertEquals("{\"run\": 2}", probe("python3"));
    }

    @Test
    void aScriptThatPicksTheInterpreterIsAskedEveryTime() throws IOException {
        Path shim = dir.resolve("shims/python3");
        Files.createDirectories(shim.getParent());
        Files.writeString(shim, "#!/bin/sh\nexec \"$(pyenv which python3)\" \"$@\"\n");
        shim.toFile().setExecutable(true);
        env.put("PATH", shim.getParent() + ":" + dir.resolve("bin"));
        probe("python3");
        probe("python3");
        assertEquals(2, runs.size());
    }

    @Test
    void aFailedProbeAndOtherProgramsAreNeverKept() throws IOException {
        exitCode = 1;
        probe("python3");
        probe("python3");
        assertEquals(2, runs.size());
        exitCode = 0;
        ProbeCache cache = new ProbeCache(counting, Optional.of(dir.resolve("cache")), env);
        cache.run(List.of(python.toString())); // the musl loader's version, say
        cache.run(List.of(python.toString()));
        assertEquals(4, runs.size());
    }

    @Test
    void withoutACacheDirectoryEveryProbeRuns() throws IOException {
        ProbeCache none = new ProbeCache(counting, Optional.empty(), env);
        none.run(List.of("python3", "-c", HostProbe.SCRIPT));
        none.run(List.of("python3", "-c", HostProbe.SCRIPT));
        assertEquals(2, runs.size());
    }

    @Test
    void theCacheFollowsTheXdgBaseDirectoryRule() {
        assertEquals(Optional.of(Path.of("/x/cache/wheelsh")), ProbeCache.cacheDirectory(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/h")));
        assertEquals(Optional.of(Path.of("/h/.cache/wheelsh")), ProbeCache.cacheDirectory(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/h")));
        assertEquals(Optional.empty(), ProbeCache.cacheDirectory(Map.of()));
    }
}
