package dev.wheelsh.core.tags;

import java.util.List;
import java.util.Objects;

/**
 * What tag generation needs to know about an interpreter.
 *
 * @param implementation     short name: {@code cp}, {@code pp}, {@code graalpy}, ... (packaging's
 *                           INTERPRETER_SHORT_NAMES, else sys.implementation.name)
 * @param pythonVersion      the language version ({@code sys.version_info[:2]})
 * @param interpreterVersion sysconfig's {@code py_version_nodot}, normally the same digits as
 *                           {@code pythonVersion.nodot()}
 * @param abis               the interpreter's ABI tags, best first (for CPython see {@link CpythonAbi})
 * @param platforms          platform tags, best first (see {@link PlatformTags})
 */
public record InterpreterTagInputs(String implementation, PythonVersion pythonVersion,
                                   String interpreterVersion, List<String> abis, List<String> platforms) {

    public InterpreterTagInputs {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(interpreterVersion, "interpreterVersion");
        abis = List.copyOf(abis);
        platforms = List.copyOf(platforms);
    }

    /** A CPython with the given build flags. */
    public static InterpreterTagInputs cpython(PythonVersion version, CpythonAbi abi, List<String> platforms) {
        return new InterpreterTagInputs("cp", version, version.nodot(), abi.abis(version), platforms);
    }

    /**
     * Another implementation, whose ABI tag comes from its extension-module suffix
     * (see {@link #abiFromExtSuffix(String)}).
     */
    public static InterpreterTagInputs generic(String implementation, PythonVersion version, List<String> abis,
                                               List<String> platforms) {
        return new InterpreterTagInputs(implementation, version, version.nodot(), abis, platforms);
    }

    /**
     * The ABI tag of an interpreter from sysconfig's EXT_SUFFIX, as packaging's _generic_abi:
     * {@code .pypy310-pp73-x86_64-linux-gnu.so} gives {@code pypy310_pp73},
     * {@code .graalpy-38-native-x86_64-darwin.dylib} gives {@code graalpy_38_native},
     * {@code .cpython-310-x86_64-linux-gnu.so} gives {@code cp310}. Empty for a suffix with no ABI
     * part, or one too short to name one (CPython before 3.8 on Windows: use {@link CpythonAbi}).
     */
    public static List<String> abiFromExtSuffix(String extSuffix) {
        String[] parts = extSuffix.split("\\.", -1);
        if (parts.length < 3) {
            return List.of();
        }
        String soabi = parts[1];
        String abi;
        if (soabi.startsWith("cpython")) {
            String[] dash = soabi.split("-", -1);
            abi = "cp" + (dash.length > 1 ? dash[1] : "");
        } else if (soabi.startsWith("cp")) {
            abi = soabi.split("-", -1)[0];
        } else if (soabi.startsWith("pypy")) {
            abi = joinFirst(soabi.split("-", -1), 2);
        } else if (soabi.startsWith("graalpy")) {
            abi = joinFirst(soabi.split("-", -1), 3);
        } else if (!soabi.isEmpty()) {
            abi = soabi;
        } else {
            return List.of();
        }
        return List.of(PlatformTags.normalize(abi));
    }

    private static String joinFirst(String[] parts, int n) {
        return String.join("-", java.util.Arrays.asList(parts).subList(0, Math.min(n, parts.length)));
    }
}
