package dev.wheelsh.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.wheelsh.core.config.CheckSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the editor's settings for wheelsh: {@code wheelsh.baselines} (extra baseline files,
 * relative paths taken from the workspace root) and {@code wheelsh.defaultTargets} (targets in
 * the compact form, e.g. {@code "--glibc 2.38 --arch loongarch64 --python 3.13"}). Both may be a
 * list or a single string. Editors nest them differently ({@code {"wheelsh": {"baselines": ...}}}
 * from VS Code, Neovim and eglot; {@code {"wheelsh.baselines": ...}} from some others); both
 * shapes are read. Anything else is ignored, never an error.
 */
public final class ServerSettings {

    private ServerSettings() {
    }

    /** The settings a configuration object describes, or empty when it says nothing about wheelsh. */
    public static Optional<CheckSettings> read(Object settings, Optional<Path> workspaceRoot) {
        if (!(settings instanceof JsonElement json) || !json.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject root = json.getAsJsonObject();
        JsonObject section = root.has("wheelsh") && root.get("wheelsh").isJsonObject()
                ? root.getAsJsonObject("wheelsh") : null;
        JsonElement baselines = section != null ? section.get("baselines") : root.get("wheelsh.baselines");
        JsonElement targets = section != null ? section.get("defaultTargets") : root.get("wheelsh.defaultTargets");
        if (section == null && baselines == null && targets == null) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        for (String name : strings(baselines)) {
            resolve(name, workspaceRoot).ifPresent(files::add);
        }
        return Optional.of(new CheckSettings(files, strings(targets)));
    }

    private static Optional<Path> resolve(String name, Optional<Path> workspaceRoot) {
        try {
            Path path = Path.of(name);
            if (!path.isAbsolute() && workspaceRoot.isPresent()) {
                path = workspaceRoot.get().resolve(path);
            }
            return Optional.of(path.normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(JsonElement element) {
        List<String> out = new ArrayList<>();
        if (element == null || element.isJsonNull()) {
            return out;
        }
        if (element instanceof JsonPrimitive p && p.isString()) {
            if (!p.getAsString().isBlank()) {
                out.add(p.getAsString().trim());
            }
        } else if (element instanceof JsonArray array) {
            for (JsonElement e : array) {
                if (e instanceof JsonPrimitive p && p.isString() && !p.getAsString().isBlank()) {
                    out.add(p.getAsString().trim());
                }
            }
        }
        return out;
    }
}
