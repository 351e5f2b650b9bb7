package dev.wheelsh.core.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target in uv's words: {@code uv pip install --python-platform NAME --python-version X.Y}.
 * The names, their aliases and the platform tag each stands for are uv's own (uv-facts.json, the
 * one file of uv facts, generated from uv's TargetTriple by scripts/facts/generate_config_facts.py;
 * the editor's checks of [tool.uv.pip] read the same file). Where uv reads a deployment target or
 * an API level from the environment, its default is taken: macOS 13.0, iOS 13.0, Android 24.
 */
public final class UvPythonPlatform {

    private static final String FACTS = "/dev/wheelsh/core/config/uv-facts.json";
    private static final Pattern TAG = Pattern.compile(
            "(manylinux|musllinux|macosx|ios|pyodide)_(\\d+)_(\\d+)_(.+)|android_(\\d+)_(.+)|win_(amd64|arm64)|win32");

    /** Every name and alias uv accepts, and the platform tag it stands for. */
    private static final Map<String, String> PLATFORMS = load();
    private static final String VERSION = version();

    private UvPythonPlatform() {
    }

    /** The uv release the names are from. */
    public static String uvVersion() {
        return VERSION;
    }

    /** Whether uv accepts the name (or alias) as a --python-platform. */
    public static boolean known(String name) {
        return PLATFORMS.containsKey(name);
    }

    /** The platform tag uv gives the name: {@code manylinux_2_28_x86_64} for {@code x86_64-unknown-linux-gnu}. */
    public static Optional<String> platformTag(String name) {
        return Optional.ofNullable(PLATFORMS.get(name));
    }

    /**
     * The target uv installs for with this python-platform and interpreter ({@code interp} in the
     * compact form's spelling: cp312, cp313t, pp310).
     */
    public static Target target(String name, String interp) throws InputException {
        String tag = PLATFORMS.get(name);
        if (tag == null) {
            throw new InputException("--python-platform '" + name + "': not one of uv " + VERSION
                    + "'s python-platform names (e.g. x86_64-manylinux_2_28, aarch64-unknown-linux-gnu, x86_64-pc-windows-msvc)");
        }
        Matcher m = TAG.matcher(tag);
        if (!m.matches()) {
            throw new IllegalStateException("uv-facts.json: platform tag " + tag + " of " + name + " is not understood");
        }
        String system;
        String arch;
        if (m.group(1) != null) {
            String kind = m.group(1);
            String version = m.group(2) + "." + m.group(3);
            arch = m.group(4);
            system = switch (kind) {
                case "manylinux" -> "glibc" + version;
                case "musllinux" -> "musl" + version;
                case "macosx" -> "macos" + version;
                case "ios" -> "ios" + version;
                default -> throw new InputException("--python-platform '" + name + "': a Pyodide (" + tag
                        + ") target, which wheelsh does not model");
            };
        } else if (m.group(5) != null) {
            system = "android" + m.group(5);
            arch = m.group(6);
        } else {
            system = "windows";
            arch = m.group(7) != null ? m.group(7) : "x86";
        }
        return TargetSpec.parse(interp + "-" + system + "-" + arch);
    }

    private static Map<String, String> load() {
        try (InputStream in = UvPythonPlatform.class.getResourceAsStream(FACTS)) {
            if (in == null) {
                throw new IllegalStateException(FACTS + " is missing from the build");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, String> out = new LinkedHashMap<>();
            JsonNode platforms = root.get("platforms");
            Iterator<Map.Entry<String, JsonNode>> names = root.get("pythonPlatforms").fields();
            while (names.hasNext()) {
                Map.Entry<String, JsonNode> e = names.next();
                String tag = platforms.get(e.getKey()).asText();
                out.put(e.getKey(), tag);
                e.getValue().forEach(alias -> out.put(alias.asText(), tag));
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() {
        try (InputStream in = UvPythonPlatform.class.getResourceAsStream(FACTS)) {
            return new ObjectMapper().readTree(in).get("version").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every name and alias, for completions and messages. */
    public static List<String> names() {
        return new ArrayList<>(PLATFORMS.keySet()).stream().sorted().toList();
    }
}
