package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 specifier set such as {@code >=3.10,!=3.11.0}, accepted, rejected and matched as
 * packaging's {@code SpecifierSet} does (the comparison rules of its {@code Specifier}: local
 * versions, the pre- and post-release exclusions of {@code <} and {@code >}, prefix matching of
 * {@code ==X.*}, {@code ~=} as {@code >=} plus a prefix). This is what pip holds a file's
 * requires-python against.
 */
public record SpecifierSet(String text, List<Specifier> specifiers) {

    /** One clause: an operator and its version text ({@code .*} kept for wildcards). */
    public record Specifier(String operator, String version) {

        boolean wildcard() {
            return version.endsWith(".*");
        }
    }

    private static final String WHAT = "requires-python";

    /* packaging's specifier grammar, per operator family. */
    private static final Pattern CLAUSE = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*(\\S.*?)\\s*");

    public SpecifierSet {
        specifiers = List.copyOf(specifiers);
    }

    /** Parses a comma-separated set; an empty text (or clause) allows everything. */
    public static SpecifierSet parse(String text) throws InputException {
        List<Specifier> out = new ArrayList<>();
        int offset = 0;
        for (String part : text.split(",", -1)) {
            // packaging drops empty clauses: ">=3.8," is the set ">=3.8".
            if (!part.isBlank()) {
                out.add(clause(text, part, offset));
            }
            offset += part.length() + 1;
        }
        return new SpecifierSet(text, out);
    }

    private static Specifier clause(String whole, String part, int offset) throws InputException {
        Matcher m = CLAUSE.matcher(part);
        if (!m.matches()) {
            throw InputException.in(WHAT, whole, offset, part.length(),
                    "'" + part.strip() + "' is not an operator (~=, ==, !=, <=, >=, <, >, ===) and a version");
        }
        String op = m.group(1);
        String v = m.group(2);
        int at = offset + m.start(2);
        if (op.equals("===")) {
            if (v.contains(" ") || v.contains(";")) {
                throw InputException.in(WHAT, whole, at, v.length(), "an arbitrary-equality version has no spaces");
            }
            return new Specifier(op, v);
        }
        boolean wildcard = v.endsWith(".*");
        String bare = wildcard ? v.substring(0, v.length() - 2) : v;
        if (!bare.equals(bare.strip()) || bare.isEmpty()) {
            throw InputException.in(WHAT, whole, at, v.length(), "'" + v + "' is not a PEP 440 version");
        }
        Version parsed;
        try {
            parsed = Version.parse(bare);
        } catch (InputException e) {
            throw InputException.in(WHAT, whole, at, v.length(), "'" + v + "' is not a PEP 440 version");
        }
        boolean equality = op.equals("==") || op.equals("!=");
        if (wildcard && (!equality || parsed.local().isPresent())) {
            throw InputException.in(WHAT, whole, at, v.length(), "'.*' is allowed only after a public version with == or !=");
        }
        if (!equality && parsed.local().isPresent()) {
            throw InputException.in(WHAT, whole, at, v.length(), "a local version (+...) is allowed only with == and !=");
        }
        if (op.equals("~=") && parsed.release().size() < 2) {
            throw InputException.in(WHAT, whole, at, v.length(), "~= needs at least two release numbers (~=3.10, not ~=3)");
        }
        return new Specifier(op, v);
    }

    /**
     * Whether a version satisfies every clause. Pre-releases are not excluded here: pip asks
     * with a final interpreter version, and a set's own pre-release rule does not apply to it.
     */
    public boolean contains(Version version) {
        for (Specifier s : specifiers) {
            if (!matches(s, version)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Specifier s, Version item) {
        if (s.operator().equals("===")) {
            return item.toString().toLowerCase(Locale.ROOT).equals(s.version().toLowerCase(Locale.ROOT));
        }
        boolean wildcard = s.wildcard();
        Version spec = parsedOrThrow(wildcard ? s.version().substring(0, s.version().length() - 2) : s.version());
        return switch (s.operator()) {
            case "==" -> equal(item, spec, wildcard);
            case "!=" -> !equal(item, spec, wildcard);
            case "<=" -> publicOf(item).compareTo(spec) <= 0;
            case ">=" -> publicOf(item).compareTo(spec) >= 0;
            case "<" -> less(item, spec);
            case ">" -> greater(item, spec);
            case "~=" -> compatible(item, spec);
            default -> throw new IllegalStateException("operator " + s.operator());
        };
    }

    private static boolean equal(Version item, Version spec, boolean wildcard) {
        if (wildcard) {
            // Prefix match on the public version, the shorter side padded with zeros.
            if (!item.epoch().equals(spec.epoch())) {
                return false;
            }
            List<BigInteger> a = item.release();
            List<BigInteger> b = spec.release();
            for (int i = 0; i < b.size(); i++) {
                BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
                if (!x.equals(b.get(i))) {
                    return false;
                }
            }
            // A wildcard after a pre-, post- or dev-release part also pins that part.
            String specText = spec.toString();
            String itemText = publicOf(item).toString();
            return specText.equals(spec.baseVersion()) || itemText.startsWith(specText);
        }
        if (spec.local().isEmpty()) {
            return publicOf(item).compareTo(spec) == 0;
        }
        return item.compareTo(spec) == 0;
    }

    private static boolean less(Version item, Version spec) {
        if (publicOf(item).compareTo(spec) >= 0) {
            return false;
        }
        // <3.11 does not admit 3.11.0rc1 unless the specifier is itself a pre-release.
        return spec.isPrerelease() || !item.isPrerelease() || !sameBase(item, spec);
    }

    private static boolean greater(Version item, Version spec) {
        if (item.compareTo(spec) <= 0) {
            return false;
        }
        if (spec.post().isEmpty() && item.post().isPresent() && sameBase(item, spec)) {
            return false;
        }
        return item.local().isEmpty() || !sameBase(item, spec);
    }

    private static boolean compatible(Version item, Version spec) {
        if (publicOf(item).compareTo(spec) < 0) {
            return false;
        }
        List<BigInteger> release = spec.release();
        List<BigInteger> prefix = release.subList(0, release.size() - 1);
        if (!item.epoch().equals(spec.epoch())) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            BigInteger x = i < item.release().size() ? item.release().get(i) : BigInteger.ZERO;
            if (!x.equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBase(Version a, Version b) {
        return parsedOrThrow(a.baseVersion()).compareTo(parsedOrThrow(b.baseVersion())) == 0;
    }

    private static Version publicOf(Version v) {
        String text = v.toString();
        int plus = text.indexOf('+');
        return plus < 0 ? v : parsedOrThrow(text.substring(0, plus));
    }

    private static Version parsedOrThrow(String text) {
        try {
            return Version.parse(text);
        } catch (InputException e) {
            throw new IllegalStateException("a version this set already parsed: " + text, e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
