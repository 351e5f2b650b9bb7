package dev.wheelsh.core.explain;

import dev.wheelsh.core.tags.PlatformTags;
import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.explain.InstallVerdict.Component;
import dev.wheelsh.core.explain.InstallVerdict.Miss;
import dev.wheelsh.core.tags.LibcVersion;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.words.TagWords;
import dev.wheelsh.core.tags.Libc;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.machine.Platform;
import dev.wheelsh.core.machine.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How {@link InstallVerdict} finds the components on which a wheel tag misses a target. */
final class MissFinder {
    private static final Pattern INTERPRETER = Pattern.compile("([a-z]+?)(\\d+)");
    private static final Pattern CP_ABI = Pattern.compile("cp\\d+([a-z]*)");

    private MissFinder() {
    }

    /**
     * The components after the closest one that fail too, each judged on its own: the
     * architecture of a cp313 x86_64 wheel on CPython 3.10 loongarch64 is wrong as well as
     * the Python version.
     */
    static List<Miss> others(Miss closest, Target target, List<Tag> supported) {
        Tag w = closest.wheelTag();
        List<Miss> out = new ArrayList<>();
        PlatformTag wp = PlatformTag.parse(w.platform());
        Set<String> interpreters = new LinkedHashSet<>();
        Set<String> abis = new LinkedHashSet<>();
        Set<String> platforms = new LinkedHashSet<>();
        for (Tag t : supported) {
            interpreters.add(t.interpreter());
            abis.add(t.abi());
            platforms.add(t.platform());
        }
        List<PlatformTag> machinePlatforms = platforms.stream().map(PlatformTag::parse).toList();
        String where = target.platform().describe();
        Component c = closest.component();
        if (c.ordinal() < Component.ABI.ordinal() && !abis.contains(w.abi())) {
            out.add(new Miss(Component.ABI, w, Optional.empty(), "the wheel needs " + TagWords.abi(w.abi())
                    + ", which this interpreter does not load"));
        }
        boolean osDiffers = !wp.os().equals("any") && !wp.os().equals(target.platform().os());
        if (c.ordinal() < Component.OS.ordinal() && osDiffers) {
            out.add(new Miss(Component.OS, w, Optional.empty(), "the wheel is for " + TagWords.platform(w.platform())
                    + "; the machine is " + where));
        }
        boolean archFits = wp.os().equals("any") || machinePlatforms.stream().anyMatch(p -> p.arch().equals(wp.arch()));
        if (c.ordinal() < Component.ARCH.ordinal() && !osDiffers && !archFits) {
            out.add(new Miss(Component.ARCH, w, Optional.empty(), "the wheel is for " + wp.arch() + "; the machine is " + where));
        }
        if (c.ordinal() < Component.LIBC_FAMILY.ordinal() && !osDiffers && archFits
                && target.platform() instanceof Platform.Linux l && wp.libc().isPresent()) {
            LibcFamily needed = wp.libc().get();
            if (l.libc().family() != needed) {
                out.add(new Miss(Component.LIBC_FAMILY, w, Optional.empty(), "the wheel needs " + wp.libc().get()
                        + "; the machine has " + l.libc()));
            } else if (c.ordinal() < Component.LIBC_VERSION.ordinal()
                    && new LibcVersion(wp.major(), wp.minor()).isNewerThan(l.libc().version())) {
                out.add(new Miss(Component.LIBC_VERSION, w, Optional.empty(), "the wheel needs " + wp.libc().get() + " "
                        + wp.major() + "." + wp.minor() + " or newer; the machine has " + l.libc()));
            }
        }
        return out;
    }

    /** Whether a wheel could carry this tag: no manylinux tag below its architecture's first baseline. */
    private static boolean couldExist(Tag t) {
        PlatformTag p = PlatformTag.parse(t.platform());
        return !(p instanceof PlatformTag.Manylinux) || PlatformTags.baselineExists(p.arch(), p.major(), p.minor());
    }

