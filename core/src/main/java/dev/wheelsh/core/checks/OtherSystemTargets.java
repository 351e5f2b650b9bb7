package dev.wheelsh.core.checks;

import dev.wheelsh.core.macho.MachOFile;
import dev.wheelsh.core.macho.MachOFile.Platform;
import dev.wheelsh.core.machine.Platform.Ios;
import dev.wheelsh.core.machine.Platform.MacOs;
import dev.wheelsh.core.machine.Platform.Windows;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.WheelFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WH328: with a macOS, iOS or Windows target, the Mach-O and PE members that do not load on it,
 * whatever the tags say: no slice of the target's architecture, a minimum OS newer than the
 * target's (compared in full: dyld compares the running release, 12.6 against 13.0), the other
 * iOS SDK, another Windows machine, or the other system's format. Without such a target it
 * finds nothing.
 */
public final class OtherSystemTargets {

    private OtherSystemTargets() {
    }

    public static final Check<CheckContext> ON_TARGET = Check.of(Code.WH328, (facts, context) -> {
        List<Finding> out = new ArrayList<>();
        Optional<Target> target = context.target();
        if (target.isEmpty()) {
            return out;
        }
        var p = target.get().platform(); // machine.Platform; the Platform imported here is the Mach-O one
        if (p instanceof MacOs mac) {
            for (WheelFacts.MachOMember m : facts.machOMembers()) {
                problem(m.file(), mac.arch(), Platform.MACOS, mac.major(), mac.minor()).ifPresent(why -> out.add(finding(m.name(), why, p.describe())));
            }
            facts.peMembers().forEach(m -> out.add(finding(m.name(), "is Windows (PE) code", p.describe())));
        } else if (p instanceof Ios ios) {
            Platform wanted = ios.multiarch().endsWith("_iphonesimulator") ? Platform.IOSSIMULATOR : Platform.IOS;
            for (WheelFacts.MachOMember m : facts.machOMembers()) {
                problem(m.file(), ios.arch(), wanted, ios.major(), ios.minor()).ifPresent(why -> out.add(finding(m.name(), why, p.describe())));
            }
            facts.peMembers().forEach(m -> out.add(finding(m.name(), "is Windows (PE) code", p.describe())));
        } else if (p instanceof Windows win) {
            for (WheelFacts.PeMember m : facts.peMembers()) {
                if (!m.file().platformTag().equals(win.platformTag())) {
                    out.add(finding(m.name(), "is " + m.file().machineName() + " code (" + m.file().platformTag() + ")", p.describe()));
                }
            }
            facts.machOMembers().forEach(m -> out.add(finding(m.name(), "is Apple (Mach-O) code", p.describe())));
        }
        return out;
    });

    /** Why a Mach-O file does not load on this Apple system, or empty when it does. */
    static Optional<String> problem(MachOFile f, String arch, Platform platform, int major, int minor) {
        List<AppleLoader.Refusal> r = AppleLoader.refusals(f, arch, platform, major, minor);
        return r.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", r.stream().map(AppleLoader.Refusal::words).toList()));
    }

    private static Finding finding(String member, String why, String target) {
        return Finding.of(Code.WH328, Severity.ERROR, member + " " + why + "; the target is " + target + ", where it does not load",
                "pip installs by tags alone; the loader then refuses the module: dyld for code of another architecture or"
                        + " a newer OS release (\"built for macOS 13.0 which is newer than running OS\"), Windows for a DLL of"
                        + " another machine (\"%1 is not a valid Win32 application\").");
    }
}
