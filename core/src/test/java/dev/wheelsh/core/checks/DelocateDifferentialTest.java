package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wheelsh's macOS verdicts against delocate's own, run on the same wheels: synthetic wheels around
 * the real darwin libraries of the corpus (JNA, sqlite-jdbc, zstd-jni; thin and fused into
 * universal files) under the tags people give them. delocate is run from its source
 * (scripts/golden/delocate_names.py); {@value #PATH} names a PYTHONPATH holding the source trees of
 * delocate, macholib and altgraph. Where the rules meet, the verdicts must be the same:
 * <ul>
 * <li>the libraries delocate-wheel refuses with MACOSX_DEPLOYMENT_TARGET at the tag's version are
 * exactly the (member, minimum) pairs of wheelsh's WH320 findings;
 * <li>the name delocate-wheel gives the wheel (without a deployment target) has the platform tags
 * of wheelsh's "consistent with", whenever no slice is older than the tag promises (delocate would
 * then lower the tag; wheelsh proposes the smallest change, docs/baselines.md), and apart from the
 * slices of an architecture no tag claims, which delocate judges too and wheelsh does not (a
 * process pip installs the wheel for never loads them);
 * <li>a wheel delocate refuses for a claimed architecture without any binary has WH321.
 * </ul>
 */
class DelocateDifferentialTest {

    static final String PATH = "WHEELSH_DELOCATE_PATH";

    @TempDir
    Path dir;

    private static final String JNA_X86 = "jna-5.17.0/com/sun/jna/darwin-x86-64/libjnidispatch.jnilib";
    private static final String JNA_ARM = "jna-5.17.0/com/sun/jna/darwin-aarch64/libjnidispatch.jnilib";
    private static final String SQLITE_X86 = "sqlite-jdbc-3.49.1.0/org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib";
    private static final String SQLITE_ARM = "sqlite-jdbc-3.49.1.0/org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib";
    private static final String ZSTD_X86 = "zstd-jni-1.5.7-2/darwin/x86_64/libzstd-jni-1.5.7-2.dylib";
    private static final String ZSTD_ARM = "zstd-jni-1.5.7-2/darwin/aarch64/libzstd-jni-1.5.7-2.dylib";

    private static final List<String> X86_TAGS = List.of("macosx_10_6_x86_64", "macosx_10_9_x86_64", "macosx_12_0_x86_64",
            "macosx_13_0_x86_64", "macosx_10_9_universal2");
    private static final List<String> ARM_TAGS = List.of("macosx_11_0_arm64", "macosx_12_0_arm64", "macosx_14_0_arm64",
            "macosx_11_0_universal2");
    private static final List<String> FAT_TAGS = List.of("macosx_10_9_universal2", "macosx_11_0_universal2", "macosx_13_0_universal2",
            "macosx_14_0_universal2", "macosx_10_9_x86_64", "macosx_11_0_arm64");

    private static final Pattern WH320 = Pattern.compile("^WH320 (\\S+) \\((\\w+)\\) needs macOS (\\S+) .* consistent with (\\S+)$");

    @Test
    void wheelshAndDelocateGiveTheSameVerdictOnEveryWheel() throws Exception {
        assumeTrue(NativeCorpus.missing().isEmpty(), NativeCorpus.missing().orElse(""));
        String pythonPath = System.getenv(PATH);
        if (pythonPath == null) {
            System.err.println("SKIPPED: " + PATH + " does not name the source trees of delocate, macholib and altgraph");
        }
        assumeTrue(pythonPath != null, PATH + " is not set");
        Optional<Path> python = ReferencePython.withPackaging26();
        assumeTrue(python.isPresent(), "no Python with packaging 26");

        Map<Path, List<String>> ours = new LinkedHashMap<>();
        int n = 0;
        for (List<String> members : memberSets()) {
            boolean fat = members.size() == 1 && members.get(0).startsWith("fat:");
            boolean arm = members.stream().allMatch(m -> m.contains("aarch64"));
            for (String platform : fat ? FAT_TAGS : arm ? ARM_TAGS : members.stream().anyMatch(m -> m.contains("aarch64")) ? FAT_TAGS : X86_TAGS) {
                Path wheel = wheel("w" + n++, platform, members);
                ours.put(wheel, verdict(wheel));
            }
        }
        List<String> command = new ArrayList<>(List.of("env", "PYTHONPATH=" + pythonPath, python.get().toString(),
                ReferencePython.repoRoot().resolve("scripts/golden/delocate_names.py").toString()));
        ours.keySet().forEach(p -> command.add(p.toString()));
        ReferencePython.ProcessResult r = ReferencePython.run(command, 600);
        assertEquals(0, r.exitCode(), r.stderr());

        ObjectMapper json = new ObjectMapper();
        List<String> differences = new ArrayList<>();
        int same = 0;
        int lowered = 0;
        int unclaimedSlices = 0;
        for (String line : r.stdout().strip().split("\n")) {
            JsonNode theirs = json.readTree(line);
            String name = theirs.get("wheel").asText();
            List<String> findings = ours.get(dir.resolve(name));
            if (theirs.has("error")) {
                if (findings.stream().anyMatch(f -> f.startsWith("WH321"))) {
                    same++;
                } else {
                    differences.add(name + ": delocate refuses (" + theirs.get("error").asText() + "), wheelsh finds " + findings);
                }
                continue;
            }
            Set<String> tooNew = new TreeSet<>();
            Set<String> claimed = claimedArches(name);
            int[] unclaimed = {0};
            theirs.get("too_new").forEach(p -> {
                if (claimed.contains(p.get(2).asText())) {
                    tooNew.add(p.get(0).asText() + "@" + p.get(1).asText());
                } else {
                    unclaimed[0]++;
                }
            });
            unclaimedSlices += unclaimed[0];
            Set<String> wh320 = new TreeSet<>();
            Set<String> consistent = new TreeSet<>();
            for (String f : findings) {
                Matcher m = WH320.matcher(f);
                if (m.matches()) {
                    wh320.add(m.group(1) + "@" + m.group(3));
                    consistent.addAll(Arrays.asList(m.group(4).split("\\.")));
                }
            }
            if (!tooNew.equals(wh320)) {
                differences.add(name + ": delocate refuses " + tooNew + " at " + theirs.get("target").asText() + ", wheelsh " + wh320);
                continue;
            }
            String renamed = theirs.get("renamed").asText();
            Set<String> theirTags = new TreeSet<>(Arrays.asList(renamed.substring(0, renamed.length() - 4).split("-", 5)[4].split("\\.")));
            if (!consistent.isEmpty() && !theirTags.equals(consistent)) {
                if (lowersAPromise(name, theirTags)) {
                    lowered++;
                } else {
                    differences.add(name + ": delocate renames it " + theirTags + ", wheelsh says consistent with " + consistent);
                    continue;
                }
            }
            same++;
        }
        System.err.println("delocate differential: " + ours.size() + " wheels, " + same + " the same verdict, "
                + lowered + " where delocate lowers a promise the code keeps, " + unclaimedSlices
                + " slices of unclaimed architectures delocate judges too, " + differences.size() + " different");
        assertEquals(List.of(), differences);
        assertEquals(ours.size(), same);
        assertTrue(same > 40, "too few wheels compared: " + same);
    }

