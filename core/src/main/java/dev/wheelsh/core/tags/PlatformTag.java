package dev.wheelsh.core.tags;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform tag taken apart once: which rule set it follows, the OS, the architecture (or
 * binary format, or ABI) and the minimum OS or C-library version it promises. Every variant
 * keeps the tag as written ({@link #tag()}), since pip compares tags as strings.
 */
public sealed interface PlatformTag {

    /** The rule sets platform tags follow. */
    enum Family { ANY, MANYLINUX, MANYLINUX_LEGACY, MUSLLINUX, LINUX, MACOS, WINDOWS, IOS, ANDROID, EMSCRIPTEN, OTHER }

    /** The tag as written. */
    String tag();

    Family family();

    /** linux, macos, windows, ios, android, emscripten, any, or other. */
    String os();

    /** The architecture (the binary format on macOS, the ABI on Android); empty for any and other. */
    String arch();

    /** The major version the tag requires (glibc, musl, macOS, iOS, Android API, Emscripten); 0 when none. */
    int major();

    /** Likewise the minor version; 0 when none. */
    int minor();

    /** The PEP 600 name of a legacy manylinux tag: manylinux2014_x86_64 is manylinux_2_17_x86_64. */
    default Optional<String> pep600Name() {
        return Optional.empty();
    }

    /** The C library a Linux tag needs: glibc for manylinux, musl for musllinux. */
    default Optional<LibcFamily> libc() {
        return Optional.empty();
    }

    /** {@code any}: pure Python. */
    record Any(String tag) implements PlatformTag {
        public Family family() { return Family.ANY; }
        public String os() { return "any"; }
        public String arch() { return ""; }
        public int major() { return 0; }
        public int minor() { return 0; }
    }

    /** {@code manylinux_X_Y_arch} (PEP 600) or a legacy alias ({@code manylinux2014_arch}: PEPs 513, 571, 599). */
    record Manylinux(String tag, LibcVersion glibc, String arch, Optional<String> legacyName) implements PlatformTag {
        public Family family() { return legacyName.isPresent() ? Family.MANYLINUX_LEGACY : Family.MANYLINUX; }
        public String os() { return "linux"; }
        public int major() { return glibc.major(); }
        public int minor() { return glibc.minor(); }

        @Override
        public Optional<String> pep600Name() {
            return legacyName.map(l -> "manylinux_" + glibc.underscored() + "_" + arch);
        }

        @Override
        public Optional<LibcFamily> libc() {
            return Optional.of(LibcFamily.GLIBC);
        }
    }

    /** {@code musllinux_X_Y_arch} (PEP 656). */
    record Musllinux(String tag, LibcVersion musl, String arch) implements PlatformTag {
        public Family family() { return Family.MUSLLINUX; }
        public String os() { return "linux"; }
        public int major() { return musl.major(); }
        public int minor() { return musl.minor(); }

        @Override
        public Optional<LibcFamily> libc() {
            return Optional.of(LibcFamily.MUSL);
        }
    }

    /** {@code linux_arch}: built on some Linux, promising nothing about its C library. */
    record Linux(String tag, String arch) implements PlatformTag {
        public Family family() { return Family.LINUX; }
        public String os() { return "linux"; }
        public int major() { return 0; }
        public int minor() { return 0; }
    }

    /** {@code macosx_X_Y_format}: the minimum macOS and a binary format (arm64, x86_64, universal2, ...). */
    record MacOs(String tag, int major, int minor, String arch) implements PlatformTag {
        public Family family() { return Family.MACOS; }
        public String os() { return "macos"; }
    }

    /** {@code win32}, {@code win_amd64}, {@code win_arm64}; win32 is the x86 architecture. */
    record Windows(String tag, String arch) implements PlatformTag {
        public Family family() { return Family.WINDOWS; }
        public String os() { return "windows"; }
        public int major() { return 0; }
        public int minor() { return 0; }
    }

    /** {@code ios_X_Y_multiarch} (PEP 730). */
    record Ios(String tag, int major, int minor, String arch) implements PlatformTag {
        public Family family() { return Family.IOS; }
        public String os() { return "ios"; }
    }

    /** {@code android_API_abi} (PEP 738). */
    record Android(String tag, int apiLevel, String arch) implements PlatformTag {
        public Family family() { return Family.ANDROID; }
        public String os() { return "android"; }
        public int major() { return apiLevel; }
        public int minor() { return 0; }
    }

    /** {@code pyemscripten_X_Y_wasm32} and the older pyodide/emscripten spellings. */
    record Emscripten(String tag, int major, int minor, String arch) implements PlatformTag {
        public Family family() { return Family.EMSCRIPTEN; }
        public String os() { return "emscripten"; }
    }

    /** Anything else: a tag of another system (FreeBSD, Solaris, ...) or no platform tag at all. */
    record Other(String tag) implements PlatformTag {
        public Family family() { return Family.OTHER; }
        public String os() { return "other"; }
        public String arch() { return ""; }
        public int major() { return 0; }
        public int minor() { return 0; }
    }

    /** Takes a platform tag apart; never fails: what fits no rule set is {@link Other}. */
    static PlatformTag parse(String tag) {
        return Shapes.parse(tag);
    }

    /** The patterns of {@link #parse}, kept out of the interface's public surface. */
    final class Shapes {
        private static final Pattern MANYLINUX = Pattern.compile("manylinux_(\\d+)_(\\d+)_(.+)");
        private static final Pattern LEGACY = Pattern.compile("(manylinux1|manylinux2010|manylinux2014)_(.+)");
        private static final Pattern MUSLLINUX = Pattern.compile("musllinux_(\\d+)_(\\d+)_(.+)");
        private static final Pattern MACOS = Pattern.compile("macosx_(\\d+)_(\\d+)_(.+)");
        private static final Pattern IOS = Pattern.compile("ios_(\\d+)_(\\d+)_(.+)");
        private static final Pattern ANDROID = Pattern.compile("android_(\\d+)_(.+)");
        private static final Pattern EMSCRIPTEN = Pattern.compile("(pyemscripten|pyodide|emscripten)_(\\d+)_(\\d+)(?:_\\d+)?_(wasm32)");
        private static final Map<String, LibcVersion> LEGACY_GLIBC = Map.of(
                "manylinux1", new LibcVersion(2, 5), "manylinux2010", new LibcVersion(2, 12), "manylinux2014", new LibcVersion(2, 17));

        private Shapes() {
        }

        static PlatformTag parse(String tag) {
            Matcher m;
            if (tag.equals("any")) {
                return new Any(tag);
            }
            if ((m = MANYLINUX.matcher(tag)).matches()) {
                return new Manylinux(tag, new LibcVersion(num(m.group(1)), num(m.group(2))), m.group(3), Optional.empty());
            }
            if ((m = LEGACY.matcher(tag)).matches()) {
                return new Manylinux(tag, LEGACY_GLIBC.get(m.group(1)), m.group(2), Optional.of(m.group(1)));
            }
            if ((m = MUSLLINUX.matcher(tag)).matches()) {
                return new Musllinux(tag, new LibcVersion(num(m.group(1)), num(m.group(2))), m.group(3));
            }
            if (tag.startsWith("linux_")) {
                return new Linux(tag, tag.substring(6));
            }
            if ((m = MACOS.matcher(tag)).matches()) {
                return new MacOs(tag, num(m.group(1)), num(m.group(2)), m.group(3));
            }
            if (tag.equals("win32")) {
                return new Windows(tag, "x86");
            }
            if (tag.startsWith("win_")) {
                return new Windows(tag, tag.substring(4));
            }
            if ((m = IOS.matcher(tag)).matches()) {
                return new Ios(tag, num(m.group(1)), num(m.group(2)), m.group(3));
            }
            if ((m = ANDROID.matcher(tag)).matches()) {
                return new Android(tag, num(m.group(1)), m.group(2));
            }
            if ((m = EMSCRIPTEN.matcher(tag)).matches()) {
                return new Emscripten(tag, num(m.group(2)), num(m.group(3)), m.group(4));
            }
            return new Other(tag);
        }

        /** A version number too long for an int saturates: no tag asks for more than that. */
        private static int num(String digits) {
            return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        }
    }
}
