package dev.wheelsh.shell.commands;

import dev.wheelsh.core.machine.HostProbe;
import dev.wheelsh.shell.io.ProbeCache;
import dev.wheelsh.shell.io.Session;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.tags.PythonVersion;
import dev.wheelsh.core.machine.Profiles;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.machine.UvPythonPlatform;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that describe a machine, shared by the commands that take a target: a compact
 * spec, a named profile, or the parts one by one (each part overrides the profile's).
 */
final class TargetOptions {

    @Option(names = "--target", description = "Compact target, e.g. cp313t-glibc2.38-loongarch64 (docs/targets.md).")
    String spec;

    @Option(names = "--profile", completionCandidates = OptionValues.ProfileNames.class, description = "A named machine: debian-12, ubuntu-24.04, alpine-3.21, openeuler-24.03, loongnix-20, ... (see `simulate --list-profiles`).")
    String profile;

    @Option(names = "--python", completionCandidates = OptionValues.Pythons.class, description = "Python version, MAJOR.MINOR.")
    String python;

    @Option(names = "--implementation", completionCandidates = OptionValues.Implementations.class, description = "cp (CPython, default), pp (PyPy), graalpy.")
    String implementation;

    @Option(names = "--abi-flags", completionCandidates = OptionValues.AbiFlags.class, description = "CPython ABI flags: t (free-threaded), d (debug), m, u.")
    String abiFlags;

    @Option(names = "--arch", completionCandidates = OptionValues.Archs.class, description = "Architecture as Python spells it: x86_64, aarch64, loongarch64, arm64 (macOS), ...")
    String arch;

    @Option(names = "--glibc", completionCandidates = OptionValues.Glibcs.class, description = "A Linux system with this glibc, e.g. 2.38.")
    String glibc;

    @Option(names = "--musl", completionCandidates = OptionValues.Musls.class, description = "A Linux system with this musl, e.g. 1.2.")
    String musl;

    @Option(names = "--macos", completionCandidates = OptionValues.MacosVersions.class, description = "A macOS system of this version, e.g. 14.0.")
    String macos;

    @Option(names = "--windows", description = "A Windows system (with --arch amd64, arm64 or x86).")
    boolean windows;

    @Option(names = "--userland32", description = "A 32-bit interpreter on a 64-bit Linux kernel.")
    boolean userland32;

    @Option(names = "--soft-float", description = "32-bit ARM soft-float (armel).")
    boolean softFloat;

    @Option(names = "--old-world", description = "A loongarch64 system of the old ABI world (ABI1.0).")
    boolean oldWorld;

    @Option(names = "--python-platform", paramLabel = "NAME",
            description = "A target in uv's words, with --python X.Y: x86_64-manylinux_2_28, aarch64-unknown-linux-gnu, "
                    + "x86_64-pc-windows-msvc, aarch64-apple-darwin, ... (uv's python-platform names; docs/targets.md).")
    String pythonPlatform;

    /**
     * The machine to judge against: the options when given, else the session's target, else this
     * machine as python3 on PATH sees it.
     */
    Target resolveOrHost(Session session) throws InputException {
        if (given()) {
            return resolve(session.target());
        }
        Optional<Target> current = session.target();
        if (current.isPresent()) {
            return current.get();
        }
        return new HostProbe(ProbeCache.local()).probe("python3");
    }

    boolean given() {
        return spec != null || profile != null || python != null || arch != null || glibc != null || musl != null
                || macos != null || windows || implementation != null || abiFlags != null || pythonPlatform != null;
    }

    /** The described machine; parts not given come from the profile, else from {@code base}. */
    Target resolve(Optional<Target> base) throws InputException {
        if (pythonPlatform != null) {
            if (spec != null || profile != null || arch != null || glibc != null || musl != null || macos != null || windows) {
                throw new InputException("--python-platform gives the system: do not combine it with --target, --profile, --arch or a system option");
            }
            if (python == null) {
                throw new InputException("--python-platform " + pythonPlatform + " needs --python X.Y (uv takes the version from --python-version)");
            }
            String impl = implementation != null ? implementation : "cp";
            return UvPythonPlatform.target(pythonPlatform, impl + PythonVersion.parse(python).nodot() + (abiFlags != null ? abiFlags : ""));
        }
        if (spec != null) {
            if (profile != null || python != null || arch != null || glibc != null || musl != null || macos != null) {
                throw new InputException("--target gives the whole machine: do not combine it with --profile, --python, --arch or a libc");
            }
            return TargetSpec.parse(spec);
        }
        Optional<Target> start = base;
        if (profile != null) {
            start = Optional.of(Profiles.named(profile).target(Optional.ofNullable(arch)));
        }
        String startSpec = start.map(Target::compact).orElse(null);
        String interp;
        String system;
        String machine;
        String flags = "";
        if (startSpec != null) {
            String[] parts = startSpec.split("\\+", 2)[0].split("-", 3);
            interp = parts[0];
            system = parts[1];
            machine = parts[2];
            if (startSpec.contains("+")) {
                flags = "+" + startSpec.split("\\+", 2)[1];
            }
        } else {
            if (python == null || arch == null || (glibc == null && musl == null && macos == null && !windows)) {
                throw new InputException("describe the machine: --target SPEC, --profile NAME, or --python, --arch and one of --glibc, --musl, --macos, --windows");
            }
            interp = "cp3";
            system = "linux";
            machine = arch;
        }
        if (python != null || implementation != null || abiFlags != null) {
            String impl = implementation != null ? implementation : interp.replaceAll("\\d.*", "");
            String version = python != null ? PythonVersion.parse(python).nodot() : interp.replaceAll("^[a-z]+?(\\d+).*", "$1");
            String abi = abiFlags != null ? abiFlags : (python == null ? interp.replaceAll("^[a-z]+?\\d+", "") : "");
            interp = impl + version + abi;
        }
        if (glibc != null) {
            system = "glibc" + glibc;
        } else if (musl != null) {
            system = "musl" + musl;
        } else if (macos != null) {
            system = "macos" + macos;
        } else if (windows) {
            system = "windows";
        }
        if (arch != null) {
            machine = arch;
        }
        if (userland32 && !flags.contains("32bit")) {
            flags += "+32bit";
        }
        if (softFloat && !flags.contains("softfloat")) {
            flags += "+softfloat";
        }
        if (oldWorld && !flags.contains("oldworld")) {
            flags += "+oldworld";
        }
        return TargetSpec.parse(interp + "-" + system + "-" + machine + flags);
    }
}
