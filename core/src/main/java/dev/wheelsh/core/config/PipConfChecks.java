package dev.wheelsh.core.config;

import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.explain.TagShapes;
import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.document.IniReader;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.vocabulary.SourceRange;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks of pip.conf / pip.ini, read as pip reads them (configparser, then pip's option names). */
final class PipConfChecks {

    static final List<String> TARGETING = List.of("platform", "python-version", "implementation", "abi");
    private static final Pattern WORD = Pattern.compile("[^\\s]+");
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern ABI = Pattern.compile("cp\\d{2,3}[dmtu]*|abi3t?|none|pypy\\d+_pp\\d+|graalpy\\d+_\\d+_native|graalpy.*|pp\\d+|py\\d+");

    private final IniReader.Document doc;
    private final Found found = new Found();
    private final ConfigFacts facts = ConfigFacts.INSTANCE;

    private final Set<String> extraPolicyNames;
    /** Per section, pip's name of each option to the option (aliases read as the option they name). */
    private final Map<String, Map<String, IniReader.Option>> bySection = new HashMap<>();

    private PipConfChecks(IniReader.Document doc, Set<String> extraPolicyNames) {
        this.doc = doc;
        this.extraPolicyNames = extraPolicyNames;
    }

    /** pip's name for an option key: lower case, '_' as '-', no leading '--'. */
    static String pipName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return n.startsWith("--") ? n.substring(2) : n;
    }

    static List<Finding> check(String text, Set<String> extraPolicyNames) {
        return check(IniReader.read(text), extraPolicyNames);
    }

    /** The checks of a document already read (the editor reads each version once). */
    static List<Finding> check(IniReader.Document doc, Set<String> extraPolicyNames) {
        PipConfChecks c = new PipConfChecks(doc, extraPolicyNames);
        c.run();
        return c.found.result(Found.ignoredCodes(doc.comments().stream().map(IniReader.Comment::text).toList()));
    }

    private void run() {
        for (IniReader.Problem p : doc.problems()) {
            found.add(Code.WH200, Severity.ERROR, p.range(), "pip.conf: " + p.message(),
                    "pip reads the file with Python's configparser; a line it cannot parse makes pip fail with a configuration error.");
        }
        Set<String> seenSections = new HashSet<>();
        for (IniReader.Section s : doc.sections()) {
            if (!seenSections.add(s.name())) {
                found.add(Code.WH212, Severity.ERROR, s.nameRange(), "section [" + s.name() + "] appears twice; configparser refuses the file",
                        "pip fails with DuplicateSectionError.");
            }
            if (!facts.pipSections.contains(s.name())) {
                Optional<String> near = Found.nearest(s.name(), facts.pipSections);
                String msg = "[" + s.name() + "] is not a section pip reads" + near.map(n -> "; did you mean [" + n + "]?").orElse("");
                String expl = "pip reads [global] and one section per command ([install], [download], [wheel], ...); section names are case-sensitive.";
                if (near.isPresent()) {
                    found.add(Code.WH201, Severity.WARNING, s.nameRange(), msg, expl, "Rename to [" + near.get() + "]", near.get());
                } else {
                    found.add(Code.WH201, Severity.WARNING, s.nameRange(), msg, expl);
                }
            }
        }
        // configparser refuses a key twice in a section (keys compared in lower case); pip then reads
        // each key by any long name of its option, so no-dependencies is no-deps
        Map<String, Set<String>> rawKeys = new HashMap<>();
        for (IniReader.Option o : doc.options()) {
            if (!rawKeys.computeIfAbsent(o.section(), k -> new HashSet<>()).add(o.name().toLowerCase(Locale.ROOT))) {
                found.add(Code.WH212, Severity.ERROR, o.nameRange(), "option '" + o.rawName() + "' appears twice in [" + o.section() + "]; configparser refuses the file",
                        "pip fails with DuplicateOptionError.");
            }
            String canonical = facts.pipCanonical.get(pipName(o.name()));
            // a key the section's command does not take is no part of that command's cascade (WH215 says so)
            if (canonical != null && (o.section().equals("global") || !facts.pipSections.contains(o.section())
                    || facts.pipOptionSections.getOrDefault(canonical, List.of()).contains(o.section()))) {
                bySection.computeIfAbsent(o.section(), k -> new HashMap<>()).put(canonical, o);
            }
        }
        for (IniReader.Option o : doc.options()) {
            option(o, pipName(o.name()));
        }
        for (Map.Entry<String, Map<String, IniReader.Option>> sec : bySection.entrySet()) {
            targeting(sec.getKey(), sec.getValue(), bySection.getOrDefault("global", Map.of()));
        }
    }

    /**
     * The http:// URLs one pip command would ignore as "not a trusted or secure host" under this
     * file alone: index-url, extra-index-url and find-links from the command's section or else
     * [global], judged with the trusted-host entries found the same way (what pip's own config
     * cascade and is_secure_origin decide; the differential test holds this to pip).
     */
    static List<String> insecureUrls(String text, String command) {
        PipConfChecks c = new PipConfChecks(IniReader.read(text), Set.of());
        c.run();
        List<String> out = new java.util.ArrayList<>();
        for (String option : List.of("index-url", "extra-index-url", "find-links")) {
            IniReader.Option o = c.bySection.getOrDefault(command, Map.of()).get(option);
            if (o == null) {
                o = c.bySection.getOrDefault("global", Map.of()).get(option);
            }
            if (o == null) {
                continue;
            }
            for (String url : TextShapes.SPACES.split(o.value().strip())) {
                if (url.regionMatches(true, 0, "http:", 0, 5) && !PipOrigins.isSecure(url, c.trustedHosts(command))) {
                    out.add(url);
                }
            }
        }
        return out;
    }

    /**
     * The trusted-host entries pip uses for a section's URLs: the section's own, else [global]'s
     * (a command's section replaces a [global] value, it does not add to it).
     */
    private List<String> trustedHosts(String section) {
        IniReader.Option t = bySection.getOrDefault(section, Map.of()).get("trusted-host");
        if (t == null) {
            t = bySection.getOrDefault("global", Map.of()).get("trusted-host");
        }
        return t == null ? List.of() : List.of(TextShapes.SPACES.split(t.value().strip()));
    }

    private void option(IniReader.Option o, String written) {
        String name = facts.pipCanonical.get(written);
        if (name == null) {
            ConfigFacts.Span span = facts.pipHistory.get(written);
            if (span != null) {
                found.add(Code.WH202, Severity.WARNING, o.nameRange(),
                        "'" + o.rawName() + "' is not an option of pip " + facts.pipSource.tag() + " (pip " + span.first() + " to "
                                + span.last() + " had it)",
                        "pip silently ignores options it does not know, so this setting has no effect with a current pip.");
                return;
            }
            Optional<String> near = Found.nearest(written, facts.pipOptions);
            String msg = "'" + o.rawName() + "' is not a pip option" + near.map(n -> "; did you mean '" + n + "'?").orElse("");
            String expl = "pip silently ignores options it does not know, so this setting has no effect.";
            if (near.isPresent()) {
                found.add(Code.WH202, Severity.WARNING, o.nameRange(), msg, expl, "Rename to " + near.get(), near.get());
            } else {
                found.add(Code.WH202, Severity.WARNING, o.nameRange(), msg, expl);
            }
            return;
        }
        List<String> takers = facts.pipOptionSections.getOrDefault(name, List.of());
        if (!o.section().equals("global") && facts.pipSections.contains(o.section()) && !takers.contains(o.section())) {
            // pip reads [global] and a command's own section with that command's parser: a key it lacks is skipped
            List<String> commands = takers.stream().filter(t -> !t.equals("global")).toList();
            found.add(Code.WH215, Severity.WARNING, o.nameRange(),
                    "pip " + o.section() + " takes no option '" + o.rawName() + "': pip ignores it in [" + o.section() + "]"
                            + (commands.isEmpty() ? "" : "; " + String.join(", ", commands) + (commands.size() == 1 ? " takes it" : " take it")),
                    "pip reads [global] and then the section of the command it runs, each key as an option of that command's parser; "
                            + "a key the command does not have is skipped without a word (pip " + facts.pipSource.tag() + ").");
            return;
        }
        for (IniReader.ValueLine line : o.valueLines()) {
            BiFunction<Integer, Integer, SourceRange> ranger = (f, t) -> SourceRange.onLine(line.range().startLine(),
                    line.range().startColumn() + f, line.range().startColumn() + Math.max(f, t));
            String v = line.text();
            int hash = inlineComment(v);
            if (hash >= 0) {
                String type = facts.pipNumberTypes.get(name);
                found.add(Issue.of(Code.WH211, type != null ? Severity.ERROR : Severity.WARNING, hash, v.length(),
                        "'" + v.substring(hash) + "' is part of the value: pip.conf has no comments after a value"
                                + (type != null ? "; pip stops, '" + v + "' is not a number" : ""),
                        "configparser only treats whole lines starting with # or ; as comments; move the comment to its own line."
                                + (type != null ? " pip converts " + name + " to " + (type.equals("int") ? "an integer" : "a number")
                                        + " and exits with a configuration error when it cannot." : "")), ranger);
                v = v.substring(0, hash).stripTrailing();
            }
            Matcher m = WORD.matcher(v);
            while (m.find()) {
                value(name, o.section(), m.group(), m.start(), ranger);
            }
        }
    }

    /**
     * A legacy manylinux alias in --platform is not a spelling of its PEP 600 name to pip: pip
     * compares tags as text and widens manylinux2014_x86_64 (and _i686) to manylinux2010 and
     * manylinux1 as well, so replacing it would change which wheels pip takes. The hint stays
     * and says so; it offers no fix.
     */
    private static Issue legacyAliasAsPipReadsIt(Issue i) {
        if (i.code() != Code.WH192) {
            return i;
        }
        return Issue.of(i.code(), i.severity(), i.from(), i.to(), i.message(),
                "pip's --platform takes the name as written: a wheel tagged only with the PEP 600 name (or only with the legacy "
                        + "one) matches only that name, and pip widens manylinux2014_x86_64 and _i686 to manylinux2010 and manylinux1 "
                        + "wheels too. Listing both names accepts the wheels of either. " + i.explanation());
    }

    private static int inlineComment(String v) {
        for (int i = 1; i < v.length(); i++) {
            if ((v.charAt(i) == '#' || v.charAt(i) == ';') && Character.isWhitespace(v.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private void value(String name, String section, String word, int at, BiFunction<Integer, Integer, SourceRange> ranger) {
        if ((name.equals("platform") || name.equals("abi")) && word.contains(",")) {
            found.add(Issue.of(Code.WH213, Severity.ERROR, at, at + word.length(),
                    "pip splits '" + name + "' values on white space, not commas: this is one tag, '" + word + "'",
                    "For options that can be given several times, pip.conf lists the values separated by spaces or on continuation lines.")
                    .withFix(word.replace(',', ' '), "Separate with spaces"), ranger);
        }
        switch (name) {
            case "platform" -> {
                for (String tag : word.split(",")) {
                    int off = word.indexOf(tag);
                    if (extraPolicyNames.stream().anyMatch(n -> tag.startsWith(n + "_"))) {
                        continue; // a platform tag of a baseline the settings name
                    }
                    if (facts.genericPlatformTagPrefixes.stream().anyMatch(p -> tag.startsWith(p + "_"))) {
                        continue; // sysconfig's platform of another OS (freebsd_14_1_release_amd64): pip compares it as text
                    }
                    TagShapes.platformTag(tag).forEach(i -> found.add(legacyAliasAsPipReadsIt(i).shift(at + off), ranger));
                }
            }
            case "python-version" -> {
                if (!TextShapes.DOTTED_RELEASE.matcher(word).matches()) {
                    found.add(Issue.of(Code.WH204, Severity.ERROR, at, at + word.length(),
                            "'" + word + "' is not a Python version pip accepts (3, 3.13, 313 or 3.13.1)", ""), ranger);
                }
            }
            case "implementation" -> {
                List<String> shortNames = Interpreters.shortNames();
                if (!shortNames.contains(word)) {
                    Optional<String> near = Found.nearest(word, shortNames);
                    String fix = Interpreters.byName(word).map(Interpreters.Implementation::shortName).orElse(near.orElse(null));
                    Issue i = Issue.of(Code.WH205, Severity.ERROR, at, at + word.length(),
                            "'" + word + "' is not an implementation pip knows (" + String.join(", ", shortNames) + ")",
                            "The short name interpreter tags use (packaging's interpreter_name): cp for CPython, pp for PyPy, graalpy for GraalPy.");
                    found.add(fix != null ? i.withFix(fix, "Replace with " + fix) : i, ranger);
                }
            }
            case "abi" -> {
                for (String abi : word.split(",")) {
                    if (!ABI.matcher(abi).matches()) {
                        int off = word.indexOf(abi);
                        found.add(Issue.of(Code.WH206, Severity.WARNING, at + off, at + off + abi.length(),
                                "'" + abi + "' does not look like an ABI tag (cp313, cp313t, abi3, none, pypy311_pp73)", ""), ranger);
                    }
                }
            }
            case "only-binary", "no-binary" -> {
                int off = 0;
                for (String part : word.split(",", -1)) {
                    if (!part.equals(":all:") && !part.equals(":none:") && !part.isEmpty() && !PROJECT.matcher(part).matches()) {
                        found.add(Issue.of(Code.WH207, Severity.ERROR, at + off, at + off + part.length(),
                                "'" + part + "' is not :all:, :none: or a project name", ""), ranger);
                    } else if (part.equals("all") || part.equals("none")) {
                        found.add(Issue.of(Code.WH207, Severity.WARNING, at + off, at + off + part.length(),
                                "'" + part + "' names a project called " + part + "; the special value is :" + part + ":", "")
                                .withFix(":" + part + ":", "Replace with :" + part + ":"), ranger);
                    }
                    off += part.length() + 1;
                }
            }
            case "index-url", "extra-index-url" -> url(word, section, at, ranger, false);
            case "find-links" -> url(word, section, at, ranger, true);
            case "trusted-host" -> trustedHost(word, at, ranger);
            default -> {
            }
        }
    }

    /** pip wants a host (host:port) here; a URL makes it trust a host named after the scheme. */
    private void trustedHost(String word, int at, BiFunction<Integer, Integer, SourceRange> ranger) {
        if (word.contains("${") || word.startsWith("$")) {
            return;
        }
        if (word.contains("://") || word.contains("/")) {
            Optional<PipOrigins.Origin> o = PipOrigins.parse(word.contains("://") ? word : "https://" + word);
            Optional<String> host = o.filter(x -> x.host() != null)
                    .map(x -> (x.host().contains(":") ? "[" + x.host() + "]" : x.host()) + (x.port() >= 0 ? ":" + x.port() : ""));
            String pipTrusts = PipOrigins.trusted(word).map(PipOrigins.Trusted::host).orElse("nothing");
            Issue i = Issue.of(Code.WH214, Severity.WARNING, at, at + word.length(),
                    "trusted-host takes a host, not a URL: pip reads '" + word + "' as the host '" + pipTrusts + "'"
                            + host.map(h -> "; write " + h).orElse(""),
                    "pip's trusted-host entries are host or host:port; pip does not trust the host of a URL written here.");
            found.add(host.map(h -> i.withFix(h, "Replace with " + h)).orElse(i), ranger);
        }
    }

    private void url(String word, String section, int at, BiFunction<Integer, Integer, SourceRange> ranger, boolean pathAllowed) {
        if (word.contains("${") || word.startsWith("$")) {
            return; // pip expands environment variables
        }
        try {
            URI uri = new URI(word);
            String scheme = uri.getScheme();
            if (scheme == null) {
                if (!pathAllowed) {
                    found.add(Issue.of(Code.WH208, Severity.ERROR, at, at + word.length(),
                            "'" + word + "' is not a URL (https://...)", "An index URL needs a scheme and a host."), ranger);
                }
                return;
            }
            if (!List.of("http", "https", "file").contains(scheme.toLowerCase(Locale.ROOT))) {
                found.add(Issue.of(Code.WH208, Severity.ERROR, at, at + scheme.length(),
                        "'" + scheme + "' is not a scheme pip fetches from (https, http, file)", ""), ranger);
            } else if (scheme.equalsIgnoreCase("http") && !PipOrigins.isSecure(word, trustedHosts(section))) {
                String host = PipOrigins.parse(word).map(PipOrigins.Origin::host).orElse("the host");
                found.add(Issue.of(Code.WH208, Severity.WARNING, at, at + 4,
                        "plain HTTP: pip ignores this index unless " + host + " is in trusted-host",
                        "Use https://, or add " + host + " to trusted-host in [" + section + "]" + (section.equals("global") ? "" : " or [global]")
                                + " (or PIP_TRUSTED_HOST); pip also trusts localhost and 127.0.0.0/8."), ranger);
            }
        } catch (URISyntaxException e) {
            int idx = Math.max(0, Math.min(e.getIndex(), word.length() - 1));
            found.add(Issue.of(Code.WH208, Severity.ERROR, at + idx, at + Math.min(word.length(), idx + 1),
                    "'" + word + "' is not a valid URL: " + e.getReason(), ""), ranger);
        }
    }

    /** platform, python-version, abi and implementation need only-binary=:all: or no-deps (pip's check). */
    private void targeting(String section, Map<String, IniReader.Option> opts, Map<String, IniReader.Option> global) {
        for (String t : TARGETING) {
            IniReader.Option o = opts.get(t);
            if (o == null) {
                continue;
            }
            IniReader.Option only = opts.getOrDefault("only-binary", global.get("only-binary"));
            IniReader.Option noDeps = opts.getOrDefault("no-deps", global.get("no-deps"));
            boolean allBinary = only != null && List.of(TextShapes.COMMAS_OR_SPACES.split(only.value())).contains(":all:");
            boolean deps = noDeps != null && List.of("1", "yes", "true", "on").contains(noDeps.value().toLowerCase(Locale.ROOT));
            if (!allBinary && !deps) {
                found.add(Code.WH209, Severity.WARNING, o.nameRange(),
                        "'" + o.rawName() + "' needs only-binary = :all: (or no-deps) in [" + section + "] or [global]",
                        "pip stops with an error when --platform, --python-version, --abi or --implementation are given without "
                                + "--only-binary=:all: or --no-deps: it could not run a source build for another machine.");
            }
            if (section.equals("install") && !opts.containsKey("target") && !opts.containsKey("dry-run")
                    && !global.containsKey("target")) {
                found.add(Code.WH210, Severity.WARNING, o.nameRange(),
                        "pip install with '" + o.rawName() + "' needs target (or dry-run)",
                        "pip install refuses platform or ABI options unless it installs into --target or only reports (--dry-run).");
            }
        }
    }
}
