package dev.wheelsh.core.explain;

import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.checks.WheelCheckList;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.wheel.WheelFacts;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.SdistFilename;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagSet;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.vocabulary.Edit;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Fix;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.SourceRange;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.words.PlatformTagWords;
import dev.wheelsh.core.words.TagWords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Explains a wheel filename, a tag set or a platform tag ({@link Explanation}), and a wheel file
 * read in place. The one place that decides what an input is, what each part means, which
 * findings apply and what the verdict is; the shell prints the result and the editor shows it.
 */
public final class Explainer {

    private Explainer() {
    }

    /**
     * Explains a name: a wheel filename, a tag set ({@code INTERPRETER-ABI-PLATFORM}) or a
     * platform tag. {@code policies} are the baselines whose words a platform tag gets (the
     * built-in ones, with a project's baseline files merged in).
     */
    public static Explanation explainName(String name, Optional<Target> target, PolicySet policies) throws InputException {
        return explainName(name, target, policies, PackagingRelease.DEFAULT);
    }

    /** As {@link #explainName(String, Optional, PolicySet)}, with a packaging release's name rules and tag order. */
    public static Explanation explainName(String name, Optional<Target> target, PolicySet policies, PackagingRelease release)
            throws InputException {
        return explain(name, name, target, policies, List.of(), release);
    }

    /**
     * Explains a wheel file: its name as {@link #explainName} does, and its contents, for its own
     * tags' promises (with {@code policies}) and for the target.
     */
    public static Explanation explainWheelFile(Path file, Optional<Target> target, PolicySet policies)
            throws InputException, IOException {
        return explainWheelFile(file, target, policies, PackagingRelease.DEFAULT);
    }

