package dev.wheelsh.core.machine;

import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.tags.Libc;
import dev.wheelsh.core.tags.PlatformTags;
import java.util.Optional;
import java.util.List;
import java.util.Objects;

/** The operating system side of a target: what decides its platform tags. */
public sealed interface Platform {

    /** Platform tags, best first. */
    List<String> platformTags(PlatformTags.Mode mode);

    /** In words, e.g. "Linux loongarch64, glibc 2.38". */
    String describe();

    /** The CPU architecture as Python spells it in platform tags. */
    String arch();

    /** The OS family, as {@link PlatformTag#os()} names it. */
    String os();

    /**
     * Linux. {@code arch} as sysconfig reports the machine; {@code userland32}: a 32-bit
     * interpreter on a 64-bit kernel; {@code armHardFloat}: for 32-bit ARM, the hard-float EABI
     * (armhf) rather than soft-float (armel); {@code loongArchWorld}: for loongarch64, which ABI
     * world the system's C library belongs to.
     */
    record Linux(String arch, boolean userland32, Libc libc, boolean armHardFloat, Optional<LoongArchWorld.World> loongArchWorld)
            implements Platform {
        public Linux {
            Objects.requireNonNull(arch, "arch");
            Objects.requireNonNull(libc, "libc");
            Objects.requireNonNull(loongArchWorld, "loongArchWorld");
            // A system is of one world or the other; the other values classify binaries.
            if (loongArchWorld.isPresent() && loongArchWorld.get() != LoongArchWorld.World.OLD && loongArchWorld.get() != LoongArchWorld.World.NEW) {
                throw new IllegalArgumentException("a LoongArch system is of the old or the new world, not " + loongArchWorld.get());
            }
        }

        /** Whether this is an old-world (ABI1.0) LoongArch system. */
        public boolean oldWorld() {
            return loongArchWorld.equals(Optional.of(LoongArchWorld.World.OLD));
        }

        @Override
        public List<String> platformTags(PlatformTags.Mode mode) {
            return PlatformTags.linux(new PlatformTags.LinuxSystem(arch, userland32, libc, armHardFloat), mode);
        }

        @Override
        public String os() {
            return "linux";
        }

        @Override
        public String describe() {
            // A 32-bit userland runs the 32-bit architecture's code: name that one, as the tags do.
            StringBuilder sb = new StringBuilder("Linux " + (userland32 ? userlandArch() + " (a 32-bit userland on an " + arch + " kernel)" : arch));
            if (isArm32() && !armHardFloat) {
                sb.append(" soft-float");
            }
            if (oldWorld()) {
                sb.append(" old world (ABI1.0)");
            }
            return sb.append(", ").append(libc).toString();
        }

        /** The architecture the interpreter's code is built for: i686 on x86_64, armv8l on aarch64 with a 32-bit userland. */
        public String userlandArch() {
            if (!userland32) {
                return arch;
            }
            return switch (arch) {
                case "x86_64" -> "i686";
                case "aarch64" -> "armv8l";
                default -> arch;
            };
        }

        private boolean isArm32() {
            return arch.startsWith("armv") || (userland32 && arch.equals("aarch64"));
        }
    }

    /** macOS {@code major.minor} on {@code arm64} or {@code x86_64} (or the old i386, ppc, ppc64). */
    record MacOs(int major, int minor, String arch) implements Platform {
        @Override
        public List<String> platformTags(PlatformTags.Mode mode) {
            return PlatformTags.macos(major, minor, arch);
        }

        @Override
        public String os() {
            return "macos";
        }

        @Override
        public String describe() {
            return "macOS " + major + "." + minor + " " + arch;
        }
    }

    /** Windows: {@code win32}, {@code win_amd64} or {@code win_arm64}. */
    record Windows(String arch) implements Platform {
        @Override
        public List<String> platformTags(PlatformTags.Mode mode) {
            return List.of(platformTag());
        }

        public String platformTag() {
            return arch.equals("x86") || arch.equals("win32") ? "win32" : "win_" + arch;
        }

        @Override
        public String os() {
            return "windows";
        }

        @Override
        public String describe() {
            return "Windows " + arch;
        }
    }

    /** iOS {@code major.minor} for a multiarch such as {@code arm64_iphoneos} (PEP 730). */
    record Ios(int major, int minor, String multiarch) implements Platform {
        @Override
        public List<String> platformTags(PlatformTags.Mode mode) {
            return PlatformTags.ios(major, minor, multiarch);
        }

        @Override
        public String os() {
            return "ios";
        }

        @Override
        public String describe() {
            return "iOS " + major + "." + minor + " " + multiarch;
        }

        @Override
        public String arch() {
            // the CPU is all but the last part: x86_64_iphonesimulator is CPU x86_64, SDK iphonesimulator
            int sdk = multiarch.lastIndexOf('_');
            return sdk < 0 ? multiarch : multiarch.substring(0, sdk);
        }
    }

    /** Android at an API level for an ABI such as {@code arm64_v8a} (PEP 738). */
    record Android(int apiLevel, String abi) implements Platform {
        @Override
        public List<String> platformTags(PlatformTags.Mode mode) {
            return PlatformTags.android(apiLevel, abi);
        }

        @Override
        public String os() {
            return "android";
        }

        @Override
        public String describe() {
            return "Android API " + apiLevel + " " + abi;
        }

        @Override
        public String arch() {
            return abi;
        }
    }
}
