package dev.wheelsh.core.elf;

import dev.wheelsh.core.vocabulary.DataFiles;
import java.util.Map;
import java.util.TreeMap;

/** Names of ELF machines (e_machine), from the data file machines.tsv next to this class. */
public final class ElfMachine {

    public static final int EM_SPARC = 2;
    public static final int EM_386 = 3;
    public static final int EM_MIPS = 8;
    public static final int EM_SPARC32PLUS = 18;
    public static final int EM_PPC = 20;
    public static final int EM_PPC64 = 21;
    public static final int EM_S390 = 22;
    public static final int EM_ARM = 40;
    public static final int EM_SPARCV9 = 43;
    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;
    public static final int EM_RISCV = 243;
    public static final int EM_LOONGARCH = 258;

    private record Row(String description, String shortName) {
    }

    private static final Map<Integer, Row> TABLE = load();

    private ElfMachine() {
    }

    private static Map<Integer, Row> load() {
        Map<Integer, Row> table = new TreeMap<>();
        for (String[] f : DataFiles.rows(ElfMachine.class, "machines.tsv", 3)) {
            table.put(Integer.parseInt(f[0]), new Row(f[1], f[2]));
        }
        return Map.copyOf(table);
    }

    /** The machine's description ("AArch64", "LoongArch"), or "unknown machine N". */
    public static String description(int machine) {
        Row row = TABLE.get(machine);
        return row == null ? "unknown machine " + machine : row.description();
    }

    /** A short lower-case name ("aarch64", "loongarch"), or "em" + number. */
    public static String shortName(int machine) {
        Row row = TABLE.get(machine);
        return row == null ? "em" + machine : row.shortName();
    }

    public static boolean known(int machine) {
        return TABLE.containsKey(machine);
    }

    /**
     * The architecture as Python's platform.machine() and wheel platform tags name it
     * ("x86_64", "i686", "aarch64", "ppc64le", "s390x", "loongarch64", ...), from the machine,
     * class and byte order. 32-bit ARM gives "armv7l" for hard-float EABI objects (what the
     * manylinux armv7l baseline requires) and "arm" otherwise.
     */
    public static String platformArch(ElfHeader h) {
        boolean be = h.bigEndian();
        boolean w = h.is64();
        return switch (h.machine()) {
            case EM_386 -> "i686";
            case EM_X86_64 -> w ? "x86_64" : "x32";
            case EM_AARCH64 -> be ? "aarch64_be" : "aarch64";
            case EM_ARM -> MachineAbi.decode(h) instanceof MachineAbi.Arm arm
                    && arm.floatAbi() == MachineAbi.FloatAbi.HARD ? "armv7l" : "arm";
            case EM_PPC -> "ppc";
            case EM_PPC64 -> be ? "ppc64" : "ppc64le";
            case EM_S390 -> w ? "s390x" : "s390";
            case EM_MIPS -> w ? (be ? "mips64" : "mips64el") : (be ? "mips" : "mipsel");
            case EM_RISCV -> w ? "riscv64" : "riscv32";
            case EM_LOONGARCH -> w ? "loongarch64" : "loongarch32";
            case EM_SPARCV9 -> "sparc64";
            case EM_SPARC, EM_SPARC32PLUS -> "sparc";
            default -> shortName(h.machine());
        };
    }
}
