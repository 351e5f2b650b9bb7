package dev.wheelsh.core.checks;

import dev.wheelsh.core.macho.MachOFile;
import dev.wheelsh.core.macho.MachOFile.BuildVersion;
import dev.wheelsh.core.macho.MachOFile.Platform;
import dev.wheelsh.core.macho.MachOFile.Slice;
import dev.wheelsh.core.macho.MachOFile.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What dyld decides about one Mach-O file on an Apple system of one platform, release and CPU:
 * the slice of that CPU must be there, built for that platform (on iOS: the device's SDK or the
 * simulator's, which dyld never mixes) and for a release no newer than the system's, compared in
 * full (dyld refuses 13.0 code on 12.6). The iOS tag check (WH323) and the target check (WH328)
 * both ask this, so they cannot disagree; each adds its own context to the same words.
 */
final class AppleLoader {

    private AppleLoader() {
    }

    /** One reason dyld refuses the file, in the words both findings use. */
    sealed interface Refusal {
        String words();

        /** No slice of the system's CPU. */
        record MissingSlice(List<String> arches, String arch) implements Refusal {
            public String words() {
                return "holds " + String.join(" and ", arches) + " code, no " + arch + " slice";
            }
        }

        /** The slice names another Apple platform (tvOS, macOS code on iOS) or none at all. */
        record OtherPlatform(Optional<Platform> built, Platform wanted) implements Refusal {
            public String words() {
                return built.map(b -> "is built for " + b.word()).orElse("names no platform") + ", not " + osName(wanted);
            }
        }

        /** iOS code for the device on the simulator or the other way round. */
        record OtherSdk(Platform built) implements Refusal {
            public String words() {
                boolean simulator = built == Platform.IOSSIMULATOR;
                return "is built for the iOS " + (simulator ? "simulator" : "device") + " (" + built.word() + "), not the "
                        + (simulator ? "device" : "simulator");
            }
        }

        /** The slice's minimum release is newer than the system's. */
        record NewerRelease(String arch, Platform platform, Version minimum, String command) implements Refusal {
            public String words() {
                return "(" + arch + ") needs " + osName(platform) + " " + minimum + " (" + command + " minos)";
            }
        }
    }

    /** Why dyld refuses the file on {@code platform} {@code major.minor} with this CPU; empty when it loads it. */
    static List<Refusal> refusals(MachOFile f, String arch, Platform platform, int major, int minor) {
        Optional<Slice> slice = f.slices().stream().filter(s -> s.arch().equals(arch)).findFirst();
        if (slice.isEmpty()) {
            return List.of(new Refusal.MissingSlice(f.arches(), arch));
        }
        boolean ios = isIos(platform);
        Optional<BuildVersion> v = slice.get().versions().stream()
                .filter(x -> ios ? isIos(x.platform()) : x.platform() == platform)
                .findFirst();
        if (v.isEmpty()) {
            return List.of(new Refusal.OtherPlatform(slice.get().minimum().map(BuildVersion::platform), platform));
        }
        List<Refusal> out = new ArrayList<>();
        // LC_VERSION_MIN_IPHONEOS does not tell device from simulator; only LC_BUILD_VERSION does
        if (ios && v.get().command().equals("LC_BUILD_VERSION") && v.get().platform() != platform) {
            out.add(new Refusal.OtherSdk(v.get().platform()));
        }
        Version min = v.get().minos();
        if (min.major() > major || min.major() == major && min.minor() > minor) {
            out.add(new Refusal.NewerRelease(arch, platform, min, v.get().command()));
        }
        return out;
    }

    static boolean isIos(Platform p) {
        return p == Platform.IOS || p == Platform.IOSSIMULATOR;
    }

    static String osName(Platform p) {
        return isIos(p) ? "iOS" : p == Platform.MACOS ? "macOS" : p.word();
    }
}