    /**
     * As {@link #explainWheelFile(Path, Optional, PolicySet)}, the name and the install verdict
     * with a packaging release's name rules and tag order.
     */
    public static Explanation explainWheelFile(Path file, Optional<Target> target, PolicySet policies, PackagingRelease release)
            throws InputException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!name.endsWith(".whl")) {
            throw new InputException(file + ": not a wheel file (its name does not end in .whl)");
        }
        WheelFilename.parse(name, false, release);
        List<Finding> contents = new ArrayList<>();
        CheckContext context;
        try (WheelArchive archive = WheelArchive.open(file)) {
            // every wheel check once, in the registry's order (the contents, macOS/iOS/Windows
            // members, the promises, the target's checks), over one reading of the wheel
            context = CheckContext.of(WheelFacts.read(archive, false), policies, target);
            contents.addAll(WheelCheckList.run(context));
        }
        Explanation named = explain(file.toString(), name, target, policies, contents, release);
        return new Explanation(named.input(), named.kind(), named.components(), named.pypiRefusals(), named.tagFindings(),
                named.contents(), named.target(), named.verdict(), NextSteps.forFile(file.toString(), context, named.verdict()));
    }

    /** What a name is, or empty when it is none of the three. */
    public static Optional<Explanation.Kind> kindOf(String name) {
        if (name.endsWith(".whl")) {
            return Optional.of(Explanation.Kind.WHEEL);
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".zip")) {
            return Optional.of(Explanation.Kind.SDIST);
        }
        if (name.chars().filter(c -> c == '-').count() == 2) {
            return Optional.of(Explanation.Kind.TAGS);
        }
        if (name.matches("[A-Za-z0-9_.]+")
                && PlatformTag.parse(name.toLowerCase(Locale.ROOT)).family() != PlatformTag.Family.OTHER) {
            return Optional.of(Explanation.Kind.PLATFORM);
        }
        return Optional.empty();
    }

    private static Explanation explain(String input, String name, Optional<Target> target, PolicySet policies,
                                       List<Finding> contents, PackagingRelease release) throws InputException {
        Explanation.Kind kind = kindOf(name).orElseThrow(() -> new InputException("explain '" + input
                + "': not a wheel or sdist filename, a tag set (INTERPRETER-ABI-PLATFORM) or a known platform tag"));
        if (kind == Explanation.Kind.SDIST) {
            return new Explanation(input, kind, sdistComponents(name, release), List.of(), List.of(), contents, target, Optional.empty(), List.of());
        }
        List<Explanation.Component> components = new ArrayList<>();
        Optional<TagSet> tags = Optional.empty();
        // Where the platform part starts in the name: tag findings point into the name.
        int platformColumn;
        if (kind == Explanation.Kind.WHEEL) {
            WheelFilename w = WheelFilename.parse(name, false, release);
            components.add(new Explanation.Component(w.rawName(), "project", "project " + w.name() + ", version " + w.version()));
            w.build().ifPresent(b -> components.add(new Explanation.Component(b.toString(), "build tag",
                    "build " + b + ": pip prefers the higher build tag among wheels with the same best tag")));
            tags = Optional.of(w.tags());
            platformColumn = name.lastIndexOf('-') + 1;
        } else if (kind == Explanation.Kind.TAGS) {
            tags = Optional.of(TagSet.parse(name));
            platformColumn = name.lastIndexOf('-') + 1;
        } else {
            platformColumn = 0;
        }
        List<String> platforms = new ArrayList<>();
        if (tags.isPresent()) {
            Set<String> seen = new LinkedHashSet<>();
            for (Tag t : tags.get().tags()) {
                if (seen.add("i:" + t.interpreter())) {
                    components.add(new Explanation.Component(t.interpreter(), "interpreter", TagWords.interpreter(t.interpreter())));
                }
            }
            for (Tag t : tags.get().tags()) {
                if (seen.add("a:" + t.abi())) {
                    components.add(new Explanation.Component(t.abi(), "abi", TagWords.abi(t.abi())));
                }
            }
            for (Tag t : tags.get().tags()) {
                if (seen.add("p:" + t.platform())) {
                    platforms.add(t.platform());
                }
            }
        } else {
            platforms.add(name.toLowerCase(Locale.ROOT));
        }
        Set<String> pypiRefusals = new LinkedHashSet<>();
        List<Finding> tagFindings = new ArrayList<>();
        String platformPart = kind == Explanation.Kind.PLATFORM ? name.toLowerCase(Locale.ROOT)
                : stripWheelSuffix(name).substring(platformColumn);
        for (String platform : platforms) {
            components.add(new Explanation.Component(platform, "platform", PlatformTagWords.describe(platform, policies)));
            if (!IndexAcceptance.pypiAccepts(platform)) {
                pypiRefusals.add(IndexAcceptance.whyRefused(platform));
            }
            int at = platformColumn + offsetIn(platformPart, platform);
            for (Issue issue : TagShapes.platformTag(platform)) {
                // A legacy alias in a filename or tag set is there on purpose (auditwheel writes
                // manylinux2014_x86_64 beside manylinux_2_17_x86_64 for pip before 20.3): the
                // hint to rename it is for the pip.conf platform option only.
                if (issue.code() == Code.WH192 && kind != Explanation.Kind.PLATFORM) {
                    continue;
                }
                tagFindings.add(finding(issue, at));
            }
        }
        Optional<InstallVerdict> verdict = tags.isPresent() && target.isPresent()
                ? Optional.of(InstallVerdict.of(tags.get(), TagRanking.of(target.get(), release))) : Optional.empty();
        Optional<String> project = kind == Explanation.Kind.WHEEL ? Optional.of(WheelFilename.parse(name, false, release).name()) : Optional.empty();
        return new Explanation(input, kind, components, List.copyOf(pypiRefusals), tagFindings, contents, target, verdict,
                NextSteps.forName(project, target, verdict));
    }

    /**
     * Whether pip on a target takes wheels of one platform tag, in one sentence: "pip on
     * cp313-glibc2.38-loongarch64 takes it (best as cp313-cp313-manylinux_2_38_loongarch64,
     * preference #1 of 412)", or why not, in the words of the install verdict. The editor's hover
     * on a platform tag shows it for the file's targets.
     */
    public static String platformOn(String platformTag, Target target) {
        TagRanking ranking = TagRanking.of(target);
        List<Tag> supported = ranking.supported();
        for (int i = 0; i < supported.size(); i++) {
            if (supported.get(i).platform().equals(platformTag)) {
                return "pip on " + target.compact() + " takes it (best as " + supported.get(i) + ", preference #" + (i + 1)
                        + " of " + supported.size() + ")";
            }
        }
        if (supported.isEmpty()) {
            return "pip on " + target.compact() + " takes no wheel at all";
        }
        // The target's own best interpreter and ABI with this platform: only the platform can miss.
        Tag probe = new Tag(supported.get(0).interpreter(), supported.get(0).abi(), platformTag);
        InstallVerdict v = InstallVerdict.of(new TagSet(Set.of(probe)), ranking);
        String why = v instanceof InstallVerdict.Misses m ? m.closest().reason() : "";
        return "pip on " + target.compact() + " does not take it: " + why;
    }

    /**
     * An sdist's name and version (read as packaging's parse_sdist_filename reads them) and its
     * format, with what pip does with it: the words of {@code pick}.
     */
    private static List<Explanation.Component> sdistComponents(String name, PackagingRelease release) throws InputException {
        SdistFilename sdist = SdistFilename.parse(name, release);
        String suffix = name.endsWith(".tar.gz") ? ".tar.gz" : ".zip";
        String stem = name.substring(0, name.length() - suffix.length());
        String pep625 = sdist.name().replace('-', '_') + "-" + sdist.version() + ".tar.gz";
        String format = name.equals(pep625)
                ? "a source distribution named as PEP 625 says (NAME-VERSION.tar.gz, the name normalized with '_')"
                : "a source distribution with a legacy name (PEP 625 would name it " + pep625 + ")";
        return List.of(
                new Explanation.Component(stem, "project", "project " + sdist.name() + ", version " + sdist.version()),
                new Explanation.Component(suffix, "format", format + ": pip builds it only when no wheel of "
                        + sdist.name() + " " + sdist.version() + " fits the target (--prefer-binary: when no wheel of any "
                        + "version fits; --no-binary: always), never with --only-binary"));
    }

    private static String stripWheelSuffix(String name) {
        return name.endsWith(".whl") ? name.substring(0, name.length() - 4) : name;
    }

    /** The offset of one platform tag among the dot-separated platform part; 0 when not found as written. */
    private static int offsetIn(String platformPart, String platform) {
        int from = 0;
        for (String part : platformPart.split("\\.", -1)) {
            if (part.equals(platform)) {
                return from;
            }
            from += part.length() + 1;
        }
        return 0;
    }

    private static Finding finding(Issue issue, int column) {
        SourceRange range = SourceRange.onLine(0, column + issue.from(), column + issue.to());
        Finding f = Finding.at(issue.code(), issue.severity(), range, issue.message(), issue.explanation());
        return issue.replacement().map(r -> f.withFix(new Fix(issue.fixTitle(), List.of(new Edit(range, r))))).orElse(f);
    }
}
