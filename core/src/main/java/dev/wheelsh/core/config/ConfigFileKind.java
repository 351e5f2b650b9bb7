package dev.wheelsh.core.config;

import java.util.Locale;
import java.util.Optional;

/** The kinds of file wheelsh checks, recognised by name. */
public enum ConfigFileKind {
    PYPROJECT,
    PIP_CONF,
    BASELINE_JSON;

    /**
     * Which kind a file is by its name: {@code pyproject.toml}; {@code pip.conf}, {@code pip.ini};
     * any other {@code .json} is taken for a baseline (policy) file.
     */
    public static Optional<ConfigFileKind> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.equals("pyproject.toml")) {
            return Optional.of(PYPROJECT);
        }
        if (name.equals("pip.conf") || name.equals("pip.ini")) {
            return Optional.of(PIP_CONF);
        }
        if (name.endsWith(".json")) {
            return Optional.of(BASELINE_JSON);
        }
        return Optional.empty();
    }
}
