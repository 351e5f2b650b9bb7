package dev.wheelsh.core.macho;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Mach-O file as the checks need it: one slice for a thin file, one per architecture for a fat
 * (universal) file, each with the load commands that decide where it runs and what it loads.
 *
 * @param fat true for a universal file (a fat header before the slices), even with one slice
 */
public record MachOFile(String name, boolean fat, List<Slice> slices) {

    public MachOFile {
        slices = List.copyOf(slices);
    }

    /** The architectures of the slices, as macOS platform tags spell them, in file order. */
    public List<String> arches() {
        List<String> out = new ArrayList<>();
        for (Slice s : slices) {
            out.add(s.arch());
        }
        return out;
    }

    /**
     * One architecture's code: a thin file's header and load commands, or one slice of a fat file.
     *
     * @param cpuType    the header's cputype (CPU_TYPE_X86_64 is 0x01000007)
     * @param cpuSubtype the header's cpusubtype without the capability bits (arm64e is 2)
     * @param arch       the architecture as platform tags spell it: x86_64, arm64, i386, ppc, ppc64;
     *                   others as {@code cputype-0x...}
     * @param fileType   MH_DYLIB is 6, MH_BUNDLE 8, MH_EXECUTE 2
     * @param offset     where the slice starts in the file (0 for a thin file)
     * @param versions   every LC_BUILD_VERSION and LC_VERSION_MIN_* command, in file order
     * @param dylibs     every library it loads (LC_LOAD_DYLIB, LC_LOAD_WEAK_DYLIB, LC_REEXPORT_DYLIB,
     *                   LC_LAZY_LOAD_DYLIB, LC_LOAD_UPWARD_DYLIB), in file order
     * @param id         its own install name (LC_ID_DYLIB), for a library
     * @param rpaths     its LC_RPATH entries, in file order
     */
    public record Slice(int cpuType, int cpuSubtype, String arch, int fileType, long offset, long size,
                        List<BuildVersion> versions, List<Dylib> dylibs, Optional<String> id, List<String> rpaths) {
        public Slice {
            versions = List.copyOf(versions);
            dylibs = List.copyOf(dylibs);
            rpaths = List.copyOf(rpaths);
        }

        /** The minimum OS version of the first version command (the one the loader reads), if any. */
        public Optional<BuildVersion> minimum() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
        }
    }

    /** The loader commands that name a library, by what the loader does when it is missing. */
    public enum DylibKind {
        LOAD("LC_LOAD_DYLIB"), WEAK("LC_LOAD_WEAK_DYLIB"), REEXPORT("LC_REEXPORT_DYLIB"),
        LAZY("LC_LAZY_LOAD_DYLIB"), UPWARD("LC_LOAD_UPWARD_DYLIB");

        private final String command;

        DylibKind(String command) {
            this.command = command;
        }

        /** The load command's name in Apple's headers. */
        public String command() {
            return command;
        }
    }

    /** A library a slice loads, by its install name (a path, or @rpath/..., @loader_path/...). */
    public record Dylib(DylibKind kind, String name, Version currentVersion, Version compatibilityVersion) {
    }

    /**
     * The platform and minimum OS version of a slice: from LC_BUILD_VERSION, or from one of the
     * older LC_VERSION_MIN_MACOSX/IPHONEOS/TVOS/WATCHOS commands (which name their platform by
     * the command itself and have no simulator variant).
     *
     * @param command the load command it came from, as Apple's headers name it
     */
    public record BuildVersion(Platform platform, Version minos, Version sdk, String command) {
    }

    /** LC_BUILD_VERSION's platforms (mach-o/loader.h, PLATFORM_*). */
    public enum Platform {
        MACOS(1, "macos"), IOS(2, "ios"), TVOS(3, "tvos"), WATCHOS(4, "watchos"), BRIDGEOS(5, "bridgeos"),
        MACCATALYST(6, "maccatalyst"), IOSSIMULATOR(7, "iossimulator"), TVOSSIMULATOR(8, "tvossimulator"),
        WATCHOSSIMULATOR(9, "watchossimulator"), DRIVERKIT(10, "driverkit"), VISIONOS(11, "xros"),
        VISIONOSSIMULATOR(12, "xrossimulator"), UNKNOWN(0, "unknown");

        private final int number;
        private final String word;

        Platform(int number, String word) {
            this.number = number;
            this.word = word;
        }

        /** The number LC_BUILD_VERSION stores. */
        public int number() {
            return number;
        }

        /** The platform's name as llvm-objdump prints it. */
        public String word() {
            return word;
        }

        static Platform of(long number) {
            for (Platform p : values()) {
                if (p.number == number && p != UNKNOWN) {
                    return p;
                }
            }
            return UNKNOWN;
        }
    }

    /** A packed X.Y.Z version: 16 bits of major, 8 of minor, 8 of patch (xxxx.yy.zz). */
    public record Version(int major, int minor, int patch) implements Comparable<Version> {

        public static Version packed(long v) {
            return new Version((int) ((v >>> 16) & 0xffff), (int) ((v >>> 8) & 0xff), (int) (v & 0xff));
        }

        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            if (c == 0) {
                c = Integer.compare(minor, o.minor);
            }
            return c != 0 ? c : Integer.compare(patch, o.patch);
        }

        /** {@code 13.0}, or {@code 10.6.1} when there is a patch level (as llvm-objdump prints). */
        @Override
        public String toString() {
            return major + "." + minor + (patch == 0 ? "" : "." + patch);
        }
    }
}
