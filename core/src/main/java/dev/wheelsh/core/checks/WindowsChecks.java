package dev.wheelsh.core.checks;

import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.WheelFacts;
import dev.wheelsh.core.wheel.WheelFacts.PeMember;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PE members of a Windows wheel against its tags (WH324-WH326, docs/codes.md): each member's
 * machine against win32/win_amd64/win_arm64, the Python DLL it imports against the ABI tag, and
 * the DLLs it imports that neither the wheel, Windows nor CPython provides. delvewheel's rules
 * (docs/baselines.md) where they apply.
 */
public final class WindowsChecks {

    private WindowsChecks() {
    }

    /** pythonXY.dll, pythonXYt.dll, python3.dll, python3t.dll and their _d debug builds. */
    static final Pattern PYTHON_DLL = Pattern.compile("python(3)(\\d*)(t?)(_d)?\\.dll");
    private static final Pattern CP_ABI = Pattern.compile("cp3(\\d+)(t?)");

    static List<PlatformTag.Windows> windowsTags(WheelFacts facts) {
        List<PlatformTag.Windows> out = new ArrayList<>();
        for (Tag t : facts.filename().tags().tags()) {
            if (PlatformTag.parse(t.platform()) instanceof PlatformTag.Windows w && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** WH324: a member of another machine than the tags name. */
    public static final Check<Object> MACHINES = Check.of(Code.WH324, (facts, none) -> {
        List<PlatformTag.Windows> tags = windowsTags(facts);
        List<Finding> out = new ArrayList<>();
        if (tags.isEmpty()) {
            return out;
        }
        Set<String> tagNames = new LinkedHashSet<>();
        tags.forEach(t -> tagNames.add(t.tag()));
        for (PeMember m : facts.peMembers()) {
            // a program runs as a process of its own (x86 programs run on x64 and ARM64 Windows);
            // only a DLL (a .pyd, a library) must be of the interpreter's machine
            if (m.file().isDll() && !tagNames.contains(m.file().platformTag())) {
                out.add(Finding.of(Code.WH324, Severity.ERROR, m.name() + " is " + m.file().machineName() + " code, but the wheel's platform tag"
                                + (tagNames.size() == 1 ? " is " : "s are ") + String.join(", ", tagNames)
                                + "; the code is consistent with " + m.file().platformTag(),
                        "Windows loads a DLL only into a process of its own machine: pip installs the wheel and importing the"
                                + " module fails with \"DLL load failed while importing ...: %1 is not a valid Win32 application\"."
                                + " Build it for the tag's machine (cibuildwheel's archs, the MSVC toolset of that target), or tag"
                                + " the wheel for the machine it holds."));
            }
        }
        return out;
    });

    /**
     * The Python DLL a tag's interpreters provide: {@code python312.dll} for cp312,
     * {@code python313t.dll} for cp313t, none for abi3 (each version has its own; only python3.dll
     * is common to them), empty when the tag does not name CPython's ABI.
     */
    static Optional<String> versionedDll(Tag t) {
        Matcher m = CP_ABI.matcher(t.abi());
        return m.matches() ? Optional.of("python3" + m.group(1) + m.group(2) + ".dll") : Optional.empty();
    }

    /** WH325: an import of a versioned Python DLL the tag's interpreters do not have. */
    public static final Check<Object> PYTHON_DLLS = Check.of(Code.WH325, (facts, none) -> {
        List<Finding> out = new ArrayList<>();
        if (windowsTags(facts).isEmpty()) {
            return out;
        }
        Set<String> abis = new LinkedHashSet<>();
        Set<String> provided = new LinkedHashSet<>();
        boolean stable = false;
        for (Tag t : facts.filename().tags().tags()) {
            if (t.abi().equals("abi3") || t.abi().equals("abi3t")) {
                stable = true;
                abis.add(t.abi());
            }
            versionedDll(t).ifPresent(d -> {
                provided.add(d);
                abis.add(t.abi());
            });
        }
        if (abis.isEmpty()) {
            return out;
        }
        for (PeMember m : facts.peMembers()) {
            for (String dll : m.file().allImports()) {
                String lower = dll.toLowerCase(Locale.ROOT);
                Matcher pm = PYTHON_DLL.matcher(lower);
                if (!pm.matches() || pm.group(2).isEmpty()) {
                    continue; // python3.dll / python3t.dll: the stable ABI, which every CPython 3 provides
                }
                boolean bad = stable || !provided.contains(pm.group(4) == null ? lower : lower.replace("_d.dll", ".dll"));
                if (!bad) {
                    continue;
                }
                String version = "3." + pm.group(2) + (pm.group(3).isEmpty() ? "" : " (free-threaded)");
                String needs = stable
                        ? "a stable-ABI (" + String.join(", ", abis) + ") module must import only python3" + (abis.contains("abi3t") ? "t" : "") + ".dll"
                        : "the tags' interpreters provide " + String.join(", ", provided);
                out.add(Finding.of(Code.WH325, Severity.ERROR, m.name() + " imports " + dll + " (CPython " + version + "), but the wheel is tagged "
                                + String.join(", ", abis) + ": " + needs,
                        "Windows resolves the Python DLL by name when it loads the module: under any other CPython the"
                                + " import fails with \"DLL load failed\", or, worse, loads a second interpreter found on PATH"
                                + " and crashes. Link against python3.dll (Py_LIMITED_API) for an abi3 wheel, or against the"
                                + " version the tag names."));
            }
        }
        return out;
    });

    /** WH326: DLLs that neither the wheel, Windows nor CPython provides. */
    public static final Check<Object> DLLS = Check.of(Code.WH326, (facts, none) -> {
        List<Finding> out = new ArrayList<>();
        if (windowsTags(facts).isEmpty()) {
            return out;
        }
        Set<String> inWheel = new HashSet<>();
        for (String n : facts.memberNames()) {
            inWheel.add(n.substring(n.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
        }
        Set<String> runtime = interpreterRuntime(facts);
        for (PeMember m : facts.peMembers()) {
            Set<String> missing = new LinkedHashSet<>();
            for (String dll : m.file().allImports()) {
                String lower = dll.toLowerCase(Locale.ROOT);
                if (!inWheel.contains(lower) && !providedBySystemOrPython(lower, m.file().platformTag(), runtime)) {
                    missing.add(dll);
                }
            }
            if (!missing.isEmpty()) {
                out.add(Finding.of(Code.WH326, Severity.ERROR, m.name() + " imports " + String.join(", ", missing)
                                + ", which" + " neither the wheel, Windows nor CPython provides",
                        "Windows looks for a DLL next to the module, in the folders added with os.add_dll_directory, in"
                                + " System32 and on PATH; on a machine without it (msvcp140.dll comes with the Visual C++"
                                + " Redistributable, not with Windows or CPython) importing the module fails with \"DLL load failed"
                                + " ... The specified module could not be found\". delvewheel repair copies such DLLs into the"
                                + " wheel (pkg.libs) and loads them from there."));
            }
        }
        return out;
    });

    /**
     * Windows's DLLs and API sets on the member's machine ({@link WindowsDlls}, delvewheel's lists),
     * the Python DLLs (judged by WH325), and the C runtime every interpreter the tags name ships
     * ({@link #interpreterRuntime}).
     */
    static boolean providedBySystemOrPython(String lower, String platformTag, Set<String> runtime) {
        if (WindowsDlls.BUILT_IN.provides(lower, platformTag)) {
            return true;
        }
        return PYTHON_DLL.matcher(lower).matches() || runtime.contains(lower);
    }

    /**
     * The C runtime DLLs that every interpreter the wheel's tags admit ships
     * (windows-python-runtime.tsv, delvewheel's ignore_by_abi_platform and ignore_abi3 as
     * {@code WheelRepair} applies them): what the tags' ABI tags have in common (an ABI tag without
     * a row, none for one, gives nothing), and for a wheel whose ABI tags are all abi3 or abi3t, with
     * it what their Python tags have in common. CPython 3.9 and later ship vcruntime140.dll and, on
     * x64 and ARM64, vcruntime140_1.dll; 3.5 to 3.8 and PyPy vcruntime140.dll.
     */
    static Set<String> interpreterRuntime(WheelFacts facts) {
        return interpreterRuntime(facts.filename().tags().tags());
    }

    static Set<String> interpreterRuntime(Collection<Tag> tags) {
        if (tags.isEmpty()) {
            return Set.of();
        }
        Set<String> byAbi = null;
        Set<String> byPython = null;
        boolean stableOnly = true;
        for (Tag t : tags) {
            byAbi = common(byAbi, WindowsDlls.BUILT_IN.shippedForAbi(t.abi(), t.platform()));
            byPython = common(byPython, WindowsDlls.BUILT_IN.shippedForStableAbi(t.interpreter(), t.platform()));
            stableOnly &= t.abi().equals("abi3") || t.abi().equals("abi3t");
        }
        Set<String> out = new HashSet<>(byAbi);
        if (stableOnly) {
            out.addAll(byPython);
        }
        return Set.copyOf(out);
    }

    private static Set<String> common(Set<String> sofar, Set<String> these) {
        if (sofar == null) {
            return new HashSet<>(these);
        }
        sofar.retainAll(these);
        return sofar;
    }

    /** The Windows checks, in the order their findings are reported. */
    public static final List<Check<Object>> ALL = List.of(MACHINES, PYTHON_DLLS, DLLS);
}
