package dev.wheelsh.core.policy;

import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.VersionNames;
import dev.wheelsh.core.elf.VersionNeed;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.core.wheel.WheelFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a wheel's native code asks of the system it lands on: the libraries it needs that the
 * wheel does not bundle, the symbol versions it asks of them, the symbols it imports and the
 * x86-64 ISA level. This is the one walk over the members that the baseline verdict, the glibc
 * floor and the reports of {@code show} all read.
 *
 * <p>A library counts as bundled when some member of the wheel has its name as soname or file
 * name; what members ask of bundled libraries is satisfied by the wheel itself and says nothing
 * about the system. The ELF loader ({@code ld-linux-*}, {@code ld64.so.*}, {@code ld-musl-*}) and
 * {@code libpythonX.Y} are provided by every system that runs the interpreter and are not counted
 * as libraries the wheel needs, as auditwheel does not count them.
 */
public record SystemNeeds(List<Member> members, Set<String> bundled) {

    private static final Pattern LOADER = Pattern.compile("ld-linux[^/]*\\.so\\.\\d+|ld64\\.so\\.[12]|ld\\.so\\.1|ld-musl-[^/]+\\.so\\.1");
    private static final Pattern LIBPYTHON = Pattern.compile("libpython\\d+\\.\\d+[a-z]*\\.so(\\.[\\d.]+)?");

    /**
     * One symbol version a member asks of a system library, taken apart once: the family as
     * auditwheel splits it (the text before the first underscore: "GLIBCXX" of
     * "GLIBCXX_LDBL_3.4"), the rest ("LDBL_3.4"), and whether it is asked of the ELF loader.
     * auditwheel leaves versions asked of the loader out of its symbol-version check (so the
     * baseline verdict does too); the glibc floor counts them, since an old loader refuses them
     * just the same.
     */
    public record VersionAsk(String library, String version, boolean weak, String family, String withinFamily, boolean ofLoader) {
        public VersionAsk(String library, String version, boolean weak) {
            this(library, version, weak, version.indexOf('_') < 0 ? version : version.substring(0, version.indexOf('_')),
                    version.indexOf('_') < 0 ? "" : version.substring(version.indexOf('_') + 1), isLoader(library));
        }
    }

    /**
     * One native member's needs of the system.
     *
     * @param libraries     DT_NEEDED entries that the wheel does not bundle, loader and libpython left out
     * @param versions      symbol versions asked of those libraries (and of the loader, which the system provides)
     * @param imports       names of the symbols the member imports
     * @param weakImports   those of them imported weakly (the member loads without them)
     * @param muslByPlainName musl code known as such only by a plain name musl's loader answers
     *                      ({@code libc.so}, as Rust's and Zig's musl toolchains record it): no
     *                      musl loader, no {@code libc.musl-*} and no {@code -linux-musl.so} file
     *                      name, the marks auditwheel looks for
     * @param pythonExtension whether it defines a {@code PyInit_} function
     */
    public record Member(String name, String arch, List<String> libraries, List<VersionAsk> versions,
                         Set<String> imports, Set<String> weakImports, OptionalInt x86IsaLevel, boolean musl,
                         boolean android, boolean muslByPlainName, boolean pythonExtension) {
        /** A member that is not Android code. */
        public Member(String name, String arch, List<String> libraries, List<VersionAsk> versions,
                      Set<String> imports, Set<String> weakImports, OptionalInt x86IsaLevel, boolean musl) {
            this(name, arch, libraries, versions, imports, weakImports, x86IsaLevel, musl, false, false, false);
        }

        public Member {
            libraries = List.copyOf(libraries);
            versions = List.copyOf(versions);
            imports = Set.copyOf(imports);
            weakImports = Set.copyOf(weakImports);
        }
    }

    public SystemNeeds {
        members = List.copyOf(members);
        bundled = Set.copyOf(bundled);
    }

    public static SystemNeeds of(WheelChecks.Result wheel) {
        return of(wheel.elfMembers());
    }

    public static SystemNeeds of(WheelFacts facts) {
        return of(facts.natives());
    }

