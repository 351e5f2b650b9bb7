package dev.wheelsh.core.explain;

import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.tags.BuildTag;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.ProjectName;
import dev.wheelsh.core.tags.SpecifierSet;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.wheel.IndexPage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file {@code pip install PROJECT} takes for a target, offline, from a project's listed files:
 * pip's {@code PackageFinder} and the resolver's use of it, rule for rule (pip 26.3.dev0 at
 * src/pip/_internal/index/package_finder.py, resolution/resolvelib/factory.py; pip 23.2.1 differs
 * only where its older packaging does, see docs/cli.md).
 *
 * <ol>
 * <li>Each file is judged alone ({@code LinkEvaluator.evaluate_link}): its archive suffix;
 *     {@code --no-binary}/{@code --only-binary}; a wheel's name and tags against the target; an
 *     sdist's version after the project name; the index's requires-python against the target's
 *     full Python version (a requires-python that does not parse is ignored, as pip ignores it).</li>
 * <li>Pre-releases go unless {@code --pre}, or unless nothing but pre-releases is left
 *     ({@code SpecifierSet().filter}); yanked files still count here.</li>
 * <li>The rest is ordered by pip's key: not yanked, then (with {@code --prefer-binary}) wheels
 *     before sdists, then the version, then the tag's preference (an sdist ranks below every
 *     wheel), then the build tag.</li>
 * <li>The resolver walks that order from the best and skips yanked files (PEP 592: a yanked file
 *     is taken only for a pin with {@code ==}, which a bare project name is not); on a tie the
 *     later-listed file comes first, as its reversed stable sort has it.</li>
 * </ol>
 */
public final class WheelPick {

    /**
     * What pip is told besides the target.
     *
     * @param pre          {@code --pre}: pre-releases are candidates
     * @param preferBinary {@code --prefer-binary}: any fitting wheel beats every sdist
     * @param formats      {@code --no-binary} / {@code --only-binary}
     * @param python       the interpreter's full version (requires-python is held against it);
     *                     empty for {@code MAJOR.MINOR.0}, which is what pip's
     *                     {@code --python-version MAJOR.MINOR} means
     * @param packaging    the packaging release pip vendors: its tag order and wheel-name rules
     */
    public record Options(boolean pre, boolean preferBinary, FormatControl formats, Optional<Version> python,
                          PackagingRelease packaging, Map<String, SpecifierSet> requirements) {
        public static final Options DEFAULT = new Options(false, false, FormatControl.DEFAULT, Optional.empty());

        public Options {
            Objects.requireNonNull(formats, "formats");
            Objects.requireNonNull(python, "python");
            Objects.requireNonNull(packaging, "packaging");
            requirements = Map.copyOf(requirements);
        }

        /** With no version requirement: what {@code pip install PROJECT} asks. */
        public Options(boolean pre, boolean preferBinary, FormatControl formats, Optional<Version> python,
                       PackagingRelease packaging) {
            this(pre, preferBinary, formats, python, packaging, Map.of());
        }

        /** With the default packaging release. */
        public Options(boolean pre, boolean preferBinary, FormatControl formats, Optional<Version> python) {
            this(pre, preferBinary, formats, python, PackagingRelease.DEFAULT);
        }

        public Options withFormats(FormatControl f) {
            return new Options(pre, preferBinary, f, python, packaging, requirements);
        }

        /**
         * With version requirements by canonical project name, as {@code pip install
         * 'demo==3.0'} asks: only matching versions are candidates, and a pin with {@code ==} or
         * {@code ===} takes yanked files when nothing else matches (PEP 592).
         */
        public Options withRequirements(Map<String, SpecifierSet> r) {
            return new Options(pre, preferBinary, formats, python, packaging, r);
        }
    }

    /** How pip's LinkEvaluator judges one file: a candidate, or passed over with a reason. */
    public sealed interface LinkVerdict permits Candidate, Rejected {
    }

    /** A file pip may install: a wheel (with the tag it matches) or an sdist. */
    public record Candidate(IndexPage.File file, Version version, Optional<WheelFilename> wheel,
                            Optional<TagRanking.Match> match) implements LinkVerdict {
        public boolean isWheel() {
            return wheel.isPresent();
        }

        public String filename() {
            return file.filename();
        }
    }

