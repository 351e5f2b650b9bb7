package dev.wheelsh.core.checks;

import dev.wheelsh.core.vocabulary.DataFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The DLLs Windows provides, per machine: windows-dlls.tsv (generated from delvewheel's lists by
 * scripts/facts/generate_windows_dlls.py; its source and commit are in its header) and
 * windows-system-dlls.txt (the later releases' DLLs those lists leave out, on every machine); and
 * the C runtime DLLs each interpreter ships beside itself, windows-python-runtime.tsv (delvewheel's
 * tables evaluated per tag by the same generator).
 *
 * @param machinesOf  lower-case DLL name to the platform tags of the machines whose Windows has it
 * @param prefixes    name prefixes (the API sets) to the platform tags of the machines they hold on
 * @param runtimeRows "KIND TAG PLATFORM" (KIND abi or abi3-python) to the DLLs that interpreter ships
 */
record WindowsDlls(Map<String, Set<String>> machinesOf, Map<String, Set<String>> prefixes, Map<String, Set<String>> runtimeRows) {

    /** The machines the generated list names; a DLL of another machine counts only what all of them have. */
    static final Set<String> MACHINES = Set.of("win32", "win_amd64", "win_arm64");

    static final WindowsDlls BUILT_IN = load();

    WindowsDlls {
        machinesOf = Map.copyOf(machinesOf);
        prefixes = Map.copyOf(prefixes);
        runtimeRows = Map.copyOf(runtimeRows);
    }

    /** The DLLs the interpreters of an ABI tag ship on a platform (empty: none that counts). */
    Set<String> shippedForAbi(String abiTag, String platformTag) {
        return runtimeRows.getOrDefault("abi " + abiTag + " " + platformTag, Set.of());
    }

    /** The DLLs the interpreters of a Python tag ship on a platform, for a stable-ABI (abi3, abi3t) wheel. */
    Set<String> shippedForStableAbi(String pythonTag, String platformTag) {
        return runtimeRows.getOrDefault("abi3-python " + pythonTag + " " + platformTag, Set.of());
    }

    /** Whether Windows on the machine of that platform tag (win32, win_amd64, ...) has the DLL. */
    boolean provides(String lowerName, String platformTag) {
        if (covers(machinesOf.get(lowerName), platformTag)) {
            return true;
        }
        for (Map.Entry<String, Set<String>> p : prefixes.entrySet()) {
            if (lowerName.startsWith(p.getKey()) && covers(p.getValue(), platformTag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(Set<String> machines, String platformTag) {
        if (machines == null) {
            return false;
        }
        return MACHINES.contains(platformTag) ? machines.contains(platformTag) : machines.containsAll(MACHINES);
    }

    private static WindowsDlls load() {
        Map<String, Set<String>> names = new TreeMap<>();
        Map<String, Set<String>> prefixes = new LinkedHashMap<>();
        for (String line : lines("windows-dlls.tsv")) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalStateException("windows-dlls.tsv: not NAME<TAB>MACHINES: " + line);
            }
            String name = line.substring(0, tab);
            Set<String> machines = Set.of(line.substring(tab + 1).split(" "));
            if (name.endsWith("*")) {
                prefixes.put(name.substring(0, name.length() - 1), machines);
            } else {
                names.put(name, machines);
            }
        }
        for (String name : lines("windows-system-dlls.txt")) {
            names.put(name, MACHINES);
        }
        Map<String, Set<String>> runtime = new TreeMap<>();
        for (String line : lines("windows-python-runtime.tsv")) {
            String[] f = line.split("\t");
            if (f.length != 4 || !(f[0].equals("abi") || f[0].equals("abi3-python"))) {
                throw new IllegalStateException("windows-python-runtime.tsv: not KIND<TAB>TAG<TAB>PLATFORM<TAB>DLLS: " + line);
            }
            runtime.put(f[0] + " " + f[1] + " " + f[2], Set.of(f[3].split(" ")));
        }
        return new WindowsDlls(names, prefixes, runtime);
    }

    /** The data lines of a resource beside this class: comments and blank lines left out. */
    static List<String> lines(String resource) {
        return DataFiles.lines(WindowsDlls.class, resource);
    }
}
