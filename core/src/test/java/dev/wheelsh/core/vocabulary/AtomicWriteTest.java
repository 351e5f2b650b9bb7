package dev.wheelsh.core.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is replaced whole or not at all: the previous one survives a full disk and a SIGKILL. */
class AtomicWriteTest {

    private static final byte[] OLD = "[{\"name\": \"previous\"}]\n".getBytes(StandardCharsets.UTF_8);

    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void replacesTheFileWholeAndKeepsItsPermissions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.json");
        Files.write(f, OLD);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicWrite.write(f, "new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("new\n", Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of(), leftovers(dir));
    }

    @Test
    void aFailureHalfWayLeavesThePreviousFileAndSaysSo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.json");
        Files.write(f, OLD);
        InputException e = assertThrows(InputException.class, () -> AtomicWrite.write(f, out -> {
            out.write("[{\"na".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals(f + ": cannot write: No space left on device; the previous file is untouched", e.getMessage());
        assertEquals(new String(OLD, StandardCharsets.UTF_8), Files.readString(f));
        assertEquals(List.of(), leftovers(dir));
        Path fresh = dir.resolve("new.json");
        e = assertThrows(InputException.class, () -> AtomicWrite.write(fresh, out -> {
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().endsWith("; nothing was written"), e.getMessage());
        assertTrue(Files.notExists(fresh));
    }

    @Test
    void aDirectoryIsNotReplaced(@TempDir Path dir) throws Exception {
        Path d = Files.createDirectory(dir.resolve("out.json"));
        InputException e = assertThrows(InputException.class, () -> AtomicWrite.write(d, OLD));
        assertEquals(d + ": a directory, not a file; nothing was written", e.getMessage());
    }

    @Test
    void aSymbolicLinkStaysAndTheFileItNamesIsReplaced(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.json");
        Files.write(real, OLD);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        AtomicWrite.write(link, "new\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
    }

    /** Root only: a 64 KiB tmpfs fills up; writing 1 MiB into it fails and the previous file stays. */
    @Test
    void onAFullDiskThePreviousFileIsUntouched(@TempDir Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "not root: the full-disk case needs to mount a tmpfs; skipped");
        Path mnt = Files.createDirectory(dir.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt.toString())
                .redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here (" + why + "); the full-disk case is skipped");
        try {
            Path f = mnt.resolve("b.json");
            Files.write(f, OLD);
            byte[] big = new byte[1 << 20];
            InputException e = assertThrows(InputException.class, () -> AtomicWrite.write(f, big));
            assertTrue(e.getMessage().startsWith(f + ": cannot write: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; the previous file is untouched"), e.getMessage());
            assertEquals(new String(OLD, StandardCharsets.UTF_8), Files.readString(f));
            assertEquals(List.of(), leftovers(mnt));
        } finally {
            new ProcessBuilder("umount", mnt.toString()).inheritIO().start().waitFor();
        }
    }

    /** Writes the first half of the content, says so on stdout, then waits to be killed. */
    public static final class HalfWriter {
        public static void main(String[] args) throws Exception {
            AtomicWrite.write(Path.of(args[0]), out -> {
                out.write(new byte[1 << 20]);
                out.flush();
                System.out.println("half");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            });
        }
    }

    @Test
    void aProcessKilledMidWriteLeavesThePreviousFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.json");
        Files.write(f, OLD);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HalfWriter.class.getName(), f.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("half", r.readLine(), "the writer got half-way");
            p.destroyForcibly(); // SIGKILL: no handler, no cleanup runs
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        assertEquals(new String(OLD, StandardCharsets.UTF_8), Files.readString(f));
        assertEquals(1, leftovers(dir).size(), "at worst a temporary file beside it, which a later write does not disturb");
        AtomicWrite.write(f, "next\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("next\n", Files.readString(f));
    }
}
