package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, parsed and normalised as packaging's {@code Version} does: the same strings
 * are accepted, {@link #toString()} gives the same normal form and {@link #compareTo} the same order.
 * Numbers are unbounded, as Python's are.
 */
public final class Version implements Comparable<Version> {

    /*
     * The grammar of packaging 26's VERSION_PATTERN, with its possessive quantifiers (Java's
     * possessive quantifiers behave as Python 3.11.5+'s). Group names lose their underscores,
     * which Java does not allow. Case-insensitive; surrounding white space is allowed.
     */
    private static final Pattern PATTERN = Pattern.compile(
            "\\s*v?+"
            + "(?:(?<epoch>[0-9]+)!)?+"
            + "(?<release>[0-9]+(?:\\.[0-9]+)*+)"
            + "(?<pre>[._-]?+(?<prel>alpha|a|beta|b|preview|pre|c|rc)[._-]?+(?<pren>[0-9]+)?)?+"
            + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[._-]?(?<postl>post|rev|r)[._-]?(?<postn2>[0-9]+)?))?+"
            + "(?<dev>[._-]?+(?<devl>dev)[._-]?+(?<devn>[0-9]+)?)?+"
            + "(?:\\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*+))?+"
            + "\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern LOCAL_SEPARATORS = Pattern.compile("[._-]");

    /** A pre-release, post-release or dev marker: normalised letter and number. */
    public record Marker(String letter, BigInteger number) {
        @Override
        public String toString() {
            return letter + number;
        }
    }

    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final Optional<Marker> pre;
    private final Optional<BigInteger> post;
    private final Optional<BigInteger> dev;
    private final Optional<List<Object>> local; // String or BigInteger parts

    private Version(BigInteger epoch, List<BigInteger> release, Optional<Marker> pre,
                    Optional<BigInteger> post, Optional<BigInteger> dev, Optional<List<Object>> local) {
        this.epoch = epoch;
        this.release = List.copyOf(release);
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local.map(List::copyOf);
    }

    /** Parses a version; the error names the text and says it is not PEP 440. */
    public static Version parse(String text) throws InputException {
        Objects.requireNonNull(text, "text");
        // Python's int() refuses more than 4300 digits; such a version is not a real one.
        if (text.length() > 4000) {
            throw InputException.in("version", text, 0, text.length(), "too long");
        }
        if (isPlainRelease(text)) {
            // The common case, "2.2.4": no need for the full grammar (packaging takes the same shortcut).
            List<BigInteger> release = new ArrayList<>();
            for (String part : text.split("\\.", -1)) {
                release.add(new BigInteger(part));
            }
            return new Version(BigInteger.ZERO, release, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        Matcher m = PATTERN.matcher(text);
        if (!m.matches() || !isAsciiWhereRequired(m)) {
            throw InputException.in("version", text, 0, text.length(), "not a valid PEP 440 version");
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        Optional<Marker> pre = Optional.empty();
        if (m.group("prel") != null) {
            pre = Optional.of(new Marker(normalizePreLetter(m.group("prel")), number(m.group("pren"))));
        }
        Optional<BigInteger> post = Optional.empty();
        if (m.group("postl") != null) {
            post = Optional.of(number(m.group("postn2")));
        } else if (m.group("postn1") != null) {
            post = Optional.of(new BigInteger(m.group("postn1")));
        }
        Optional<BigInteger> dev = m.group("devl") == null ? Optional.empty() : Optional.of(number(m.group("devn")));
        Optional<List<Object>> local = Optional.empty();
        if (m.group("local") != null) {
            List<Object> parts = new ArrayList<>();
            for (String part : LOCAL_SEPARATORS.split(m.group("local"))) {
                parts.add(isAsciiDigits(part) ? new BigInteger(part) : part.toLowerCase(Locale.ROOT));
            }
            local = Optional.of(parts);
        }
        return new Version(epoch, release, pre, post, dev, local);
    }

    /**
     * packaging's pattern runs the number and letter parts in ASCII mode; Java's
     * case-insensitive matching could otherwise let non-ASCII look-alikes (the Kelvin sign
     * for k is not in the grammar, but the long s and dotless i are) match letters.
     */
    private static boolean isAsciiWhereRequired(Matcher m) {
        String core = m.group().strip();
        for (int i = 0; i < core.length(); i++) {
            if (core.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Digits separated by single dots, no empty part: {@code 1}, {@code 2.2.4}. */
    private static boolean isPlainRelease(String s) {
        boolean digitBefore = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digitBefore = true;
            } else if (c == '.' && digitBefore) {
                digitBefore = false;
            } else {
                return false;
            }
        }
        return digitBefore;
    }

    private static boolean isAsciiDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    private static String normalizePreLetter(String letter) {
        return switch (letter.toLowerCase(Locale.ROOT)) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc"; // c, pre, preview, rc
        };
    }

    public BigInteger epoch() {
        return epoch;
    }

    public List<BigInteger> release() {
        return release;
    }

    public Optional<Marker> pre() {
        return pre;
    }

    public Optional<BigInteger> post() {
        return post;
    }

    public Optional<BigInteger> dev() {
        return dev;
    }

    /** The local segment in its normal form ({@code ubuntu.1}), if any. */
    public Optional<String> local() {
        return local.map(parts -> {
            StringBuilder sb = new StringBuilder();
            for (Object part : parts) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(part);
            }
            return sb.toString();
        });
    }

    public boolean isPrerelease() {
        return pre.isPresent() || dev.isPresent();
    }

    /** The release numbers, {@code major.minor.micro...}, as text. */
    public String baseVersion() {
        StringBuilder sb = new StringBuilder();
        if (epoch.signum() != 0) {
            sb.append(epoch).append('!');
        }
        appendRelease(sb);
        return sb.toString();
    }

    private void appendRelease(StringBuilder sb) {
        for (int i = 0; i < release.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(release.get(i));
        }
    }

    /** The normal form, as {@code str(packaging.version.Version(text))}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(baseVersion());
        pre.ifPresent(p -> sb.append(p.letter()).append(p.number()));
        post.ifPresent(p -> sb.append(".post").append(p));
        dev.ifPresent(d -> sb.append(".dev").append(d));
        local().ifPresent(l -> sb.append('+').append(l));
        return sb.toString();
    }

    @Override
    public int compareTo(Version other) {
        int c = epoch.compareTo(other.epoch);
        if (c != 0) {
            return c;
        }
        c = compareRelease(trimmed(release), trimmed(other.release));
        if (c != 0) {
            return c;
        }
        long[] mine = suffixRanks();
        long[] theirs = other.suffixRanks();
        c = Integer.compare((int) mine[0], (int) theirs[0]);
        if (c != 0) {
            return c;
        }
        c = preNumber().compareTo(other.preNumber());
        if (c != 0) {
            return c;
        }
        c = Integer.compare((int) mine[1], (int) theirs[1]);
        if (c != 0) {
            return c;
        }
        c = post.orElse(BigInteger.ZERO).compareTo(other.post.orElse(BigInteger.ZERO));
        if (c != 0) {
            return c;
        }
        c = Integer.compare((int) mine[2], (int) theirs[2]);
        if (c != 0) {
            return c;
        }
        c = dev.orElse(BigInteger.ZERO).compareTo(other.dev.orElse(BigInteger.ZERO));
        if (c != 0) {
            return c;
        }
        return compareLocal(local.orElse(null), other.local.orElse(null));
    }

    /** PEP 440 ranks: pre (dev-only -1, a 0, b 1, rc 2, none 3), post (none 0, some 1), dev (some 0, none 1). */
    private long[] suffixRanks() {
        int preRank;
        if (pre.isEmpty() && post.isEmpty() && dev.isPresent()) {
            preRank = -1;
        } else if (pre.isEmpty()) {
            preRank = 3;
        } else {
            preRank = switch (pre.get().letter()) {
                case "a" -> 0;
                case "b" -> 1;
                default -> 2;
            };
        }
        return new long[] {preRank, post.isPresent() ? 1 : 0, dev.isPresent() ? 0 : 1};
    }

    private BigInteger preNumber() {
        return pre.map(Marker::number).orElse(BigInteger.ZERO);
    }

    private static List<BigInteger> trimmed(List<BigInteger> release) {
        int end = release.size();
        while (end > 0 && release.get(end - 1).signum() == 0) {
            end--;
        }
        return release.subList(0, end);
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** No local sorts first; strings sort before numbers; shorter sorts first on equal prefixes. */
    private static int compareLocal(List<Object> a, List<Object> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof BigInteger xi && y instanceof BigInteger yi) {
                c = xi.compareTo(yi);
            } else if (x instanceof String xs && y instanceof String ys) {
                c = TagSet.compareCodePoints(xs, ys);
            } else {
                c = x instanceof String ? -1 : 1;
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, trimmed(release), suffixRanksHash(), local.orElse(null));
    }

    private List<Object> suffixRanksHash() {
        long[] ranks = suffixRanks();
        return List.of(ranks[0], ranks[1], ranks[2], preNumber(), post.orElse(BigInteger.ZERO),
                dev.orElse(BigInteger.ZERO));
    }
}
