package dev.wheelsh.core.elf;

import java.util.Optional;

/**
 * One entry of the dynamic symbol table, with its version when the object has .gnu.version.
 * {@code shndx} 0 means undefined: the symbol is imported.
 */
public record DynamicSymbol(int index, String name, long value, long size, int type, int bind,
                            int visibility, int shndx, Optional<SymbolVersion> version) {

    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
    public static final int STT_FUNC = 2;

    public boolean defined() {
        return shndx != 0;
    }

    public String typeName() {
        return switch (type) {
            case 0 -> "NOTYPE";
            case 1 -> "OBJECT";
            case 2 -> "FUNC";
            case 3 -> "SECTION";
            case 4 -> "FILE";
            case 5 -> "COMMON";
            case 6 -> "TLS";
            case 10 -> "IFUNC";
            default -> "<" + type + ">";
        };
    }

    public String bindName() {
        return switch (bind) {
            case STB_LOCAL -> "LOCAL";
            case STB_GLOBAL -> "GLOBAL";
            case STB_WEAK -> "WEAK";
            case 10 -> "UNIQUE";
            default -> "<" + bind + ">";
        };
    }

    public String visibilityName() {
        return switch (visibility) {
            case 0 -> "DEFAULT";
            case 1 -> "INTERNAL";
            case 2 -> "HIDDEN";
            default -> "PROTECTED";
        };
    }

    /**
     * The version attached to a symbol through .gnu.version. {@code library} is set when the
     * version is needed from another object (verneed); empty when this object defines it.
     * {@code hidden} is the high bit of the versym entry: a non-default definition (name@VER).
     */
    public record SymbolVersion(int index, String name, Optional<String> library, boolean hidden) {
    }
}
