package dev.wheelsh.core.wheel;

import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
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
 */
public record WheelFacts(WheelFilename filename, String distInfo, WheelMetadata wheel, Set<Tag> wheelTags,
                         List<ExtensionModule> extensionModules, List<WheelChecks.Member> natives,
                         Optional<List<WheelArchive.RecordProblem>> recordProblems) {

    /** A member whose name says which CPython imports it. */
    public record ExtensionModule(String member, ExtensionSuffix suffix) {
    }

    public WheelFacts {
        wheelTags = Collections.unmodifiableSet(new LinkedHashSet<>(wheelTags));
        extensionModules = List.copyOf(extensionModules);
        natives = List.copyOf(natives);
        recordProblems = recordProblems.map(List::copyOf);
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
        for (WheelArchive.Member m : w.members()) {
            if (m.directory()) {
                continue;
            }
            ExtensionSuffix.of(m.name()).ifPresent(s -> modules.add(new ExtensionModule(m.name(), s)));
            // every member is read (so its length and CRC-32 are checked); those that start as ELF are parsed
            if (ElfReader.isElf(w.head(m.name(), 4))) {
                natives.add(new WheelChecks.Member(m.name(), w.readElf(m.name())));
            }
        }
        Optional<List<WheelArchive.RecordProblem>> record = verifyRecord ? Optional.of(w.verifyRecord(distInfo)) : Optional.empty();
        return new WheelFacts(fn, distInfo, wheel, wheelTags, modules, natives, record);
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
