package dev.wheelsh.core.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * What e_flags says about the ABI, decoded per machine. Two objects of the same machine whose ABI
 * facts differ (hard vs soft float, ELFv1 vs ELFv2, LP64D vs LP64S) cannot be loaded together.
 *
 * <p>Bit layouts: ARM "ELF for the Arm Architecture" (EF_ARM_EABIMASK, EF_ARM_ABI_FLOAT_HARD/SOFT);
 * RISC-V psABI (EF_RISCV_RVC, EF_RISCV_FLOAT_ABI, EF_RISCV_RVE, EF_RISCV_TSO); MIPS: glibc elf.h
 * (EF_MIPS_ABI, EF_MIPS_ABI2, EF_MIPS_ARCH, EF_MIPS_NAN2008); PPC64 ELFv2 ABI (e_flags 1 = v1,
 * 2 = v2); LoongArch ELF psABI ("e_flags identifies ABI type and version": bits 0-2 base ABI
 * modifier, bits 6-7 object ABI version).
 */
public sealed interface MachineAbi {

    /** The facts in words, one short phrase each, for display. */
    List<String> describe();

    enum FloatAbi { SOFT, SINGLE, DOUBLE, QUAD, HARD, UNSPECIFIED }

    record Arm(int eabiVersion, FloatAbi floatAbi) implements MachineAbi {
        public List<String> describe() {
            List<String> w = new ArrayList<>();
            w.add(eabiVersion == 0 ? "ARM: no EABI version (old ABI)" : "ARM EABI version " + eabiVersion);
            w.add(switch (floatAbi) {
                case HARD -> "hard-float (floating-point arguments in VFP registers: armhf)";
                case SOFT -> "soft-float (floating-point arguments in integer registers: armel)";
                default -> "float ABI not marked";
            });
            return w;
        }
    }

    record RiscV(FloatAbi floatAbi, boolean compressed, boolean embedded, boolean tso) implements MachineAbi {
        public List<String> describe() {
            List<String> w = new ArrayList<>();
            w.add("float ABI " + switch (floatAbi) {
                case SOFT -> "soft (lp64/ilp32)";
                case SINGLE -> "single (lp64f/ilp32f)";
                case DOUBLE -> "double (lp64d/ilp32d)";
                case QUAD -> "quad (lp64q/ilp32q)";
                default -> "unknown";
            });
            if (compressed) {
                w.add("uses compressed instructions (RVC)");
            }
            if (embedded) {
                w.add("RV32E/RV64E embedded register set (RVE)");
            }
            if (tso) {
                w.add("requires total store ordering (TSO)");
            }
            return w;
        }
    }

    /** {@code abi} is one of o32, n32, n64, o64, eabi32, eabi64. */
    record Mips(String abi, String isa, boolean nan2008, boolean fp64) implements MachineAbi {
        public List<String> describe() {
            List<String> w = new ArrayList<>();
            w.add("MIPS ABI " + abi);
            w.add("ISA " + isa);
            w.add(nan2008 ? "NaN 2008 encoding" : "legacy NaN encoding");
            if (fp64) {
                w.add("64-bit FPU registers (FP64)");
            }
            return w;
        }
    }

    /** {@code elfVersion} 1 or 2, or 0 when unmarked (which means ELFv1 by convention). */
    record Ppc64(int elfVersion) implements MachineAbi {
        public List<String> describe() {
            return List.of(switch (elfVersion) {
                case 1 -> "PPC64 ELFv1 ABI (function descriptors)";
                case 2 -> "PPC64 ELFv2 ABI";
                default -> "PPC64 ABI unmarked (ELFv1 by convention)";
            });
        }
    }

    /**
     * {@code baseAbi} is LP64S, LP64F, LP64D (or ILP32S/F/D for 32-bit objects), or "unknown";
     * {@code objectAbiVersion} is 0 or 1 (binutils 2.40 and later write v1).
     */
    record LoongArch(String baseAbi, FloatAbi floatAbi, int objectAbiVersion) implements MachineAbi {
        public List<String> describe() {
            return List.of("LoongArch base ABI " + baseAbi,
                    "object ABI v" + objectAbiVersion);
        }
    }

    record S390(boolean highGprs) implements MachineAbi {
        public List<String> describe() {
            return highGprs ? List.of("uses high halves of 64-bit registers (31-bit code)") : List.of();
        }
    }

    /** Machines whose e_flags carry no ABI facts wheelsh decodes (x86, AArch64, ...). */
    record Plain(int flags) implements MachineAbi {
        public List<String> describe() {
            return flags == 0 ? List.of() : List.of(String.format("e_flags 0x%x", flags));
        }
    }

    static MachineAbi decode(ElfHeader h) {
        int f = h.flags();
        return switch (h.machine()) {
            case ElfMachine.EM_ARM -> new Arm((f >>> 24) & 0xff,
                    (f & 0x400) != 0 ? FloatAbi.HARD : (f & 0x200) != 0 ? FloatAbi.SOFT : FloatAbi.UNSPECIFIED);
            case ElfMachine.EM_RISCV -> new RiscV(switch (f & 0x6) {
                case 0 -> FloatAbi.SOFT;
                case 2 -> FloatAbi.SINGLE;
                case 4 -> FloatAbi.DOUBLE;
                default -> FloatAbi.QUAD;
            }, (f & 0x1) != 0, (f & 0x8) != 0, (f & 0x10) != 0);
            case ElfMachine.EM_MIPS -> new Mips(mipsAbi(h), mipsIsa(f), (f & 0x400) != 0, (f & 0x200) != 0);
            case ElfMachine.EM_PPC64 -> new Ppc64(f & 0x3);
            case ElfMachine.EM_LOONGARCH -> loongArch(h);
            case ElfMachine.EM_S390 -> new S390((f & 0x1) != 0);
            default -> new Plain(f);
        };
    }

    private static LoongArch loongArch(ElfHeader h) {
        int f = h.flags();
        String prefix = h.is64() ? "LP64" : "ILP32";
        FloatAbi fa;
        String base;
        switch (f & 0x7) {
            case 1 -> { fa = FloatAbi.SOFT; base = prefix + "S"; }
            case 2 -> { fa = FloatAbi.SINGLE; base = prefix + "F"; }
            case 3 -> { fa = FloatAbi.DOUBLE; base = prefix + "D"; }
            default -> { fa = FloatAbi.UNSPECIFIED; base = "unknown (" + (f & 0x7) + ")"; }
        }
        return new LoongArch(base, fa, (f >>> 6) & 0x3);
    }

    private static String mipsAbi(ElfHeader h) {
        int f = h.flags();
        return switch (f & 0xf000) {
            case 0x1000 -> "o32";
            case 0x2000 -> "o64";
            case 0x3000 -> "eabi32";
            case 0x4000 -> "eabi64";
            default -> (f & 0x20) != 0 ? "n32" : h.is64() ? "n64" : "o32";
        };
    }

    private static String mipsIsa(int f) {
        return switch ((f >>> 28) & 0xf) {
            case 0 -> "mips1";
            case 1 -> "mips2";
            case 2 -> "mips3";
            case 3 -> "mips4";
            case 4 -> "mips5";
            case 5 -> "mips32";
            case 6 -> "mips64";
            case 7 -> "mips32r2";
            case 8 -> "mips64r2";
            case 9 -> "mips32r6";
            case 10 -> "mips64r6";
            default -> "unknown";
        };
    }
}
