package dev.wheelsh.core.wheel;

import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.macho.MachOFile;
import dev.wheelsh.core.macho.MachOReader;
import dev.wheelsh.core.pe.PeFile;
import dev.wheelsh.core.pe.PeReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the wheel checks judge, read from the archive in one pass: the filename's tags, the
 * WHEEL file and its Tag lines, the extension modules the member names announce, each native
 * member with its ELF facts, and (when asked for) the members that do not match RECORD. Each
 * member's first bytes are read once to tell ELF from the rest, each ELF member is parsed once,
 * and nothing after {@link #read} touches the archive again.
 *
 * @param wheelTags        the WHEEL file's Tag lines, parsed, in their order
 * @param extensionModules every member whose name ends in an extension-module suffix, ELF or not,
 *                         in the order of the zip directory
 * @param natives          the members whose content starts with the ELF magic, whatever their names
 * @param recordProblems   RECORD against the members; empty when RECORD was not verified
 * @param machOMembers     the members whose content starts like a Mach-O file (thin or universal)
 * @param peMembers        the members that are PE images (an MZ stub and a PE header)
 * @param memberNames      the name of every member that is not a directory, in zip order (where
 *                         the loader of another OS looks for a library the wheel bundles)
 */
public record WheelFacts(WheelFilename filename, String distInfo, WheelMetadata wheel, Set<Tag> wheelTags,
                         List<ExtensionModule> extensionModules, List<WheelChecks.Member> natives,
                         Optional<List<WheelArchive.RecordProblem>> recordProblems,
                         List<MachOMember> machOMembers, List<PeMember> peMembers, List<String> memberNames) {

    /** A Mach-O member (a macOS or iOS extension module or library). */
    public record MachOMember(String name, MachOFile file) {
    }

    /** A PE member (a .pyd, a DLL, an .exe). */
    public record PeMember(String name, PeFile file) {
    }

    /** Facts without Mach-O or PE members (the ELF-only reading of earlier versions). */
    public WheelFacts(WheelFilename filename, String distInfo, WheelMetadata wheel, Set<Tag> wheelTags,
                      List<ExtensionModule> extensionModules, List<WheelChecks.Member> natives,
                      Optional<List<WheelArchive.RecordProblem>> recordProblems) {
        this(filename, distInfo, wheel, wheelTags, extensionModules, natives, recordProblems, List.of(), List.of(),
                natives.stream().map(WheelChecks.Member::name).toList());
    }

    /** A member whose name says which CPython imports it. */
    public record ExtensionModule(String member, ExtensionSuffix suffix) {
    }

    public WheelFacts {
        wheelTags = Collections.unmodifiableSet(new LinkedHashSet<>(wheelTags));
        extensionModules = List.copyOf(extensionModules);
        natives = List.copyOf(natives);
        recordProblems = recordProblems.map(List::copyOf);
        machOMembers = List.copyOf(machOMembers);
        peMembers = List.copyOf(peMembers);
        memberNames = List.copyOf(memberNames);
    }

    /** Reads the facts of a wheel; verifying RECORD reads every member in full. */
    public static WheelFacts read(WheelArchive w, boolean verifyRecord) throws InputException {
        WheelFilename fn = WheelFilename.parse(w.path().getFileName().toString());
        String distInfo = w.distInfoDir(Optional.of(fn.rawName()));
        WheelMetadata wheel = w.wheelFile(distInfo);
        Set<Tag> wheelTags = new LinkedHashSet<>();
        for (String t : wheel.tags()) {
            wheelTags.add(Tag.parse(t));
        }
        List<ExtensionModule> modules = new ArrayList<>();
        List<WheelChecks.Member> natives = new ArrayList<>();
        List<MachOMember> machO = new ArrayList<>();
        List<PeMember> pe = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (WheelArchive.Member m : w.members()) {
            if (m.directory()) {
                continue;
            }
            names.add(m.name());
            ExtensionSuffix.of(m.name()).ifPresent(s -> modules.add(new ExtensionModule(m.name(), s)));
            // every member is read (so its length and CRC-32 are checked); those that start as ELF,
            // Mach-O or PE are parsed
            byte[] head = w.head(m.name(), 8);
            if (ElfReader.isElf(head)) {
                natives.add(new WheelChecks.Member(m.name(), w.readElf(m.name())));
            } else if (MachOReader.isMachO(head)) {
                machO.add(new MachOMember(m.name(), w.readWith(m.name(), MachOReader::read)));
            } else if (PeReader.isPe(head) && m.size() >= 64) {
                peMember(w, m.name()).ifPresent(pe::add);
            }
        }
        Optional<List<WheelArchive.RecordProblem>> record = verifyRecord ? Optional.of(w.verifyRecord(distInfo)) : Optional.empty();
        return new WheelFacts(fn, distInfo, wheel, wheelTags, modules, natives, record, machO, pe, names);
    }

    /**
     * A member that starts with "MZ": a PE image, or (when it has no PE header and its name does not
     * say it is a Windows image) some other file that happens to start with those two letters.
     */
    private static Optional<PeMember> peMember(WheelArchive w, String name) throws InputException {
        try {
            return Optional.of(new PeMember(name, w.readWith(name, PeReader::read)));
        } catch (InputException e) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".pyd") || lower.endsWith(".dll") || lower.endsWith(".exe")) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** The Mach-O and PE members' names, with the ELF ones: every native member, in no particular order. */
    public List<String> allNativeNames() {
        List<String> out = new ArrayList<>();
        natives.forEach(n -> out.add(n.name()));
        machOMembers.forEach(n -> out.add(n.name()));
        peMembers.forEach(n -> out.add(n.name()));
        return out;
    }

    /**
     * Facts rebuilt from what an earlier reading kept (the filename, WHEEL and the native members),
     * without the archive: the extension modules are those among the native members, and RECORD
     * counts as not verified.
     */
    static WheelFacts of(WheelFilename filename, String distInfo, WheelMetadata wheel, List<WheelChecks.Member> natives) {
        Set<Tag> wheelTags = new LinkedHashSet<>();
        for (String t : wheel.tags()) {
            try {
                wheelTags.add(Tag.parse(t));
            } catch (InputException e) {
                // a WHEEL that was read before has tags that parse; one that was not is judged when it is read
            }
        }
        List<ExtensionModule> modules = new ArrayList<>();
        for (WheelChecks.Member m : natives) {
            ExtensionSuffix.of(m.name()).ifPresent(s -> modules.add(new ExtensionModule(m.name(), s)));
        }
        return new WheelFacts(filename, distInfo, wheel, wheelTags, modules, natives, Optional.empty());
    }
}
