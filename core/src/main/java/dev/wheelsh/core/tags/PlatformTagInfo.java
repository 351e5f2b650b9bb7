package dev.wheelsh.core.tags;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a platform tag says, taken apart: its family, the OS, the architecture and the minimum
 * OS or C-library version it promises.
 *
 * @param tag     the platform tag as written
 * @param family  which rule set it follows
 * @param os      linux, macos, windows, ios, android, emscripten, any, or other
 * @param arch    the architecture (or binary format for macOS), empty for {@code any}
 * @param major   the version the tag requires, 0 when it names none
 * @param minor   likewise
 */
public record PlatformTagInfo(String tag, Family family, String os, String arch, int major, int minor) {

    public enum Family { ANY, MANYLINUX, MANYLINUX_LEGACY, MUSLLINUX, LINUX, MACOS, WINDOWS, IOS, ANDROID, EMSCRIPTEN, OTHER }

    private static final Pattern MANYLINUX = Pattern.compile("manylinux_(\\d+)_(\\d+)_(.+)");
    private static final Pattern LEGACY = Pattern.compile("(manylinux1|manylinux2010|manylinux2014)_(.+)");
    private static final Pattern MUSLLINUX = Pattern.compile("musllinux_(\\d+)_(\\d+)_(.+)");
    private static final Pattern MACOS = Pattern.compile("macosx_(\\d+)_(\\d+)_(.+)");
    private static final Pattern IOS = Pattern.compile("ios_(\\d+)_(\\d+)_(.+)");
    private static final Pattern ANDROID = Pattern.compile("android_(\\d+)_(.+)");
    private static final Pattern EMSCRIPTEN = Pattern.compile("(pyemscripten|pyodide|emscripten)_(\\d+)_(\\d+)(?:_\\d+)?_(wasm32)");
    private static final Map<String, int[]> LEGACY_GLIBC = Map.of(
            "manylinux1", new int[] {2, 5}, "manylinux2010", new int[] {2, 12}, "manylinux2014", new int[] {2, 17});

    public static PlatformTagInfo parse(String tag) {
        Matcher m;
        if (tag.equals("any")) {
            return new PlatformTagInfo(tag, Family.ANY, "any", "", 0, 0);
        }
        if ((m = MANYLINUX.matcher(tag)).matches()) {
            return new PlatformTagInfo(tag, Family.MANYLINUX, "linux", m.group(3), num(m.group(1)), num(m.group(2)));
        }
        if ((m = LEGACY.matcher(tag)).matches()) {
            int[] v = LEGACY_GLIBC.get(m.group(1));
            return new PlatformTagInfo(tag, Family.MANYLINUX_LEGACY, "linux", m.group(2), v[0], v[1]);
        }
        if ((m = MUSLLINUX.matcher(tag)).matches()) {
            return new PlatformTagInfo(tag, Family.MUSLLINUX, "linux", m.group(3), num(m.group(1)), num(m.group(2)));
        }
        if (tag.startsWith("linux_")) {
            return new PlatformTagInfo(tag, Family.LINUX, "linux", tag.substring(6), 0, 0);
        }
        if ((m = MACOS.matcher(tag)).matches()) {
            return new PlatformTagInfo(tag, Family.MACOS, "macos", m.group(3), num(m.group(1)), num(m.group(2)));
        }
        if (tag.equals("win32")) {
            return new PlatformTagInfo(tag, Family.WINDOWS, "windows", "x86", 0, 0);
        }
        if (tag.startsWith("win_")) {
            return new PlatformTagInfo(tag, Family.WINDOWS, "windows", tag.substring(4), 0, 0);
        }
        if ((m = IOS.matcher(tag)).matches()) {
            return new PlatformTagInfo(tag, Family.IOS, "ios", m.group(3), num(m.group(1)), num(m.group(2)));
        }
        if ((m = ANDROID.matcher(tag)).matches()) {
            return new PlatformTagInfo(tag, Family.ANDROID, "android", m.group(2), num(m.group(1)), 0);
        }
        if ((m = EMSCRIPTEN.matcher(tag)).matches()) {
            return new PlatformTagInfo(tag, Family.EMSCRIPTEN, "emscripten", m.group(4), num(m.group(2)), num(m.group(3)));
        }
        return new PlatformTagInfo(tag, Family.OTHER, "other", "", 0, 0);
    }

    /** The PEP 600 name of a legacy manylinux tag: manylinux2014_x86_64 is manylinux_2_17_x86_64. */
    public Optional<String> pep600Name() {
        return family == Family.MANYLINUX_LEGACY
                ? Optional.of("manylinux_" + major + "_" + minor + "_" + arch) : Optional.empty();
    }

    /** The libc family a Linux tag needs: glibc for manylinux, musl for musllinux. */
    public Optional<String> libc() {
        return switch (family) {
            case MANYLINUX, MANYLINUX_LEGACY -> Optional.of("glibc");
            case MUSLLINUX -> Optional.of("musl");
            default -> Optional.empty();
        };
    }

    private static int num(String digits) {
        return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
