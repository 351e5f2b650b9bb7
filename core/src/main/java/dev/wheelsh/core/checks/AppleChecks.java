package dev.wheelsh.core.checks;

import dev.wheelsh.core.macho.MachOFile;
import dev.wheelsh.core.macho.MachOFile.BuildVersion;
import dev.wheelsh.core.macho.MachOFile.Dylib;
import dev.wheelsh.core.macho.MachOFile.DylibKind;
import dev.wheelsh.core.macho.MachOFile.Platform;
import dev.wheelsh.core.macho.MachOFile.Slice;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.WheelFacts;
import dev.wheelsh.core.wheel.WheelFacts.MachOMember;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Mach-O members of a macOS or iOS wheel against its tags (WH320-WH323, docs/codes.md): the
 * minimum macOS version each slice was built for against the tag's, the slices against the
 * architectures the tag names, the libraries a member loads from outside the wheel and outside
 * macOS, and an iOS member's platform, minimum version and architecture against its ios tag.
 * delocate's rules (docs/baselines.md) where they apply.
 */
public final class AppleChecks {

    private AppleChecks() {
    }

    /**
     * The architectures each macOS binary format needs, as packaging's {@code _mac_binary_formats}
     * lists the formats that include an architecture, read backwards: a wheel tagged universal2 is
     * installed on Intel and Apple-silicon Macs, so its code needs both slices.
     */
    static final Map<String, List<String>> FORMAT_ARCHES = Map.ofEntries(
            Map.entry("universal2", List.of("x86_64", "arm64")), Map.entry("intel", List.of("x86_64", "i386")),
            Map.entry("fat", List.of("i386", "ppc")), Map.entry("fat32", List.of("i386", "ppc")),
            Map.entry("fat3", List.of("x86_64", "i386", "ppc")), Map.entry("fat64", List.of("x86_64", "ppc64")),
            Map.entry("universal", List.of("x86_64", "i386", "ppc64", "ppc")));

    /** The slices a macOS tag's binary format needs. */
    static List<String> arches(String format) {
        return FORMAT_ARCHES.getOrDefault(format, List.of(format));
    }

    /** The wheel's macOS platform tags, in the filename's order. */
    static List<PlatformTag.MacOs> macTags(WheelFacts facts) {
        List<PlatformTag.MacOs> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Tag t : facts.filename().tags().tags()) {
            if (PlatformTag.parse(t.platform()) instanceof PlatformTag.MacOs m && seen.add(m.tag())) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The version a macOS release is tagged with: since macOS 11 only the major version counts
     * (packaging generates macosx_11_0 for every 11.x; delocate tags 11.3 code as 11_0).
     */
    static int[] tagVersion(MachOFile.Version v) {
        return v.major() >= 11 ? new int[] {v.major(), 0} : new int[] {v.major(), v.minor()};
    }

    static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }

    /**
     * The oldest macOS an architecture's machines install the wheel on: the lowest version of a tag
     * whose format holds the architecture, and never below 11.0 for arm64 (no older macOS runs on
     * Apple silicon; packaging offers arm64 Macs universal2 tags of 10.x).
     */
    static Optional<int[]> floor(List<PlatformTag.MacOs> tags, String arch) {
        int[] best = null;
        for (PlatformTag.MacOs t : tags) {
            if (arches(t.arch()).contains(arch)) {
                int[] v = {t.major(), t.minor()};
                if (best == null || compare(v, best) < 0) {
                    best = v;
                }
            }
        }
        if (best != null && arch.equals("arm64") && compare(best, new int[] {11, 0}) < 0) {
            best = new int[] {11, 0};
        }
        return Optional.ofNullable(best);
    }

    /** The macOS version command of a slice: the first LC_BUILD_VERSION or LC_VERSION_MIN_MACOSX for macOS. */
    static Optional<BuildVersion> macosVersion(Slice s) {
        return s.versions().stream().filter(v -> v.platform() == Platform.MACOS).findFirst();
    }

