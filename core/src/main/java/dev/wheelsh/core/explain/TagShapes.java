package dev.wheelsh.core.explain;

import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.tags.Architectures;

import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.words.TagWords;
import dev.wheelsh.core.tags.PlatformTags;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place config checks validate tag-shaped strings (platform tags, architecture names);
 * it leans on core/tags and core/explain for the tag rules and words.
 */
public final class TagShapes {

    private TagShapes() {
    }

    /**
     * Whether a platform tag has no error-level problem: the test the shell's highlighter applies
     * as a tag is typed, so the shell and the editor mark the same components.
     */
    public static boolean acceptable(String platformTag) {
        return !platformTag.isEmpty() && platformTag(platformTag).stream().noneMatch(i -> i.severity() == Severity.ERROR);
    }

    /** Problems with one platform tag as pip's --platform takes it, offsets within {@code tag}. */
    public static List<Issue> platformTag(String tag) {
        List<Issue> out = new ArrayList<>();
        if (tag.isEmpty()) {
            return out;
        }
        PlatformTag p = PlatformTag.parse(tag);
        String arch = p.arch();
        int archFrom = tag.length() - arch.length();
        switch (p.family()) {
            case OTHER -> out.add(Issue.of(Code.WH190, Severity.ERROR, 0, tag.length(),
                    "'" + tag + "' is not a platform tag (manylinux_2_28_x86_64, musllinux_1_2_aarch64, macosx_14_0_arm64, win_amd64, ...)",
                    "pip compares platform tags as opaque strings: this one matches no wheel on any index."));
            case MANYLINUX, MANYLINUX_LEGACY, MUSLLINUX, LINUX -> {
                if (Architectures.find(Architectures.Os.LINUX, arch).isEmpty()) {
                    String alias = Architectures.spellingOf(Architectures.Os.LINUX, arch).orElse(null);
                    Issue i = Issue.of(Code.WH191, Severity.ERROR, archFrom, tag.length(),
                            Architectures.problem(Architectures.Os.LINUX, arch).orElseThrow(),
                            "Linux wheels name the architecture as platform.machine() does on Linux (x86_64, aarch64, loongarch64, ...). "
                                    + "No wheel is tagged '" + arch + "'.");
                    out.add(alias != null ? i.withFix(alias, "Replace " + arch + " with " + alias) : i);
                    return out;
                }
                if (p.family() == PlatformTag.Family.MANYLINUX_LEGACY) {
                    String pep600 = p.pep600Name().orElseThrow();
                    out.add(Issue.of(Code.WH192, Severity.HINT, 0, tag.length(),
                            "'" + tag + "' is the legacy name of " + pep600,
                            TagWords.platform(tag)).withFix(pep600, "Replace " + tag + " with " + pep600));
                }
                if ((p.family() == PlatformTag.Family.MANYLINUX || p.family() == PlatformTag.Family.MANYLINUX_LEGACY)
                        && !PlatformTags.baselineExists(arch, p.major(), p.minor())) {
                    out.add(Issue.of(Code.WH193, Severity.WARNING, 0, tag.length(),
                            "no manylinux baseline exists for " + arch + " at glibc " + p.major() + "." + p.minor()
                                    + PlatformTags.manylinuxFloor(arch).map(f -> " (the first is glibc " + f + ")").orElse(""),
                            TagWords.platform(tag)));
                }
            }
            default -> {
            }
        }
        return out;
    }
}
