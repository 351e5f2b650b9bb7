package dev.wheelsh.core.vocabulary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the same directory,
 * is forced to the disk, and is renamed over the target in one step. A full disk, a refused
 * permission or a process killed half-way leaves the previous file as it was (and at worst a
 * temporary file named {@code .NAME.*.tmp} beside it); the message says which.
 *
 * <p>Every file wheelsh writes goes through here.
 */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    /** Writes the content as it is produced; the target changes only once the whole of it is on disk. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] content) throws InputException {
        write(target, out -> out.write(content));
    }

    public static void write(Path target, Body body) throws InputException {
        Path real = target;
        try {
            if (Files.isSymbolicLink(target) && Files.exists(target)) {
                real = target.toRealPath(); // the link stays, the file it names is replaced
            }
        } catch (IOException e) {
            throw new InputException(target + ": cannot write: " + why(e) + "; nothing was written");
        }
        boolean existed = Files.exists(real, LinkOption.NOFOLLOW_LINKS);
        String untouched = existed ? "the previous file is untouched" : "nothing was written";
        if (Files.isDirectory(real)) {
            throw new InputException(target + ": a directory, not a file; nothing was written");
        }
        Path dir = real.toAbsolutePath().getParent();
        Path temp = null;
        try {
            String name = real.getFileName().toString();
            temp = Files.createTempFile(dir, "." + name + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            if (existed) {
                keepPermissions(real, temp);
            }
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("this file system cannot rename over a file in one step");
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is all that is left; the target is as it was
                }
            }
            throw new InputException(target + ": cannot write: " + why(e) + "; " + untouched, e);
        }
    }

    /** A new file would otherwise get the default mode; the file it replaces keeps its own. */
    private static void keepPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            Files.setPosixFilePermissions(to, perms);
        }
    }

    /** The rename itself reaches the disk only when the directory is forced too (where the system allows it). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not every system opens a directory; the file itself is on disk
        }
    }

    private static String why(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            m = f.getReason();
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            m = "permission denied";
        }
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return TerminalText.safe(m);
    }
}
