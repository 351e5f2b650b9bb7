package dev.wheelsh.core.machine;

import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.tags.CpythonAbi;
import dev.wheelsh.core.tags.PythonVersion;
import java.util.List;
import java.util.Objects;

/**
 * A Python interpreter as far as wheels care: implementation, language version and, for
 * CPython, the ABI flags ({@code t} free-threaded, {@code d} debug, {@code m} pymalloc before
 * 3.8, {@code u} wide unicode on 2.7). Other implementations carry their ABI tags directly,
 * derived from their extension suffix (e.g. {@code pypy310_pp73}).
 *
 * @param implementation {@code cp}, {@code pp}, {@code graalpy}, ...
 * @param version        the language version
 * @param abiFlags       CPython's flags as in {@code sys.abiflags}; empty for other implementations
 * @param otherAbis      ABI tags of a non-CPython interpreter, best first; empty for CPython
 */
public record Interpreter(String implementation, PythonVersion version, String abiFlags, List<String> otherAbis) {

    public Interpreter {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(abiFlags, "abiFlags");
        otherAbis = List.copyOf(otherAbis);
    }

    public static Interpreter cpython(PythonVersion version, String abiFlags) {
        return new Interpreter("cp", version, abiFlags, List.of());
    }

    public boolean isCpython() {
        return implementation.equals("cp");
    }

    public boolean freeThreaded() {
        return isCpython() && abiFlags.contains("t") && version.atLeast(3, 13);
    }

    public boolean debug() {
        return isCpython() && abiFlags.contains("d");
    }

    /** The ABI tags it loads, best first. */
    public List<String> abis() {
        return isCpython() ? CpythonAbi.fromFlags(abiFlags, version).abis(version) : otherAbis;
    }

    /** Its interpreter tag: {@code cp313}, {@code pp310}, {@code graalpy311}. */
    public String tag() {
        return implementation + version.nodot();
    }

    /** What people call it: {@code CPython 3.13 (free-threaded)}, {@code PyPy 3.10}. */
    public String describe() {
        String name = Interpreters.byShortName(implementation).map(Interpreters.Implementation::words)
                .filter(w -> !implementation.equals("py")).orElse(implementation);
        StringBuilder sb = new StringBuilder(name + " " + version);
        if (freeThreaded()) {
            sb.append(" free-threaded");
        }
        if (debug()) {
            sb.append(" debug build");
        }
        return sb.toString();
    }
}