    /** WH320: a slice built for a newer macOS than the tag names. */
    public static final Check<Object> MACOS_MINIMUM = Check.of(Code.WH320, (facts, none) -> {
        List<PlatformTag.MacOs> tags = macTags(facts);
        List<Finding> out = new ArrayList<>();
        if (tags.isEmpty()) {
            return out;
        }
        // the highest minimum of each architecture over every member: what the wheel is consistent with
        Map<String, int[]> highest = new TreeMap<>();
        for (MachOMember m : facts.machOMembers()) {
            for (Slice s : m.file().slices()) {
                macosVersion(s).ifPresent(v -> highest.merge(s.arch(), tagVersion(v.minos()), (a, b) -> compare(a, b) >= 0 ? a : b));
            }
        }
        for (MachOMember m : facts.machOMembers()) {
            for (Slice s : m.file().slices()) {
                Optional<BuildVersion> v = macosVersion(s);
                Optional<int[]> floor = floor(tags, s.arch());
                if (v.isEmpty() || floor.isEmpty() || compare(tagVersion(v.get().minos()), floor.get()) <= 0) {
                    continue;
                }
                String tag = tagFor(tags, s.arch());
                int[] h = highest.get(s.arch());
                String consistent = consistentTag(tags, highest);
                out.add(Finding.of(Code.WH320, Severity.ERROR, m.name() + " (" + s.arch() + ") needs macOS " + v.get().minos()
                                + " (" + v.get().command() + " minos), but the tag " + tag + " promises macOS " + floor.get()[0] + "."
                                + floor.get()[1] + "; the wheel's code is consistent with " + consistent,
                        "pip installs the wheel on every macOS from " + floor.get()[0] + "." + floor.get()[1] + " on, and on a release"
                                + " older than " + h[0] + "." + h[1] + " importing it fails: dyld refuses code built for a newer"
                                + " macOS than the one running. Rebuild with MACOSX_DEPLOYMENT_TARGET=" + floor.get()[0] + "."
                                + floor.get()[1] + " (for this code and every library it bundles), or tag the wheel " + consistent
                                + " (delocate-wheel renames it so since 0.11.0)."));
            }
        }
        return out;
    });

    /** The wheel's first macOS tag whose format holds the architecture. */
    static String tagFor(List<PlatformTag.MacOs> tags, String arch) {
        return tags.stream().filter(t -> arches(t.arch()).contains(arch)).map(PlatformTag::tag).findFirst().orElse(tags.get(0).tag());
    }

    /**
     * The platform tags the wheel's code is consistent with, as delocate-wheel (0.11.0 and later,
     * {@code _calculate_minimum_wheel_name}) renames a wheel: every architecture the tags claim at
     * the highest minimum its slices have (never below the tag's own promise: wheelsh proposes the
     * smallest change to the name, where delocate without MACOSX_DEPLOYMENT_TARGET would also lower
     * it), then x86_64 and arm64 fused into universal2 when they are equal or arm64 is at 11.0, and
     * i386 and x86_64 into intel when equal. A universal2 wheel of 13.0 x86_64 and 14.0 arm64 code
     * is so {@code macosx_13_0_x86_64.macosx_14_0_arm64}: pip installs it on an Intel Mac running 13.
     */
    static String consistentTag(List<PlatformTag.MacOs> tags, Map<String, int[]> highest) {
        Map<String, int[]> need = new LinkedHashMap<>();
        for (PlatformTag.MacOs t : tags) {
            for (String arch : arches(t.arch())) {
                int[] promised = floor(tags, arch).orElse(new int[] {t.major(), t.minor()});
                int[] code = highest.get(arch);
                need.putIfAbsent(arch, code != null && compare(code, promised) > 0 ? code : promised);
            }
        }
        int[] eleven = {11, 0};
        if (need.containsKey("x86_64") && need.containsKey("arm64")
                && (compare(need.get("x86_64"), need.get("arm64")) == 0 || compare(need.get("arm64"), eleven) == 0)) {
            int[] v = need.get("x86_64");
            need.remove("x86_64");
            need.remove("arm64");
            need.put("universal2", v);
        }
        if (need.containsKey("i386") && need.containsKey("x86_64") && compare(need.get("i386"), need.get("x86_64")) == 0) {
            int[] v = need.get("x86_64");
            need.remove("i386");
            need.remove("x86_64");
            need.put("intel", v);
        }
        List<String> out = new ArrayList<>();
        need.forEach((arch, v) -> out.add("macosx_" + v[0] + "_" + v[1] + "_" + arch));
        return String.join(".", out);
    }

