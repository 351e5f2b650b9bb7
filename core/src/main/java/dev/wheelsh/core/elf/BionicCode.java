package dev.wheelsh.core.elf;

import dev.wheelsh.core.vocabulary.DataFiles;
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
 * <p>Without the note, the symbol versions it asks of bionic still set a floor: LIBC_O exists in
 * libc.so from API level 26 on, so code asking it was built for 26 or later
 * ({@code bionic-versions.tsv}, generated from bionic's symbol maps by
 * {@code scripts/facts/generate_bionic_versions.py}).
 *
 * @param evidence      what marks the object as bionic code, in words, in the order found
 * @param apiLevel      the API level of {@code .note.android.ident}, when the object has one
 * @param versionFloor  the lowest API level whose bionic defines every symbol version the object asks, when it asks one that sets a floor
 * @param floorVersion  the version that sets that floor, in words ("LIBC_O from libc.so"), or empty
 */
public record BionicCode(List<String> evidence, OptionalInt apiLevel, OptionalInt versionFloor, String floorVersion) {

    private static final Set<String> LOADERS = Set.of("/system/bin/linker64", "/system/bin/linker");
    private static final Set<String> VERSIONED_LIBS = Set.of("libc.so", "libm.so", "libdl.so");
    /** Libraries of the NDK's stable API that no Linux distribution ships under these names. */
    private static final Set<String> ANDROID_ONLY_LIBS = Set.of("liblog.so", "libandroid.so", "libmediandk.so",
            "libcamera2ndk.so", "libaaudio.so", "libneuralnetworks.so", "libjnigraphics.so", "libnativewindow.so");

    private static final List<String[]> VERSION_LEVELS = loadVersionLevels();

    public BionicCode {
        evidence = List.copyOf(evidence);
    }

    /**
     * The API level the code was built for as far as it shows: its {@code .note.android.ident}, or
     * without one the floor its symbol versions set.
     */
    public OptionalInt builtFor() {
        return apiLevel.isPresent() ? apiLevel : versionFloor;
    }

    /** Where {@link #builtFor} comes from, in words: "its .note.android.ident" or "it asks LIBC_O from libc.so, defined from API level 26". */
    public String builtForEvidence() {
        return apiLevel.isPresent() ? "its .note.android.ident"
                : "it asks " + floorVersion + ", which bionic defines from API level " + versionFloor.orElse(0);
    }

    /** The API level from which bionic's library defines a version, on an architecture (bionic's name: arm64, x86_64). */
    static OptionalInt versionLevel(String library, String version, String arch) {
        for (String[] row : VERSION_LEVELS) {
            if (row[0].equals(library) && row[1].equals(version) && (row[2].equals("*") || row[2].equals(arch))) {
                return OptionalInt.of(Integer.parseInt(row[3]));
            }
        }
        return OptionalInt.empty();
    }

    /** bionic's name of an object's architecture, as its symbol maps write it. */
    private static String bionicArch(ElfHeader h) {
        return switch (h.machine()) {
            case ElfMachine.EM_AARCH64 -> "arm64";
            case ElfMachine.EM_ARM -> "arm";
            case ElfMachine.EM_X86_64 -> "x86_64";
            case ElfMachine.EM_386 -> "x86";
            default -> "riscv64";
        };
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
        OptionalInt floor = OptionalInt.empty();
        String floorVersion = "";
        for (VersionNeed need : elf.versionNeeds()) {
            for (VersionNeed.Entry e : need.entries()) {
                OptionalInt level = VERSIONED_LIBS.contains(need.file())
                        ? versionLevel(need.file(), e.name(), bionicArch(elf.header())) : OptionalInt.empty();
                if (level.isPresent() && !e.weak() && (floor.isEmpty() || level.getAsInt() > floor.getAsInt())) {
                    floor = level;
                    floorVersion = e.name() + " from " + need.file();
                }
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
        return evidence.isEmpty() ? Optional.empty() : Optional.of(new BionicCode(evidence, api, floor, floorVersion));
    }

    private static List<String[]> loadVersionLevels() {
        return DataFiles.rows(BionicCode.class, "bionic-versions.tsv", 4);
    }
}
