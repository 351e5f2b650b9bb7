package dev.wheelsh.core.macho;

import dev.wheelsh.core.pe.PeReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The fetched Mach-O and PE files (scripts/fetch.d/50-macho-pe.sh puts them under
 * .corpus/macho-pe) and the llvm tools that read them, for the tests that need them.
 */
public final class NativeCorpus {

    private NativeCorpus() {
    }

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public static Path dir() {
        return repoRoot().resolve(".corpus").resolve("macho-pe");
    }

    /** The reason the corpus cannot be used, or empty when it can. */
    public static Optional<String> missing() {
        return Files.isDirectory(dir()) ? Optional.empty()
                : Optional.of("no .corpus/macho-pe folder: run scripts/fetch-test-inputs.sh (scripts/fetch.d/50-macho-pe.sh)");
    }

    public static List<Path> machOFiles() throws IOException {
        return files(MachOReader::isMachO);
    }

    public static List<Path> peFiles() throws IOException {
        return files(PeReader::isPe);
    }

    /** One corpus file by its path under .corpus/macho-pe, if it was fetched. */
    public static Optional<Path> file(String relative) {
        Path p = dir().resolve(relative);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static List<Path> files(Predicate<byte[]> startsLike) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir())) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir())) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (p.toString().contains(File.separator + "tgz" + File.separator)
                        || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    if (startsLike.test(in.readNBytes(8))) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** An llvm tool on PATH under its plain name or Debian's versioned one (llvm-readobj-14). */
    public static Optional<Path> llvmTool(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path plain = Path.of(dir, name);
            if (Files.isExecutable(plain)) {
                return Optional.of(plain);
            }
        }
        for (int v = 30; v >= 11; v--) {
            for (String dir : path.split(File.pathSeparator)) {
                Path c = Path.of(dir, name + "-" + v);
                if (Files.isExecutable(c)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** The standard output of a tool run on files, with LC_ALL=C. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /**
     * A fat (universal) file around thin ones, as lipo lays it out: the big-endian fat header,
     * then each slice at the next 2^14-byte boundary.
     */
    public static byte[] fat(List<byte[]> thin) {
        int align = 1 << 14;
        long[] offsets = new long[thin.size()];
        long at = align;
        for (int i = 0; i < thin.size(); i++) {
            offsets[i] = at;
            at = (at + thin.get(i).length + align - 1) / align * align;
        }
        byte[] out = new byte[(int) (offsets[thin.size() - 1] + thin.get(thin.size() - 1).length)];
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putInt(MachOReader.FAT_MAGIC).putInt(thin.size());
        for (int i = 0; i < thin.size(); i++) {
            ByteBuffer h = ByteBuffer.wrap(thin.get(i)).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(h.getInt(4)).putInt(h.getInt(8)).putInt((int) offsets[i]).putInt(thin.get(i).length).putInt(14);
            System.arraycopy(thin.get(i), 0, out, (int) offsets[i], thin.get(i).length);
        }
        return out;
    }
}
