package dev.wheelsh.core.machine;

import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code pip debug --verbose} prints about its interpreter: pip's version, the packaging it
 * vendors, and its compatible tags, best first. The target it stands for is read from its best
 * tag; {@link #compare} holds pip's list against the one wheelsh computes for that target.
 *
 * @param source      the file's name, for messages
 * @param pipVersion  from {@code pip version: pip X.Y ...}
 * @param packaging   from the vendored library versions ({@code packaging==X}), when listed
 * @param tags        the compatible tags, in pip's order
 */
public record PipDebugReport(String source, String pipVersion, Optional<String> packaging, List<Tag> tags) {

    /** More tags than any interpreter has (a glibc 2.99 x86_64 CPython has about 3,000). */
    private static final int MAX_TAGS = 200_000;

    public PipDebugReport {
        tags = List.copyOf(tags);
    }

    public static PipDebugReport parse(String source, String text) throws InputException {
        String pip = null;
        String packaging = null;
        List<Tag> tags = new ArrayList<>();
        Integer expected = null;
        boolean inTags = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("pip version: pip ")) {
                String rest = line.substring("pip version: pip ".length());
                pip = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
            } else if (line.strip().startsWith("packaging==") && line.startsWith("  ")) {
                packaging = line.strip().substring("packaging==".length());
            } else if (line.startsWith("Compatible tags: ")) {
                try {
                    expected = Integer.parseInt(line.substring("Compatible tags: ".length()).strip());
                } catch (NumberFormatException e) {
                    throw new InputException(source + ":" + (i + 1) + ": 'Compatible tags:' is followed by no count");
                }
                inTags = true;
            } else if (inTags && line.startsWith("  ")) {
                try {
                    tags.add(Tag.parse(line.strip()));
                } catch (InputException e) {
                    throw new InputException(source + ":" + (i + 1) + ": " + e.getMessage());
                }
                if (tags.size() > MAX_TAGS) {
                    throw new InputException(source + ":" + (i + 1) + ": more than " + MAX_TAGS + " tags; not pip debug output");
                }
            } else if (inTags && !line.isBlank()) {
                inTags = false;
            }
        }
        if (pip == null || expected == null) {
            throw new InputException(source + ": not the output of pip debug --verbose (no 'pip version:' or no 'Compatible tags:' line)");
        }
        if (tags.size() != expected) {
            throw new InputException(source + ": 'Compatible tags: " + expected + "' but " + tags.size()
                    + " tags follow (run pip debug with --verbose for the whole list)");
        }
        if (tags.isEmpty()) {
            throw new InputException(source + ": the compatible tag list is empty");
        }
        return new PipDebugReport(source, pip, Optional.ofNullable(packaging), tags);
    }

    /**
     * The target pip's list stands for: the interpreter and ABI of its best tag, the system of
     * its best platform tag (manylinux_2_36_x86_64: glibc 2.36; musllinux_1_2: musl 1.2; macosx_14_0:
     * macOS 14.0; win_amd64; linux_ARCH alone: Linux without a known C library).
     */
    public Target target() throws InputException {
        Tag best = tags.get(0);
        String interp = best.abi().startsWith("cp") && best.interpreter().startsWith("cp")
                ? best.abi() : best.interpreter();
        Optional<String> otherAbi = best.interpreter().startsWith("cp") ? Optional.empty() : Optional.of(best.abi());
        // the first platform tag that says more than linux_ARCH decides the system
        String platform = tags.stream().map(Tag::platform).filter(p -> !p.startsWith("linux_") && !p.equals("any"))
                .findFirst().orElse(best.platform());
        PlatformTag p = PlatformTag.parse(platform);
        String system;
        String arch;
        if (p instanceof PlatformTag.Manylinux m) {
            system = "glibc" + m.glibc().major() + "." + m.glibc().minor();
            arch = m.arch();
        } else if (p instanceof PlatformTag.Musllinux m) {
            system = "musl" + m.musl().major() + "." + m.musl().minor();
            arch = m.arch();
        } else if (p instanceof PlatformTag.MacOs m) {
            system = "macos" + m.major() + "." + m.minor();
            arch = m.arch();
        } else if (p instanceof PlatformTag.Windows w) {
            system = "windows";
            arch = platform.equals("win32") ? "x86" : platform.substring("win_".length());
        } else if (p instanceof PlatformTag.Linux l) {
            system = "linux";
            arch = l.arch();
        } else if (p instanceof PlatformTag.Android a) {
            system = "android" + a.apiLevel();
            arch = platform.substring(platform.indexOf('_', "android_".length()) + 1);
        } else {
            throw new InputException(source + ": the best platform tag " + platform + " is not one wheelsh models as a target");
        }
        String spec = interp + "-" + system + "-" + arch + otherAbi.map(a -> "+abi=" + a).orElse("");
        try {
            return TargetSpec.parse(spec);
        } catch (InputException e) {
            throw new InputException(source + ": its tags stand for " + spec + ", which is no target: " + e.reason());
        }
    }

    /** How pip's list and wheelsh's for the same target compare. */
    public record Comparison(int pipCount, int wheelshCount, boolean sameOrder, List<Tag> onlyPip, List<Tag> onlyWheelsh,
                             Optional<Integer> firstDifference, PackagingRelease release) {
        public Comparison {
            onlyPip = List.copyOf(onlyPip);
            onlyWheelsh = List.copyOf(onlyWheelsh);
        }

        public boolean equal() {
            return sameOrder;
        }

        public String words() {
            if (sameOrder) {
                return "the same " + pipCount + " tags in the same order as wheelsh's (packaging " + release.version() + ")";
            }
            StringBuilder sb = new StringBuilder("pip lists " + pipCount + " tags, wheelsh " + wheelshCount
                    + " (packaging " + release.version() + ")");
            if (onlyPip.isEmpty() && onlyWheelsh.isEmpty()) {
                sb.append(": the same tags in another order");
            } else {
                if (!onlyPip.isEmpty()) {
                    sb.append("; only pip's: ").append(shown(onlyPip));
                }
                if (!onlyWheelsh.isEmpty()) {
                    sb.append("; only wheelsh's: ").append(shown(onlyWheelsh));
                }
            }
            firstDifference.ifPresent(i -> sb.append("; first difference at #").append(i + 1));
            return sb.toString();
        }

        private static String shown(List<Tag> tags) {
            List<String> s = tags.stream().limit(5).map(Tag::toString).toList();
            return String.join(", ", s) + (tags.size() > 5 ? ", ... (" + tags.size() + ")" : "");
        }
    }

    /** pip's list against wheelsh's for a target, in a packaging release's order. */
    public Comparison compare(Target target, PackagingRelease release) {
        List<Tag> ours = target.tags(release);
        int i = 0;
        while (i < tags.size() && i < ours.size() && tags.get(i).equals(ours.get(i))) {
            i++;
        }
        boolean same = i == tags.size() && i == ours.size();
        Set<Tag> theirs = new LinkedHashSet<>(tags);
        Set<Tag> mine = new LinkedHashSet<>(ours);
        List<Tag> onlyPip = tags.stream().filter(t -> !mine.contains(t)).distinct().toList();
        List<Tag> onlyWheelsh = ours.stream().filter(t -> !theirs.contains(t)).distinct().toList();
        return new Comparison(tags.size(), ours.size(), same, onlyPip, onlyWheelsh,
                same ? Optional.empty() : Optional.of(i), release);
    }
}
