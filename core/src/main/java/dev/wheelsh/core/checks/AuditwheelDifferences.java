package dev.wheelsh.core.checks;

import dev.wheelsh.core.elf.BionicCode;
import dev.wheelsh.core.elf.MuslSymbols;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.SystemNeeds;
import dev.wheelsh.core.wheel.WheelChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where show's baseline verdict and {@code auditwheel show}'s overall tag differ on purpose, in words
 * for the output, so that a user who runs both sees why (docs/baselines.md, "Side by side with
 * auditwheel show", has the evidence; AuditwheelShowDifferentialTest keeps the list true).
 */
public final class AuditwheelDifferences {

    private AuditwheelDifferences() {
    }

    /** One sentence per difference that applies to this wheel; empty when auditwheel would say the same. */
    public static List<String> notes(CheckContext context) {
        List<String> out = new ArrayList<>();
        for (WheelChecks.Member m : context.facts().natives()) {
            Optional<BionicCode> bionic = m.elf().bionic();
            if (bionic.isPresent() && BionicCode.abi(m.elf().header()).equals(Optional.of("armeabi_v7a"))) {
                out.add("auditwheel 6.8.1 finds no ELF file here: it takes 32-bit ARM code only in Linux's hard-float form,"
                        + " and Android's armeabi-v7a (" + m.name() + ") passes floats in integer registers; wheelsh judges it by"
                        + " Android's rules");
                break;
            }
        }
        for (SystemNeeds.Member m : context.needs().members()) {
            // a name musl's loader answers itself (elf/musl-loader.tsv), which auditwheel still looks up on disk
            Optional<String> reserved = m.musl() && !m.android()
                    ? m.libraries().stream().filter(MuslSymbols::answeredByLoader).filter(l -> !l.startsWith("libc.musl-")).findFirst()
                    : Optional.empty();
            if (reserved.isPresent()) {
                out.add("auditwheel looks " + reserved.get() + " (needed by " + m.name() + ") up on the system it runs on and"
                        + " reports linux_* (or fails reading glibc's linker script of that name); musl's loader answers to "
                        + reserved.get() + " itself, so wheelsh does not count it as a library to graft");
                break;
            }
        }
        return List.copyOf(out);
    }
}
