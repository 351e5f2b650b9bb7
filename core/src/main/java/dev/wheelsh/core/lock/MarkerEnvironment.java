package dev.wheelsh.core.lock;

import dev.wheelsh.core.machine.Interpreter;
import dev.wheelsh.core.machine.Platform;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.tags.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values a target gives PEP 508's marker variables, as the target's own Python would report
 * them (sys.platform, platform.system(), platform.machine(), os.name, sys.implementation.name,
 * platform.python_implementation()). What a target does not know (the kernel's release and
 * version string) is the empty string, which no real marker value equals.
 *
 * @param values     every string variable
 * @param extras     the extras being installed (none by default)
 * @param groups     the dependency groups being installed
 */
public record MarkerEnvironment(Map<String, String> values, Set<String> extras, Set<String> groups) {

    public MarkerEnvironment {
        values = Map.copyOf(values);
        extras = Set.copyOf(extras);
        groups = Set.copyOf(groups);
    }

    /**
     * A target's environment; {@code pythonFull} is the interpreter's full version (default
     * {@code X.Y.0}, as pip's {@code --python-version X.Y} takes it).
     */
    public static MarkerEnvironment of(Target target, Optional<Version> pythonFull, Set<String> groups) {
        Map<String, String> v = new LinkedHashMap<>();
        Interpreter in = target.interpreter();
        String xy = in.version().toString();
        String full = pythonFull.map(Version::toString).orElse(xy + ".0");
        v.put("python_version", xy);
        v.put("python_full_version", full);
        v.put("implementation_name", implementationName(in.implementation()));
        v.put("implementation_version", in.isCpython() ? full : "");
        v.put("platform_python_implementation", pythonImplementation(in.implementation()));
        Platform p = target.platform();
        String machine = p.arch();
        if (p instanceof Platform.Linux) {
            put(v, "linux", "Linux", "posix");
        } else if (p instanceof Platform.MacOs) {
            put(v, "darwin", "Darwin", "posix");
        } else if (p instanceof Platform.Windows) {
            put(v, "win32", "Windows", "nt");
            // platform.machine() on Windows is the PROCESSOR_ARCHITECTURE spelling
            machine = switch (p.arch()) {
                case "amd64" -> "AMD64";
                case "arm64" -> "ARM64";
                default -> "x86";
            };
        } else if (p instanceof Platform.Ios) {
            put(v, "ios", "iOS", "posix");
        } else if (p instanceof Platform.Android a) {
            put(v, "android", "Android", "posix");
            // the kernel's uname machine for each Android ABI
            machine = switch (a.arch()) {
                case "arm64_v8a" -> "aarch64";
                case "armeabi_v7a" -> "armv7l";
                case "x86" -> "i686";
                default -> a.arch();
            };
        }
        v.put("platform_machine", machine);
        v.put("platform_release", "");
        v.put("platform_version", "");
        v.put("extra", "");
        return new MarkerEnvironment(v, Set.of(), groups);
    }

    private static void put(Map<String, String> v, String sysPlatform, String system, String osName) {
        v.put("sys_platform", sysPlatform);
        v.put("platform_system", system);
        v.put("os_name", osName);
    }

    /** sys.implementation.name for a tag's short name (cp -> cpython), from the interpreters table. */
    private static String implementationName(String shortName) {
        return Interpreters.byShortName(shortName).map(Interpreters.Implementation::name).orElse(shortName);
    }

    /** platform.python_implementation(): GraalPy reports "GraalVM". */
    private static String pythonImplementation(String shortName) {
        return switch (shortName) {
            case "cp" -> "CPython";
            case "pp" -> "PyPy";
            case "graalpy" -> "GraalVM";
            default -> shortName;
        };
    }

    /** A variable's value: a string, or for {@code extras} and {@code dependency_groups} a set. */
    Object value(String variable) {
        return switch (variable) {
            case "extras" -> extras;
            case "dependency_groups" -> groups;
            default -> values.getOrDefault(variable, "");
        };
    }

    /** The same environment with the extras being installed. */
    public MarkerEnvironment withExtras(Set<String> extras) {
        return new MarkerEnvironment(values, extras, groups);
    }
}
