package dev.wheelsh.core.policy;

import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A baseline file read: the policies it defines and every problem with it, each a finding at its
 * place. The one reader of auditwheel's policy format, with one set of rules: lint and the editor
 * show {@link #findings()}; the verdict commands take {@link #policies()} through
 * {@link #orRefuse(String)}, which refuses the file on its first error. So a file lint passes is one
 * the verdicts read, and a file the verdicts read has no error finding.
 *
 * <p>The format: a JSON list of policies (or an object whose {@code policies} member is that list),
 * each with {@code name}, {@code priority}, {@code symbol_versions} (architecture -> family ->
 * versions) and {@code lib_whitelist}, and optionally {@code aliases} and {@code blacklist}.
 * Members auditwheel does not know are warnings (it ignores them), so is {@code $wheelsh-ignore},
 * which silences codes for the whole file, for lint and verdict alike.
 *
 * <p>{@code priority} is a whole number from 0 to 999999999. auditwheel (6.8.1,
 * {@code src/auditwheel/policy/__init__.py}) reads it as a plain Python int and only sorts and
 * compares by it, with 0 meaning the {@code linux} policy that is not analysed; its own files use
 * 0 and 51 to 100. A negative one would sort below {@code linux}, which auditwheel takes to be the
 * lowest; the upper limit is this reader's, to keep the number an {@code int}.
 *
 * @param policies the policies that could be read: those with a usable name and priority, with the
 *                 parts that are well-formed (a file with errors gives a partial set)
 * @param findings what is wrong, in reading order (the order the verdict reports the first error
 *                 in), {@code $wheelsh-ignore}d codes left out
 */
public record BaselineFile(PolicySet policies, List<Finding> findings) {

    /** Baseline files larger than this are refused before they are read. */
    public static final long MAX_BYTES = 16L << 20;
    /** The member that silences codes for the file. */
    public static final String IGNORE_KEY = "$wheelsh-ignore";
    /** The members of a policy object: auditwheel's, and {@link #IGNORE_KEY}. */
    /**
     * Libraries a baseline left out of its predecessor's list on purpose: PEP 571 (manylinux2010)
     * dropped manylinux1's ncurses 5 libraries. Such a drop is a warning, not an inconsistency.
     */
    private static final Map<String, Set<String>> DROPPED_ON_PURPOSE = Map.of(
            "manylinux2010", Set.of("libncursesw.so.5", "libpanelw.so.5"),
            "manylinux_2_12", Set.of("libncursesw.so.5", "libpanelw.so.5"));

    public static final List<String> FIELDS = List.of("name", "aliases", "priority", "symbol_versions", "lib_whitelist", "blacklist", IGNORE_KEY);
    /** The highest priority read. */
    public static final int MAX_PRIORITY = 999_999_999;

    private static final int MAX_FINDINGS = 2000;
    private static final Pattern NAME = Pattern.compile("(manylinux|musllinux)_(\\d+)_(\\d+)|linux|[a-z][a-z0-9_]*");
    private static final Pattern LEGACY_ALIAS = Pattern.compile("manylinux(1|2010|2014)");
    private static final Pattern VERSIONED = Pattern.compile("(manylinux|musllinux)_(\\d{1,6})_(\\d{1,6})");
    private static final Pattern SYMVER = Pattern.compile("(?:([A-Z][A-Z0-9]*)_)?(\\d+(?:\\.\\d+)*)|[A-Z][A-Z0-9_]*");
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern SONAME = Pattern.compile("[A-Za-z0-9_.+\\-]+\\.so(\\.\\d+)*");
    private static final Pattern PRIORITY = Pattern.compile("\\d{1,9}");

    public BaselineFile {
        findings = List.copyOf(findings);
    }

    /** The architectures auditwheel writes policies for: those of its own (the built-in) baselines. */
    public static List<String> architectures() {
        Set<String> out = new LinkedHashSet<>();
        BuiltinPolicies.all().policies().forEach(p -> out.addAll(p.architectures()));
        return List.copyOf(out);
    }

    /** Reads a baseline file; only a file that cannot be read as text is refused here. */
    public static BaselineFile read(Path file) throws InputException {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a baseline file");
            }
            text = Files.readString(file);
        } catch (MalformedInputException e) {
            throw new InputException(file + ": not UTF-8 text; a baseline file is JSON", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text);
    }

    /**
     * What a caller knows about spellings, for did-you-mean words and fixes (the editor's checks
     * know the misspellings of architectures). It changes no finding's code, place or severity.
     */
    public interface Spelling {
        /** The right spelling of a misspelt architecture ({@code amd64} -> {@code x86_64}). */
        Optional<String> arch(String written);

        /** The known word {@code written} is most likely a misspelling of. */
        Optional<String> closest(String written, List<String> known);

        Spelling NONE = new Spelling() {
            @Override
            public Optional<String> arch(String written) {
                return Optional.empty();
            }

            @Override
            public Optional<String> closest(String written, List<String> known) {
                return Optional.empty();
            }
        };
    }

    /** Reads a baseline file's text. */
    public static BaselineFile parse(String text) {
        return parse(text, Spelling.NONE);
    }

    /** Reads a baseline file's text, with {@code spelling}'s did-you-means in messages and fixes. */
    public static BaselineFile parse(String text, Spelling spelling) {
        return parse(JsonReader.read(text), spelling);
    }

    /** Reads a baseline file already read as JSON (the editor holds that tree for each version). */
    public static BaselineFile parse(JsonReader.Result json, Spelling spelling) {
        Reader r = new Reader(spelling);
        json.error().ifPresent(e -> r.add(Code.WH600, e.range(), e.message(),
                "A baseline file is JSON: a list of policies as auditwheel writes them."));
        if (json.error().isEmpty() && json.root().isEmpty()) {
            r.add(Code.WH601, SourceRange.at(0, 0), "empty; a baseline file is a JSON list of policies", "");
        }
        json.root().ifPresent(r::root);
        return r.result();
    }

    /** The first error, in reading order. */
    public Optional<Finding> firstError() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).findFirst();
    }

    /**
     * The policies, or the first error as one line {@code source:line:col: message}: what the
     * verdict commands use.
     */
    public PolicySet orRefuse(String source) throws InputException {
        Optional<Finding> error = firstError();
        if (error.isPresent()) {
            Finding f = error.get();
            throw new InputException(source + f.range().map(r -> ":" + (r.startLine() + 1) + ":" + (r.startColumn() + 1)).orElse("")
                    + ": " + f.message());
        }
        return policies;
    }

    /** One policy as written, kept for the checks across policies. */
    private record Written(String name, SourceRange nameRange, int priority, Map<String, Map<String, Set<String>>> symbols,
                           Set<String> libs) {
    }

    /** One reading: collects the findings and the values. */
    private static final class Reader {
        private final Spelling spelling;
        private final List<String> archs = architectures();
        private final List<Finding> findings = new ArrayList<>();
        private final Set<String> ignored = new HashSet<>();
        private final List<Policy> policies = new ArrayList<>();
        private final List<Written> written = new ArrayList<>();
        private final Map<String, SourceRange> names = new HashMap<>();
        private final Map<String, String> priorities = new HashMap<>();

        Reader(Spelling spelling) {
            this.spelling = spelling;
        }

        BaselineFile result() {
            List<Finding> kept = findings.stream().filter(f -> !ignored.contains(f.code().id())).toList();
            return new BaselineFile(new PolicySet(policies), kept);
        }

        void add(Finding f) {
            if (findings.size() < MAX_FINDINGS) {
                findings.add(f);
            }
        }

        void add(Code code, SourceRange range, String message, String explanation) {
            add(Finding.at(code, code.severity(), range, message, explanation));
        }

        void add(Code code, SourceRange range, String message, String explanation, String fixTitle, String replacement) {
            add(Finding.at(code, code.severity(), range, message, explanation)
                    .withFix(new Fix(fixTitle, List.of(new Edit(range, replacement)))));
        }

        /** A required member is missing: a point at the start of its object. */
        void missing(Code code, JsonReader.Obj o, String member) {
            add(code, SourceRange.at(o.range().startLine(), o.range().startColumn()), "a policy needs \"" + member + "\"", "");
        }

        void root(JsonReader.Node root) {
            JsonReader.Node list = root;
            if (root instanceof JsonReader.Obj o) {
                ignores(o);
                Optional<JsonReader.Member> p = o.member("policies");
                if (p.isEmpty()) {
                    add(Code.WH601, o.range(), "a baseline file is a list of policies (or {\"policies\": [...]})", "");
                    return;
                }
                list = p.get().value();
            }
            if (!(list instanceof JsonReader.Arr arr)) {
                add(Code.WH601, list.range(), "a baseline file is a list of policies", "");
                return;
            }
            for (JsonReader.Node item : arr.items()) {
                if (!(item instanceof JsonReader.Obj o)) {
                    add(Code.WH601, item.range(), "a policy is an object with name, priority, symbol_versions and lib_whitelist", "");
                    continue;
                }
                ignores(o);
                policy(o);
            }
            consistency();
            againstBuiltins();
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

        private void policy(JsonReader.Obj o) {
            for (JsonReader.Member m : o.members()) {
                if (!FIELDS.contains(m.name())) {
                    Optional<String> near = spelling.closest(m.name(), FIELDS);
                    String msg = "'" + m.name() + "' is not a policy field" + near.map(n -> "; did you mean '" + n + "'?").orElse("");
                    if (near.isPresent()) {
                        add(Code.WH602, m.nameRange(), msg, "auditwheel ignores it.", "Rename to " + near.get(), "\"" + near.get() + "\"");
                    } else {
                        add(Code.WH602, m.nameRange(), msg, "auditwheel ignores it.");
                    }
                }
            }
            Optional<JsonReader.Member> nameM = o.member("name");
            if (nameM.isEmpty()) {
                missing(Code.WH603, o, "name");
                return;
            }
            if (!(nameM.get().value() instanceof JsonReader.Str nameS)) {
                add(Code.WH603, nameM.get().value().range(), "name must be a string", "");
                return;
            }
            String name = nameS.value();
            checkName(nameS);
            List<String> aliases = aliases(o, name);
            OptionalPriority priority = priority(o, name);
            Map<String, Map<String, List<String>>> symbols = new LinkedHashMap<>();
            Map<String, Map<String, Set<String>>> symbolSets = new LinkedHashMap<>();
            Optional<JsonReader.Member> sv = o.member("symbol_versions");
            if (sv.isEmpty()) {
                missing(Code.WH607, o, "symbol_versions");
            } else {
                symbols(sv.get().value(), name, symbols, symbolSets);
            }
            List<String> whitelist = whitelist(o, name);
            Map<String, List<String>> blacklist = blacklist(o, name);
            if (priority.value >= 0) {
                policies.add(new Policy(name, aliases, priority.value, symbols, whitelist, blacklist));
                written.add(new Written(name, nameS.range(), priority.value, symbolSets, new LinkedHashSet<>(whitelist)));
            }
        }

        private void checkName(JsonReader.Str s) {
            String v = s.value();
            if (!NAME.matcher(v).matches()) {
                add(Code.WH603, s.range(),
                        "'" + v + "' is not a policy name (manylinux_X_Y, musllinux_X_Y, linux, or lower-case letters, digits and _)", "");
            }
            if (LEGACY_ALIAS.matcher(v).matches()) {
                return; // the legacy names stand for PEP 600 ones and may be repeated as aliases
            }
            if (names.putIfAbsent(v, s.range()) != null) {
                add(Code.WH606, s.range(), "the policy name '" + v + "' is used twice", "");
            }
        }

        private List<String> aliases(JsonReader.Obj o, String name) {
            List<String> out = new ArrayList<>();
            Optional<JsonReader.Member> m = o.member("aliases");
            if (m.isEmpty()) {
                return out;
            }
            if (!(m.get().value() instanceof JsonReader.Arr arr)) {
                add(Code.WH603, m.get().value().range(), "aliases of " + name + " must be a list of strings", "");
                return out;
            }
            for (JsonReader.Node n : arr.items()) {
                if (n instanceof JsonReader.Str s) {
                    checkName(s);
                    out.add(s.value());
                } else {
                    add(Code.WH603, n.range(), "each entry of aliases of " + name + " must be a string", "");
                }
            }
            return out;
        }

        /** A priority, or -1 when there is none to use. */
        private record OptionalPriority(int value) {
        }

        private OptionalPriority priority(JsonReader.Obj o, String name) {
            Optional<JsonReader.Member> m = o.member("priority");
            if (m.isEmpty()) {
                missing(Code.WH604, o, "priority");
                return new OptionalPriority(-1);
            }
            if (!(m.get().value() instanceof JsonReader.Num num) || !PRIORITY.matcher(num.text()).matches()) {
                add(Code.WH604, m.get().value().range(),
                        "priority of " + name + " must be a whole number from 0 to " + MAX_PRIORITY,
                        "auditwheel orders baselines by priority: higher is older and more widely installable; 0 is linux, "
                                + "which promises nothing. Its own files use 0 and 51 to 100.");
                return new OptionalPriority(-1);
            }
            int priority = Integer.parseInt(num.text());
            // Priorities order the baselines of one C library; manylinux and musllinux ones are never
            // compared (auditwheel keeps them in separate files, both starting at 100).
            String libcFamily = name.startsWith("musllinux") ? "musl" : "glibc";
            String other = priorities.putIfAbsent(libcFamily + ":" + priority, name);
            if (other != null) {
                add(Code.WH605, num.range(), "policy " + name + " has the same priority (" + priority + ") as " + other,
                        "auditwheel picks the highest-priority policy a wheel satisfies; equal priorities make the choice arbitrary.");
            }
            return new OptionalPriority(priority);
        }

        private void symbols(JsonReader.Node node, String name, Map<String, Map<String, List<String>>> out,
                             Map<String, Map<String, Set<String>>> sets) {
            if (!(node instanceof JsonReader.Obj archObj)) {
                add(Code.WH607, node.range(), "symbol_versions of " + name + " must be an object",
                        "symbol_versions maps architectures to version families (GLIBC, GLIBCXX, ...) to version lists.");
                return;
            }
            for (JsonReader.Member arch : archObj.members()) {
                if (!archs.contains(arch.name())) {
                    Optional<String> fix = spelling.arch(arch.name()).filter(archs::contains)
                            .or(() -> spelling.closest(arch.name(), archs));
                    String msg = "'" + arch.name() + "' is not an architecture name auditwheel uses" + fix.map(f -> "; Python spells it " + f).orElse("");
                    String expl = "Architectures as platform.machine() names them on Linux: " + String.join(", ", archs) + ".";
                    if (fix.isPresent()) {
                        add(Code.WH607, arch.nameRange(), msg, expl, "Replace with " + fix.get(), "\"" + fix.get() + "\"");
                    } else {
                        add(Code.WH607, arch.nameRange(), msg, expl);
                    }
                }
                if (!(arch.value() instanceof JsonReader.Obj families)) {
                    add(Code.WH607, arch.value().range(), "symbol_versions." + arch.name() + " of " + name + " must be an object", "");
                    continue;
                }
                Map<String, List<String>> lists = out.computeIfAbsent(arch.name(), k -> new LinkedHashMap<>());
                Map<String, Set<String>> setsOfArch = sets.computeIfAbsent(arch.name(), k -> new LinkedHashMap<>());
                for (JsonReader.Member prefix : families.members()) {
                    if (!PREFIX.matcher(prefix.name()).matches()) {
                        add(Code.WH608, prefix.nameRange(),
                                "'" + prefix.name() + "' is not a symbol-version prefix (GLIBC, GLIBCXX, CXXABI, GCC, ...)", "");
                    }
                    if (!(prefix.value() instanceof JsonReader.Arr list)) {
                        add(Code.WH608, prefix.value().range(),
                                "symbol_versions." + arch.name() + "." + prefix.name() + " must be a list of strings", "");
                        continue;
                    }
                    versions(list, prefix.name(), lists.computeIfAbsent(prefix.name(), k -> new ArrayList<>()),
                            setsOfArch.computeIfAbsent(prefix.name(), k -> new LinkedHashSet<>()));
                }
            }
        }

        private void versions(JsonReader.Arr list, String prefix, List<String> out, Set<String> seen) {
            int[] previous = null;
            for (JsonReader.Node n : list.items()) {
                if (!(n instanceof JsonReader.Str s)) {
                    add(Code.WH608, n.range(), "symbol versions are strings such as \"2.17\"", "");
                    continue;
                }
                out.add(s.value());
                // Nearly every version is plain (2.17, 3.4.19): that shape is told without the
                // regex, which a 500-policy file would otherwise run some 70,000 times a keystroke.
                boolean plain = isPlainVersion(s.value());
                Matcher m = plain ? null : SYMVER.matcher(s.value());
                if (!plain && !m.matches()) {
                    add(Code.WH608, s.range(), "'" + s.value() + "' is not a symbol version ("
                            + prefix + " versions look like 2.17, 3.4.19, LDBL_3.4 or TM_1)", "");
                    continue;
                }
                if (s.value().startsWith(prefix + "_")) {
                    SourceRange r = s.sub(0, prefix.length() + 1);
                    add(Code.WH608, r, "the version repeats its prefix: write '" + s.value().substring(prefix.length() + 1) + "'",
                            "Versions are listed without the prefix the key already names.", "Remove " + prefix + "_", "");
                }
                if (!seen.add(s.value())) {
                    add(Code.WH610, s.range(), "'" + s.value() + "' is listed twice", "");
                }
                // Plain versions only: auditwheel's own files keep prefixed ones (LDBL_3.4.7,
                // LDBL_3.4.10) in text order, and that is no mistake.
                if (plain || (m.group(2) != null && m.group(1) == null)) {
                    int[] v = numbers(s.value());
                    if (previous != null && compare(v, previous) < 0) {
                        add(Code.WH610, s.range(),
                                prefix + " version " + s.value() + " comes after a higher one: keep versions in ascending order",
                                "Ascending order makes the newest version a baseline allows easy to see and to compare.");
                    }
                    previous = v;
                }
            }
        }

        private List<String> whitelist(JsonReader.Obj o, String name) {
            List<String> out = new ArrayList<>();
            Optional<JsonReader.Member> m = o.member("lib_whitelist");
            if (m.isEmpty()) {
                missing(Code.WH609, o, "lib_whitelist");
                return out;
            }
            if (!(m.get().value() instanceof JsonReader.Arr arr)) {
                add(Code.WH609, m.get().value().range(), "lib_whitelist of " + name + " must be a list of sonames", "");
                return out;
            }
            for (JsonReader.Node n : arr.items()) {
                if (n instanceof JsonReader.Str s && SONAME.matcher(s.value()).matches()) {
                    out.add(s.value());
                } else {
                    add(Code.WH609, n.range(), "lib_whitelist entries are sonames such as libc.so.6 or ld-linux-x86-64.so.2 (no paths)",
                            "The dynamic loader matches DT_NEEDED entries by soname.");
                }
            }
            return out;
        }

        private Map<String, List<String>> blacklist(JsonReader.Obj o, String name) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            Optional<JsonReader.Member> m = o.member("blacklist");
            if (m.isEmpty()) {
                return out;
            }
            if (!(m.get().value() instanceof JsonReader.Obj libs)) {
                add(Code.WH609, m.get().value().range(), "blacklist of " + name + " must be an object (soname -> symbols)", "");
                return out;
            }
            for (JsonReader.Member lib : libs.members()) {
                List<String> symbols = new ArrayList<>();
                if (lib.value() instanceof JsonReader.Arr arr && arr.items().stream().allMatch(i -> i instanceof JsonReader.Str)) {
                    arr.items().forEach(i -> symbols.add(((JsonReader.Str) i).value()));
                    out.put(lib.name(), symbols);
                } else {
                    add(Code.WH609, lib.value().range(), "blacklist." + lib.name() + " of " + name + " must be a list of symbol names", "");
                }
            }
            return out;
        }

        /**
         * auditwheel's order: a higher priority is an older, more widely installable baseline. So a
         * lower-priority policy (other than the priority-0 catch-all) must allow every library and
         * symbol version the next higher-priority one of its family allows (auditwheel's
         * {@code _validate_pep600_compliance}), and its C-library version must not be lower.
         */
        private void consistency() {
            List<Written> byPriority = new ArrayList<>(written);
            byPriority.removeIf(p -> p.priority() <= 0);
            byPriority.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
            for (int i = 1; i < byPriority.size(); i++) {
                Written lo = byPriority.get(i);
                boolean musl = lo.name().startsWith("musllinux");
                Written hi = null;
                for (int j = i - 1; j >= 0; j--) {
                    if (byPriority.get(j).name().startsWith("musllinux") == musl && byPriority.get(j).priority() > lo.priority()) {
                        hi = byPriority.get(j);
                        break;
                    }
                }
                if (hi == null) {
                    continue;
                }
                Matcher mh = VERSIONED.matcher(hi.name());
                Matcher ml = VERSIONED.matcher(lo.name());
                if (mh.matches() && ml.matches() && mh.group(1).equals(ml.group(1))
                        && compare(new int[] {Integer.parseInt(mh.group(2)), Integer.parseInt(mh.group(3))},
                        new int[] {Integer.parseInt(ml.group(2)), Integer.parseInt(ml.group(3))}) > 0) {
                    add(Code.WH611, lo.nameRange(), "policy " + lo.name() + " (priority " + lo.priority()
                                    + ") is newer than " + hi.name() + " but " + hi.name() + " has the higher priority (" + hi.priority() + ")",
                            "Higher priority means older and more widely installable; order priorities by descending C-library version.");
                    continue;
                }
                List<String> missing = new ArrayList<>();
                List<String> dropped = new ArrayList<>();
                for (String lib : hi.libs()) {
                    if (!lo.libs().contains(lib)) {
                        (DROPPED_ON_PURPOSE.getOrDefault(lo.name(), Set.of()).contains(lib) ? dropped : missing).add(lib);
                    }
                }
                hi.symbols().forEach((arch, libs) -> {
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
                if (missing.isEmpty() && !dropped.isEmpty()) {
                    add(Finding.at(Code.WH612, Severity.WARNING, lo.nameRange(), "policy " + lo.name() + " drops " + String.join(", ", dropped)
                                    + " that " + hi.name() + " allows, as PEP 571 decided",
                            "PEP 571 removed the ncurses 5 libraries from manylinux2010 on purpose (distributions had moved to ncurses 6); "
                                    + "a wheel that links them satisfies " + hi.name() + " but not " + lo.name() + "."));
                }
                if (!missing.isEmpty()) {
                    add(Code.WH612, lo.nameRange(), "policy " + lo.name() + " allows less than the higher-priority "
                                    + hi.name() + ": missing " + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                                    + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : ""),
                            "A wheel that satisfies " + hi.name() + " must satisfy every newer baseline too.");
                }
            }
        }

        /** WH613/WH614: a policy with a built-in name against the built-in baseline, per architecture. */
        private void againstBuiltins() {
            for (Written p : written) {
                Optional<Policy> builtin = BuiltinPolicies.all().find(p.name()).filter(b -> !b.promisesNothing());
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
                        add(Code.WH613, p.nameRange(), p.name() + " on " + arch.getKey() + " allows " + list(more)
                                        + " beyond the built-in " + p.name(),
                                "pip installs a wheel tagged " + tag + " on every system with that C library version; code built "
                                        + "against these newer versions fails to load on such systems that lack them. wheelsh judges "
                                        + "with this file where it is named (--baseline, [tool.wheelsh] baselines, wheelsh.baselines).");
                    }
                    if (!less.isEmpty()) {
                        add(Code.WH614, p.nameRange(), p.name() + " on " + arch.getKey() + " lacks " + list(less)
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
    }

    private static String list(List<String> versions) {
        return versions.size() <= 4 ? String.join(", ", versions)
                : String.join(", ", versions.subList(0, 3)) + " and " + (versions.size() - 3) + " more";
    }

    /** Digits in dot-separated groups (2.17, 3.4.19): what SYMVER's second group alone matches. */
    static boolean isPlainVersion(String s) {
        if (s.isEmpty() || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' ? s.charAt(i - 1) == '.' : (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The numbers of a plain version; a group longer than 8 digits counts as the largest. */
    private static int[] numbers(String dotted) {
        int groups = 1;
        for (int i = 0; i < dotted.length(); i++) {
            if (dotted.charAt(i) == '.') {
                groups++;
            }
        }
        int[] out = new int[groups];
        int g = 0;
        int start = 0;
        for (int i = 0; i <= dotted.length(); i++) {
            if (i == dotted.length() || dotted.charAt(i) == '.') {
                out[g++] = i - start > 8 ? Integer.MAX_VALUE : Integer.parseInt(dotted, start, i, 10);
                start = i + 1;
            }
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
}
