package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.elf.MuslSymbols.Release;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The musl symbol table (musl-symbols.tsv) and the loader's reserved names (musl-loader.tsv), by
 * their facts, and the table against the real libc.so of every musl release scripts/fetch.d/60-musl.sh
 * gets (Debian's packages, and releases built from musl's git); those tests skip, saying so, when
 * .corpus/musl was not fetched.
 */
class MuslSymbolsTest {

    private static Release r(String s) {
        return Release.parse(s);
    }

    @Test
    void time64SymbolsCameWithMusl12OnThirtyTwoBitArchesOnly() {
        for (String arch : List.of("i686", "armv7l")) {
            MuslSymbols.Since s = MuslSymbols.since("__clock_gettime64", arch).orElseThrow();
            assertEquals(r("1.2.0"), s.release(), arch);
            assertTrue(s.exact(), arch);
            assertEquals("added in musl 1.2.0", s.words());
        }
        // 64-bit arches always had a 64-bit time_t: plain clock_gettime serves them.
        assertEquals(Optional.empty(), MuslSymbols.since("__clock_gettime64", "x86_64"));
        assertEquals(Optional.empty(), MuslSymbols.since("__clock_gettime64", "aarch64"));
        assertTrue(MuslSymbols.since("clock_gettime", "x86_64").orElseThrow().release().withinSeries(1, 1));
    }

    @Test
    void functionsTheReleaseNotesAnnounceAreDatedByTheRelease() {
        // WHATSNEW 1.2.2: reallocarray, gettid, _Fork; 1.2.3: qsort_r, pthread_getname_np.
        for (String arch : List.of("x86_64", "aarch64", "i686", "armv7l")) {
            assertEquals(r("1.2.2"), MuslSymbols.since("reallocarray", arch).orElseThrow().release(), arch);
            assertEquals(r("1.2.2"), MuslSymbols.since("gettid", arch).orElseThrow().release(), arch);
            assertEquals(r("1.2.3"), MuslSymbols.since("qsort_r", arch).orElseThrow().release(), arch);
            assertTrue(MuslSymbols.since("qsort_r", arch).orElseThrow().exact(), arch);
        }
    }

    @Test
    void theOldestReleaseReadOnlyBoundsWhatItHas() {
        MuslSymbols.Since memcpy = MuslSymbols.since("memcpy", "x86_64").orElseThrow();
        assertFalse(memcpy.exact());
        assertEquals(MuslSymbols.oldest("x86_64").orElseThrow(), memcpy.release());
        assertEquals("there by musl " + memcpy.release(), memcpy.words());
        // An import known only to be there by the oldest release is no evidence of a newer musl.
        assertEquals(Optional.empty(), MuslSymbols.newest(List.of("memcpy", "malloc", "clock_gettime"), "x86_64"));
        assertEquals("__clock_gettime64",
                MuslSymbols.newest(List.of("memcpy", "__clock_gettime64", "clock_gettime"), "i686").orElseThrow().symbol());
    }

    @Test
    void debiansFtsPatchIsNotMusl() {
        assertTrue(MuslSymbols.packagersAddition("fts_open"));
        assertEquals(Optional.empty(), MuslSymbols.since("fts_open", "x86_64"));
        assertFalse(MuslSymbols.packagersAddition("qsort_r"));
    }

    @Test
    void theTableCoversFourArchitectures() {
        assertEquals(Set.of("aarch64", "armv7l", "i686", "x86_64"), MuslSymbols.arches());
        assertEquals(Optional.empty(), MuslSymbols.oldest("riscv64"));
    }

    @Test
    void theLoaderAnswersItsReservedNamesWhateverFollowsTheDot() {
        assertEquals(List.of("c", "pthread", "rt", "m", "dl", "util", "xnet"), MuslSymbols.reservedStems());
        for (String name : List.of("libc.so", "libc.musl-x86_64.so.1", "libpthread.so", "libpthread.so.0", "libm.so",
                "libm.so.6", "libdl.so.2", "librt.so", "libutil.so", "libxnet.so")) {
            assertTrue(MuslSymbols.answeredByLoader(name), name);
        }
        for (String name : List.of("libcrypto.so.3", "libmagic.so.1", "libz.so.1", "libdlfoo.so", "ld-musl-x86_64.so.1", "c.so")) {
            assertFalse(MuslSymbols.answeredByLoader(name), name);
        }
    }

    // --- against the real libraries ---

    private record Lib(Release release, String arch, Set<String> exports) {
    }

