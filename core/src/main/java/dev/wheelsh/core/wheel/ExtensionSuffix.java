package dev.wheelsh.core.wheel;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an extension module's filename says about the CPython that will import it: CPython finds a
 * module only under the suffixes importlib.machinery.EXTENSION_SUFFIXES lists, its own
 * {@code .cpython-313[t][d]-<platform>.so}, {@code .abi3.so} (or {@code .abi3t.so} on
 * free-threaded builds) and plain {@code .so}. The one reading of these names, for the checks
 * against a wheel's tags (WH303) and against a target (WH307).
 *
 * @param kind          which of the suffixes
 * @param major         for {@link Kind#VERSIONED}: the CPython version; 0 otherwise
 * @param minor         likewise
 * @param freeThreaded  for {@link Kind#VERSIONED}: the {@code t} flag
 */
public record ExtensionSuffix(Kind kind, int major, int minor, boolean freeThreaded) {

    public enum Kind { VERSIONED, ABI3, ABI3T, PLAIN }

    private static final Pattern SUFFIX = Pattern.compile("(?:\\.(?:cpython-(\\d)(\\d{1,3})(t?)d?(?:-[^./]+)?|(abi3)|(abi3t)))?\\.so$");

    /** The suffix of a member or file name; empty when it does not end in {@code .so}. */
    public static Optional<ExtensionSuffix> of(String name) {
        Matcher m = SUFFIX.matcher(name);
        if (!m.find()) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            return Optional.of(new ExtensionSuffix(Kind.VERSIONED, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    !m.group(3).isEmpty()));
        }
        if (m.group(4) != null) {
            return Optional.of(new ExtensionSuffix(Kind.ABI3, 0, 0, false));
        }
        if (m.group(5) != null) {
            return Optional.of(new ExtensionSuffix(Kind.ABI3T, 0, 0, true));
        }
        return Optional.of(new ExtensionSuffix(Kind.PLAIN, 0, 0, false));
    }

    /** The CPython ABI tag a versioned module is built for ("cp313t"). */
    public String cpythonAbi() {
        return "cp" + major + minor + (freeThreaded ? "t" : "");
    }

    /** "3.13" or "3.13 free-threaded". */
    public String describeVersion() {
        return major + "." + minor + (freeThreaded ? " free-threaded" : "");
    }
}
