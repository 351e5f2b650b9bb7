package dev.wheelsh.core.lock;

import dev.wheelsh.core.tags.ProjectName;
import dev.wheelsh.core.tags.SpecifierSet;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PEP 508 environment marker, parsed once and evaluated against a {@link MarkerEnvironment} as
 * packaging's markers module evaluates it (packaging 26.2, markers.py {@code _eval_op}): when
 * the operator and the right-hand value form a valid version specifier, the left-hand value is
 * tested with it (pre-releases included); otherwise the two strings are compared as Python
 * compares strings. {@code in} on a set-valued variable ({@code extras}, {@code dependency_groups}
 * of a lock file) tests membership.
 */
public final class Marker {

    /** A node of the parsed marker. */
    private sealed interface Expr permits Or, And, Compare {
    }

    private record Or(List<Expr> terms) implements Expr {
    }

    private record And(List<Expr> terms) implements Expr {
    }

    /** One comparison; each side is a variable name or a quoted string. */
    private record Compare(Operand left, String op, Operand right) implements Expr {
    }

    private record Operand(boolean variable, String text) {
    }

    private static final List<String> OPS = List.of("===", "==", "!=", "<=", ">=", "~=", "<", ">", "not in", "in");
    /** PEP 508's variables, and the dotted spellings packaging still accepts for some of them. */
    private static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("python_version", "python_version"), Map.entry("python_full_version", "python_full_version"),
            Map.entry("os_name", "os_name"), Map.entry("os.name", "os_name"), Map.entry("sys_platform", "sys_platform"),
            Map.entry("sys.platform", "sys_platform"), Map.entry("platform_release", "platform_release"),
            Map.entry("platform_system", "platform_system"), Map.entry("platform_version", "platform_version"),
            Map.entry("platform.version", "platform_version"), Map.entry("platform_machine", "platform_machine"),
            Map.entry("platform.machine", "platform_machine"),
            Map.entry("platform_python_implementation", "platform_python_implementation"),
            Map.entry("platform.python_implementation", "platform_python_implementation"),
            Map.entry("python_implementation", "platform_python_implementation"),
            Map.entry("implementation_name", "implementation_name"),
            Map.entry("implementation_version", "implementation_version"), Map.entry("extra", "extra"),
            Map.entry("extras", "extras"), Map.entry("dependency_groups", "dependency_groups"));

    private final String text;
    private final Expr root;

    private Marker(String text, Expr root) {
        this.text = text;
        this.root = root;
    }

    public static Marker parse(String text) throws InputException {
        Parser p = new Parser(text);
        Expr e = p.or();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("unexpected text '" + text.substring(p.pos) + "'");
        }
        return new Marker(text, e);
    }

    /** The marker as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    public boolean evaluate(MarkerEnvironment env) {
        return eval(root, env);
    }

    private static boolean eval(Expr e, MarkerEnvironment env) {
        if (e instanceof Or or) {
            return or.terms().stream().anyMatch(t -> eval(t, env));
        } else if (e instanceof And and) {
            return and.terms().stream().allMatch(t -> eval(t, env));
        }
        Compare c = (Compare) e;
        Object lhs = value(c.left(), env);
        Object rhs = value(c.right(), env);
        if (rhs instanceof Set<?> set && lhs instanceof String s && (c.op().equals("in") || c.op().equals("not in"))) {
            boolean member = set.contains(normalizedName(s));
            return c.op().equals("in") == member;
        }
        String l = lhs instanceof String s ? s : "";
        String r = rhs instanceof String s ? s : "";
        boolean extra = isExtra(c.left()) || isExtra(c.right());
        if (extra) {
            l = normalizedName(l);
            r = normalizedName(r);
        }
        if (!c.op().equals("in") && !c.op().equals("not in")) {
            try {
                SpecifierSet spec = SpecifierSet.parse(c.op() + r);
                try {
                    return spec.contains(Version.parse(l));
                } catch (InputException notAVersion) {
                    // packaging's Specifier.contains: a value that is no version is not contained
                    return c.op().equals("===") && l.equalsIgnoreCase(r);
                }
            } catch (InputException notASpecifier) {
                // compared as strings below
            }
        }
        int cmp = l.compareTo(r);
        return switch (c.op()) {
            case "in" -> r.contains(l);
            case "not in" -> !r.contains(l);
            case "==", "===" -> l.equals(r);
            case "!=" -> !l.equals(r);
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> false; // "~=" with a value that is no version: packaging raises; nothing matches
        };
    }

    private static boolean isExtra(Operand o) {
        return o.variable() && VARIABLES.get(o.text()).equals("extra");
    }

    private static String normalizedName(String s) {
        return ProjectName.canonicalize(s);
    }

    private static Object value(Operand o, MarkerEnvironment env) {
        return o.variable() ? env.value(VARIABLES.get(o.text())) : o.text();
    }

    /** Deeper parentheses are no real marker; the bound keeps the parser's recursion small. */
    public static final int MAX_DEPTH = 64;

    private static final class Parser {
        private final String s;
        private int pos;
        private int depth;

        Parser(String s) {
            this.s = s;
        }

        InputException error(String why) {
            return InputException.atColumn("marker", s, Math.min(pos, s.length()), 1, why);
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean keyword(String word) {
            skip();
            if (s.startsWith(word, pos)) {
                int end = pos + word.length();
                if (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)) && s.charAt(end) != '_') {
                    pos = end;
                    return true;
                }
            }
            return false;
        }

        Expr or() throws InputException {
            List<Expr> terms = new ArrayList<>();
            terms.add(and());
            while (keyword("or")) {
                terms.add(and());
            }
            return terms.size() == 1 ? terms.get(0) : new Or(terms);
        }

        Expr and() throws InputException {
            List<Expr> terms = new ArrayList<>();
            terms.add(atom());
            while (keyword("and")) {
                terms.add(atom());
            }
            return terms.size() == 1 ? terms.get(0) : new And(terms);
        }

        Expr atom() throws InputException {
            skip();
            if (pos < s.length() && s.charAt(pos) == '(') {
                if (++depth > MAX_DEPTH) {
                    throw error("parentheses nested deeper than " + MAX_DEPTH);
                }
                pos++;
                Expr inner = or();
                depth--;
                skip();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw error("expected ')'");
                }
                pos++;
                return inner;
            }
            Operand left = operand();
            String op = op();
            Operand right = operand();
            return new Compare(left, op, right);
        }

        Operand operand() throws InputException {
            skip();
            if (pos >= s.length()) {
                throw error("expected a variable or a quoted string, found the end");
            }
            char c = s.charAt(pos);
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, pos + 1);
                if (end < 0) {
                    throw error("a string that is not closed");
                }
                String v = s.substring(pos + 1, end);
                pos = end + 1;
                return new Operand(false, v);
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) {
                pos++;
            }
            String name = s.substring(start, pos);
            if (!VARIABLES.containsKey(name)) {
                pos = start;
                throw error(name.isEmpty() ? "expected a variable or a quoted string" : "'" + name + "' is not a marker variable");
            }
            return new Operand(true, name);
        }

        String op() throws InputException {
            skip();
            if (keyword("not")) {
                if (keyword("in")) {
                    return "not in";
                }
                throw error("expected 'in' after 'not'");
            }
            for (String op : OPS) {
                if (op.equals("not in")) {
                    continue;
                }
                if (op.equals("in") ? keyword("in") : s.startsWith(op, pos)) {
                    if (!op.equals("in")) {
                        pos += op.length();
                    }
                    return op;
                }
            }
            throw error("expected a comparison operator");
        }
    }
}