    static Miss miss(Tag w, Target target, List<Tag> supported) {
        // pip's list holds manylinux tags below an architecture's first baseline
        // (manylinux_2_17_loongarch64); a "nearest" tag is one a real wheel could carry.
        List<Tag> real = supported.stream().filter(MissFinder::couldExist).toList();
        Tag best = real.isEmpty() ? supported.get(0) : real.get(0);
        String machineImpl = target.interpreter().implementation();
        Set<String> interpreters = new LinkedHashSet<>();
        supported.forEach(t -> interpreters.add(t.interpreter()));
        if (!interpreters.contains(w.interpreter())) {
            Matcher m = INTERPRETER.matcher(w.interpreter());
            String impl = m.matches() ? m.group(1) : w.interpreter();
            Optional<Tag> nearest = Optional.of(best);
            if (!impl.equals("py") && !impl.equals(machineImpl)) {
                return new Miss(Component.IMPLEMENTATION, w, nearest, "the wheel is for " + TagWords.interpreter(w.interpreter())
                        + "; the machine runs " + target.interpreter().describe());
            }
            String reason = "the wheel is for " + TagWords.interpreter(w.interpreter()) + "; the machine runs "
                    + target.interpreter().describe();
            if (w.abi().equals("abi3")) {
                reason += " (an abi3 wheel runs on its interpreter tag's version and newer, never older)";
            }
            return new Miss(Component.PYTHON_VERSION, w, nearest, reason);
        }
        if (CP_ABI.matcher(w.abi()).matches() && !w.abi().startsWith(target.interpreter().tag())) {
            // A version-specific CPython ABI (cp312) loads only in that version, even where the
            // interpreter tag itself is accepted through abi3 (cp312-abi3 on 3.13).
            return new Miss(Component.PYTHON_VERSION, w, Optional.of(best), "the wheel's extension is built for "
                    + TagWords.abi(w.abi()) + ", which loads only in that version; the machine runs "
                    + target.interpreter().describe());
        }
        Set<String> abis = new LinkedHashSet<>();
        supported.stream().filter(t -> t.interpreter().equals(w.interpreter())).forEach(t -> abis.add(t.abi()));
        Optional<Tag> sameInterpreter = real.stream().filter(t -> t.interpreter().equals(w.interpreter())).findFirst();
        if (!abis.contains(w.abi())) {
            boolean machineFt = target.interpreter().freeThreaded();
            boolean wheelFt = isFreeThreadedAbi(w.abi());
            boolean wheelGil = w.abi().equals("abi3") || (CP_ABI.matcher(w.abi()).matches() && !wheelFt);
            if ((wheelFt && !machineFt) || (machineFt && wheelGil)) {
                String reason = wheelFt
                        ? "the wheel's extension is built for free-threaded CPython (" + w.abi() + "); this interpreter has the GIL, "
                        + "and the two ABIs cannot load each other's extensions"
                        : "the wheel's extension needs the GIL (" + w.abi() + "); this interpreter is free-threaded ("
                        + String.join(", ", target.interpreter().abis()) + "), which cannot load it";
                return new Miss(Component.FREE_THREADING, w, sameInterpreter, reason);
            }
            List<String> own = target.interpreter().abis();
            return new Miss(Component.ABI, w, sameInterpreter, "the wheel needs " + TagWords.abi(w.abi())
                    + "; the interpreter loads " + String.join(", ", abis)
                    + (own.isEmpty() ? "" : " (" + own.get(0) + " is " + TagWords.abi(own.get(0)) + ")"));
        }
        Optional<Tag> sameAbi = real.stream()
                .filter(t -> t.interpreter().equals(w.interpreter()) && t.abi().equals(w.abi())).findFirst();
        return platformMiss(w, target, supported, sameAbi);
    }

