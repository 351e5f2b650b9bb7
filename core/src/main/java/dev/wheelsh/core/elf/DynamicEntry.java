package dev.wheelsh.core.elf;

/** One entry of the dynamic section, as stored. */
public record DynamicEntry(long tag, long value) {

    public static final long DT_NULL = 0;
    public static final long DT_NEEDED = 1;
    public static final long DT_HASH = 4;
    public static final long DT_STRTAB = 5;
    public static final long DT_SYMTAB = 6;
    public static final long DT_STRSZ = 10;
    public static final long DT_SYMENT = 11;
    public static final long DT_SONAME = 14;
    public static final long DT_RPATH = 15;
    public static final long DT_FLAGS = 30;
    public static final long DT_RUNPATH = 29;
    public static final long DT_GNU_HASH = 0x6ffffef5L;
    public static final long DT_VERSYM = 0x6ffffff0L;
    public static final long DT_FLAGS_1 = 0x6ffffffbL;
    public static final long DT_VERDEF = 0x6ffffffcL;
    public static final long DT_VERDEFNUM = 0x6ffffffdL;
    public static final long DT_VERNEED = 0x6ffffffeL;
    public static final long DT_VERNEEDNUM = 0x6fffffffL;
}
