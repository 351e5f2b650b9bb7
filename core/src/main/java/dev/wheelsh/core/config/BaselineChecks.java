package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.Policy;
import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of baseline (policy) JSON files in auditwheel's format: a list of policies, each
 * with name, aliases, priority, symbol_versions (per architecture, per library prefix) and
 * lib_whitelist. A top-level object {"policies": [...]} is read too.
 */
final class BaselineChecks {

    static final String IGNORE_KEY = "$wheelsh-ignore";
    static final List<String> FIELDS = List.of("name", "aliases", "priority", "symbol_versions", "lib_whitelist", "blacklist", IGNORE_KEY);
    private static final Pattern NAME = Pattern.compile("(manylinux|musllinux)_(\\d+)_(\\d+)|linux|[a-z][a-z0-9_]*");
    private static final Pattern VERSIONED = Pattern.compile("(manylinux|musllinux)_(\\d+)_(\\d+)");
    private static final Pattern SYMVER = Pattern.compile("(?:([A-Z][A-Z0-9]*)_)?(\\d+(?:\\.\\d+)*)|[A-Z][A-Z0-9_]*");
    private static final Pattern SONAME = Pattern.compile("[A-Za-z0-9_.+\\-]+\\.so(\\.\\d+)*");

    /** One policy as read, kept for the cross-policy checks. */
    private record WrittenPolicy(String name, SourceRange nameRange, long priority, Map<String, Map<String, Set<String>>> symbols,
                          Set<String> libs) {
    }

    private final Found found = new Found();
    private final Set<String> ignored = new HashSet<>();
    private final ConfigFacts facts = ConfigFacts.INSTANCE;

