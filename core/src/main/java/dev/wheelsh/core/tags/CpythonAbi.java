package dev.wheelsh.core.tags;

import java.util.ArrayList;
import java.util.List;

/**
 * CPython's ABI tags from its build flags, as packaging's {@code _cpython_abis} computes them
 * from sysconfig: {@code t} free-threaded (3.13+), {@code d} debug, {@code m} pymalloc (before
 * 3.8), {@code u} wide unicode (before 3.3). A debug build from 3.8 on also loads extensions built
 * for the non-debug ABI, so its list has a second entry.
 *
 * @param debug        Py_DEBUG
 * @param freeThreaded Py_GIL_DISABLED (only honoured from 3.13, as packaging does)
 * @param pymalloc     WITH_PYMALLOC (only meaningful before 3.8)
 * @param wideUnicode  Py_UNICODE_SIZE == 4 (only meaningful before 3.3)
 */
public record CpythonAbi(boolean debug, boolean freeThreaded, boolean pymalloc, boolean wideUnicode) {

    /** The flags of a default build: pymalloc on, wide unicode on (Linux builds of 2.7 / 3.2). */
    public static CpythonAbi defaultBuild() {
        return new CpythonAbi(false, false, true, true);
    }

    /**
     * Parses ABI flags as they appear in {@code sys.abiflags} or a tag ({@code "t"}, {@code "d"},
     * {@code "dm"}, {@code "mu"}, {@code ""}). For Python before 3.8, pymalloc is assumed on
     * unless explicitly absent from a non-empty flag string; wide unicode likewise before 3.3.
     */
    public static CpythonAbi fromFlags(String flags, PythonVersion version) {
        boolean old = !version.atLeast(3, 8);
        boolean oldest = !version.atLeast(3, 3);
        boolean explicit = !flags.isEmpty();
        return new CpythonAbi(flags.contains("d"), flags.contains("t"),
                old && (flags.contains("m") || !explicit),
                oldest && (flags.contains("u") || !explicit));
    }

    /** The ABI tags, best first, e.g. {@code [cp313td, cp313t]} or {@code [cp37m]}. */
    public List<String> abis(PythonVersion version) {
        List<String> abis = new ArrayList<>();
        if (version.minor().isEmpty()) {
            return abis;
        }
        String nodot = version.nodot();
        String threading = freeThreaded && version.atLeast(3, 13) ? "t" : "";
        String d = debug ? "d" : "";
        String m = "";
        String u = "";
        if (!version.atLeast(3, 8)) {
            m = pymalloc ? "m" : "";
            if (!version.atLeast(3, 3)) {
                u = wideUnicode ? "u" : "";
            }
        } else if (debug) {
            abis.add("cp" + nodot + threading);
        }
        abis.add(0, "cp" + nodot + threading + d + m + u);
        return abis;
    }
}