    public static SystemNeeds of(List<WheelChecks.Member> natives) {
        Set<String> bundled = new TreeSet<>();
        for (WheelChecks.Member m : natives) {
            bundled.add(m.name().substring(m.name().lastIndexOf('/') + 1));
            m.elf().soname().ifPresent(bundled::add);
        }
        List<Member> out = new ArrayList<>();
        for (WheelChecks.Member m : natives) {
            out.add(member(m, bundled));
        }
        return new SystemNeeds(out, bundled);
    }

    /** A single object's needs, when it is not part of a wheel (nothing is bundled). */
    public static SystemNeeds of(String name, ElfFile elf) {
        return new SystemNeeds(List.of(member(new WheelChecks.Member(name, elf), Set.of())), Set.of());
    }

    private static Member member(WheelChecks.Member nativeMember, Set<String> bundled) {
        ElfFile elf = nativeMember.elf();
        List<String> libs = new ArrayList<>();
        boolean musl = elf.interpreter().map(i -> i.contains("ld-musl-")).orElse(false);
        boolean marked = musl; // a mark of musl that auditwheel also reads
        for (String lib : elf.needed()) {
            // musl's C library: libc.musl-<arch>.so.1 as Alpine links it, or plain libc.so as other
            // musl toolchains (Rust's, Zig's) record it; glibc's is always libc.so.6.
            if (lib.startsWith("libc.musl-") || lib.startsWith("ld-musl-")) {
                musl = true;
                marked = true;
            } else if (lib.equals("libc.so")) {
                musl = true;
            }
            if (!bundled.contains(lib) && !isLoader(lib) && !LIBPYTHON.matcher(lib).matches() && !libs.contains(lib)) {
                libs.add(lib);
            }
        }
        List<VersionAsk> versions = new ArrayList<>();
        for (VersionNeed n : elf.versionNeeds()) {
            if (bundled.contains(n.file())) {
                continue;
            }
            for (VersionNeed.Entry e : n.entries()) {
                versions.add(new VersionAsk(n.file(), e.name(), e.weak()));
            }
        }
        // Bionic answers to plain libc.so as musl's loader does; its code is Android's, not musl's.
        boolean android = elf.bionic().isPresent();
        if (android) {
            musl = false;
        }
        // The imported names were collected when the member was read; the symbol table is not walked again.
        String file = nativeMember.name().substring(nativeMember.name().lastIndexOf('/') + 1);
        marked |= file.endsWith("-linux-musl.so") || file.endsWith("-arm-linux-musleabihf.so");
        return new Member(nativeMember.name(), nativeMember.arch(), libs, versions, nativeMember.imports(), nativeMember.weakImports(),
                elf.x86IsaLevel(), musl, android, musl && !marked, !elf.pyInitSymbols().isEmpty());
    }

    /** The ELF loader under any of its names. */
    public static boolean isLoader(String lib) {
        return LOADER.matcher(lib).matches();
    }

    /**
     * The needs of the members of one architecture only (what the others bundle still counts as
     * bundled): a mixed-arch wheel's members are each judged against their own architecture's
     * baselines, never against another's.
     */
    public SystemNeeds only(String arch) {
        return new SystemNeeds(members.stream().filter(m -> m.arch().equals(arch)).toList(), bundled);
    }

    /** The architectures of the members, in member order, each once. */
    public List<String> architectures() {
        return members.stream().map(Member::arch).distinct().toList();
    }

    /** Libraries some member needs from the system, sorted. */
    public Set<String> libraries() {
        Set<String> out = new TreeSet<>();
        members.forEach(m -> out.addAll(m.libraries()));
        return out;
    }

    /**
     * The highest non-weak version of each numbered family asked of the system, families in
     * first-seen order ("GLIBC" -> "GLIBC_2.34"): together these set the oldest system the code loads on.
     */
    public Map<String, String> highestVersions() {
        List<String> names = new ArrayList<>();
        for (Member m : members) {
            for (VersionAsk v : m.versions()) {
                if (!v.weak()) {
                    names.add(v.version());
                }
            }
        }
        return new LinkedHashMap<>(VersionNames.highestPerFamily(names));
    }

    /** Whether any member is Android (bionic) code. */
    public boolean android() {
        return members.stream().anyMatch(Member::android);
    }

    /** Whether any member is linked against musl (its loader or its C library). */
    public boolean musl() {
        return members.stream().anyMatch(Member::musl);
    }
}