    /** The architectures the wheel's platform tag claims (universal2: x86_64 and arm64). */
    private static Set<String> claimedArches(String name) {
        String platform = name.substring(0, name.length() - 4).split("-", 5)[4];
        return new TreeSet<>(AppleChecks.arches(((PlatformTag.MacOs) PlatformTag.parse(platform)).arch()));
    }

    /** Whether delocate's name has a version below the wheel's own tag for some architecture. */
    private static boolean lowersAPromise(String name, Set<String> theirTags) {
        String ours = name.substring(0, name.length() - 4).split("-", 5)[4];
        String[] p = ours.split("_");
        int[] promised = {Integer.parseInt(p[1]), Integer.parseInt(p[2])};
        for (String t : theirTags) {
            String[] q = t.split("_");
            int[] v = {Integer.parseInt(q[1]), Integer.parseInt(q[2])};
            if (v[0] < promised[0] || v[0] == promised[0] && v[1] < promised[1]) {
                return true;
            }
        }
        return false;
    }

    /** The members of each wheel: corpus paths, or "fat:" + the paths fused into one universal file. */
    private static List<List<String>> memberSets() {
        return List.of(List.of(JNA_X86), List.of(SQLITE_X86), List.of(ZSTD_X86), List.of(JNA_ARM), List.of(SQLITE_ARM), List.of(ZSTD_ARM),
                List.of("fat:" + JNA_X86 + "+" + JNA_ARM), List.of("fat:" + SQLITE_X86 + "+" + SQLITE_ARM),
                List.of("fat:" + ZSTD_X86 + "+" + ZSTD_ARM), List.of("fat:" + JNA_X86 + "+" + ZSTD_ARM),
                List.of(SQLITE_X86, ZSTD_X86), List.of(JNA_X86, SQLITE_X86), List.of(JNA_ARM, ZSTD_ARM), List.of(SQLITE_X86, JNA_ARM));
    }

    private Path wheel(String id, String platform, List<String> members) throws Exception {
        String filename = "foo" + id.substring(1) + "-1.0-cp312-cp312-" + platform + ".whl";
        TestWheel w = new TestWheel().distInfo("foo" + id.substring(1) + "-1.0.dist-info",
                "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp312-cp312-" + platform + "\n");
        int i = 0;
        for (String m : members) {
            byte[] bytes;
            if (m.startsWith("fat:")) {
                List<byte[]> slices = new ArrayList<>();
                for (String part : m.substring(4).split("\\+")) {
                    slices.add(real(part));
                }
                bytes = NativeCorpus.fat(slices);
            } else {
                bytes = real(m);
            }
            w.add("foo/_ext" + i++ + ".cpython-312-darwin.so", bytes, false);
        }
        return w.write(dir.resolve(filename));
    }

    private static byte[] real(String relative) throws Exception {
        Optional<Path> p = NativeCorpus.file(relative);
        assumeTrue(p.isPresent(), relative + " was not fetched (scripts/fetch.d/50-macho-pe.sh)");
        return Files.readAllBytes(p.get());
    }

    private static List<String> verdict(Path wheel) throws Exception {
        try (WheelArchive w = WheelArchive.open(wheel)) {
            List<String> out = new ArrayList<>();
            for (Finding f : WheelCheckList.run(WheelFacts.read(w, false), BuiltinPolicies.all(), Optional.empty())) {
                out.add(f.code().id() + " " + f.message());
            }
            return out;
        }
    }
}
