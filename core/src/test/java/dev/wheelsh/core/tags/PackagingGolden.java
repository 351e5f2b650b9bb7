package dev.wheelsh.core.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checks shared by the committed-golden tests and the live differential test: given a
 * directory of golden files produced by packaging, the engine must agree with every entry.
 */
final class PackagingGolden {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackagingGolden() {
    }

    static JsonNode read(Path dir, String name) throws IOException {
        return JSON.readTree(Files.readString(dir.resolve(name)));
    }

    /** Every target's tag list equals packaging's, element by element, in order. */
    static int assertTagsEqual(Path dir) throws Exception {
        return assertTagsEqual(dir, madeBy(dir, "tags.golden.json"));
    }

    /** The release a golden file names, when wheelsh reproduces it; else 26.2's rules are held against it. */
    static PackagingRelease madeBy(Path dir, String name) throws IOException {
        String version = read(dir, name).get("packaging").asText();
        for (PackagingRelease r : PackagingRelease.values()) {
            if (r.version().equals(version)) {
                return r;
            }
        }
        return PackagingRelease.V26_2;
    }

    /** The same, for golden files made by a given packaging release (its version is in the file). */
    static int assertTagsEqual(Path dir, PackagingRelease release) throws Exception {
        JsonNode golden = read(dir, "tags.golden.json");
        int targets = 0;
        for (JsonNode entry : golden.get("targets")) {
            JsonNode target = entry.get("target");
            String id = target.get("id").asText();
            assertEquals(strings(entry.get("platforms")), release.platforms(GoldenTargets.platforms(target)), id + ": platforms");
            List<String> ours = new ArrayList<>();
            InterpreterTagInputs given = GoldenTargets.inputs(target);
            InterpreterTagInputs in = new InterpreterTagInputs(given.implementation(), given.pythonVersion(),
                    given.interpreterVersion(), given.abis(), release.platforms(given.platforms()));
            for (Tag tag : TagGenerator.sysTags(in, release)) {
                ours.add(tag.toString());
            }
            List<String> theirs = strings(entry.get("tags"));
            assertEquals(theirs.size(), ours.size(), id + ": number of tags");
            for (int i = 0; i < theirs.size(); i++) {
                if (!theirs.get(i).equals(ours.get(i))) {
                    fail(id + ": tag #" + i + " is " + ours.get(i) + ", packaging says " + theirs.get(i));
                }
            }
            targets++;
        }
        return targets;
    }

    /** Every filename is accepted or rejected as packaging does, with the same components. */
    static int assertWheelFilenamesEqual(Path dir) throws Exception {
        return assertWheelFilenamesEqual(dir, madeBy(dir, "wheel-filenames.golden.json"));
    }

    static int assertWheelFilenamesEqual(Path dir, PackagingRelease release) throws Exception {
        int count = 0;
        JsonNode golden = read(dir, "wheel-filenames.golden.json");
        for (JsonNode entry : golden.get("filenames")) {
            String filename = entry.get("filename").asText();
            Optional<WheelFilename> parsed = tryParse(filename, false, release);
            assertEquals(entry.get("valid").asBoolean(), parsed.isPresent(), () -> "accept " + show(filename));
            parsed.ifPresent(w -> {
                assertEquals(entry.get("name").asText(), w.name(), () -> "name of " + show(filename));
                assertEquals(entry.get("version").asText(), w.version().toString(), () -> "version of " + show(filename));
                JsonNode build = entry.get("build");
                if (build.isNull()) {
                    assertTrue(w.build().isEmpty(), () -> "no build tag in " + show(filename));
                } else {
                    assertEquals(build.get(0).asText(), w.build().orElseThrow().number().toString(), show(filename));
                    assertEquals(build.get(1).asText(), w.build().orElseThrow().suffix(), show(filename));
                }
                TreeSet<String> ours = new TreeSet<>(TagSet::compareCodePoints);
                w.tags().tags().forEach(t -> ours.add(t.toString()));
                assertEquals(strings(entry.get("tags")), new ArrayList<>(ours), () -> "tags of " + show(filename));
            });
            assertEquals(entry.get("valid_ordered").asBoolean(), tryParse(filename, true, release).isPresent(),
                    () -> "accept with validate_order " + show(filename));
            count++;
        }
        return count;
    }

    static int assertSdistFilenamesEqual(Path dir) throws Exception {
        return assertSdistFilenamesEqual(dir, madeBy(dir, "sdist-filenames.golden.json"));
    }

    static int assertSdistFilenamesEqual(Path dir, PackagingRelease release) throws Exception {
        int count = 0;
        for (JsonNode entry : read(dir, "sdist-filenames.golden.json").get("filenames")) {
            String filename = entry.get("filename").asText();
            try {
                SdistFilename s = SdistFilename.parse(filename, release);
                assertTrue(entry.get("valid").asBoolean(), "packaging rejects " + filename);
                assertEquals(entry.get("name").asText(), s.name(), filename);
                assertEquals(entry.get("version").asText(), s.version().toString(), filename);
            } catch (InputException e) {
                assertFalse(entry.get("valid").asBoolean(), "packaging accepts " + filename + "; we say " + e.getMessage());
            }
            count++;
        }
        return count;
    }

    private static Optional<WheelFilename> tryParse(String filename, boolean validateOrder, PackagingRelease release) {
        try {
            return Optional.of(WheelFilename.parse(filename, validateOrder, release));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    private static String show(String s) {
        return "'" + s.replace("\n", "\\n") + "'";
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
