package dev.wheelsh.core.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.macho.MachOFile.BuildVersion;
import dev.wheelsh.core.macho.MachOFile.Dylib;
import dev.wheelsh.core.macho.MachOFile.Slice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Mach-O file of the fetched corpus, and a universal file made of each pair of thin ones,
 * read by wheelsh gives the same facts as {@code llvm-objdump --macho --private-headers
 * --arch=all}: per slice the CPU type, every LC_BUILD_VERSION (platform, minos) and
 * LC_VERSION_MIN_* version, every library load command with its name, LC_ID_DYLIB and LC_RPATH.
 */
class LlvmMachODifferentialTest {

    private static final Pattern ARCH_HEADING = Pattern.compile("^.* \\(architecture (\\S+)\\):$");
    private static final Pattern NAME = Pattern.compile("^(?:name|path) (.*) \\(offset \\d+\\)$");

    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicTest> wheelshAgreesWithLlvmObjdumpOnEveryCorpusFile() throws IOException {
        Optional<Path> objdump = NativeCorpus.llvmTool("llvm-objdump");
        assumeTrue(objdump.isPresent(), "llvm-objdump (Debian's llvm package) is not on PATH; the Mach-O differential test needs it");
        assumeTrue(NativeCorpus.missing().isEmpty(), NativeCorpus.missing().orElse(""));
        List<Path> files = new ArrayList<>(NativeCorpus.machOFiles());
        assumeTrue(!files.isEmpty(), ".corpus/macho-pe holds no Mach-O files: run scripts/fetch-test-inputs.sh");
        // universal files: each x86_64 file with each arm64 file of the same source folder
        List<Path> fats = new ArrayList<>();
        for (Path a : files) {
            for (Path b : files) {
                if (a.getParent().getParent().equals(b.getParent().getParent()) && a.compareTo(b) < 0
                        && !archOf(a).equals(archOf(b))) {
                    Path f = temp.resolve("fat-" + fats.size() + ".dylib");
                    Files.write(f, NativeCorpus.fat(List.of(Files.readAllBytes(a), Files.readAllBytes(b))));
                    fats.add(f);
                }
            }
        }
        Path root = NativeCorpus.repoRoot();
        return Stream.concat(files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> compare(objdump.get(), f))),
                fats.stream().map(f -> DynamicTest.dynamicTest("universal " + f.getFileName(), () -> compare(objdump.get(), f))));
    }

    private static String archOf(Path p) throws IOException {
        try {
            return MachOReader.read(p).arches().toString();
        } catch (Exception e) {
            return "unreadable";
        }
    }

    static void compare(Path objdump, Path file) throws Exception {
        String out = NativeCorpus.run(List.of(objdump.toString(), "--macho", "--private-headers", "--arch=all", file.toString()));
        MachOFile ours = MachOReader.read(file);
        Map<String, List<String>> theirs = parse(out);
        Map<String, List<String>> mine = new LinkedHashMap<>();
        for (Slice s : ours.slices()) {
            mine.put(s.arch(), facts(s));
        }
        if (!ours.fat()) {
            // a thin file has no architecture heading; its header row names the CPU type
            assertEquals(1, theirs.size(), "llvm-objdump printed one header");
            List<String> only = theirs.values().iterator().next();
            theirs = Map.of(ours.slices().get(0).arch(), only);
        }
        assertEquals(theirs, mine, file + " against llvm-objdump");
    }

    /** Our facts of a slice, in the order and words llvm-objdump prints them. */
    static List<String> facts(Slice s) {
        List<String> out = new ArrayList<>();
        out.add("cputype " + s.arch());
        // llvm-objdump prints the load commands in file order; ours keep file order within each kind
        // and are joined in that order by the reader, so compare as a sorted multiset
        for (BuildVersion v : s.versions()) {
            out.add(v.command().equals("LC_BUILD_VERSION")
                    ? "LC_BUILD_VERSION " + v.platform().word() + " " + v.minos()
                    : v.command() + " " + v.minos());
        }
        for (Dylib d : s.dylibs()) {
            out.add(d.kind().command() + " " + d.name());
        }
        s.id().ifPresent(id -> out.add("LC_ID_DYLIB " + id));
        for (String r : s.rpaths()) {
            out.add("LC_RPATH " + r);
        }
        out.sort(null);
        return out;
    }

    /** llvm-objdump's facts per architecture heading (one unnamed section for a thin file). */
    static Map<String, List<String>> parse(String out) {
        Map<String, List<String>> bySlice = new LinkedHashMap<>();
        List<String> current = null;
        String cmd = null;
        String platform = null;
        boolean headerRow = false;
        for (String raw : out.split("\n")) {
            Matcher h = ARCH_HEADING.matcher(raw);
            if (h.matches()) {
                current = new ArrayList<>();
                bySlice.put(h.group(1), current);
                continue;
            }
            String line = raw.strip();
            if (current == null) {
                current = new ArrayList<>();
                bySlice.put("", current);
            }
            if (line.startsWith("magic cputype")) {
                headerRow = true;
                continue;
            }
            if (headerRow) {
                headerRow = false;
                String[] cols = line.split("\\s+");
                current.add("cputype " + cols[1].toLowerCase(Locale.ROOT));
                continue;
            }
            if (line.startsWith("cmd ")) {
                cmd = line.substring(4).strip();
                platform = null;
                continue;
            }
            if (cmd == null) {
                continue;
            }
            Matcher n = NAME.matcher(line);
            if (n.matches() && (cmd.endsWith("DYLIB") || cmd.equals("LC_RPATH"))) {
                current.add(cmd + " " + n.group(1));
            } else if (cmd.equals("LC_BUILD_VERSION") && line.startsWith("platform ")) {
                platform = line.substring(9).strip();
            } else if (cmd.equals("LC_BUILD_VERSION") && line.startsWith("minos ")) {
                current.add("LC_BUILD_VERSION " + platform + " " + line.substring(6).strip());
            } else if (cmd.startsWith("LC_VERSION_MIN_") && line.startsWith("version ")) {
                current.add(cmd + " " + line.substring(8).strip());
            }
        }
        bySlice.values().forEach(l -> l.sort(null));
        return bySlice;
    }
}
