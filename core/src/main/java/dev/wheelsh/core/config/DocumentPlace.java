package dev.wheelsh.core.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a document lives, for what its hovers read beside it: the document's own file (a
 * pyproject.toml's baseline paths are relative to it) and the workspace it was opened in (a
 * pip.conf takes the baselines of the workspace's pyproject.toml). Either may be unknown, as for
 * a text given on standard input or a document the editor has not saved yet.
 */
public record DocumentPlace(Optional<Path> file, Optional<Path> workspaceRoot) {

    /** A text that lives nowhere: only absolute paths it names can be read. */
    public static final DocumentPlace NOWHERE = new DocumentPlace(Optional.empty(), Optional.empty());

    public DocumentPlace {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(workspaceRoot, "workspaceRoot");
    }

    /** A file on disk, outside any workspace. */
    public static DocumentPlace ofFile(Path file) {
        return new DocumentPlace(Optional.of(file), Optional.empty());
    }

    /** The directory the document's relative paths start from: its file's, else the workspace's. */
    Optional<Path> directory() {
        Optional<Path> parent = file.map(Path::toAbsolutePath).map(Path::getParent);
        return parent.isPresent() ? parent : workspaceRoot;
    }
}