    private static List<Lib> libraries() throws Exception {
        Path root = Corpus.corpusDir().resolve("musl/libc");
        assumeTrue(Files.isDirectory(root), ".corpus/musl/libc was not fetched (scripts/fetch.d/60-musl.sh)");
        List<Lib> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("libc.so")).sorted().toList()) {
                ElfFile f = ElfReader.read(p);
                Set<String> exports = new TreeSet<>();
                for (DynamicSymbol s : f.symbols()) {
                    if (s.defined() && s.index() != 0 && s.bind() != DynamicSymbol.STB_LOCAL && s.visibility() == 0
                            && s.type() != 3 && s.type() != 4) { // not SECTION or FILE
                        exports.add(s.name());
                    }
                }
                String arch = p.getParent().getFileName().toString();
                assertEquals(arch, f.platformArch(), p.toString());
                out.add(new Lib(r(p.getParent().getParent().getFileName().toString()), arch, exports));
            }
        }
        assumeTrue(!out.isEmpty(), ".corpus/musl/libc holds no libc.so (scripts/fetch.d/60-musl.sh)");
        return out;
    }

    /** Every symbol a release's libc.so exports has a row saying it was there by then. */
    @Test
    void everyExportOfEveryReleaseReadIsInTheTableNoLaterThanThatRelease() throws Exception {
        for (Lib lib : libraries()) {
            for (String sym : lib.exports()) {
                if (MuslSymbols.packagersAddition(sym)) {
                    continue;
                }
                MuslSymbols.Since s = MuslSymbols.since(sym, lib.arch())
                        .orElseThrow(() -> new AssertionError(sym + " of musl " + lib.release() + " " + lib.arch() + " is not in the table"));
                assertTrue(s.release().compareTo(lib.release()) <= 0, sym + " " + lib.arch() + ": table says " + s.release()
                        + ", but musl " + lib.release() + " has it");
            }
        }
    }

    /** A symbol dated exactly to a release is missing from every older libc.so read and present in that one. */
    @Test
    void anExactReleaseIsTheFirstLibraryReadThatHasTheSymbol() throws Exception {
        Map<String, TreeMap<Release, Set<String>>> byArch = new TreeMap<>();
        for (Lib lib : libraries()) {
            byArch.computeIfAbsent(lib.arch(), a -> new TreeMap<>()).put(lib.release(), lib.exports());
        }
        int checked = 0;
        for (Map.Entry<String, TreeMap<Release, Set<String>>> e : byArch.entrySet()) {
            for (Map.Entry<Release, Set<String>> rel : e.getValue().entrySet()) {
                for (String sym : rel.getValue()) {
                    Optional<MuslSymbols.Since> found = MuslSymbols.since(sym, e.getKey());
                    if (found.isEmpty() || !found.get().exact()) {
                        continue;
                    }
                    MuslSymbols.Since s = found.get();
                    if (!s.exact()) {
                        continue;
                    }
                    for (Map.Entry<Release, Set<String>> older : e.getValue().headMap(s.release()).entrySet()) {
                        assertFalse(older.getValue().contains(sym), sym + " " + e.getKey() + " is dated " + s.release()
                                + " but musl " + older.getKey() + " has it");
                    }
                    Set<String> at = e.getValue().get(s.release());
                    if (at != null) {
                        assertTrue(at.contains(sym), sym + " " + e.getKey() + " is dated " + s.release() + " but its libc.so lacks it");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 0, "no exact row was checked against a library");
    }

    private static String resource(String name) throws Exception {
        try (java.io.InputStream in = MuslSymbols.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * The committed files are what the generator writes from the fetched libraries and musl's git at
     * the commit their header names. Needs python3, readelf, git and a clone of musl's git
     * (WHEELSH_MUSL_GIT, or .corpus/musl/musl.git as scripts/fetch.d/60-musl.sh clones it); skips,
     * saying so, without them or when the fetched releases differ from those the table was made from.
     */
    @Test
    void theGeneratorWritesTheCommittedFilesFromTheFetchedLibraries(@TempDir Path out) throws Exception {
        Path libc = Corpus.corpusDir().resolve("musl/libc");
        assumeTrue(Files.isDirectory(libc), ".corpus/musl/libc was not fetched (scripts/fetch.d/60-musl.sh)");
        for (String tool : List.of("python3", "readelf", "git")) {
            assumeTrue(Corpus.onPath(tool).isPresent(), tool + " is not on PATH");
        }
        String env = System.getenv("WHEELSH_MUSL_GIT");
        Path git = env != null ? Path.of(env) : Corpus.corpusDir().resolve("musl/musl.git");
        assumeTrue(Files.isDirectory(git), "no clone of musl's git (set WHEELSH_MUSL_GIT, or let scripts/fetch.d/60-musl.sh clone it)");
        String committed = resource("musl-symbols.tsv");
        java.util.regex.Matcher commit = java.util.regex.Pattern.compile("musl's git, commit ([0-9a-f]{40})").matcher(committed);
        assertTrue(commit.find(), "musl-symbols.tsv names no musl commit");
        Process p = new ProcessBuilder("python3", Corpus.repoRoot().resolve("scripts/facts/generate_musl_symbols.py").toString(),
                "--libc", libc.toString(), "--musl", git + "@" + commit.group(1), "--out", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        String generated = Files.readString(out.resolve("musl-symbols.tsv"));
        String covered = "# Releases covered";
        assumeTrue(line(generated, covered).equals(line(committed, covered)),
                "the fetched libraries are not those the table was made from: " + line(generated, covered));
        assertEquals(committed, generated);
        assertEquals(resource("musl-loader.tsv"), Files.readString(out.resolve("musl-loader.tsv")));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }
}
