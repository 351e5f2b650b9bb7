package dev.wheelsh.core.tags;

import java.util.Locale;
import java.util.regex.Pattern;

/** Project-name rules of the packaging specifications (PEP 503 normalisation, PEP 508 validity). */
public final class ProjectName {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]|[a-z0-9][a-z0-9._-]*[a-z0-9]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RUNS_OF_DASHES = Pattern.compile("-{2,}");

    private ProjectName() {
    }

    /** {@code Foo.Bar__baz} becomes {@code foo-bar-baz}, as packaging's canonicalize_name. */
    public static String canonicalize(String name) {
        String value = name.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
        return RUNS_OF_DASHES.matcher(value).replaceAll("-");
    }

    /** Whether a name is a valid distribution name (letters, digits, {@code ._-} inside). */
    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }
}
