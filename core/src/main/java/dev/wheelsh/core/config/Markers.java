package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Suggest;
import dev.wheelsh.core.vocabulary.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PEP 508 environment marker parser ({@code marker_or}, {@code marker_and}, parentheses,
 * comparisons of a variable with a quoted string, in either order). It reports syntax errors
 * and unknown variables at their offsets, and lists the variables and values it met so hovers
 * and value checks can use them.
 */
final class Markers {

    /** A variable or quoted value met in the marker, with its offsets. */
    record Atom(boolean variable, String text, int from, int to, String comparedWith) {
    }

    /**
     * One variable-to-string comparison: {@code variableLeft} for {@code sys_platform == 'linux'},
     * not for {@code 'linux' == sys_platform}; offsets of the whole comparison and of the value.
     */
    record Comparison(String variable, String op, String value, boolean variableLeft, int from, int to, int valueFrom, int valueTo) {
    }

    /**
     * The syntax findings, the atoms met, and every {@code and} chain of comparisons (each chain's
     * direct comparisons, parenthesized groups left out), for the value checks of {@link MarkerValues}.
     */
    record Result(List<Issue> issues, List<Atom> atoms, List<List<Comparison>> conjunctions) {
    }

    private static final List<String> OPS = List.of("===", "==", "!=", "<=", ">=", "~=", "<", ">", "not in", "in");

    private final String s;
    private int pos;
    private int depth;
    private final List<Issue> issues = new ArrayList<>();
    private final List<Atom> atoms = new ArrayList<>();
    private final List<List<Comparison>> conjunctions = new ArrayList<>();

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private Markers(String s) {
        this.s = s;
    }

    static Result parse(String marker) {
        Markers m = new Markers(marker);
        try {
            m.skip();
            if (m.pos >= marker.length()) {
                m.error(0, marker.length(), "an empty marker");
            }
            m.or();
            m.skip();
            if (m.pos < marker.length()) {
                m.error(m.pos, marker.length(), "unexpected text after the marker: '" + marker.substring(m.pos) + "'");
            }
        } catch (Stop e) {
            // the error is recorded
        }
        return new Result(List.copyOf(m.issues), List.copyOf(m.atoms),
                m.issues.stream().anyMatch(i -> i.severity() == Severity.ERROR) ? List.of() : List.copyOf(m.conjunctions));
    }

    private void or() {
        and();
        while (keyword("or")) {
            and();
        }
    }

    private void and() {
        List<Comparison> chain = new ArrayList<>();
        atom().ifPresent(chain::add);
        while (keyword("and")) {
            atom().ifPresent(chain::add);
        }
        conjunctions.add(List.copyOf(chain));
    }

    /** One comparison or parenthesized group; the comparison when it is one of a variable and a string. */
    private Optional<Comparison> atom() {
        skip();
        if (pos < s.length() && s.charAt(pos) == '(') {
            if (++depth > 50) {
                error(pos, pos + 1, "parentheses nested too deeply");
            }
            pos++;
            or();
            skip();
            if (pos >= s.length() || s.charAt(pos) != ')') {
                error(pos, Math.min(s.length(), pos + 1), "expected ')'");
            }
            pos++;
            depth--;
            return Optional.empty();
        }
        Atom left = operand();
        skip();
        int opStart = pos;
        String op = operator();
        if (op == null) {
            int end = pos;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            error(opStart, Math.max(end, Math.min(s.length(), opStart + 1)),
                    "expected a comparison operator (==, !=, <, <=, >, >=, ~=, ===, in, not in)"
                            + (pos < s.length() && s.charAt(pos) == '=' ? "; '=' alone is not one, write '=='" : ""));
        }
        Atom right = operand();
        if (left.variable() == right.variable()) {
            // valid PEP 508 (both sides are marker_var), but rarely meant
            issues.add(Issue.of(Code.WH124, Severity.WARNING, left.from(), right.to(), left.variable()
                    ? "this compares two marker variables; a marker usually compares a variable with a quoted string"
                    : "this compares two quoted strings: its answer is the same on every machine",
                    "PEP 508 allows it, and packaging evaluates it, but it never depends on the environment the way a variable-to-string comparison does."));
            return Optional.empty();
        }
        Atom var = left.variable() ? left : right;
        Atom val = left.variable() ? right : left;
        atoms.add(var);
        atoms.add(new Atom(false, val.text(), val.from(), val.to(), var.text()));
        return Optional.of(new Comparison(var.text(), op, val.text(), left.variable(), left.from() - (left.variable() ? 0 : 1),
                right.to() + (right.variable() ? 0 : 1), val.from(), val.to()));
    }

    private Atom operand() {
        skip();
        if (pos >= s.length()) {
            error(s.length(), s.length(), "the marker ends where a variable or a quoted string should follow");
        }
        char c = s.charAt(pos);
        if (c == '"' || c == '\'') {
            int end = s.indexOf(c, pos + 1);
            if (end < 0) {
                error(pos, s.length(), "the quoted string is not closed");
            }
            Atom a = new Atom(false, s.substring(pos + 1, end), pos + 1, end, "");
            pos = end + 1;
            return a;
        }
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) {
            pos++;
        }
        if (pos == start) {
            error(pos, pos + 1, "expected a marker variable or a quoted string, found '" + s.charAt(pos) + "'");
        }
        String name = s.substring(start, pos);
        ConfigFacts f = ConfigFacts.INSTANCE;
        if (!f.markerVariables.contains(name)) {
            String legacy = f.legacyMarkerVariables.get(name);
            if (legacy != null) {
                issues.add(Issue.of(Code.WH121, Severity.WARNING, start, pos,
                        "'" + name + "' is a legacy marker name; PEP 508 spells it " + legacy,
                        "packaging 22 and newer (so pip and uv) reject the dotted names of PEP 345.").withFix(legacy, "Replace " + name + " with " + legacy));
                return new Atom(true, legacy, start, pos, "");
            }
            Issue i = Issue.of(Code.WH121, Severity.ERROR, start, pos,
                    "'" + name + "' is not a marker variable" + (name.matches("[0-9].*") ? " (values need quotes)" : ""),
                    "Marker variables: " + String.join(", ", f.markerVariables) + ".");
            String near = Suggest.closest(name, f.markerVariables).orElse(null);
            issues.add(near == null ? i : i.withFix(near, "Replace " + name + " with " + near));
        }
        return new Atom(true, name, start, pos, "");
    }

    private String operator() {
        for (String op : OPS) {
            if (op.equals("not in")) {
                if (s.startsWith("not", pos)) {
                    int save = pos;
                    pos += 3;
                    skip();
                    if (s.startsWith("in", pos) && boundary(pos + 2)) {
                        pos += 2;
                        return op;
                    }
                    pos = save;
                }
                continue;
            }
            if (s.startsWith(op, pos) && (!op.equals("in") || boundary(pos + 2))) {
                pos += op.length();
                return op;
            }
        }
        return null;
    }

    private boolean keyword(String word) {
        skip();
        if (s.startsWith(word, pos) && boundary(pos + word.length())) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean boundary(int i) {
        return i >= s.length() || !(Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_');
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private void error(int from, int to, String message) {
        issues.add(Issue.of(Code.WH120, Severity.ERROR, Math.min(from, s.length()), Math.min(Math.max(from, to), s.length()),
                "marker syntax: " + message, "PEP 508: VARIABLE OP 'value', joined with and/or, grouped with parentheses."));
        throw new Stop();
    }
}
