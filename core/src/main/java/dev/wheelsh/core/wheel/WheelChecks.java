package dev.wheelsh.core.wheel;

import dev.wheelsh.core.elf.DynamicSymbol;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A wheel read once and checked against its own claims: {@link WheelFacts#read} reads the archive
 * in place, {@link ContentChecks} judges the facts (codes WH301-WH306, docs/codes.md). The promise
 * checks (policy) and the checks against a target take the same facts from {@link Result#facts()}.
 */
public final class WheelChecks {

    private WheelChecks() {
    }

    /** What was read, and what was found. */
    public record Result(WheelFacts facts, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        /**
         * A result from the parts an earlier result had; the facts keep only the native members
         * (see {@link WheelFacts#of}). {@link #withFindings} keeps all of them.
         */
        public Result(WheelFilename filename, String distInfo, WheelMetadata wheel, List<Member> elfMembers, List<Finding> findings) {
            this(WheelFacts.of(filename, distInfo, wheel, elfMembers), findings);
        }

        /** The same facts with other findings (for example the whole list of promise checks). */
        public Result withFindings(List<Finding> other) {
            return new Result(facts, other);
        }

        public WheelFilename filename() {
            return facts.filename();
        }

        public String distInfo() {
            return facts.distInfo();
        }

        public WheelMetadata wheel() {
            return facts.wheel();
        }

        public List<Member> elfMembers() {
            return facts.natives();
        }
    }

    /**
     * One native member and the facts of it the checks read, taken from its ELF file once.
     *
     * @param arch            the architecture as platform tags name it
     * @param loongArchWorld  for a LoongArch object, the ABI world it was built for
     * @param imports         names of the symbols it imports (undefined, not local)
     * @param weakImports     those of them imported weakly
     */
    public record Member(String name, ElfFile elf, String arch, Optional<LoongArchWorld> loongArchWorld,
                         Set<String> imports, Set<String> weakImports) {
        public Member {
            imports = Set.copyOf(imports);
            weakImports = Set.copyOf(weakImports);
        }

        public Member(String name, ElfFile elf) {
            this(name, elf, Imports.of(elf));
        }

        private Member(String name, ElfFile elf, Imports imports) {
            this(name, elf, elf.platformArch(), LoongArchWorld.of(elf), imports.all(), imports.weak());
        }

        /** The imported symbols' names, from one walk over the symbol table. */
        private record Imports(Set<String> all, Set<String> weak) {
            static Imports of(ElfFile elf) {
                Set<String> all = new TreeSet<>();
                Set<String> weak = new TreeSet<>();
                for (DynamicSymbol s : elf.importedSymbols()) {
                    all.add(s.name());
                    if (s.bind() == DynamicSymbol.STB_WEAK) {
                        weak.add(s.name());
                    }
                }
                return new Imports(all, weak);
            }
        }
    }

    /** Reads the wheel's facts (in one pass; RECORD too when asked) and runs the content checks on them. */
    public static Result check(WheelArchive w, boolean verifyRecord) throws InputException {
        WheelFacts facts = WheelFacts.read(w, verifyRecord);
        return new Result(facts, ContentChecks.run(facts));
    }

    /** See {@link ContentChecks#platformArch}. */
    static Optional<String> platformArch(String platform) {
        return ContentChecks.platformArch(platform);
    }
}