    /** WH321: a member without a slice a tag's architecture needs. */
    public static final Check<Object> MACOS_SLICES = Check.of(Code.WH321, (facts, none) -> {
        List<PlatformTag.MacOs> tags = macTags(facts);
        List<Finding> out = new ArrayList<>();
        if (tags.isEmpty()) {
            return out;
        }
        Set<String> needed = new LinkedHashSet<>();
        for (PlatformTag.MacOs t : tags) {
            needed.addAll(arches(t.arch()));
        }
        for (MachOMember m : facts.machOMembers()) {
            List<String> has = m.file().arches();
            List<String> missing = needed.stream().filter(a -> !has.contains(a)).toList();
            if (missing.isEmpty()) {
                continue;
            }
            String tagList = String.join(", ", tags.stream().map(PlatformTag::tag).toList());
            out.add(Finding.of(Code.WH321, Severity.ERROR, m.name() + " holds " + (has.size() == 1 ? "only " : "") + String.join(" and ", has)
                            + " code" + (m.file().fat() ? " (a universal file)" : "") + ", but the wheel's tags (" + tagList + ") need "
                            + String.join(" and ", needed) + "; missing: " + String.join(", ", missing),
                    "pip installs the wheel on a Mac of a missing architecture and importing it fails: dyld refuses a file"
                            + " without a slice for the running process (\"incompatible architecture (have '" + String.join("', '", has)
                            + "', need '" + missing.get(0) + "')\"). Build the missing slice (ARCHFLAGS, CMAKE_OSX_ARCHITECTURES, or"
                            + " cibuildwheel's archs = universal2), fuse thin wheels with delocate-merge, or tag the wheel for the"
                            + " architecture it holds."));
        }
        return out;
    });

    /** WH322: libraries a member loads from outside the wheel and outside macOS. */
    public static final Check<Object> MACOS_LIBRARIES = Check.of(Code.WH322, (facts, none) -> {
        List<Finding> out = new ArrayList<>();
        if (macTags(facts).isEmpty()) {
            return out;
        }
        Set<String> members = new HashSet<>(facts.memberNames());
        for (MachOMember m : facts.machOMembers()) {
            Set<String> outside = new LinkedHashSet<>();
            for (Slice s : m.file().slices()) {
                for (Dylib d : s.dylibs()) {
                    if (d.kind() != DylibKind.WEAK) {
                        unresolved(m.name(), d.name(), s.rpaths(), members).ifPresent(outside::add);
                    }
                }
            }
            if (!outside.isEmpty()) {
                out.add(Finding.of(Code.WH322, Severity.ERROR, m.name() + " loads " + String.join(", ", outside)
                                + (outside.size() == 1 ? ", which is" : ", which are") + " neither in the wheel nor part of macOS",
                        "dyld looks for these at those paths on the user's Mac (or, for @rpath, in the rpaths the member"
                                + " names), where they exist only if the same libraries were installed the same way (Homebrew,"
                                + " a build directory); elsewhere importing the module fails with \"Library not loaded\"."
                                + " delocate-wheel copies such libraries into the wheel (pkg/.dylibs) and points the load"
                                + " commands at them with @loader_path; only /usr/lib and /System/Library are macOS's own."));
            }
        }
        return out;
    });

