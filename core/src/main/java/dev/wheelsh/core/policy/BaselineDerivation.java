package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import dev.wheelsh.core.elf.VersionDefinition;
import dev.wheelsh.core.elf.VersionNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a baseline from a reference system's libraries: every whitelisted library found in a
 * directory tree (a sysroot, an unpacked image, extracted distribution packages) is read, and its
 * version definitions become the policy's symbol versions, per architecture. This is how the
 * built-in policies were made from their reference systems, so a baseline for a system no
 * manylinux policy describes yet (a loongarch64 distribution that froze glibc at 2.38 but ships a
 * newer libstdc++) comes out in the same terms.
 *
 * <p>Libraries are recognised by their DT_SONAME, so versioned file names
 * ({@code libstdc++.so.6.0.33}) are found; symbolic links are not followed. The walk is bounded
 * in files and depth so a huge or cyclic tree costs bounded time.
 */
public final class BaselineDerivation {

    /** The version families auditwheel's policies judge; others a library defines are left out. */
    public static final Set<String> FAMILIES = Set.of("GLIBC", "GLIBCXX", "CXXABI", "GCC", "ZLIB", "LIBATOMIC");
    static final int MAX_FILES = 500_000;
    static final int MAX_DEPTH = 40;
    private static final Pattern SHARED_NAME = Pattern.compile("lib[^/]*\\.so(\\.[0-9.]+)?");
    private static final Pattern GLIBC_NODE = Pattern.compile("GLIBC_(\\d+)\\.(\\d+)(?:\\.\\d+)*");

    /**
     * A derived baseline and what it was made of.
     *
     * @param libraries  per architecture, the whitelisted sonames read and the file each came from (relative to the root)
     * @param missing    per architecture, whitelisted sonames the tree does not have
     */
    public record Derived(Policy policy, Map<String, Map<String, String>> libraries, Map<String, List<String>> missing) {
    }

    private BaselineDerivation() {
    }

