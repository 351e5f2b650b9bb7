package dev.wheelsh.core.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Suggest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The named machines of profiles.json: real distribution releases and build images. */
public final class Profiles {

    /**
     * One profile.
     *
     * @param libc   in the compact system form: {@code glibc2.38}, {@code musl1.2}
     * @param python the default python3, as an interpreter tag: {@code cp311}
     * @param archs  architectures the release ships for, the default first
     * @param world  for loongarch64: "new" or "old"; empty otherwise
     */
    public record Profile(String name, String description, String libc, String python, List<String> archs,
                          Optional<String> world, String source) {

        /** The machine for one of its architectures (the default one when empty). */
        public Target target(Optional<String> arch) throws InputException {
            String a = arch.orElse(archs.get(0));
            if (!archs.contains(a)) {
                throw new InputException("profile '" + name + "': has no " + a + " (it ships " + String.join(", ", archs) + ")");
            }
            String flags = a.equals("loongarch64") && world.orElse("new").equals("old") ? "+oldworld" : "";
            return TargetSpec.parse(python + "-" + libc + "-" + a + flags);
        }
    }

    private static final List<Profile> ALL = load();

    private Profiles() {
    }

    public static List<Profile> all() {
        return ALL;
    }

    public static Profile named(String name) throws InputException {
        for (Profile p : ALL) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        List<String> names = new ArrayList<>();
        ALL.forEach(p -> names.add(p.name()));
        String guess = Suggest.closest(name, names).map(n -> "; did you mean " + n + "?").orElse("");
        throw new InputException("profile '" + name + "': unknown" + guess + " (known: " + String.join(", ", names) + ")");
    }

    private static List<Profile> load() {
        try (InputStream in = Profiles.class.getResourceAsStream("profiles.json")) {
            if (in == null) {
                throw new IllegalStateException("profiles.json missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Profile> out = new ArrayList<>();
            for (JsonNode p : root.get("profiles")) {
                List<String> archs = new ArrayList<>();
                p.get("archs").forEach(a -> archs.add(a.asText()));
                out.add(new Profile(p.get("name").asText(), p.get("description").asText(), p.get("libc").asText(),
                        p.get("python").asText(), List.copyOf(archs),
                        Optional.ofNullable(p.get("loongarch")).map(JsonNode::asText), p.get("source").asText()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
