package dev.wheelsh.core.config;

import dev.wheelsh.core.tags.SpecifierSet;
import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.tags.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEP 440 version specifiers (requires-python): syntax with offsets, and whether a version fits. */
final class Specifiers {

    record Spec(String op, String version, boolean wildcard, int from, int to) {
    }

    record Result(List<Spec> specs, List<Issue> issues) {
    }

    private static final String OP = "(===|==|!=|<=|>=|~=|<|>)";
    private static final Pattern SEVERAL = Pattern.compile("\\s*" + OP + "\\s*[^\\s,<>=!~]+(\\s+" + OP + "\\s*[^\\s,<>=!~]+)+\\s*");
    private static final Pattern ONE_OP = Pattern.compile(OP + "\\s*([^\\s,<>=!~]+)");
    private static final Pattern ONE = Pattern.compile("\\s*(===|==|!=|<=|>=|~=|<|>)?\\s*([^\\s,]*)\\s*");

    private Specifiers() {
    }

    static Result parse(String text) {
        List<Spec> specs = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        int offset = 0;
        String explanation = "PEP 440 specifiers, comma-separated: >=3.9, <3.14, ~=3.10, ==3.12.*, !=3.11.0.";
        for (String part : text.split(",", -1)) {
            Matcher m = ONE.matcher(part);
            if (part.isBlank()) {
                if (!text.isBlank()) {
                    issues.add(Issue.of(Code.WH140, Severity.ERROR, offset, offset + part.length(), "an empty specifier between commas", explanation));
                }
            } else if (!m.matches() && SEVERAL.matcher(part).matches()) {
                // ">=3.12 <4": specifiers written without the comma between them
                int from = offset + (part.length() - part.stripLeading().length());
                List<String> each = new ArrayList<>();
                Matcher one = ONE_OP.matcher(part);
                while (one.find()) {
                    each.add(one.group(1) + one.group(2));
                }
                issues.add(Issue.of(Code.WH140, Severity.ERROR, from, offset + part.stripTrailing().length(),
                        "'" + part.strip() + "' needs commas between its specifiers: " + String.join(", ", each), explanation)
                        .withFix(String.join(", ", each), "Write " + String.join(", ", each)));
            } else if (!m.matches() || m.group(1) == null) {
                int from = offset + (part.length() - part.stripLeading().length());
                String bare = part.strip();
                Issue i = Issue.of(Code.WH140, Severity.ERROR, from, offset + part.stripTrailing().length(),
                        "'" + bare + "' has no comparison operator (>=, <=, ==, !=, ~=, <, >)", explanation);
                // offer >= only where it makes a valid specifier (a plain version, not text starting with an operator)
                boolean plainVersion = !bare.isEmpty() && bare.chars().noneMatch(Character::isWhitespace)
                        && "<>=!~".indexOf(bare.charAt(0)) < 0 && parse1(bare).isPresent();
                issues.add(plainVersion ? i.withFix(">=" + bare, "Write >=" + bare) : i);
            } else {
                String op = m.group(1);
                String v = m.group(2);
                int from = offset + m.start(2);
                int to = offset + m.end(2);
                boolean wildcard = v.endsWith(".*");
                String bare = wildcard ? v.substring(0, v.length() - 2) : v;
                if (v.isEmpty()) {
                    issues.add(Issue.of(Code.WH140, Severity.ERROR, offset + m.start(1), offset + m.end(1), "'" + op + "' without a version", explanation));
                } else if (wildcard && !op.equals("==") && !op.equals("!=")) {
                    issues.add(Issue.of(Code.WH140, Severity.ERROR, from, to, "a '.*' version is allowed only with == and !=", explanation));
                } else if (!op.equals("===") && parse1(bare).isEmpty()) {
                    issues.add(Issue.of(Code.WH140, Severity.ERROR, from, to, "'" + v + "' is not a PEP 440 version", explanation));
                } else if (op.equals("~=") && bare.split("\\.").length < 2) {
                    issues.add(Issue.of(Code.WH140, Severity.ERROR, from, to, "~= needs at least two release numbers (~=3.10, not ~=3)", explanation));
                } else {
                    specs.add(new Spec(op, bare, wildcard, from, to));
                }
            }
            offset += part.length() + 1;
        }
        return new Result(specs, issues);
    }

    private static Optional<Version> parse1(String v) {
        try {
            return Optional.of(Version.parse(v));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code version} satisfies one specifier: the finder's own rule
     * ({@link SpecifierSet#contains}), so a target's Python version is judged as pip judges a
     * file's requires-python.
     */
    static boolean contains(Spec spec, Version version) {
        String v = spec.wildcard() ? spec.version() + ".*" : spec.version();
        return new SpecifierSet(spec.op() + v, List.of(new SpecifierSet.Specifier(spec.op(), v))).contains(version);
    }
}
