package dev.wheelsh.core.words;

import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.tags.PlatformTags;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every component of a compatibility tag in words. The one place these words are written: the
 * shell's explain and the language server's hovers both call it.
 */
public final class TagWords {

    private static final Pattern INTERPRETER = Pattern.compile("([a-z]+?)(\\d+)");
    private static final Pattern CPYTHON_ABI = Pattern.compile("cp(\\d)(\\d+)([a-z]*)");

    private TagWords() {
    }

    /** {@code cp313}: "CPython 3.13"; {@code py3}: "any Python 3 implementation". */
    public static String interpreter(String tag) {
        Matcher m = INTERPRETER.matcher(tag);
        if (!m.matches()) {
            return "'" + tag + "' is not an interpreter tag (expected a short name and a version, e.g. cp313, py3)";
        }
        String impl = m.group(1);
        String name = Interpreters.byShortName(impl).map(Interpreters.Implementation::words)
                .orElse("the '" + impl + "' implementation");
        String version = pythonVersion(m.group(2));
        if (impl.equals("py")) {
            return m.group(2).length() == 1
                    ? "any Python " + version + " (any implementation, any minor version)"
                    : "Python " + version + " (any implementation)";
        }
        if (impl.equals("pp") && m.group(2).length() == 1) {
            return "any PyPy " + version;
        }
        return name + " " + version;
    }

    /** {@code 313} is 3.13, {@code 3} is 3, {@code 27} is 2.7. */
    static String pythonVersion(String digits) {
        return digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    }

    /** {@code cp313t}: "the ABI of free-threaded CPython 3.13"; {@code abi3}: the stable ABI. */
    public static String abi(String abi) {
        switch (abi) {
            case "none":
                return "no ABI: the wheel has no compiled extension tied to an interpreter's ABI";
            case "abi3":
                return "the stable ABI (PEP 384): one build runs on CPython from the version in the interpreter tag on, "
                        + "but not on free-threaded builds";
            case "abi3t":
                return "the free-threaded stable ABI (PEP 803): the stable ABI for free-threaded CPython";
            default:
                break;
        }
        Matcher m = CPYTHON_ABI.matcher(abi);
        if (m.matches()) {
            String version = m.group(1) + "." + m.group(2);
            String flags = m.group(3);
            StringBuilder sb = new StringBuilder("the ABI of ");
            if (flags.contains("t")) {
                sb.append("free-threaded (no GIL) ");
            }
            if (flags.contains("d")) {
                sb.append("debug-build ");
            }
            sb.append("CPython ").append(version);
            if (flags.contains("m")) {
                sb.append(" built with pymalloc (the 'm' flag, dropped in 3.8)");
            }
            if (flags.contains("u")) {
                sb.append(" with 4-byte unicode (the 'u' flag of Python 2 and 3.2)");
            }
            if (!flags.contains("t") && m.group(1).equals("3")
                    && new BigInteger(m.group(2)).compareTo(BigInteger.valueOf(13)) >= 0) {
                sb.append(" with the GIL");
            }
            return sb.toString();
        }
        if (abi.startsWith("pypy")) {
            return "the ABI of PyPy (" + abi + ")";
        }
        if (abi.startsWith("graalpy")) {
            return "the ABI of GraalPy (" + abi + ")";
        }
        return "the ABI '" + abi + "'";
    }

    /** What a platform tag promises, with the facts a user needs to act on it. */
    public static String platform(String tag) {
        PlatformTag p = PlatformTag.parse(tag);
        return switch (p.family()) {
            case ANY -> "any platform: pure Python, or code that needs nothing from the OS";
            case MANYLINUX -> "Linux on " + p.arch() + " with glibc " + p.major() + "." + p.minor()
                    + " or newer, and only the system libraries the manylinux policy allows (PEP 600)"
                    + neverReal(p);
            case MANYLINUX_LEGACY -> "the legacy name of " + p.pep600Name().orElseThrow()
                    + ": Linux on " + p.arch() + " with glibc " + p.major() + "." + p.minor() + " or newer ("
                    + (p.major() == 2 && p.minor() == 5 ? "PEP 513" : p.minor() == 12 ? "PEP 571" : "PEP 599") + ")"
                    + neverReal(p);
            case MUSLLINUX -> "Linux on " + p.arch() + " with musl " + p.major() + "." + p.minor()
                    + " or newer (Alpine and other musl systems; PEP 656); never installs on glibc systems";
            case LINUX -> "built on some Linux for " + p.arch() + ": it promises nothing about the C library or "
                    + "other libraries, so it runs only where the builder's libraries match; pip installs it on any "
                    + p.arch() + " Linux, PyPI refuses it" + (p.arch().equals("armv6l") || p.arch().equals("armv7l")
                    ? " (except for armv6l/armv7l, kept for Raspberry Pi wheels)" : "");
            case MACOS -> "macOS " + p.major() + "." + p.minor() + " or newer, " + macFormat(p.arch());
            case WINDOWS -> "Windows on " + switch (p.arch()) {
                case "x86" -> "32-bit x86";
                case "amd64" -> "64-bit x86 (amd64)";
                case "arm64" -> "64-bit ARM";
                default -> p.arch();
            };
            case IOS -> "iOS " + p.major() + "." + p.minor() + " or newer, " + p.arch() + " (PEP 730)";
            case ANDROID -> "Android API level " + p.major() + " or newer, ABI " + p.arch() + " (PEP 738)";
            case EMSCRIPTEN -> "WebAssembly in an Emscripten runtime such as Pyodide (" + tag + ")";
            case OTHER -> "a platform tag wheelsh does not know ('" + tag + "'); pip compares it as an opaque string";
        };
    }

    private static String neverReal(PlatformTag p) {
        if (PlatformTags.baselineExists(p.arch(), p.major(), p.minor())) {
            return "";
        }
        return PlatformTags.manylinuxFloor(p.arch())
                .map(f -> ". No real system matches it: no manylinux baseline exists for " + p.arch()
                        + " below glibc " + f + (p.arch().equals("loongarch64") ? " (glibc gained LoongArch in 2.36)" : ""))
                .orElse(". No manylinux baseline exists for " + p.arch() + " at all");
    }

    private static String macFormat(String format) {
        return switch (format) {
            case "arm64" -> "Apple silicon (arm64)";
            case "x86_64" -> "Intel 64-bit (x86_64)";
            case "universal2" -> "a universal2 binary (arm64 and x86_64 in one)";
            case "intel" -> "an intel fat binary (i386 and x86_64)";
            case "universal" -> "a universal binary (i386, ppc, ppc64, x86_64)";
            case "fat" -> "a fat binary (i386 and ppc)";
            case "fat32" -> "a fat binary (i386 and ppc)";
            case "fat64" -> "a fat binary (x86_64 and ppc64)";
            default -> format;
        };
    }
}
