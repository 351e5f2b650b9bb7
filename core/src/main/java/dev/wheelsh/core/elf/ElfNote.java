package dev.wheelsh.core.elf;

/** One note from a PT_NOTE or PT_GNU_PROPERTY segment: owner name, type and size of its payload. */
public record ElfNote(String owner, long type, long descSize) {
    public static final long NT_GNU_ABI_TAG = 1;
    public static final long NT_GNU_BUILD_ID = 3;
    public static final long NT_GNU_PROPERTY_TYPE_0 = 5;
}
