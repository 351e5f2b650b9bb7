package dev.wheelsh.core.wheel;

import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of a wheel's contents against what the wheel itself claims (WH301-WH306,
 * docs/codes.md): its WHEEL Tag lines against its filename, Root-Is-Purelib against native
 * content, extension-module filenames against the interpreter ABI the tags claim, each ELF
 * member's architecture against the platform tags, LoongArch members built for a world no target
 * runs, and RECORD. They need nothing but the facts.
 */
public final class ContentChecks {

    private ContentChecks() {
    }

    private static final Pattern CP_TAG = Pattern.compile("cp(\\d)(\\d+)(t?)");
    private static final Pattern LINUX_PLATFORM =
            Pattern.compile("^(?:manylinux_\\d+_\\d+|musllinux_\\d+_\\d+|manylinux1|manylinux2010|manylinux2014|linux)_(.+)$");

    /** WH301: WHEEL Tag lines and the filename describe the same tags. */
    public static final Check<Object> TAG_LINES = Check.of(Code.WH301, (facts, none) -> {
        Set<Tag> fileTags = facts.filename().tags().tags();
        Set<String> onlyInWheel = new TreeSet<>();
        Set<String> onlyInName = new TreeSet<>();
        for (Tag t : facts.wheelTags()) {
            if (!fileTags.contains(t)) {
                onlyInWheel.add(t.toString());
            }
        }
        for (Tag t : fileTags) {
            if (!facts.wheelTags().contains(t)) {
                onlyInName.add(t.toString());
            }
        }
        if (onlyInWheel.isEmpty() && onlyInName.isEmpty()) {
            return List.of();
        }
        StringBuilder m = new StringBuilder(facts.distInfo() + "/WHEEL Tag lines differ from the filename's tags:");
        if (!onlyInName.isEmpty()) {
            m.append(" only in the filename: ").append(String.join(", ", onlyInName)).append(';');
        }
        if (!onlyInWheel.isEmpty()) {
            m.append(" only in WHEEL: ").append(String.join(", ", onlyInWheel)).append(';');
        }
        return List.of(Finding.of(Code.WH301, Severity.WARNING, m.substring(0, m.length() - 1),
                "Installers choose a wheel by its filename and never read the Tag lines, but tools that"
                        + " repair or re-tag wheels (auditwheel, wheel tags) read WHEEL; when the two disagree,"
                        + " one of them describes a wheel that was not built."));
    });

    /** WH302: native code in a wheel that says its root is purelib. */
    public static final Check<Object> PURELIB_ROOT = Check.of(Code.WH302, (facts, none) -> {
        List<WheelChecks.Member> natives = facts.natives();
        if (!facts.wheel().rootIsPurelib() || natives.isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(Code.WH302, Severity.WARNING, facts.distInfo() + "/WHEEL says Root-Is-Purelib: true but the wheel holds "
                        + natives.size() + " native " + (natives.size() == 1 ? "object" : "objects") + " (" + natives.get(0).name() + ")",
                "Installers put a purelib root into the pure-Python directory; where a distribution keeps"
                        + " platform-specific code apart (lib64 on Fedora and RHEL), the extension lands where"
                        + " other interpreters on the machine may import it. Build tools set Root-Is-Purelib:"
                        + " false for wheels with compiled code."));
    });

    /** WH303: extension modules whose suffix the tagged interpreter does not import. */
    public static final Check<Object> MODULE_SUFFIXES = Check.of(Code.WH303, (facts, none) -> {
        Set<String> cpAbis = new TreeSet<>();
        boolean abi3 = false;
        for (Tag t : facts.filename().tags().tags()) {
            if (t.abi().equals("abi3")) {
                abi3 = true;
            } else if (CP_TAG.matcher(t.abi()).matches()) {
                cpAbis.add(t.abi());
            }
        }
        List<Finding> out = new ArrayList<>();
        for (WheelFacts.ExtensionModule m : facts.extensionModules()) {
            ExtensionSuffix x = m.suffix();
            if (x.kind() == ExtensionSuffix.Kind.PLAIN || x.kind() == ExtensionSuffix.Kind.ABI3T) {
                continue;
            }
            if (x.kind() == ExtensionSuffix.Kind.ABI3) {
                if (!abi3 && !cpAbis.isEmpty()) {
                    out.add(Finding.of(Code.WH303, Severity.WARNING, m.member() + " is a stable-ABI (abi3) module in a wheel"
                                    + " tagged " + String.join(", ", cpAbis),
                            "The module would load on any CPython 3 from its minimum on, but the wheel's tags"
                                    + " restrict it to one version; tag it cpXY-abi3 to let installers use it more widely."));
                }
                continue;
            }
            if (!cpAbis.isEmpty() && !cpAbis.contains(x.cpythonAbi()) || cpAbis.isEmpty() && abi3) {
                String claimed = cpAbis.isEmpty() ? "abi3" : String.join(", ", cpAbis);
                out.add(Finding.of(Code.WH303, Severity.ERROR, m.member() + " is built for CPython " + x.describeVersion()
                                + " only, but the wheel's tags claim " + claimed,
                        "CPython imports an extension module only under the suffixes it knows"
                                + " (importlib.machinery.EXTENSION_SUFFIXES): its own cpython-XY[t] suffix, abi3 and"
                                + " plain .so. Any other interpreter the tags admit cannot see this module, and"
                                + " importing it fails with \"No module named ...\"."));
            }
        }
        return out;
    });

