package dev.wheelsh.core.elf;

/** One section header; {@code name} is resolved through the section-name string table ("" if none). */
public record SectionHeader(int index, String name, long type, long flags, long addr, long offset,
                            long size, long link, long info, long addralign, long entsize) {

    public static final long SHT_NULL = 0;
    public static final long SHT_STRTAB = 3;
    public static final long SHT_HASH = 5;
    public static final long SHT_DYNAMIC = 6;
    public static final long SHT_NOTE = 7;
    public static final long SHT_NOBITS = 8;
    public static final long SHT_DYNSYM = 11;
    public static final long SHT_GNU_HASH = 0x6ffffff6L;
    public static final long SHT_GNU_VERDEF = 0x6ffffffdL;
    public static final long SHT_GNU_VERNEED = 0x6ffffffeL;
    public static final long SHT_GNU_VERSYM = 0x6fffffffL;
}
