package dev.wheelsh.core.checks;

import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.WheelFacts;
import dev.wheelsh.core.wheel.WheelChecks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WH327: a native member whose object format is not the one of any OS the wheel's platform tags
 * name (a Mach-O file in a manylinux wheel, an ELF file in a Windows one). Each OS loads its own
 * format only: Linux and Android ELF, macOS and iOS Mach-O, Windows PE.
 */
public final class NativeFormats {

    private NativeFormats() {
    }

    /** The object format an OS loads; empty for tags that name none (any, emscripten, others). */
    static Optional<String> formatOf(PlatformTag t) {
        return switch (t.family()) {
            case MANYLINUX, MANYLINUX_LEGACY, MUSLLINUX, LINUX, ANDROID -> Optional.of("ELF");
            case MACOS, IOS -> Optional.of("Mach-O");
            case WINDOWS -> Optional.of("PE");
            default -> Optional.empty();
        };
    }

    public static final Check<Object> FORMATS = Check.of(Code.WH327, (facts, none) -> {
        Set<String> formats = new LinkedHashSet<>();
        List<String> platforms = new ArrayList<>();
        for (Tag t : facts.filename().tags().tags()) {
            PlatformTag p = PlatformTag.parse(t.platform());
            Optional<String> f = formatOf(p);
            if (f.isEmpty()) {
                return List.of(); // a tag that names no OS format: nothing to hold the members against
            }
            formats.add(f.get());
            if (!platforms.contains(p.tag())) {
                platforms.add(p.tag());
            }
        }
        List<Finding> out = new ArrayList<>();
        String tags = String.join(", ", platforms);
        for (WheelChecks.Member m : facts.natives()) {
            mismatch(m.name(), "ELF", "Linux or Android", formats, tags).ifPresent(out::add);
        }
        for (WheelFacts.MachOMember m : facts.machOMembers()) {
            mismatch(m.name(), "Mach-O", "macOS or iOS", formats, tags).ifPresent(out::add);
        }
        for (WheelFacts.PeMember m : facts.peMembers()) {
            mismatch(m.name(), "PE", "Windows", formats, tags).ifPresent(out::add);
        }
        return out;
    });

    private static Optional<Finding> mismatch(String member, String format, String os, Set<String> formats, String tags) {
        if (formats.contains(format)) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(Code.WH327, Severity.ERROR, member + (format.equals("ELF") ? " is an " : " is a ") + format + " file (" + os + " code), but the wheel's platform "
                        + "tags (" + tags + ") are for systems that load " + String.join(" or ", formats) + " files",
                "No loader reads another system's object format: on the systems the tags name, importing the module fails"
                        + " (\"invalid ELF header\", \"not a mach-o file\", \"%1 is not a valid Win32 application\"). The wheel"
                        + " was built on, or copied from, another system than its tags say."));
    }

    public static final List<Check<Object>> ALL = List.of(FORMATS);
}
