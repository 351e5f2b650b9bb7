package dev.wheelsh.core.elf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which LoongArch software world an object was built for, and the evidence, in words.
 *
 * <p>The old world (ABI1.0: Loongnix, Kylin, UOS of that era) and the new world (ABI2.0: upstream
 * glibc 2.36 and later, Debian loong64, Fedora, Arch, Gentoo, openEuler, ...) differ in their loader
 * path, their glibc symbol versions and their system-call and signal ABI, so an object built for
 * one does not load on the other. The markers and their sources are in loongarch-worlds.properties.
 */
public record LoongArchWorld(World world, List<String> evidence, String consequence) {

    public enum World {
        /** ABI1.0. */
        OLD,
        /** ABI2.0. */
        NEW,
        /**
         * Built against a pre-release new-world glibc (symbol versions between the old world's
         * last and GLIBC_2.36): no released glibc of either world defines those versions.
         */
        PRE_RELEASE,
        /** Markers point both ways: the object is broken or was patched by hand. */
        CONFLICTING,
        /** No marker decides (for example a v0 object that needs no versioned glibc symbol). */
        UNDECIDED
    }

    public LoongArchWorld {
        evidence = List.copyOf(evidence);
    }

    private static final Properties MARKERS = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = LoongArchWorld.class.getResourceAsStream("loongarch-worlds.properties")) {
            if (in == null) {
                throw new IllegalStateException("loongarch-worlds.properties missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static List<String> marker(String key) {
        return Arrays.asList(MARKERS.getProperty(key).split(","));
    }

    /** The earliest GLIBC_ version each world's glibc defines, as [major, minor]. */
    static int[] glibcBase(String world) {
        return parseGlibc("GLIBC_" + MARKERS.getProperty(world + ".glibc.base"));
    }

    static int[] oldGlibcLast() {
        return parseGlibc("GLIBC_" + MARKERS.getProperty("old.glibc.last"));
    }

    /** Classifies a LoongArch object; empty for any other machine. */
    public static Optional<LoongArchWorld> of(ElfFile f) {
        if (f.header().machine() != ElfMachine.EM_LOONGARCH) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        boolean oldSeen = false;
        boolean newSeen = false;

        if (f.interpreter().isPresent()) {
            String interp = f.interpreter().get();
            if (marker("old.interpreters").contains(interp)) {
                oldSeen = true;
                evidence.add("its program interpreter is " + interp + ", the old-world loader");
            } else if (marker("new.interpreters").contains(interp)) {
                newSeen = true;
                evidence.add("its program interpreter is " + interp + ", the new-world loader");
            } else {
                evidence.add("its program interpreter " + interp + " is neither world's glibc loader");
            }
        }

        int[] oldBase = glibcBase("old");
        int[] newBase = glibcBase("new");
        int[] oldLast = oldGlibcLast();
        Set<String> oldVersions = new TreeSet<>();
        Set<String> newVersions = new TreeSet<>();
        Set<String> between = new TreeSet<>();
        List<String> glibcVersions = new ArrayList<>();
        for (VersionNeed need : f.versionNeeds()) {
            for (VersionNeed.Entry e : need.entries()) {
                glibcVersions.add(e.name());
            }
        }
        for (VersionDefinition d : f.versionDefinitions()) {
            glibcVersions.add(d.name());
        }
        for (String v : glibcVersions) {
            int[] mm = parseGlibc(v);
            if (mm == null) {
                continue;
            }
            if (compare(mm, newBase) >= 0) {
                newVersions.add(v);
            } else if (compare(mm, oldLast) > 0) {
                between.add(v);
            } else if (compare(mm, oldBase) >= 0) {
                oldVersions.add(v);
            }
        }
        if (!oldVersions.isEmpty()) {
            oldSeen = true;
            evidence.add("it uses glibc symbol versions " + String.join(", ", oldVersions) + ", older than GLIBC_"
                    + MARKERS.getProperty("new.glibc.base") + " where the new-world glibc starts: only the old-world glibc"
                    + " (2.28) has them");
        }
        if (!newVersions.isEmpty()) {
            newSeen = true;
            evidence.add("its glibc symbol versions (" + String.join(", ", newVersions) + ") start at GLIBC_"
                    + MARKERS.getProperty("new.glibc.base") + " or later, as the new-world glibc does");
        }

        boolean preRelease = !between.isEmpty();
        if (preRelease) {
            evidence.add("it uses glibc symbol versions " + String.join(", ", between) + ", newer than the old world's"
                    + " glibc " + MARKERS.getProperty("old.glibc.last") + " and older than GLIBC_"
                    + MARKERS.getProperty("new.glibc.base") + " where upstream glibc on LoongArch starts: a pre-release"
                    + " new-world glibc defined them");
        }

        MachineAbi abi = f.machineAbi();
        if (abi instanceof MachineAbi.LoongArch la) {
            int newObj = Integer.parseInt(MARKERS.getProperty("new.object.abi"));
            if (la.objectAbiVersion() >= newObj) {
                newSeen = true;
                evidence.add("its e_flags mark object ABI v" + la.objectAbiVersion()
                        + ", which only new-world toolchains (binutils 2.40, LLVM 16 and later) write");
            } else {
                evidence.add("its e_flags mark object ABI v0, written by old-world toolchains and by new-world ones"
                        + " before binutils 2.40, so it decides nothing");
            }
        }

        World w;
        String consequence;
        if (preRelease && !oldSeen) {
            w = World.PRE_RELEASE;
            consequence = "built against a pre-upstream new-world glibc (2022, before glibc 2.36): no released"
                    + " glibc defines " + String.join(", ", between) + " on LoongArch (the old world's stops at 2.28,"
                    + " upstream starts at 2.36), so it loads neither on an old-world (ABI1.0) system nor on a"
                    + " new-world (ABI2.0) distribution built on upstream glibc; it needs a rebuild against glibc 2.36"
                    + " or later";
        } else if ((oldSeen && newSeen) || (preRelease && oldSeen)) {
            w = World.CONFLICTING;
            consequence = "the markers contradict each other, so neither world's loader can be trusted to accept it";
        } else if (oldSeen) {
            w = World.OLD;
            consequence = "built for the old world (ABI1.0: Loongnix, Kylin, UOS of that era): it does not load on a"
                    + " new-world (ABI2.0) system such as Debian loong64, Fedora, openEuler, Arch or Gentoo"
                    + " unless an old-world compatibility layer (liblol) is installed";
        } else if (newSeen) {
            w = World.NEW;
            consequence = "built for the new world (ABI2.0): it does not load on an old-world (ABI1.0) system"
                    + " (Loongnix, Kylin, UOS of that era), whose glibc and loader follow the other ABI";
        } else {
            w = World.UNDECIDED;
            consequence = "no marker decides which world it was built for; it needs no world-specific glibc"
                    + " symbol version, so it may load on both, but that is not certain";
        }
        return Optional.of(new LoongArchWorld(w, evidence, consequence));
    }

    /** [major, minor] of "GLIBC_2.36" or "GLIBC_2.27.1"-like names, or null for anything else. */
    static int[] parseGlibc(String version) {
        if (version == null || !version.startsWith("GLIBC_")) {
            return null;
        }
        String[] parts = version.substring(6).split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }
}
