package dev.wheelsh.core.machine;

/**
 * The two incompatible LoongArch userlands. The old world (ABI1.0: Loongnix, Kylin and UOS of
 * 2020-2022) predates upstream glibc support; the new world (ABI2.0) is upstream glibc 2.36 and
 * later. Binaries of one world do not load in the other. NOT_APPLICABLE for other architectures.
 */
public enum LoongArchAbi {
    NEW_WORLD,
    OLD_WORLD,
    NOT_APPLICABLE
}
