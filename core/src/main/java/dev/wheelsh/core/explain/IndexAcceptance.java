package dev.wheelsh.core.explain;

import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.document.JsonTree;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether PyPI accepts a platform tag on upload: a verdict separate from installability (pip
 * installs linux_x86_64 wheels; PyPI refuses them). Rules in pypi-platform-rules.json.
 */
public final class IndexAcceptance {

    private static final Rules RULES = load();

    private record Rules(Set<String> statics, Set<String> macosArches, Set<String> macosMajors, Set<String> manylinux,
                         Set<String> musllinux, Set<String> ios, Set<String> android) {
    }

    private IndexAcceptance() {
    }

    /** Whether PyPI accepts a wheel with this platform tag. */
    public static boolean pypiAccepts(String platformTag) {
        if (RULES.statics().contains(platformTag)) {
            return true;
        }
        PlatformTag p = PlatformTag.parse(platformTag);
        return switch (p.family()) {
            case MACOS -> RULES.macosArches().contains(p.arch())
                    && (p.major() == 10 || (RULES.macosMajors().contains(Integer.toString(p.major())) && p.minor() == 0));
            case MANYLINUX -> RULES.manylinux().contains(p.arch());
            case MUSLLINUX -> RULES.musllinux().contains(p.arch());
            case IOS -> platformTag.matches("ios_\\d+_\\d+_.+_(iphoneos|iphonesimulator)")
                    && RULES.ios().contains(p.arch().replaceAll("_(iphoneos|iphonesimulator)$", ""));
            case ANDROID -> RULES.android().contains(p.arch());
            default -> false;
        };
    }

    /** Why PyPI refuses a tag, in words; empty when it accepts it. */
    public static String whyRefused(String platformTag) {
        if (pypiAccepts(platformTag)) {
            return "";
        }
        PlatformTag p = PlatformTag.parse(platformTag);
        return switch (p.family()) {
            case LINUX -> "PyPI refuses linux_" + p.arch() + ": a plain linux tag promises nothing about the system's "
                    + "libraries; build in a manylinux or musllinux image and repair with auditwheel";
            case MANYLINUX, MANYLINUX_LEGACY -> "PyPI does not accept manylinux wheels for " + p.arch() + " (yet)"
                    + (p.arch().equals("loongarch64") ? ": no manylinux baseline for LoongArch is settled; use a "
                    + "third-party index, and say which glibc the wheel needs" : "");
            case MUSLLINUX -> "PyPI does not accept musllinux wheels for " + p.arch() + " (yet)";
            case MACOS -> "PyPI accepts macOS 10.x tags and, from 11 on, only minor version 0 of known majors with a known format";
            default -> "PyPI does not accept the platform tag " + platformTag;
        };
    }

    private static Rules load() {
        // read without an object mapper: explain runs this at start-up (see JsonTree)
        JsonTree r = JsonTree.resource(IndexAcceptance.class, "pypi-platform-rules.json");
        return new Rules(set(r, "static"), set(r, "macos_arches"), set(r, "macos_majors_with_minor_zero"),
                set(r, "manylinux_arches"), set(r, "musllinux_arches"), set(r, "ios_arches"), set(r, "android_arches"));
    }

    private static Set<String> set(JsonTree root, String field) {
        if (!root.path(field).node().isPresent()) {
            throw new IllegalStateException("pypi-platform-rules.json has no " + field);
        }
        Set<String> out = new HashSet<>();
        root.path(field).items().forEach(n -> out.add(n.text()));
        return Set.copyOf(out);
    }
}
