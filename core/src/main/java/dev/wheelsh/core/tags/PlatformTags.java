package dev.wheelsh.core.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Platform tags a system accepts, best first, for each platform family, as packaging 26 generates
 * them for the running system, here for a described one.
 */
public final class PlatformTags {

    /** Which manylinux tags to keep. */
    public enum Mode {
        /** Exactly packaging's (and so pip's) list, including tags no real system can have. */
        PACKAGING,
        /**
         * Only manylinux tags for which a baseline can exist: none below the glibc that first
         * supported the architecture (e.g. no manylinux2014_loongarch64), as uv does.
         */
        BASELINE_DEFINED
    }


    /** glibc versions that have a legacy manylinux name (PEPs 513, 571, 599). */
    private static final Map<String, String> LEGACY_ALIASES = Map.of(
            "2_17", "manylinux2014", "2_12", "manylinux2010", "2_5", "manylinux1");

    /** packaging assumes glibc 3.x (if it ever comes) follows a 2.50. */
    private static final int LAST_GLIBC_MINOR = 50;

    private PlatformTags() {
    }

    /**
     * A Linux system. {@code arch} is the machine as sysconfig reports it ({@code x86_64},
     * {@code aarch64}, {@code armv7l}, ...); {@code userland32} is a 32-bit interpreter on a 64-bit
     * kernel (x86_64 becomes i686, aarch64 becomes armv8l, which also accepts armv7l);
     * {@code armHardFloat} is whether a 32-bit ARM interpreter uses the hard-float EABI5 (only
     * such a one gets manylinux armv7l tags).
     */
    public record LinuxSystem(String arch, boolean userland32, Libc libc, boolean armHardFloat) {
    }

    public static List<String> linux(LinuxSystem system, Mode mode) {
        String arch = normalize(system.arch());
        if (system.userland32()) {
            if (arch.equals("x86_64")) {
                arch = "i686";
            } else if (arch.equals("aarch64")) {
                arch = "armv8l";
            }
        }
        List<String> archs = arch.equals("armv8l") ? List.of("armv8l", "armv7l") : List.of(arch);
        List<String> tags = new ArrayList<>();
        if (system.libc().family() == LibcFamily.GLIBC && manylinuxAbiFits(archs, system)) {
            tags.addAll(manylinux(archs, system.libc(), mode));
        }
        if (system.libc().family() == LibcFamily.MUSL) {
            for (String a : archs) {
                for (int minor = system.libc().minor(); minor >= 0; minor--) {
                    tags.add("musllinux_" + system.libc().major() + "_" + minor + "_" + a);
                }
            }
        }
        for (String a : archs) {
            tags.add("linux_" + a);
        }
        return tags;
    }

    /** packaging's _have_compatible_abi: armv7l needs a hard-float interpreter, i686 an i386 one. */
    private static boolean manylinuxAbiFits(List<String> archs, LinuxSystem system) {
        if (archs.contains("armv7l")) {
            return system.armHardFloat();
        }
        if (archs.contains("i686")) {
            return true; // the interpreter of an i686 userland is an i386 ELF
        }
        return archs.stream().anyMatch(a -> Architectures.find(Architectures.Os.LINUX, a)
                .filter(Architectures.Arch::packagingManylinux).isPresent());
    }

    private static List<String> manylinux(List<String> archs, Libc glibc, Mode mode) {
        int tooOldMajor = 2;
        int tooOldMinor = archs.contains("x86_64") || archs.contains("i686") ? 4 : 16;
        List<int[]> maxima = new ArrayList<>();
        maxima.add(new int[] {glibc.major(), glibc.minor()});
        for (int major = glibc.major() - 1; major > 1; major--) {
            maxima.add(new int[] {major, LAST_GLIBC_MINOR});
        }
        List<String> tags = new ArrayList<>();
        for (String arch : archs) {
            for (int[] max : maxima) {
                int minMinor = max[0] == tooOldMajor ? tooOldMinor : -1;
                for (int minor = max[1]; minor > minMinor; minor--) {
                    if (mode == Mode.BASELINE_DEFINED && !baselineExists(arch, max[0], minor)) {
                        continue;
                    }
                    String version = max[0] + "_" + minor;
                    tags.add("manylinux_" + version + "_" + arch);
                    String legacy = LEGACY_ALIASES.get(version);
                    if (legacy != null) {
                        tags.add(legacy + "_" + arch);
                    }
                }
            }
        }
        return tags;
    }

    /** Whether glibc {@code major.minor} on {@code arch} can be a real manylinux baseline. */
    public static boolean baselineExists(String arch, int major, int minor) {
        return floor(arch).filter(f -> new LibcVersion(major, minor).isAtLeast(f)).isPresent();
    }

    /** The first glibc version with a manylinux baseline on {@code arch}, if any. */
    public static Optional<String> manylinuxFloor(String arch) {
        return floor(arch).map(LibcVersion::toString);
    }