    private static Miss platformMiss(Tag w, Target target, List<Tag> supported, Optional<Tag> nearest) {
        PlatformTag wp = PlatformTag.parse(w.platform());
        Platform machine = target.platform();
        List<PlatformTag> machinePlatforms = new ArrayList<>();
        new LinkedHashSet<>(supported.stream().map(Tag::platform).toList())
                .forEach(p -> machinePlatforms.add(PlatformTag.parse(p)));
        String machineOs = machine.os();
        String where = target.platform().describe();
        if (!wp.os().equals(machineOs)) {
            return new Miss(Component.OS, w, nearest, "the wheel is for " + TagWords.platform(w.platform())
                    + "; the machine is " + where);
        }
        List<PlatformTag> sameArch = machinePlatforms.stream()
                .filter(p -> p.arch().equals(wp.arch()) || (wp.family() == PlatformTag.Family.MACOS && p.family() == wp.family()
                        && macFormatRuns(wp.arch(), machinePlatforms))).toList();
        if (sameArch.isEmpty()) {
            String reason = "the wheel is for " + wp.arch() + "; the machine is " + where;
            if (machine instanceof Platform.Linux l && wp.arch().equals("armv7l") && !l.armHardFloat()
                    && wp.libc().isPresent()) {
                reason = "manylinux armv7l wheels use the hard-float ABI (armhf); this userland is soft-float (armel), "
                        + "which cannot load them";
            }
            return new Miss(Component.ARCH, w, nearest, reason);
        }
        if (machine instanceof Platform.Linux l) {
            Optional<LibcFamily> wheelLibc = wp.libc();
            boolean machineHasFamily = machinePlatforms.stream()
                    .anyMatch(p -> p.arch().equals(wp.arch()) && p.libc().equals(wheelLibc));
            if (wheelLibc.isPresent() && l.libc().family() != LibcFamily.NONE && !machineHasFamily
                    && l.libc().family() == wheelLibc.get()) {
                String reason = wp.arch().equals("armv7l") && !l.armHardFloat()
                        ? "manylinux armv7l wheels use the hard-float ABI (armhf); this userland is soft-float (armel), "
                        + "which cannot load them"
                        : "pip accepts no " + wheelLibc.get() + " wheels for " + wp.arch() + " on " + where;
                return new Miss(Component.ARCH, w, nearest, reason);
            }
            if (wheelLibc.isPresent()) {
                LibcFamily needed = wheelLibc.get();
                if (l.libc().family() != needed) {
                    String has = l.libc().family() == LibcFamily.NONE ? "a C library pip cannot identify (no manylinux or musllinux wheel installs)"
                            : l.libc().toString();
                    return new Miss(Component.LIBC_FAMILY, w, nearest, "the wheel needs " + wheelLibc.get() + "; the machine has " + has
                            + (needed == LibcFamily.MUSL ? " (musllinux wheels run only on musl systems such as Alpine)"
                            : " (manylinux wheels run only on glibc systems)"));
                }
                String reason = "the wheel needs " + wheelLibc.get() + " " + wp.major() + "." + wp.minor()
                        + " or newer; the machine has " + l.libc();
                if (l.oldWorld() && wp.arch().equals("loongarch64")) {
                    reason += ". It is an old-world (ABI1.0) system: no manylinux loongarch64 wheel (all new-world) can load there";
                }
                return new Miss(Component.LIBC_VERSION, w, nearest, reason);
            }
            return new Miss(Component.ARCH, w, nearest, "the wheel's platform " + w.platform() + " is not one pip accepts on " + where);
        }
        return new Miss(Component.OS_VERSION, w, nearest, "the wheel needs " + TagWords.platform(w.platform())
                + "; the machine is " + where);
    }

    /** Whether a macOS binary format (universal2, intel, ...) appears in the machine's list at all. */
    private static boolean macFormatRuns(String format, List<PlatformTag> machine) {
        return machine.stream().anyMatch(p -> p.arch().equals(format));
    }

    private static boolean isFreeThreadedAbi(String abi) {
        if (abi.equals("abi3t")) {
            return true;
        }
        Matcher m = CP_ABI.matcher(abi);
        return m.matches() && m.group(1).contains("t");
    }
}