    /** WH304: each native member's architecture against the platform tags. */
    public static final Check<Object> ARCHITECTURES = Check.of(Code.WH304, (facts, none) -> {
        Set<String> tagArchs = new TreeSet<>();
        for (Tag t : facts.filename().tags().tags()) {
            platformArch(t.platform()).ifPresent(tagArchs::add);
        }
        List<Finding> out = new ArrayList<>();
        if (tagArchs.isEmpty()) {
            return out;
        }
        for (WheelChecks.Member m : facts.natives()) {
            String arch = m.arch();
            // The ELF header tells hard-float ARM from soft-float, not v6 from v7 (that is in .ARM.attributes).
            boolean armHardFloat = arch.equals("armv7l") && tagArchs.stream().anyMatch(a -> a.matches("armv[678]l"));
            if (!tagArchs.contains(arch) && !armHardFloat) {
                out.add(Finding.of(Code.WH304, Severity.ERROR, m.name() + " is " + arch + " code, but the wheel's"
                                + " platform tags are for " + String.join(", ", tagArchs),
                        "The loader refuses an object of another machine (\"wrong ELF class\" or \"cannot open"
                                + " shared object file: No such file\" for a dependency), so the wheel installs"
                                + " and then fails at import."));
            }
        }
        return out;
    });

    /** WH305: LoongArch members built for a world no target of the tags runs. */
    public static final Check<Object> LOONGARCH_WORLDS = Check.of(Code.WH305, (facts, none) -> {
        List<Finding> out = new ArrayList<>();
        for (WheelChecks.Member m : facts.natives()) {
            if (m.loongArchWorld().isEmpty()) {
                continue;
            }
            LoongArchWorld lw = m.loongArchWorld().get();
            if (lw.world() == LoongArchWorld.World.OLD || lw.world() == LoongArchWorld.World.PRE_RELEASE
                    || lw.world() == LoongArchWorld.World.CONFLICTING) {
                out.add(Finding.of(Code.WH305, Severity.ERROR, m.name() + ": " + lw.consequence(),
                        "Evidence: " + String.join("; ", lw.evidence()) + ". manylinux and musllinux tags for"
                                + " loongarch64 describe new-world (ABI2.0) systems only."));
            }
        }
        return out;
    });

    /** WH306: RECORD against the members, when it was verified. */
    public static final Check<Object> RECORD = Check.of(Code.WH306, (facts, none) -> {
        List<Finding> out = new ArrayList<>();
        for (WheelArchive.RecordProblem p : facts.recordProblems().orElse(List.of())) {
            out.add(Finding.of(Code.WH306, Severity.ERROR, p.member() + ": " + p.problem(),
                    "pip does not compare members with RECORD when it installs (it writes a new RECORD);"
                            + " the wheel package's reader (wheel unpack) does, and refuses the wheel. A member"
                            + " that does not match was changed after the wheel was built, or RECORD was written wrong."));
        }
        return out;
    });

    /** The content checks, in the order their findings are reported. */
    public static final List<Check<Object>> ALL = List.of(TAG_LINES, PURELIB_ROOT, MODULE_SUFFIXES, ARCHITECTURES,
            LOONGARCH_WORLDS, RECORD);

    /** What a content check reads besides the facts: nothing. */
    private static final Object NOTHING_ELSE = new Object();

    /** Every content finding, check by check in the order of {@link #ALL}. */
    public static List<Finding> run(WheelFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Check<Object> c : ALL) {
            out.addAll(c.run(facts, NOTHING_ELSE));
        }
        return out;
    }

    /**
     * The architecture a linux-family platform tag names, in the ELF reader's terms: the part after
     * {@code manylinux_X_Y_}, {@code manylinux1_}/{@code 2010_}/{@code 2014_}, {@code musllinux_X_Y_}
     * or {@code linux_}; empty for other families (any, macosx, win, ...).
     */
    static Optional<String> platformArch(String platform) {
        Matcher m = LINUX_PLATFORM.matcher(platform);
        if (!m.matches()) {
            return Optional.empty();
        }
        String arch = m.group(1);
        return Optional.of(arch.equals("i386") || arch.equals("i586") ? "i686" : arch);
    }
}