    /**
     * Why dyld would not find a library inside the wheel or the system, or empty when it would:
     * /usr/lib and /System are macOS's (delocate's filter_system_libs); @loader_path is the
     * member's folder; @rpath tries each rpath of the slice, resolved the same way.
     */
    static Optional<String> unresolved(String member, String lib, List<String> rpaths, Set<String> members) {
        if (lib.startsWith("/usr/lib/") || lib.startsWith("/System/")) {
            return Optional.empty();
        }
        String dir = member.contains("/") ? member.substring(0, member.lastIndexOf('/')) : "";
        if (lib.startsWith("@loader_path/")) {
            return inWheel(join(dir, lib.substring("@loader_path/".length())), members) ? Optional.empty()
                    : Optional.of(lib + " (not in the wheel next to the member)");
        }
        if (lib.startsWith("@rpath/")) {
            String rest = lib.substring("@rpath/".length());
            for (String r : rpaths) {
                if (r.startsWith("@loader_path")) {
                    String base = r.equals("@loader_path") ? dir : join(dir, r.substring("@loader_path/".length()));
                    if (inWheel(join(base, rest), members)) {
                        return Optional.empty();
                    }
                } else if ((r.startsWith("/usr/lib") || r.startsWith("/System/")) && !r.contains("..")) {
                    return Optional.empty();
                }
            }
            return Optional.of(lib + (rpaths.isEmpty() ? " (the member names no rpath)" : " (not found in the wheel through its rpaths "
                    + String.join(", ", rpaths) + ")"));
        }
        return Optional.of(lib);
    }

    private static boolean inWheel(String path, Set<String> members) {
        return path != null && members.contains(path);
    }

    /** A relative path joined to a folder of the wheel, with . and .. resolved; null when it leaves the wheel. */
    static String join(String dir, String relative) {
        List<String> parts = new ArrayList<>();
        for (String p : (dir + "/" + relative).split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    /** WH323: an iOS member's platform (device or simulator), minimum version and architecture against its ios tag. */
    public static final Check<Object> IOS = Check.of(Code.WH323, (facts, none) -> {
        List<PlatformTag.Ios> tags = new ArrayList<>();
        for (Tag t : facts.filename().tags().tags()) {
            if (PlatformTag.parse(t.platform()) instanceof PlatformTag.Ios i && !tags.contains(i)) {
                tags.add(i);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (PlatformTag.Ios tag : tags) {
            int cut = tag.arch().lastIndexOf('_');
            if (cut < 0) {
                continue;
            }
            String cpu = tag.arch().substring(0, cut);
            boolean simulator = tag.arch().endsWith("_iphonesimulator");
            Platform sdk = simulator ? Platform.IOSSIMULATOR : Platform.IOS;
            for (MachOMember m : facts.machOMembers()) {
                List<String> problems = new ArrayList<>();
                for (AppleLoader.Refusal r : AppleLoader.refusals(m.file(), cpu, sdk, tag.major(), tag.minor())) {
                    problems.add(r instanceof AppleLoader.Refusal.NewerRelease
                            ? r.words() + ", newer than the " + tag.major() + "." + tag.minor() + " the tag promises" : r.words());
                }
                if (!problems.isEmpty()) {
                    out.add(Finding.of(Code.WH323, Severity.ERROR, m.name() + " " + String.join("; ", problems) + " (tag " + tag.tag() + ")",
                            "An iOS wheel's tag names the minimum iOS, the CPU and the SDK (iphoneos for devices,"
                                    + " iphonesimulator for the simulator, PEP 730); the dynamic loader refuses code built for the"
                                    + " other SDK, another CPU or a newer iOS, so the app fails when it imports the module."
                                    + " Rebuild with IPHONEOS_DEPLOYMENT_TARGET and the SDK the tag names."));
                }
            }
        }
        return out;
    });

    /** The Apple checks, in the order their findings are reported. */
    public static final List<Check<Object>> ALL = List.of(MACOS_MINIMUM, MACOS_SLICES, MACOS_LIBRARIES, IOS);
}
