package dev.wheelsh.core.pe;

import java.util.ArrayList;
import java.util.List;

/**
 * A PE/COFF image (a DLL, a .pyd, an .exe) as the checks need it: the machine it runs on, its
 * header flags and subsystem version, and the DLLs it imports, at load time and delay-loaded.
 *
 * @param machine               the COFF header's machine field (IMAGE_FILE_MACHINE_AMD64 is 0x8664)
 * @param characteristics       the COFF header's characteristics (IMAGE_FILE_DLL is 0x2000)
 * @param pe32Plus              true for a PE32+ (64-bit) optional header
 * @param subsystem             the optional header's subsystem (2 GUI, 3 console)
 * @param subsystemVersion      its major and minor subsystem version, as {@code 6.0}
 * @param operatingSystemVersion its major and minor operating-system version
 * @param imports               the import directory's DLL names, in table order
 * @param delayImports          the delay-load directory's DLL names, in table order
 */
public record PeFile(String name, int machine, int characteristics, boolean pe32Plus, int subsystem,
                     String subsystemVersion, String operatingSystemVersion, List<String> imports, List<String> delayImports) {

    public static final int IMAGE_FILE_MACHINE_I386 = 0x14c;
    public static final int IMAGE_FILE_MACHINE_AMD64 = 0x8664;
    public static final int IMAGE_FILE_MACHINE_ARM64 = 0xaa64;
    public static final int IMAGE_FILE_MACHINE_ARMNT = 0x1c4;
    public static final int IMAGE_FILE_MACHINE_ARM64EC = 0xa641;
    public static final int IMAGE_FILE_MACHINE_ARM64X = 0xa64e;
    public static final int IMAGE_FILE_MACHINE_IA64 = 0x200;
    public static final int IMAGE_FILE_DLL = 0x2000;

    public PeFile {
        imports = List.copyOf(imports);
        delayImports = List.copyOf(delayImports);
    }

    /**
     * The platform tag of the machine, as CPython's sysconfig.get_platform() names Windows builds
     * (win32, win_amd64, win_arm64, win_arm32, win_ia64); {@code machine-0x...} for others.
     */
    public String platformTag() {
        return switch (machine) {
            case IMAGE_FILE_MACHINE_I386 -> "win32";
            case IMAGE_FILE_MACHINE_AMD64 -> "win_amd64";
            case IMAGE_FILE_MACHINE_ARM64, IMAGE_FILE_MACHINE_ARM64EC, IMAGE_FILE_MACHINE_ARM64X -> "win_arm64";
            case IMAGE_FILE_MACHINE_ARMNT -> "win_arm32";
            case IMAGE_FILE_MACHINE_IA64 -> "win_ia64";
            default -> "machine-0x" + Integer.toHexString(machine);
        };
    }

    /** The machine in words, as Microsoft's headers name it. */
    public String machineName() {
        return switch (machine) {
            case IMAGE_FILE_MACHINE_I386 -> "x86 (IMAGE_FILE_MACHINE_I386)";
            case IMAGE_FILE_MACHINE_AMD64 -> "x64 (IMAGE_FILE_MACHINE_AMD64)";
            case IMAGE_FILE_MACHINE_ARM64 -> "ARM64 (IMAGE_FILE_MACHINE_ARM64)";
            case IMAGE_FILE_MACHINE_ARM64EC -> "ARM64EC (IMAGE_FILE_MACHINE_ARM64EC)";
            case IMAGE_FILE_MACHINE_ARM64X -> "ARM64X (IMAGE_FILE_MACHINE_ARM64X)";
            case IMAGE_FILE_MACHINE_ARMNT -> "ARM Thumb-2 (IMAGE_FILE_MACHINE_ARMNT)";
            case IMAGE_FILE_MACHINE_IA64 -> "Itanium (IMAGE_FILE_MACHINE_IA64)";
            default -> "machine 0x" + Integer.toHexString(machine);
        };
    }

    public boolean isDll() {
        return (characteristics & IMAGE_FILE_DLL) != 0;
    }

    /** Every DLL the image names, load-time imports first, each once. */
    public List<String> allImports() {
        List<String> out = new ArrayList<>(imports);
        for (String d : delayImports) {
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