    /** Why pip passes over a file. */
    public enum Reason {
        UNSUPPORTED_ARCHIVE, NO_BINARIES, NO_SOURCES, INVALID_NAME, OTHER_PROJECT, TAGS, PYTHON_TAG,
        REQUIRES_PYTHON, INVALID_VERSION, NOT_REQUESTED, PRERELEASE, YANKED;

        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * A file pip passes over, with why.
     *
     * @param miss for {@link Reason#TAGS}, on the wheels of the version a choice's sentence is about
     *             ({@link Choice#closestMiss}): the closest miss of the wheel's tags
     */
    public record Rejected(String filename, Reason reason, String detail, Optional<InstallVerdict.Miss> miss)
            implements LinkVerdict {
    }

    /**
     * The choice for one project.
     *
     * @param project      canonical project name
     * @param chosen       the file pip installs, if any
     * @param files        how many of the project's files were listed
     * @param rejected     the files pip passes over, in listing order, each with its reason
     * @param newestWheel  when the choice is not a wheel: the wheel pip would take with
     *                     {@code --only-binary :all:}, if any
     * @param closestMiss  when no wheel is chosen: the closest miss among the wheels of the
     *                     chosen version (or, with nothing chosen, of all versions)
     * @param closestWheel the wheel of that miss
     * @param warnings     index data pip ignores (a requires-python that does not parse)
     */
    public record Choice(String project, Optional<Candidate> chosen, int files, List<Rejected> rejected,
                         Optional<Candidate> newestWheel, Optional<InstallVerdict.Miss> closestMiss,
                         Optional<WheelFilename> closestWheel, List<String> warnings) {
        public Choice {
            rejected = List.copyOf(rejected);
            warnings = List.copyOf(warnings);
        }

        /** The chosen wheel, when the choice is a wheel. */
        public Optional<WheelFilename> chosenWheel() {
            return chosen.flatMap(Candidate::wheel);
        }

        /** The tag the chosen wheel matches. */
        public Optional<Tag> matchedTag() {
            return chosen.flatMap(Candidate::match).map(TagRanking.Match::tag);
        }

        /** The preference of that tag, -1 when no wheel is chosen. */
        public int rank() {
            return chosen.flatMap(Candidate::match).map(TagRanking.Match::rank).orElse(-1);
        }

        /** pip builds from source. */
        public boolean buildsFromSource() {
            return chosen.isPresent() && !chosen.get().isWheel();
        }

        /** The choice in one sentence, the why included when pip builds or finds nothing. */
        public String sentence() {
            if (chosen.isPresent() && chosen.get().isWheel()) {
                TagRanking.Match m = chosen.get().match().orElseThrow();
                return "pip installs " + chosen.get().filename() + " (matches " + m.tag() + ", preference #"
                        + (m.rank() + 1) + ")";
            }
            if (chosen.isPresent()) {
                Candidate sdist = chosen.get();
                return "pip builds " + project + " " + sdist.version() + " from " + sdist.filename() + ": "
                        + whyNoWheel(sdist.version()) + "; " + newestWheelWords();
            }
            return "pip finds nothing for " + project + ": " + nothingWords();
        }

        private String whyNoWheel(Version version) {
            if (closestWheel.isPresent() && closestMiss.isPresent()) {
                return "no " + version + " wheel fits (" + closestWords(closestWheel.get(), closestMiss.get()) + ")";
            }
            Optional<Rejected> excluded = rejected.stream().filter(r -> r.reason() == Reason.NO_BINARIES).findFirst();
            if (excluded.isPresent()) {
                return "--no-binary excludes its wheels";
            }
            // A wheel of that version passed over for another reason: yanked, requires-python, ...
            Optional<Rejected> other = rejected.stream()
                    .filter(r -> parsedWheel(r.filename(), PackagingRelease.V26_2).filter(w -> w.version().compareTo(version) == 0).isPresent())
                    .findFirst();
            if (other.isPresent()) {
                return "no " + version + " wheel pip may take (" + other.get().filename() + ": " + other.get().detail() + ")";
            }
            return "no " + version + " wheel is listed";
        }

        private String newestWheelWords() {
            if (newestWheel.isPresent()) {
                return "the newest wheel that would install is " + newestWheel.get().filename()
                        + "; with --only-binary :all: pip takes it";
            }
            return "no wheel of any version would install; with --only-binary :all: pip finds nothing";
        }

        private String nothingWords() {
            if (closestWheel.isPresent() && closestMiss.isPresent()) {
                return "no wheel fits (" + closestWords(closestWheel.get(), closestMiss.get()) + ")" + otherReasons();
            }
            if (rejected.isEmpty()) {
                return "no files";
            }
            return "every file is passed over" + otherReasons();
        }

        private String otherReasons() {
            List<String> seen = new ArrayList<>();
            for (Rejected r : rejected) {
                if (r.reason() != Reason.TAGS && !seen.contains(r.reason().words())) {
                    seen.add(r.reason().words());
                }
            }
            return seen.isEmpty() ? "" : "; other files: " + String.join(", ", seen);
        }
    }

    /**
     * The closest miss among a version's wheels in words, the same for a page, a lock file and a
     * report: {@code closest: W, the arch: REASON}.
     */
    public static String closestWords(WheelFilename wheel, InstallVerdict.Miss miss) {
        return "closest: " + wheel.render() + ", the " + miss.component().words() + ": " + miss.reason();
    }

    /** Names that belong to no project: not a distribution filename at all. */
    public record Skipped(String filename, String reason) {
    }

    public record Result(List<Choice> choices, List<Skipped> skipped) {
        public Result {
            choices = List.copyOf(choices);
            skipped = List.copyOf(skipped);
        }
    }

    /* LinkEvaluator._py_version_re: a legacy "-py3.11" suffix on an sdist's version. */
    private static final Pattern PY_VERSION_SUFFIX = Pattern.compile("-py([123]\\.?[0-9]?)$");

    private WheelPick() {
    }

    /**
     * Wheels only, pre-releases included, requires-python unknown: whether a set of built wheels
     * covers a target (what {@code check} asks).
     */
    public static Result choose(List<String> filenames, Target target) {
        return choose(filenames, target, PackagingRelease.DEFAULT);
    }

    /** As {@link #choose(List, Target)}, with a packaging release's tag order and name rules. */
    public static Result choose(List<String> filenames, Target target, PackagingRelease release) {
        Options wheelsOnly = new Options(true, false, FormatControl.DEFAULT.withOnlyBinary(FormatControl.ALL),
                Optional.empty(), release);
        return choose(filenames.stream().filter(n -> n.endsWith(".whl")).map(IndexPage.File::named).toList(),
                target, wheelsOnly);
    }

    /** pip's choice for every project among the files, grouped by canonical project name. */
    public static Result choose(List<IndexPage.File> files, Target target, Options options) {
        Map<String, List<IndexPage.File>> byProject = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (IndexPage.File f : files) {
            Optional<String> project = projectOf(f.filename());
            if (project.isEmpty()) {
                skipped.add(new Skipped(f.filename(), f.filename() + ": not a distribution filename"));
                continue;
            }
            byProject.computeIfAbsent(project.get(), k -> new ArrayList<>()).add(f);
        }
        TagRanking ranking = TagRanking.of(target, options.packaging());
        List<Choice> choices = new ArrayList<>();
        for (Map.Entry<String, List<IndexPage.File>> e : byProject.entrySet()) {
            choices.add(chooseFor(e.getKey(), e.getValue(), ranking, options));
        }
        return new Result(choices, skipped);
    }

    /**
     * The project a file is listed under: a wheel's name, or an sdist's text before its last
     * dash (parse_sdist_filename's split), canonicalized; empty when the name is neither.
     */
    static Optional<String> projectOf(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        Optional<String> suffix = IndexPage.DISTRIBUTION_SUFFIXES.stream().filter(lower::endsWith).findFirst();
        if (suffix.isEmpty()) {
            return Optional.empty();
        }
        String stem = filename.substring(0, filename.length() - suffix.get().length());
        int dash = suffix.get().equals(".whl") ? stem.indexOf('-') : stem.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        return Optional.of(ProjectName.canonicalize(stem.substring(0, dash)));
    }

    /**
     * pip's choice for one project, named canonically, among its listed files; {@code ranking}
     * is the target's, built with {@code options.packaging()}.
     */
    public static Choice chooseFor(String project, List<IndexPage.File> files, TagRanking ranking, Options options) {
        Choice choice = evaluate(project, files, ranking, options);
        if (choice.chosenWheel().isPresent()) {
            return choice;
        }
        Options binaryOnly = options.withFormats(options.formats().withOnlyBinary(project));
        Optional<Candidate> newestWheel = evaluate(project, files, ranking, binaryOnly).chosen();
        // The closest miss is worked out for one version's wheels only (a page may list thousands):
        // the version pip builds, or with nothing chosen the newest version that has wheels.
        Map<Rejected, WheelFilename> misfits = new LinkedHashMap<>();
        Optional<SpecifierSet> requirement = Optional.ofNullable(options.requirements().get(project));
        for (Rejected r : choice.rejected()) {
            if (r.reason() == Reason.TAGS) {
                // only the versions asked for: a miss of a version the requirement excludes says nothing
                parsedWheel(r.filename(), options.packaging())
                        .filter(w -> requirement.map(spec -> spec.contains(w.version())).orElse(true))
                        .ifPresent(w -> misfits.put(r, w));
            }
        }
        Optional<Version> version = choice.chosen().map(Candidate::version)
                .or(() -> misfits.values().stream().map(WheelFilename::version).max(Comparator.naturalOrder()));
        InstallVerdict.Miss closest = null;
        WheelFilename closestWheel = null;
        List<Rejected> rejected = new ArrayList<>();
        for (Rejected r : choice.rejected()) {
            WheelFilename w = misfits.get(r);
            if (w == null || version.isEmpty() || w.version().compareTo(version.get()) != 0) {
                rejected.add(r);
                continue;
            }
            InstallVerdict.Miss m = ((InstallVerdict.Misses) InstallVerdict.of(w.tags(), ranking)).closest();
            rejected.add(new Rejected(r.filename(), Reason.TAGS, m.reason(), Optional.of(m)));
            if (closest == null || m.component().ordinal() > closest.component().ordinal()) {
                closest = m;
                closestWheel = w;
            }
        }
        return new Choice(project, choice.chosen(), files.size(), rejected, newestWheel,
                Optional.ofNullable(closest), Optional.ofNullable(closestWheel), choice.warnings());
    }

    private static Choice evaluate(String project, List<IndexPage.File> files, TagRanking ranking, Options options) {
        Set<FormatControl.Format> formats = options.formats().allowed(project);
        Version python = options.python().orElseGet(() -> majorMinorZero(ranking.target()));
        List<Candidate> candidates = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (IndexPage.File f : files) {
            LinkVerdict verdict = evaluateLink(project, f, formats, ranking, python, options.packaging(), warnings);
            if (verdict instanceof Candidate c) {
                candidates.add(c);
            } else if (verdict instanceof Rejected r) {
                rejected.add(r);
            }
        }
        // The requirement's specifier.filter: versions it does not contain go, pre-releases kept here.
        Optional<SpecifierSet> requirement = Optional.ofNullable(options.requirements().get(project));
        if (requirement.isPresent()) {
            List<Candidate> matching = new ArrayList<>();
            for (Candidate c : candidates) {
                if (requirement.get().contains(c.version())) {
                    matching.add(c);
                } else {
                    rejected.add(new Rejected(c.filename(), Reason.NOT_REQUESTED, "version " + c.version()
                            + " does not match the requirement " + requirement.get(), Optional.empty()));
                }
            }
            candidates = matching;
        }
        // SpecifierSet.filter(prereleases=None): pre-releases only when nothing else is left, or
        // when the requirement names a pre-release itself.
        List<Candidate> applicable = candidates;
        if (!options.pre() && !requirement.map(WheelPick::mentionsPrerelease).orElse(false)) {
            List<Candidate> finals = candidates.stream().filter(c -> !c.version().isPrerelease()).toList();
            if (!finals.isEmpty()) {
                for (Candidate c : candidates) {
                    if (c.version().isPrerelease()) {
                        rejected.add(new Rejected(c.filename(), Reason.PRERELEASE, "version " + c.version()
                                + " is a pre-release and a final release is listed (pip takes it only with --pre)",
                                Optional.empty()));
                    }
                }
                applicable = finals;
            }
        }
        Candidate best = null;
        Comparator<Candidate> key = sortKey(ranking.supported().size(), options.preferBinary());
        // PEP 592 as pip's resolver has it: yanked files count only for a pin that nothing but yanked files satisfy.
        boolean takeYanked = requirement.map(WheelPick::pins).orElse(false) && !applicable.isEmpty()
                && applicable.stream().allMatch(c -> c.file().yanked());
        for (Candidate c : applicable) {
            if (c.file().yanked() && takeYanked) {
                if (best == null || key.compare(c, best) >= 0) {
                    best = c;
                }
                continue;
            }
            if (c.file().yanked()) {
                String why = c.file().yankedReason().isEmpty() ? "" : " (" + c.file().yankedReason() + ")";
                rejected.add(new Rejected(c.filename(), Reason.YANKED, "yanked" + why
                        + "; pip install takes a yanked file only for a == pin", Optional.empty()));
                continue;
            }
            // ">=": on a tie the later-listed file wins, as the resolver's reversed stable sort has it.
            if (best == null || key.compare(c, best) >= 0) {
                best = c;
            }
        }
        // Listing order: the pre-release and yanked files were set aside after the others.
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            position.putIfAbsent(files.get(i).filename(), i);
        }
        rejected.sort(Comparator.comparingInt(r -> position.getOrDefault(r.filename(), files.size())));
        if (best != null && best.file().yanked()) {
            String why = best.file().yankedReason().isEmpty() ? "" : " (" + best.file().yankedReason() + ")";
            warnings.add(best.filename() + " is yanked" + why + "; pip takes it because the requirement "
                    + requirement.orElseThrow() + " pins it and no other file matches");
        }
        return new Choice(project, Optional.ofNullable(best), files.size(), rejected, Optional.empty(),
                Optional.empty(), Optional.empty(), warnings);
    }

    /** pip's factory is_pinned: a {@code ===}, or a {@code ==} without a wildcard. */
    static boolean pins(SpecifierSet set) {
        for (SpecifierSet.Specifier sp : set.specifiers()) {
            if (sp.operator().equals("===")) {
                return true;
            }
            if (sp.operator().equals("==") && !sp.version().endsWith(".*")) {
                return true;
            }
        }
        return false;
    }

    /** packaging's SpecifierSet.prereleases: a clause names a pre-release (other than through !=). */
    private static boolean mentionsPrerelease(SpecifierSet set) {
        for (SpecifierSet.Specifier sp : set.specifiers()) {
            String v = sp.version().endsWith(".*") ? sp.version().substring(0, sp.version().length() - 2) : sp.version();
            if (sp.operator().equals("!=") || sp.operator().equals("===")) {
                continue;
            }
            try {
                if (Version.parse(v).isPrerelease()) {
                    return true;
                }
            } catch (InputException e) {
                // a clause that is no version names no pre-release
            }
        }
        return false;
    }

    /** pip's CandidateEvaluator._sort_key without the hash and yanked parts (yanked files are skipped). */
    private static Comparator<Candidate> sortKey(int supportNum, boolean preferBinary) {
        BuildTag none = new BuildTag(BigInteger.valueOf(-1), "");
        Comparator<Candidate> byBinary = Comparator.comparingInt(c -> preferBinary && c.isWheel() ? 1 : 0);
        return byBinary
                .thenComparing(Candidate::version)
                .thenComparingInt(c -> c.match().map(m -> -m.rank()).orElse(-supportNum))
                .thenComparing(c -> c.wheel().flatMap(WheelFilename::build).orElse(none));
    }

    /** One file as pip's LinkEvaluator judges it: a {@link Candidate} or a {@link Rejected}. */
    private static LinkVerdict evaluateLink(String project, IndexPage.File f,
                                            Set<FormatControl.Format> formats, TagRanking ranking, Version python,
                                            PackagingRelease packaging, List<String> warnings) {
        String name = f.filename();
        String[] split = splitext(name);
        String stem = split[0];
        String ext = split[1];
        if (!IndexPage.DISTRIBUTION_SUFFIXES.contains(ext)) {
            return rejected(name, Reason.UNSUPPORTED_ARCHIVE, "unsupported archive format: " + ext);
        }
        boolean isWheel = ext.equals(".whl");
        if (isWheel && !formats.contains(FormatControl.Format.BINARY)) {
            return rejected(name, Reason.NO_BINARIES, "no binaries permitted for " + project + " (--no-binary)");
        }
        if (name.contains("macosx10") && ext.equals(".zip")) {
            return rejected(name, Reason.UNSUPPORTED_ARCHIVE, "a macosx10 .zip (pip skips these)");
        }
        Optional<WheelFilename> wheel = Optional.empty();
        Optional<TagRanking.Match> match = Optional.empty();
        String versionText = null;
        if (isWheel) {
            try {
                wheel = Optional.of(WheelFilename.parse(name, false, packaging));
            } catch (InputException e) {
                return rejected(name, Reason.INVALID_NAME, "invalid wheel filename: " + e.reason());
            }
            if (!wheel.get().name().equals(project)) {
                return rejected(name, Reason.OTHER_PROJECT, "wrong project name (not " + project + ")");
            }
            match = ranking.best(wheel.get().tags());
            if (match.isEmpty()) {
                // Why, in words, is worked out later and only for the wheels a sentence names.
                return new Rejected(name, Reason.TAGS, "none of its tags (" + wheel.get().tags().compressed()
                        + ") is one the target accepts", Optional.empty());
            }
            versionText = wheel.get().version().toString();
        }
        if (!isWheel && !formats.contains(FormatControl.Format.SOURCE)) {
            return rejected(name, Reason.NO_SOURCES, "no sources permitted for " + project + " (--only-binary)");
        }
        if (versionText == null) {
            versionText = versionAfterName(stem, project).orElse(null);
            if (versionText == null) {
                return rejected(name, Reason.INVALID_NAME, "no version after the project name " + project);
            }
        }
        Matcher py = PY_VERSION_SUFFIX.matcher(versionText);
        if (py.find()) {
            versionText = versionText.substring(0, py.start());
            String want = ranking.target().interpreter().version().toString();
            if (!py.group(1).equals(want)) {
                return rejected(name, Reason.PYTHON_TAG, "for Python " + py.group(1) + ", not " + want);
            }
        }
        if (f.requiresPython().isPresent()) {
            String rp = f.requiresPython().get();
            try {
                SpecifierSet set = SpecifierSet.parse(rp);
                if (!set.contains(python)) {
                    return rejected(name, Reason.REQUIRES_PYTHON, versionText + " requires Python " + rp.strip()
                            + ", not " + python);
                }
            } catch (InputException e) {
                warnings.add(name + ": requires-python '" + rp + "' does not parse (" + e.reason()
                        + "); pip ignores it");
            }
        }
        Version version;
        try {
            version = Version.parse(versionText);
        } catch (InputException e) {
            return rejected(name, Reason.INVALID_VERSION, "'" + versionText + "' is not a PEP 440 version");
        }
        return new Candidate(f, version, wheel, match);
    }

    private static LinkVerdict rejected(String name, Reason reason, String detail) {
        return new Rejected(name, reason, detail, Optional.empty());
    }

    /** pip's utils.misc.splitext: a ".tar" before the last suffix belongs to it; case as written. */
    static String[] splitext(String filename) {
        int dot = filename.lastIndexOf('.');
        if (dot <= 0) {
            return new String[] {filename, ""};
        }
        String base = filename.substring(0, dot);
        String ext = filename.substring(dot);
        if (base.toLowerCase(Locale.ROOT).endsWith(".tar")) {
            ext = base.substring(base.length() - 4) + ext;
            base = base.substring(0, base.length() - 4);
        }
        return new String[] {base, ext};
    }

    /** pip's _extract_version_from_fragment: the text after the first dash whose prefix is the project. */
    static Optional<String> versionAfterName(String stem, String project) {
        for (int i = 0; i < stem.length(); i++) {
            if (stem.charAt(i) == '-' && ProjectName.canonicalize(stem.substring(0, i)).equals(project)) {
                String v = stem.substring(i + 1);
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static Optional<WheelFilename> parsedWheel(String name, PackagingRelease release) {
        try {
            return Optional.of(WheelFilename.parse(name, false, release));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    private static Version majorMinorZero(Target target) {
        try {
            return Version.parse(target.interpreter().version() + ".0");
        } catch (InputException e) {
            throw new IllegalStateException("a target's Python version is a version", e);
        }
    }
}