    private static Optional<LibcVersion> floor(String arch) {
        return Architectures.find(Architectures.Os.LINUX, arch).flatMap(Architectures.Arch::manylinuxFloor);
    }

    /**
     * macOS {@code major.minor} on {@code arch} ({@code x86_64}, {@code arm64}, {@code i386},
     * {@code ppc}, {@code ppc64}), with every binary format (intel, fat*, universal*) that can run
     * there, as packaging's mac_platforms.
     */
    public static List<String> macos(int major, int minor, String arch) {
        List<String> tags = new ArrayList<>();
        if (major == 10) {
            for (int m = minor; m >= 0; m--) {
                for (String format : macBinaryFormats(10, m, arch)) {
                    tags.add("macosx_10_" + m + "_" + format);
                }
            }
        }
        if (major >= 11) {
            for (int maj = major; maj > 10; maj--) {
                for (String format : macBinaryFormats(maj, 0, arch)) {
                    tags.add("macosx_" + maj + "_0_" + format);
                }
            }
            for (int m = 16; m > 3; m--) {
                if (arch.equals("x86_64")) {
                    for (String format : macBinaryFormats(10, m, arch)) {
                        tags.add("macosx_10_" + m + "_" + format);
                    }
                } else {
                    tags.add("macosx_10_" + m + "_universal2");
                }
            }
        }
        return tags;
    }

    private static List<String> macBinaryFormats(int major, int minor, String arch) {
        List<String> formats = new ArrayList<>();
        formats.add(arch);
        boolean before104 = major < 10 || (major == 10 && minor < 4);
        switch (arch) {
            case "x86_64" -> {
                if (before104) {
                    return List.of();
                }
                formats.addAll(List.of("intel", "fat64", "fat32"));
            }
            case "i386" -> {
                if (before104) {
                    return List.of();
                }
                formats.addAll(List.of("intel", "fat32", "fat"));
            }
            case "ppc64" -> {
                boolean after105 = major > 10 || (major == 10 && minor > 5);
                if (after105 || before104) {
                    return List.of();
                }
                formats.add("fat64");
            }
            case "ppc" -> {
                boolean after106 = major > 10 || (major == 10 && minor > 6);
                if (after106) {
                    return List.of();
                }
                formats.addAll(List.of("fat32", "fat"));
            }
            default -> {
            }
        }
        if (arch.equals("arm64") || arch.equals("x86_64")) {
            formats.add("universal2");
        }
        if (Set.of("x86_64", "i386", "ppc64", "ppc", "intel").contains(arch)) {
            formats.add("universal");
        }
        return formats;
    }

    /**
     * iOS {@code major.minor} (PEP 730) for a multiarch such as {@code arm64_iphoneos} or
     * {@code x86_64_iphonesimulator}: every version down to 12.0, minors up to 9.
     */
    public static List<String> ios(int major, int minor, String multiarch) {
        String ma = multiarch.replace('-', '_');
        List<String> tags = new ArrayList<>();
        if (major < 12) {
            return tags;
        }
        tags.add("ios_" + major + "_" + minor + "_" + ma);
        for (int m = minor - 1; m >= 0; m--) {
            tags.add("ios_" + major + "_" + m + "_" + ma);
        }
        for (int maj = major - 1; maj > 11; maj--) {
            for (int m = 9; m >= 0; m--) {
                tags.add("ios_" + maj + "_" + m + "_" + ma);
            }
        }
        return tags;
    }

    /** Android API level (PEP 738) for an ABI such as {@code arm64_v8a}: every level down to 16. */
    public static List<String> android(int apiLevel, String abi) {
        String a = normalize(abi);
        List<String> tags = new ArrayList<>();
        for (int level = apiLevel; level >= 16; level--) {
            tags.add("android_" + level + "_" + a);
        }
        return tags;
    }

    /**
     * Emscripten (Pyodide): the PEP 783 {@code pyemscripten_<platform version>_wasm32} tag when the
     * interpreter declares one, then the sysconfig platform, e.g. {@code emscripten_3_1_58_wasm32}.
     */
    public static List<String> emscripten(Optional<String> pyemscriptenVersion, String sysconfigPlatform) {
        List<String> tags = new ArrayList<>();
        pyemscriptenVersion.filter(v -> !v.isEmpty()).ifPresent(v -> tags.add("pyemscripten_" + v + "_wasm32"));
        tags.add(normalize(sysconfigPlatform));
        return tags;
    }

    /** Any other system (Windows, FreeBSD, ...): sysconfig's platform, normalised ({@code win-amd64}). */
    public static List<String> generic(String sysconfigPlatform) {
        return List.of(normalize(sysconfigPlatform));
    }

    /** packaging's _normalize_string: '.', '-' and ' ' become '_'. */
    public static String normalize(String s) {
        return s.replace('.', '_').replace('-', '_').replace(' ', '_');
    }
}
