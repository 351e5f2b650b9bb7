package dev.wheelsh.shell.commands;

import dev.wheelsh.core.elf.VersionNames;
import dev.wheelsh.core.elf.VersionNeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The highest version of each family one library is asked for, as elf and show report it. */
final class HighestVersions {

    private HighestVersions() {
    }

    /** Weak (optional) versions left out: an object loads without them. Families in first-seen order. */
    static Map<String, String> of(VersionNeed n) {
        List<String> names = new ArrayList<>();
        for (VersionNeed.Entry e : n.entries()) {
            if (!e.weak()) {
                names.add(e.name());
            }
        }
        return VersionNames.highestPerFamily(names);
    }
}
