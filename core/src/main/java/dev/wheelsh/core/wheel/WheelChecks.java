package dev.wheelsh.core.wheel;

import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.WheelFilename;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of a wheel's contents against what it claims, reading the wheel in place: its WHEEL Tag
 * lines against its filename, Root-Is-Purelib against native content, extension-module filenames
 * against the interpreter ABI the tags claim, each ELF member's architecture against the platform
 * tags, LoongArch members built for a world no target runs, and (on request) RECORD hashes.
 * Codes WH301-WH306, documented in docs/codes.md.
 */
public final class WheelChecks {

    private WheelChecks() {
    }

    /** What was read, and what was found. */
    public record Result(WheelFilename filename, String distInfo, WheelMetadata wheel,
                         List<Member> elfMembers, List<Finding> findings) {
        public Result {
            elfMembers = List.copyOf(elfMembers);
            findings = List.copyOf(findings);
        }
    }

    /** One native member and what it is. */
    public record Member(String name, ElfFile elf) {
    }

    private static final Pattern CP_TAG = Pattern.compile("cp(\\d)(\\d+)(t?)");

    public static Result check(WheelArchive w, boolean verifyRecord) throws InputException {
        String fileName = w.path().getFileName().toString();
        WheelFilename fn = WheelFilename.parse(fileName);
        String distInfo = w.distInfoDir(Optional.of(fn.rawName()));
        WheelMetadata wheel = w.wheelFile(distInfo);
        List<Finding> findings = new ArrayList<>();
        Set<Tag> fileTags = fn.tags().tags();

        // WH301: WHEEL Tag lines and the filename describe the same tags.
        Set<Tag> wheelTags = new LinkedHashSet<>();
        for (String t : wheel.tags()) {
            wheelTags.add(Tag.parse(t));
        }
        Set<String> onlyInWheel = new TreeSet<>();
        Set<String> onlyInName = new TreeSet<>();
        for (Tag t : wheelTags) {
            if (!fileTags.contains(t)) {
                onlyInWheel.add(t.toString());
            }
        }
        for (Tag t : fileTags) {
            if (!wheelTags.contains(t)) {
                onlyInName.add(t.toString());
            }
        }
        if (!onlyInWheel.isEmpty() || !onlyInName.isEmpty()) {
            StringBuilder m = new StringBuilder(distInfo + "/WHEEL Tag lines differ from the filename's tags:");
            if (!onlyInName.isEmpty()) {
                m.append(" only in the filename: ").append(String.join(", ", onlyInName)).append(';');
            }
            if (!onlyInWheel.isEmpty()) {
                m.append(" only in WHEEL: ").append(String.join(", ", onlyInWheel)).append(';');
            }
            findings.add(Finding.of(Code.WH301, Severity.WARNING, m.substring(0, m.length() - 1),
                    "Installers choose a wheel by its filename and never read the Tag lines, but tools that"
                            + " repair or re-tag wheels (auditwheel, wheel tags) read WHEEL; when the two disagree,"
                            + " one of them describes a wheel that was not built."));
        }

        List<Member> natives = new ArrayList<>();
        for (WheelArchive.Member m : w.elfMembers()) {
            natives.add(new Member(m.name(), w.readElf(m.name())));
        }

        // WH302: native code in a wheel that says its root is purelib.
        if (wheel.rootIsPurelib() && !natives.isEmpty()) {
            findings.add(Finding.of(Code.WH302, Severity.WARNING, distInfo + "/WHEEL says Root-Is-Purelib: true but the wheel holds "
                            + natives.size() + " native " + (natives.size() == 1 ? "object" : "objects") + " (" + natives.get(0).name() + ")",
                    "Installers put a purelib root into the pure-Python directory; where a distribution keeps"
                            + " platform-specific code apart (lib64 on Fedora and RHEL), the extension lands where"
                            + " other interpreters on the machine may import it. Build tools set Root-Is-Purelib:"
                            + " false for wheels with compiled code."));
        }

        // WH303: extension modules whose suffix the tagged interpreter does not import.
        Set<String> cpAbis = new TreeSet<>();
        boolean abi3 = false;
        for (Tag t : fileTags) {
            if (t.abi().equals("abi3")) {
                abi3 = true;
            } else if (CP_TAG.matcher(t.abi()).matches()) {
                cpAbis.add(t.abi());
            }
        }
        for (WheelArchive.Member m : w.members()) {
            Optional<ExtensionSuffix> x = m.directory() ? Optional.empty() : ExtensionSuffix.of(m.name());
            if (x.isEmpty() || x.get().kind() == ExtensionSuffix.Kind.PLAIN || x.get().kind() == ExtensionSuffix.Kind.ABI3T) {
                continue;
            }
            if (x.get().kind() == ExtensionSuffix.Kind.ABI3) {
                if (!abi3 && !cpAbis.isEmpty()) {
                    findings.add(Finding.of(Code.WH303, Severity.WARNING, m.name() + " is a stable-ABI (abi3) module in a wheel"
                                    + " tagged " + String.join(", ", cpAbis),
                            "The module would load on any CPython 3 from its minimum on, but the wheel's tags"
                                    + " restrict it to one version; tag it cpXY-abi3 to let installers use it more widely."));
                }
                continue;
            }
            String moduleAbi = x.get().cpythonAbi();
            if (!cpAbis.isEmpty() && !cpAbis.contains(moduleAbi) || cpAbis.isEmpty() && abi3) {
                String claimed = cpAbis.isEmpty() ? "abi3" : String.join(", ", cpAbis);
                findings.add(Finding.of(Code.WH303, Severity.ERROR, m.name() + " is built for CPython " + x.get().describeVersion()
                                + " only, but the wheel's tags claim " + claimed,
                        "CPython imports an extension module only under the suffixes it knows"
                                + " (importlib.machinery.EXTENSION_SUFFIXES): its own cpython-XY[t] suffix, abi3 and"
                                + " plain .so. Any other interpreter the tags admit cannot see this module, and"
                                + " importing it fails with \"No module named ...\"."));
            }
        }

        // WH304: each native member's architecture against the platform tags.
        Set<String> tagArchs = new TreeSet<>();
        for (Tag t : fileTags) {
            platformArch(t.platform()).ifPresent(tagArchs::add);
        }
        if (!tagArchs.isEmpty()) {
            for (Member m : natives) {
                String arch = m.elf().platformArch();
                // The ELF header tells hard-float ARM from soft-float, not v6 from v7 (that is in .ARM.attributes).
                boolean armHardFloat = arch.equals("armv7l") && tagArchs.stream().anyMatch(a -> a.matches("armv[678]l"));
                if (!tagArchs.contains(arch) && !armHardFloat) {
                    findings.add(Finding.of(Code.WH304, Severity.ERROR, m.name() + " is " + arch + " code, but the wheel's"
                                    + " platform tags are for " + String.join(", ", tagArchs),
                            "The loader refuses an object of another machine (\"wrong ELF class\" or \"cannot open"
                                    + " shared object file: No such file\" for a dependency), so the wheel installs"
                                    + " and then fails at import."));
                }
            }
        }

        // WH305: LoongArch members built for a world the target does not run.
        for (Member m : natives) {
            Optional<LoongArchWorld> world = LoongArchWorld.of(m.elf());
            if (world.isEmpty()) {
                continue;
            }
            LoongArchWorld lw = world.get();
            if (lw.world() == LoongArchWorld.World.OLD || lw.world() == LoongArchWorld.World.PRE_RELEASE
                    || lw.world() == LoongArchWorld.World.CONFLICTING) {
                findings.add(Finding.of(Code.WH305, Severity.ERROR, m.name() + ": " + lw.consequence(),
                        "Evidence: " + String.join("; ", lw.evidence()) + ". manylinux and musllinux tags for"
                                + " loongarch64 describe new-world (ABI2.0) systems only."));
            }
        }

        // WH306: RECORD, when asked for (it reads every member).
        if (verifyRecord) {
            for (WheelArchive.RecordProblem p : w.verifyRecord(distInfo)) {
                findings.add(Finding.of(Code.WH306, Severity.ERROR, p.member() + ": " + p.problem(),
                        "pip does not compare members with RECORD when it installs (it writes a new RECORD);"
                                + " the wheel package's reader (wheel unpack) does, and refuses the wheel. A member"
                                + " that does not match was changed after the wheel was built, or RECORD was written wrong."));
            }
        }
        return new Result(fn, distInfo, wheel, natives, findings);
    }

    /**
     * The architecture a linux-family platform tag names, in the ELF reader's terms: the part after
     * {@code manylinux_X_Y_}, {@code manylinux1_}/{@code 2010_}/{@code 2014_}, {@code musllinux_X_Y_}
     * or {@code linux_}; empty for other families (any, macosx, win, ...).
     */
    static Optional<String> platformArch(String platform) {
        Matcher m = Pattern.compile("^(?:manylinux_\\d+_\\d+|musllinux_\\d+_\\d+|manylinux1|manylinux2010|manylinux2014|linux)_(.+)$")
                .matcher(platform);
        if (!m.matches()) {
            return Optional.empty();
        }
        String arch = m.group(1);
        return Optional.of(arch.equals("i386") || arch.equals("i586") ? "i686" : arch);
    }
}
