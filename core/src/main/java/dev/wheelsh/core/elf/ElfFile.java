package dev.wheelsh.core.elf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything wheelsh reads from one ELF object. Immutable; built by {@link ElfReader}.
 *
 * @param name          the name the object was read under (a path, or wheel!member), used in messages
 * @param sections      empty when the object has no section header table (stripped or hostile)
 * @param interpreter   the PT_INTERP path (executables and loaders; libraries usually have none)
 * @param dynamic       empty for a static object
 * @param symbols       the dynamic symbol table, entry 0 (the null symbol) included as readelf lists it
 * @param x86IsaLevel   the x86-64 micro-architecture level the object needs (1 for baseline,
 *                      2..4 for x86-64-v2..v4) from GNU_PROPERTY_X86_ISA_1_NEEDED, when marked
 */
public record ElfFile(
        String name,
        ElfHeader header,
        List<ProgramHeader> programHeaders,
        List<SectionHeader> sections,
        Optional<String> interpreter,
        Optional<DynamicInfo> dynamic,
        List<DynamicSymbol> symbols,
        List<VersionNeed> versionNeeds,
        List<VersionDefinition> versionDefinitions,
        List<ElfNote> notes,
        OptionalInt x86IsaLevel) {

    public ElfFile {
        programHeaders = List.copyOf(programHeaders);
        sections = List.copyOf(sections);
        symbols = List.copyOf(symbols);
        versionNeeds = List.copyOf(versionNeeds);
        versionDefinitions = List.copyOf(versionDefinitions);
        notes = List.copyOf(notes);
    }

    public MachineAbi machineAbi() {
        return MachineAbi.decode(header);
    }

    /** The architecture as wheel platform tags name it ("x86_64", "loongarch64", ...). */
    public String platformArch() {
        return ElfMachine.platformArch(header);
    }

    /** Whether this is Android (bionic) code, with the evidence and the API level it was built for. */
    public Optional<BionicCode> bionic() {
        return BionicCode.of(this);
    }

    public List<String> needed() {
        return dynamic.map(DynamicInfo::needed).orElse(List.of());
    }

    public Optional<String> soname() {
        return dynamic.flatMap(DynamicInfo::soname);
    }

    /**
     * Names of the defined, global, default-visible functions or objects named PyInit_*: the entry
     * points a CPython extension module exports (PyInit_foo for module foo).
     */
    public List<String> pyInitSymbols() {
        List<String> out = new ArrayList<>();
        for (DynamicSymbol s : symbols) {
            if (s.defined() && s.name().startsWith("PyInit_") && s.bind() != DynamicSymbol.STB_LOCAL
                    && s.visibility() == 0 && !s.version().map(DynamicSymbol.SymbolVersion::hidden).orElse(false)) {
                out.add(s.name());
            }
        }
        return out;
    }

    /** The symbols this object imports (undefined, not local), with the version they ask for. */
    public List<DynamicSymbol> importedSymbols() {
        List<DynamicSymbol> out = new ArrayList<>();
        for (DynamicSymbol s : symbols) {
            if (!s.defined() && s.index() != 0 && s.bind() != DynamicSymbol.STB_LOCAL) {
                out.add(s);
            }
        }
        return out;
    }
}
