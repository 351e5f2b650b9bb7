package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;

/**
 * A parsed source-distribution filename, {@code name-version.tar.gz} or {@code name-version.zip},
 * accepted and rejected as packaging's {@code parse_sdist_filename} does.
 */
public record SdistFilename(String name, Version version) {

    private static final String WHAT = "sdist filename";

    public static SdistFilename parse(String filename) throws InputException {
        return parse(filename, PackagingRelease.DEFAULT);
    }

    /** As {@link #parse(String)}, with the rules of a given packaging release (26.3 refuses an empty name). */
    public static SdistFilename parse(String filename, PackagingRelease release) throws InputException {
        String stem;
        if (filename.endsWith(".tar.gz")) {
            stem = filename.substring(0, filename.length() - ".tar.gz".length());
        } else if (filename.endsWith(".zip")) {
            stem = filename.substring(0, filename.length() - ".zip".length());
        } else {
            int dot = filename.lastIndexOf('.');
            int from = dot < 0 ? filename.length() : dot;
            throw InputException.in(WHAT, filename, from, filename.length() - from, "extension must be '.tar.gz' or '.zip'");
        }
        int dash = stem.lastIndexOf('-');
        if (dash < 0) {
            throw InputException.in(WHAT, filename, 0, stem.length(), "no '-' between name and version");
        }
        if (dash == 0 && release.strictNames()) {
            throw InputException.in(WHAT, filename, 0, 1, "empty project name");
        }
        String versionText = stem.substring(dash + 1);
        try {
            return new SdistFilename(ProjectName.canonicalize(stem.substring(0, dash)), Version.parse(versionText));
        } catch (InputException e) {
            throw InputException.in(WHAT, filename, dash + 1, versionText.length(), "version '" + versionText
                    + "' is not a valid PEP 440 version");
        }
    }
}