    /**
     * @param root      the tree to read
     * @param name      the policy name; empty to name it after the newest GLIBC version found
     *                  ({@code manylinux_2_38})
     * @param priority  empty to take the built-in policy's of that name, or auditwheel's rule
     *                  (92 minus the glibc minor version) for a glibc name without one
     * @param whitelist the libraries the baseline lets wheels take from the system; also the ones read
     */
    public static Derived derive(Path root, Optional<String> name, Optional<Integer> priority, List<String> whitelist,
                                 Map<String, List<String>> blacklist) throws InputException {
        if (!Files.isDirectory(root)) {
            throw new InputException(root + ": not a directory; derive reads a reference system's library tree");
        }
        Set<String> wanted = new TreeSet<>(whitelist);
        // arch -> family -> versions
        Map<String, Map<String, Set<String>>> defs = new TreeMap<>();
        Map<String, Map<String, String>> read = new TreeMap<>();
        int[] seen = {0};
        // whitelisted soname -> why the file named after it could not be read
        Map<String, String> unreadable = new TreeMap<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++seen[0] > MAX_FILES) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (!attrs.isRegularFile() || !SHARED_NAME.matcher(file.getFileName().toString()).matches() || !isElf(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    ElfFile elf;
                    try {
                        elf = ElfReader.read(file);
                    } catch (InputException e) {
                        // not an object that can be one of the baseline's libraries, unless its name says it is one
                        wantedByName(file.getFileName().toString(), wanted)
                                .ifPresent(lib -> unreadable.putIfAbsent(lib, e.getMessage()));
                        return FileVisitResult.CONTINUE;
                    }
                    Optional<String> soname = elf.soname();
                    if (soname.isEmpty() || !wanted.contains(soname.get())) {
                        return FileVisitResult.CONTINUE;
                    }
                    String arch = elf.platformArch();
                    read.computeIfAbsent(arch, a -> new TreeMap<>()).putIfAbsent(soname.get(), root.relativize(file).toString());
                    Map<String, Set<String>> fams = defs.computeIfAbsent(arch, a -> new TreeMap<>());
                    for (VersionDefinition d : elf.versionDefinitions()) {
                        if (d.base()) {
                            continue;
                        }
                        int us = d.name().indexOf('_');
                        if (us <= 0) {
                            continue;
                        }
                        String family = d.name().substring(0, us);
                        String version = d.name().substring(us + 1);
                        if (FAMILIES.contains(family) && !version.equals("PRIVATE")) {
                            fams.computeIfAbsent(family, f -> new TreeSet<>()).add(version);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InputException(root + ": cannot walk: " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> u : unreadable.entrySet()) {
            if (read.values().stream().noneMatch(libs -> libs.containsKey(u.getKey()))) {
                // reported, not left out: a baseline without it would whitelist it with no versions
                throw new InputException(u.getValue() + " (the only " + u.getKey() + " in " + root
                        + "; a baseline derived without it would not know its versions)");
            }
        }
        if (defs.isEmpty()) {
            throw new InputException(root + ": no whitelisted library (libc.so.6, libstdc++.so.6, libgcc_s.so.1, ...) found"
                    + (seen[0] > MAX_FILES ? " in the first " + MAX_FILES + " files" : ""));
        }
        Map<String, Map<String, List<String>>> symbols = new LinkedHashMap<>();
        String newestGlibc = null;
        for (Map.Entry<String, Map<String, Set<String>>> arch : defs.entrySet()) {
            Map<String, List<String>> fams = new LinkedHashMap<>();
            for (Map.Entry<String, Set<String>> fam : arch.getValue().entrySet()) {
                fams.put(fam.getKey(), Policy.inAuditwheelOrder(fam.getValue()));
            }
            symbols.put(arch.getKey(), fams);
            for (String v : arch.getValue().getOrDefault("GLIBC", Set.of())) {
                if (GLIBC_NODE.matcher("GLIBC_" + v).matches()
                        && (newestGlibc == null || VersionNames.BY_NUMBERS.compare(VersionNames.parse("GLIBC_" + v), VersionNames.parse("GLIBC_" + newestGlibc)) > 0)) {
                    newestGlibc = v;
                }
            }
        }
        String policyName;
        if (name.isPresent()) {
            policyName = name.get();
        } else if (newestGlibc != null) {
            Matcher m = GLIBC_NODE.matcher("GLIBC_" + newestGlibc);
            m.matches();
            policyName = "manylinux_" + m.group(1) + "_" + m.group(2);
        } else {
            throw new InputException(root + ": no glibc found to name the baseline after; give it a name (--name)");
        }
        int prio = priority.orElseGet(() -> defaultPriority(policyName));
        Map<String, List<String>> missing = new TreeMap<>();
        for (String arch : symbols.keySet()) {
            List<String> absent = new ArrayList<>();
            for (String lib : whitelist) {
                if (!read.get(arch).containsKey(lib)) {
                    absent.add(lib);
                }
            }
            missing.put(arch, absent);
        }
        Policy p = new Policy(policyName, List.of(), prio, symbols, whitelist, blacklist);
        return new Derived(p, read, missing);
    }

    /**
     * With the whitelist and blacklist of the newest built-in manylinux baseline: what a wheel may
     * take from a system of today, judged against this system's library versions.
     */
    public static Derived derive(Path root, Optional<String> name, Optional<Integer> priority) throws InputException {
        Policy newest = BuiltinPolicies.all().policies().stream().filter(p -> p.libc() == LibcFamily.GLIBC)
                .reduce((a, b) -> b).orElseThrow();
        return derive(root, name, priority, newest.libWhitelist(), newest.blacklist());
    }

    /** The built-in policy's priority for this name, else 92 minus the glibc minor (auditwheel's pattern), else 1. */
    static int defaultPriority(String name) {
        Optional<Policy> builtin = BuiltinPolicies.all().find(name);
        if (builtin.isPresent()) {
            return builtin.get().priority();
        }
        Matcher m = Pattern.compile("manylinux_2_(\\d{1,3})").matcher(name);
        if (m.matches()) {
            return Math.max(1, 92 - Integer.parseInt(m.group(1)));
        }
        return 1;
    }

    /** The whitelisted soname a file is named after: the soname itself or a longer version of it (libstdc++.so.6.0.32). */
    static Optional<String> wantedByName(String fileName, Set<String> wanted) {
        for (String lib : wanted) {
            if (fileName.equals(lib) || fileName.startsWith(lib + ".")) {
                return Optional.of(lib);
            }
        }
        return Optional.empty();
    }

    private static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return ElfReader.isElf(in.readNBytes(4));
        } catch (IOException e) {
            return false;
        }
    }
}
