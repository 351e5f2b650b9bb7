package dev.wheelsh.core.elf;

import java.util.OptionalLong;

/**
 * One note from a PT_NOTE or PT_GNU_PROPERTY segment: owner name, type and size of its payload,
 * and the payload's first 32-bit word when it has one (where the Android NDK records the API level
 * an object was built for, in its {@code .note.android.ident}).
 */
public record ElfNote(String owner, long type, long descSize, OptionalLong firstWord) {
    public static final long NT_GNU_ABI_TAG = 1;
    public static final long NT_GNU_BUILD_ID = 3;
    public static final long NT_GNU_PROPERTY_TYPE_0 = 5;
    /** The type of the NDK's {@code .note.android.ident} (owner "Android"): its payload starts with the API level. */
    public static final long NT_ANDROID_IDENT = 1;
    public static final String ANDROID_OWNER = "Android";

    /** A note whose payload was not read. */
    public ElfNote(String owner, long type, long descSize) {
        this(owner, type, descSize, OptionalLong.empty());
    }

    /** Whether this is the NDK's identification note. */
    public boolean androidIdent() {
        return ANDROID_OWNER.equals(owner) && type == NT_ANDROID_IDENT;
    }
}
