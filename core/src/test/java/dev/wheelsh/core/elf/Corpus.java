package dev.wheelsh.core.elf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the repository root, the fetched corpus and reference tools, for tests that need them. */
final class Corpus {

    private Corpus() {
    }

    /** The folder holding mvnw, walking up from the working directory. */
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Path corpusDir() {
        return repoRoot().resolve(".corpus");
    }

    /** An executable of this name on PATH. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path c = Path.of(dir, name);
            if (Files.isExecutable(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every regular file under the corpus's unpacked folders that starts with the ELF magic. */
    static List<Path> elfFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        Path root = corpusDir();
        for (String sub : List.of("elf", "npm", "maven")) {
            Path dir = root.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && startsWithElf(p)) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    static boolean startsWithElf(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return ElfReader.isElf(in.readNBytes(4));
        }
    }
}
