package dev.wheelsh.core.elf;

/**
 * The ELF file header. Numbers keep their on-disk meaning; {@code phnum}, {@code shnum} and
 * {@code shstrndx} are the real counts, already resolved through section 0 when the header holds
 * the PN_XNUM / SHN_UNDEF / SHN_XINDEX escapes.
 */
public record ElfHeader(
        boolean is64,
        boolean bigEndian,
        int osAbi,
        int abiVersion,
        int type,
        int machine,
        long version,
        long entry,
        long phoff,
        long shoff,
        int flags,
        int ehsize,
        int phentsize,
        int phnum,
        int shentsize,
        int shnum,
        int shstrndx) {

    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;

    /** "ELF64" or "ELF32", as readelf names the class. */
    public String className() {
        return is64 ? "ELF64" : "ELF32";
    }

    public String endianName() {
        return bigEndian ? "big endian" : "little endian";
    }

    public String typeName() {
        return switch (type) {
            case 0 -> "NONE";
            case ET_REL -> "REL";
            case ET_EXEC -> "EXEC";
            case ET_DYN -> "DYN";
            case ET_CORE -> "CORE";
            default -> String.format("0x%x", type);
        };
    }

    public String osAbiName() {
        return switch (osAbi) {
            case 0 -> "UNIX - System V";
            case 3 -> "UNIX - GNU";
            case 9 -> "UNIX - FreeBSD";
            default -> "ABI " + osAbi;
        };
    }
}
