package dev.wheelsh.core.elf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An ELF object built for Android's C library (bionic), with the evidence that says so and the API
 * level it was built for when the NDK recorded it.
 *
 * <p>Evidence, each sufficient on its own: Android's loader as PT_INTERP ({@code /system/bin/linker64},
 * {@code /system/bin/linker}); the NDK's {@code .note.android.ident} (owner "Android", type 1, its
 * payload starting with the API level); a symbol version asked of {@code libc.so}, {@code libm.so} or
 * {@code libdl.so} (bionic versions its symbols LIBC, LIBC_N, ...; musl, whose loader answers to
 * the same plain names, has no symbol versions); a library only Android has ({@code liblog.so},
 * {@code libandroid.so}). Plain {@code libc.so}, {@code libm.so} and {@code libdl.so} alone are not
 * evidence: Rust's and Zig's musl builds record them too.
 *
 * @param evidence what marks the object as bionic code, in words, in the order found
 * @param apiLevel the API level of {@code .note.android.ident}, when the object has one
 */
public record BionicCode(List<String> evidence, OptionalInt apiLevel) {

    private static final Set<String> LOADERS = Set.of("/system/bin/linker64", "/system/bin/linker");
    private static final Set<String> VERSIONED_LIBS = Set.of("libc.so", "libm.so", "libdl.so");
    /** Libraries of the NDK's stable API that no Linux distribution ships under these names. */
    private static final Set<String> ANDROID_ONLY_LIBS = Set.of("liblog.so", "libandroid.so", "libmediandk.so",
            "libcamera2ndk.so", "libaaudio.so", "libneuralnetworks.so", "libjnigraphics.so", "libnativewindow.so");

    public BionicCode {
        evidence = List.copyOf(evidence);
    }

    /**
     * The Android ABI (PEP 738's spelling, as {@code android_N_<abi>} tags write it) of an object's
     * machine: arm64_v8a, armeabi_v7a (any 32-bit ARM: Android's armeabi-v7a passes floats in
     * integer registers, so the hard-float test of Linux's armv7l does not apply), x86_64, x86.
     */
    public static Optional<String> abi(ElfHeader h) {
        return switch (h.machine()) {
            case ElfMachine.EM_AARCH64 -> h.is64() ? Optional.of("arm64_v8a") : Optional.empty();
            case ElfMachine.EM_ARM -> Optional.of("armeabi_v7a");
            case ElfMachine.EM_X86_64 -> h.is64() ? Optional.of("x86_64") : Optional.empty();
            case ElfMachine.EM_386 -> Optional.of("x86");
            default -> Optional.empty();
        };
    }

    /** The bionic facts of an object, or empty when nothing in it is Android's. */
    public static Optional<BionicCode> of(ElfFile elf) {
        List<String> evidence = new ArrayList<>();
        elf.interpreter().filter(LOADERS::contains).ifPresent(i -> evidence.add("Android's loader " + i));
        OptionalInt api = OptionalInt.empty();
        for (ElfNote n : elf.notes()) {
            if (n.androidIdent()) {
                evidence.add(".note.android.ident");
                // API levels are small numbers; a word outside int range is not one
                if (n.firstWord().isPresent() && n.firstWord().getAsLong() > 0 && n.firstWord().getAsLong() < 10_000) {
                    api = OptionalInt.of((int) n.firstWord().getAsLong());
                }
                break;
            }
        }
        for (VersionNeed need : elf.versionNeeds()) {
            Optional<VersionNeed.Entry> libc = VERSIONED_LIBS.contains(need.file())
                    ? need.entries().stream().filter(e -> e.name().startsWith("LIBC")).findFirst() : Optional.empty();
            if (libc.isPresent()) {
                evidence.add("bionic's symbol version " + libc.get().name() + " from " + need.file());
                break;
            }
        }
        for (String lib : elf.needed()) {
            if (ANDROID_ONLY_LIBS.contains(lib)) {
                evidence.add("Android's " + lib);
            }
        }
        return evidence.isEmpty() ? Optional.empty() : Optional.of(new BionicCode(evidence, api));
    }
}
