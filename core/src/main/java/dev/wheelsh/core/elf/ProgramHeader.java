package dev.wheelsh.core.elf;

/** One program header (segment). */
public record ProgramHeader(long type, int flags, long offset, long vaddr, long paddr, long filesz,
                            long memsz, long align) {

    public static final long PT_NULL = 0;
    public static final long PT_LOAD = 1;
    public static final long PT_DYNAMIC = 2;
    public static final long PT_INTERP = 3;
    public static final long PT_NOTE = 4;
    public static final long PT_PHDR = 6;
    public static final long PT_TLS = 7;
    public static final long PT_GNU_EH_FRAME = 0x6474e550L;
    public static final long PT_GNU_STACK = 0x6474e551L;
    public static final long PT_GNU_RELRO = 0x6474e552L;
    public static final long PT_GNU_PROPERTY = 0x6474e553L;

    /** The type as readelf prints it, or hex for types it does not name generically. */
    public String typeName() {
        if (type == PT_NULL) {
            return "NULL";
        } else if (type == PT_LOAD) {
            return "LOAD";
        } else if (type == PT_DYNAMIC) {
            return "DYNAMIC";
        } else if (type == PT_INTERP) {
            return "INTERP";
        } else if (type == PT_NOTE) {
            return "NOTE";
        } else if (type == 5) {
            return "SHLIB";
        } else if (type == PT_PHDR) {
            return "PHDR";
        } else if (type == PT_TLS) {
            return "TLS";
        } else if (type == PT_GNU_EH_FRAME) {
            return "GNU_EH_FRAME";
        } else if (type == PT_GNU_STACK) {
            return "GNU_STACK";
        } else if (type == PT_GNU_RELRO) {
            return "GNU_RELRO";
        } else if (type == PT_GNU_PROPERTY) {
            return "GNU_PROPERTY";
        }
        return String.format("0x%x", type);
    }

    public boolean readable() {
        return (flags & 4) != 0;
    }

    public boolean writable() {
        return (flags & 2) != 0;
    }

    public boolean executable() {
        return (flags & 1) != 0;
    }
}