    /**
     * The names and aliases of the policies in baseline files; a file that cannot be read or
     * parsed contributes nothing (linting it reports why).
     */
    static Set<String> policyNames(List<java.nio.file.Path> files) {
        Set<String> names = new java.util.TreeSet<>();
        for (java.nio.file.Path f : files) {
            try {
                if (java.nio.file.Files.size(f) > ConfigAnalyzer.MAX_CHARS) {
                    continue;
                }
                JsonReader.read(java.nio.file.Files.readString(f)).root().ifPresent(root -> {
                    JsonReader.Node list = root instanceof JsonReader.Obj o
                            ? o.member("policies").map(JsonReader.Member::value).orElse(root) : root;
                    if (list instanceof JsonReader.Arr arr) {
                        for (JsonReader.Node n : arr.items()) {
                            if (n instanceof JsonReader.Obj p) {
                                p.member("name").filter(m -> m.value() instanceof JsonReader.Str)
                                        .ifPresent(m -> names.add(((JsonReader.Str) m.value()).value()));
                                p.member("aliases").filter(m -> m.value() instanceof JsonReader.Arr).ifPresent(m ->
                                        ((JsonReader.Arr) m.value()).items().stream().filter(i -> i instanceof JsonReader.Str)
                                                .forEach(i -> names.add(((JsonReader.Str) i).value())));
                            }
                        }
                    }
                });
            } catch (java.io.IOException | RuntimeException e) {
                // unreadable: no names from it
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    static List<Finding> check(String text) {
        BaselineChecks c = new BaselineChecks();
        JsonReader.Result r = JsonReader.read(text);
        r.error().ifPresent(e -> c.found.add(Code.WH600, Severity.ERROR, e.range(), e.message(),
                "A baseline file is JSON: a list of policies as auditwheel writes them."));
        r.root().ifPresent(c::root);
        return c.found.result(c.ignored);
    }

    private void root(JsonReader.Node root) {
        JsonReader.Node list = root;
        if (root instanceof JsonReader.Obj o) {
            ignores(o);
            Optional<JsonReader.Member> p = o.member("policies");
            if (p.isEmpty()) {
                found.add(Code.WH601, Severity.ERROR, o.range(), "a baseline file is a list of policies (or {\"policies\": [...]})", "");
                return;
            }
            list = p.get().value();
        }
        if (!(list instanceof JsonReader.Arr arr)) {
            found.add(Code.WH601, Severity.ERROR, list.range(), "a baseline file is a list of policies", "");
            return;
        }
        List<WrittenPolicy> policies = new ArrayList<>();
        Map<String, SourceRange> names = new HashMap<>();
        Map<String, String> priorities = new HashMap<>();
        for (JsonReader.Node item : arr.items()) {
            if (!(item instanceof JsonReader.Obj o)) {
                found.add(Code.WH601, Severity.ERROR, item.range(), "a policy is an object with name, priority, symbol_versions, lib_whitelist", "");
                continue;
            }
            ignores(o);
            policy(o, names, priorities).ifPresent(policies::add);
        }
        consistency(policies);
        againstBuiltins(policies);
    }

    /**
     * WH613/WH614: a policy that redefines a built-in baseline (same name) for an architecture
     * allows more, or less, than the built-in one. Either can be the intent (a loongarch64
     * distribution that froze glibc at 2.38 but ships GCC 14's libstdc++), so these are warnings
     * that say what the difference means for the wheels tagged with that name.
     */
    private void againstBuiltins(List<WrittenPolicy> policies) {
        for (WrittenPolicy p : policies) {
            Optional<Policy> builtin = BuiltinPolicies.all().find(p.name())
                    .filter(b -> !b.promisesNothing());
            if (builtin.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Map<String, Set<String>>> arch : p.symbols().entrySet()) {
                if (!builtin.get().covers(arch.getKey())) {
                    continue;
                }
                List<String> more = new ArrayList<>();
                List<String> less = new ArrayList<>();
                for (Map.Entry<String, Set<String>> fam : arch.getValue().entrySet()) {
                    Optional<List<String>> theirs = builtin.get().allowed(arch.getKey(), fam.getKey());
                    if (theirs.isEmpty()) {
                        continue;
                    }
                    fam.getValue().stream().filter(v -> !theirs.get().contains(v)).forEach(v -> more.add(fam.getKey() + "_" + v));
                    theirs.get().stream().filter(v -> !fam.getValue().contains(v)).forEach(v -> less.add(fam.getKey() + "_" + v));
                }
                String tag = p.name() + "_" + arch.getKey();
                if (!more.isEmpty()) {
                    found.add(Code.WH613, Severity.WARNING, p.nameRange(), p.name() + " on " + arch.getKey() + " allows " + list(more)
                                    + " beyond the built-in " + p.name(),
                            "pip installs a wheel tagged " + tag + " on every system with that C library version; code built "
                                    + "against these newer versions fails to load on such systems that lack them. wheelsh judges "
                                    + "with this file where it is named (--baseline, [tool.wheelsh] baselines, wheelsh.baselines).");
                }
                if (!less.isEmpty()) {
                    found.add(Code.WH614, Severity.WARNING, p.nameRange(), p.name() + " on " + arch.getKey() + " lacks " + list(less)
                                    + " that the built-in " + p.name() + " allows",
                            "A policy's version lists are exact sets, not ranges: code that asks for a version the list lacks "
                                    + "fails the policy, so wheels that meet the built-in baseline (as auditwheel tags them) are "
                                    + "judged as breaking " + tag + " wherever this file is used. List every version the "
                                    + "baseline's libraries define (wheelsh baseline show " + p.name() + " --arch " + arch.getKey()
                                    + " --json prints the built-in lists).");
                }
            }
        }
    }

    private static String list(List<String> versions) {
        return versions.size() <= 4 ? String.join(", ", versions)
                : String.join(", ", versions.subList(0, 3)) + " and " + (versions.size() - 3) + " more";
    }

    private void ignores(JsonReader.Obj o) {
        o.member(IGNORE_KEY).ifPresent(m -> {
            if (m.value() instanceof JsonReader.Arr a) {
                a.items().forEach(i -> {
                    if (i instanceof JsonReader.Str s) {
                        ignored.add(s.value().toUpperCase(Locale.ROOT));
                    }
                });
            } else if (m.value() instanceof JsonReader.Str s) {
                ignored.add(s.value().toUpperCase(Locale.ROOT));
            }
        });
    }

    private Optional<WrittenPolicy> policy(JsonReader.Obj o, Map<String, SourceRange> names, Map<String, String> priorities) {
        for (JsonReader.Member m : o.members()) {
            if (!FIELDS.contains(m.name())) {
                Optional<String> near = Found.nearest(m.name(), FIELDS);
                String msg = "'" + m.name() + "' is not a policy field" + near.map(n -> "; did you mean '" + n + "'?").orElse("");
                if (near.isPresent()) {
                    found.add(Code.WH602, Severity.WARNING, m.nameRange(), msg, "auditwheel ignores it.", "Rename to " + near.get(), "\"" + near.get() + "\"");
                } else {
                    found.add(Code.WH602, Severity.WARNING, m.nameRange(), msg, "auditwheel ignores it.");
                }
            }
        }
        Optional<JsonReader.Member> nameM = o.member("name");
        if (nameM.isEmpty() || !(nameM.get().value() instanceof JsonReader.Str nameS)) {
            found.add(Code.WH603, Severity.ERROR, SourceRange.at(o.range().startLine(), o.range().startColumn()),
                    "a policy needs a \"name\" string", "");
            return Optional.empty();
        }
        String name = nameS.value();
        checkName(nameS, names);
        o.member("aliases").ifPresent(a -> {
            if (a.value() instanceof JsonReader.Arr arr) {
                for (JsonReader.Node n : arr.items()) {
                    if (n instanceof JsonReader.Str s) {
                        checkName(s, names);
                    }
                }
            }
        });
        long priority = -1;
        Optional<JsonReader.Member> prioM = o.member("priority");
        if (prioM.isEmpty() || !(prioM.get().value() instanceof JsonReader.Num num) || !num.text().matches("\\d{1,9}")) {
            found.add(Code.WH604, Severity.ERROR, prioM.map(m -> m.value().range()).orElse(nameS.range()),
                    "policy " + name + " needs a \"priority\": a whole number from 0 to 100", "");
        } else {
            priority = Long.parseLong(num.text());
            // Priorities order the baselines of one C library; manylinux and musllinux ones are never
            // compared (auditwheel keeps them in separate files, both starting at 100).
            String libcFamily = name.startsWith("musllinux") ? "musl" : "glibc";
            String other = priorities.putIfAbsent(libcFamily + ":" + priority, name);
            if (other != null) {
                found.add(Code.WH605, Severity.ERROR, num.range(), "policy " + name + " has the same priority (" + priority + ") as " + other,
                        "auditwheel picks the highest-priority policy a wheel satisfies; equal priorities make the choice arbitrary.");
            }
        }
        Map<String, Map<String, Set<String>>> symbols = new LinkedHashMap<>();
        o.member("symbol_versions").ifPresent(m -> symbols(m.value(), symbols));
        Set<String> libs = new LinkedHashSet<>();
        o.member("lib_whitelist").ifPresent(m -> {
            if (!(m.value() instanceof JsonReader.Arr arr)) {
                found.add(Code.WH609, Severity.ERROR, m.value().range(), "lib_whitelist is a list of sonames", "");
                return;
            }
            for (JsonReader.Node n : arr.items()) {
                if (n instanceof JsonReader.Str s && SONAME.matcher(s.value()).matches()) {
                    libs.add(s.value());
                } else {
                    found.add(Code.WH609, Severity.ERROR, n.range(),
                            "lib_whitelist entries are sonames such as libc.so.6 or ld-linux-x86-64.so.2 (no paths)",
                            "The dynamic loader matches DT_NEEDED entries by soname.");
                }
            }
        });
        return Optional.of(new WrittenPolicy(name, nameS.range(), priority, symbols, libs));
    }

    private void checkName(JsonReader.Str s, Map<String, SourceRange> names) {
        String v = s.value();
        if (!NAME.matcher(v).matches()) {
            found.add(Code.WH603, Severity.ERROR, s.range(),
                    "'" + v + "' is not a policy name (manylinux_X_Y, musllinux_X_Y, linux, or lower-case letters, digits and _)", "");
        }
        Matcher legacy = Pattern.compile("manylinux(1|2010|2014)").matcher(v);
        if (legacy.matches()) {
            return; // fine as an alias
        }
        if (names.putIfAbsent(v, s.range()) != null) {
            found.add(Code.WH606, Severity.ERROR, s.range(), "the policy name '" + v + "' is used twice", "");
        }
    }

    private void symbols(JsonReader.Node node, Map<String, Map<String, Set<String>>> out) {
        if (!(node instanceof JsonReader.Obj archs)) {
            found.add(Code.WH607, Severity.ERROR, node.range(), "symbol_versions maps architectures to libraries to version lists", "");
            return;
        }
        for (JsonReader.Member arch : archs.members()) {
            if (!facts.policyArchs.contains(arch.name())) {
                String alias = facts.archAliases.get(arch.name().toLowerCase(Locale.ROOT));
                Optional<String> fix = Optional.ofNullable(alias).filter(facts.policyArchs::contains)
                        .or(() -> Found.nearest(arch.name(), facts.policyArchs));
                String msg = "'" + arch.name() + "' is not an architecture name auditwheel uses" + fix.map(f -> "; Python spells it " + f).orElse("");
                String expl = "Architectures as platform.machine() names them on Linux: " + String.join(", ", facts.policyArchs) + ".";
                if (fix.isPresent()) {
                    found.add(Code.WH607, Severity.ERROR, arch.nameRange(), msg, expl, "Replace with " + fix.get(), "\"" + fix.get() + "\"");
                } else {
                    found.add(Code.WH607, Severity.ERROR, arch.nameRange(), msg, expl);
                }
            }
            Map<String, Set<String>> libs = out.computeIfAbsent(arch.name(), k -> new LinkedHashMap<>());
            if (!(arch.value() instanceof JsonReader.Obj lib)) {
                continue;
            }
            for (JsonReader.Member prefix : lib.members()) {
                Set<String> versions = libs.computeIfAbsent(prefix.name(), k -> new LinkedHashSet<>());
                if (!prefix.name().matches("[A-Z][A-Z0-9_]*")) {
                    found.add(Code.WH608, Severity.ERROR, prefix.nameRange(),
                            "'" + prefix.name() + "' is not a symbol-version prefix (GLIBC, GLIBCXX, CXXABI, GCC, ...)", "");
                }
                if (!(prefix.value() instanceof JsonReader.Arr list)) {
                    continue;
                }
                int[] previous = null;
                String previousGroup = null;
                for (JsonReader.Node n : list.items()) {
                    if (!(n instanceof JsonReader.Str s)) {
                        found.add(Code.WH608, Severity.ERROR, n.range(), "symbol versions are strings such as \"2.17\"", "");
                        continue;
                    }
                    Matcher m = SYMVER.matcher(s.value());
                    if (!m.matches()) {
                        found.add(Code.WH608, Severity.ERROR, s.range(), "'" + s.value() + "' is not a symbol version ("
                                + prefix.name() + " versions look like 2.17, 3.4.19, LDBL_3.4 or TM_1)", "");
                        continue;
                    }
                    if (s.value().startsWith(prefix.name() + "_")) {
                        found.add(Issue.of(Code.WH608, Severity.ERROR, 0, prefix.name().length() + 1,
                                "the version repeats its prefix: write '" + s.value().substring(prefix.name().length() + 1) + "'",
                                "Versions are listed without the prefix the key already names.").withFix("", "Remove " + prefix.name() + "_"), s::sub);
                    }
                    if (!versions.add(s.value())) {
                        found.add(Code.WH610, Severity.WARNING, s.range(), "'" + s.value() + "' is listed twice", "");
                    }
                    if (m.group(2) != null) {
                        int[] v = numbers(m.group(2));
                        String group = m.group(1) == null ? "" : m.group(1);
                        // Plain versions only: auditwheel's own files keep prefixed ones (LDBL_3.4.7,
                        // LDBL_3.4.10) in text order, and that is no mistake.
                        if (previous != null && group.isEmpty() && group.equals(previousGroup) && compare(v, previous) < 0) {
                            found.add(Code.WH610, Severity.WARNING, s.range(),
                                    prefix.name() + " version " + s.value() + " comes after a higher one: keep versions in ascending order",
                                    "Ascending order makes the newest version a baseline allows easy to see and to compare.");
                        }
                        previous = v;
                        previousGroup = group;
                    }
                }
            }
        }
    }

    private static int[] numbers(String dotted) {
        String[] p = dotted.split("\\.");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i].length() > 8 ? Integer.MAX_VALUE : Integer.parseInt(p[i]);
        }
        return out;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    /**
     * auditwheel's order: a higher priority is an older, more widely installable baseline. So a
     * lower-priority policy (other than the priority-0 catch-all) must allow every library and
     * symbol version a higher-priority one allows, and its glibc/musl version must not be lower.
     */
    private void consistency(List<WrittenPolicy> policies) {
        List<WrittenPolicy> byPriority = new ArrayList<>(policies);
        byPriority.removeIf(p -> p.priority() <= 0);
        byPriority.sort((a, b) -> Long.compare(b.priority(), a.priority()));
        // each policy against the next more preferable one of the same family: enough to chain the rule
        for (int i = 1; i < byPriority.size(); i++) {
            WrittenPolicy lo = byPriority.get(i);
            String family = lo.name().startsWith("musllinux") ? "musllinux" : "manylinux";
            WrittenPolicy hi = null;
            for (int j = i - 1; j >= 0; j--) {
                if (byPriority.get(j).name().startsWith(family) == lo.name().startsWith(family)
                        && byPriority.get(j).priority() > lo.priority()) {
                    hi = byPriority.get(j);
                    break;
                }
            }
            {
                if (hi == null) {
                    continue;
                }
                final WrittenPolicy higher = hi;
                Matcher mh = VERSIONED.matcher(hi.name());
                Matcher ml = VERSIONED.matcher(lo.name());
                if (mh.matches() && ml.matches() && mh.group(1).equals(ml.group(1))
                        && compare(new int[] {Integer.parseInt(mh.group(2)), Integer.parseInt(mh.group(3))},
                        new int[] {Integer.parseInt(ml.group(2)), Integer.parseInt(ml.group(3))}) > 0) {
                    found.add(Code.WH611, Severity.ERROR, lo.nameRange(), "policy " + lo.name() + " (priority " + lo.priority()
                                    + ") is newer than " + hi.name() + " but " + hi.name() + " has the higher priority (" + hi.priority() + ")",
                            "Higher priority means older and more widely installable; order priorities by descending C-library version.");
                    continue;
                }
                List<String> missing = new ArrayList<>();
                for (String lib : hi.libs()) {
                    if (!lo.libs().contains(lib)) {
                        missing.add(lib);
                    }
                }
                higher.symbols().forEach((arch, libs) -> {
                    Map<String, Set<String>> loLibs = lo.symbols().get(arch);
                    if (loLibs == null) {
                        return;
                    }
                    libs.forEach((prefix, versions) -> {
                        Set<String> lv = loLibs.getOrDefault(prefix, Set.of());
                        for (String v : versions) {
                            if (!lv.contains(v)) {
                                missing.add(arch + " " + prefix + "_" + v);
                            }
                        }
                    });
                });
                if (!missing.isEmpty()) {
                    found.add(Code.WH612, Severity.ERROR, lo.nameRange(), "policy " + lo.name() + " allows less than the higher-priority "
                                    + hi.name() + ": missing " + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                                    + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : ""),
                            "A wheel that satisfies " + hi.name() + " must satisfy every newer baseline too.");
                }
            }
        }
    }
}
