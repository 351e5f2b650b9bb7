package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;

/**
 * A parsed source-distribution filename, {@code name-version.tar.gz} or {@code name-version.zip},
 * accepted and rejected as packaging's {@code parse_sdist_filename} does.
 */
public record SdistFilename(String name, Version version) {

    public static SdistFilename parse(String filename) throws InputException {
        String quoted = "'" + filename + "'";
        String stem;
        if (filename.endsWith(".tar.gz")) {
            stem = filename.substring(0, filename.length() - ".tar.gz".length());
        } else if (filename.endsWith(".zip")) {
            stem = filename.substring(0, filename.length() - ".zip".length());
        } else {
            throw new InputException("sdist filename " + quoted + ": extension must be '.tar.gz' or '.zip'");
        }
        int dash = stem.lastIndexOf('-');
        if (dash < 0) {
            throw new InputException("sdist filename " + quoted + ": no '-' between name and version");
        }
        String versionText = stem.substring(dash + 1);
        try {
            return new SdistFilename(ProjectName.canonicalize(stem.substring(0, dash)), Version.parse(versionText));
        } catch (InputException e) {
            throw new InputException("sdist filename " + quoted + ": version '" + versionText
                    + "' is not a valid PEP 440 version");
        }
    }
}
