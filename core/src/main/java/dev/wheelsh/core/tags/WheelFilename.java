package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed wheel filename, {@code name-version[-build]-interpreters-abis-platforms.whl}
 * (the binary distribution format). Accepts and rejects exactly what packaging 26's
 * {@code parse_wheel_filename} does; an error names the component at fault.
 *
 * @param name     the project name, canonicalised
 * @param rawName  the project name as written in the filename
 * @param version  the parsed version
 * @param build    the build tag, when present
 * @param tags     the expanded tag set
 */
public record WheelFilename(String name, String rawName, Version version, Optional<BuildTag> build,
                            TagSet tags) {

    /* packaging: "__" is refused and the rest must be \w, digits, '.' or '_' (Unicode \w). */
    private static final Pattern BUILD = Pattern.compile("(\\d+)([^\\n]*)");
    private static final String WHAT = "wheel filename";

    public static WheelFilename parse(String filename) throws InputException {
        return parse(filename, false);
    }

    /** With {@code validateOrder}, compressed tag-set parts must be sorted (PEP 425). */
    public static WheelFilename parse(String filename, boolean validateOrder) throws InputException {
        return parse(filename, validateOrder, PackagingRelease.DEFAULT);
    }

    /** As {@link #parse(String, boolean)}, with the rules of a given packaging release. */
    public static WheelFilename parse(String filename, boolean validateOrder, PackagingRelease release)
            throws InputException {
        if (!filename.endsWith(".whl")) {
            int dot = filename.lastIndexOf('.');
            int from = dot < 0 ? filename.length() : dot;
            throw InputException.in(WHAT, filename, from, filename.length() - from, "extension must be '.whl'");
        }
        String stem = filename.substring(0, filename.length() - 4);
        int dashes = 0;
        for (int i = 0; i < stem.length(); i++) {
            if (stem.charAt(i) == '-') {
                dashes++;
            }
        }
        if (dashes != 4 && dashes != 5) {
            throw InputException.in(WHAT, filename, 0, stem.length(), "has " + (dashes + 1)
                    + " dash-separated parts, expected 5 (name-version-python-abi-platform) or 6 (with a build tag)");
        }
        String[] parts = stem.split("-", dashes - 1);
        int[] offsets = new int[parts.length];
        for (int i = 1; i < parts.length; i++) {
            offsets[i] = offsets[i - 1] + parts[i - 1].length() + 1;
        }
        String rawName = parts[0];
        // 26.3's name pattern needs one character at least and ends at the string's end (\Z, not $).
        boolean strictlyInvalid = release.strictNames() && (rawName.isEmpty() || rawName.endsWith("\n"));
        if (rawName.contains("__") || !isWordCharacters(rawName) || strictlyInvalid) {
            throw InputException.in(WHAT, filename, 0, rawName.length(), "project name '" + rawName
                    + "' is invalid (only letters, digits, '.' and '_' are allowed, and no '__')");
        }
        Version version;
        try {
            version = Version.parse(parts[1]);
        } catch (InputException e) {
            throw InputException.in(WHAT, filename, offsets[1], parts[1].length(), "version '" + parts[1]
                    + "' is not a valid PEP 440 version");
        }
        Optional<BuildTag> build = Optional.empty();
        if (dashes == 5) {
            Matcher m = BUILD.matcher(parts[2]);
            if (!m.lookingAt() || !isAsciiDigits(m.group(1))) {
                throw InputException.in(WHAT, filename, offsets[2], parts[2].length(), "build tag '" + parts[2]
                        + "' must start with a digit");
            }
            build = Optional.of(new BuildTag(new BigInteger(m.group(1)), m.group(2)));
        }
        TagSet tags;
        int tagsAt = offsets[parts.length - 1];
        String tagText = parts[parts.length - 1];
        String problem = release.tagProblem(tagText.split("-", -1));
        if (problem != null) {
            throw InputException.in(WHAT, filename, tagsAt, tagText.length(), "invalid tag set: " + problem);
        }
        try {
            tags = TagSet.parse(tagText, validateOrder);
        } catch (UnsortedTagsException e) {
            int from = tagsAt + e.part().map(InputException.Part::offset).orElse(0);
            int length = e.part().map(InputException.Part::length).orElse(parts[parts.length - 1].length());
            throw InputException.in(WHAT, filename, from, length,
                    "compressed tag set components must be in sorted order per PEP 425");
        }
        return new WheelFilename(ProjectName.canonicalize(rawName), rawName, version, build, tags);
    }

    /** Python's {@code re.match(r"^[\w\d._]*$", s, re.UNICODE)}: word characters, '.', '_'. */
    static boolean isWordCharacters(String s) {
        // Python's '$' also matches just before a final newline.
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '.' || cp == '_') {
                continue;
            }
            if (!isPythonWordCharacter(cp)) {
                return false;
            }
        }
        return true;
    }

    /** Python's \w in Unicode mode: str.isalnum() or '_'; isalnum covers letters and numbers. */
    private static boolean isPythonWordCharacter(int cp) {
        int type = Character.getType(cp);
        return switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** The filename again, in its parsed form. */
    public String render() {
        return rawName + "-" + version + build.map(b -> "-" + b).orElse("") + "-" + tags.compressed() + ".whl";
    }
}
