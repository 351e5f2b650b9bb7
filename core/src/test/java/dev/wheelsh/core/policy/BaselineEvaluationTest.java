package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.testing.ReferencePython;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verdict's rules, one per test, on needs written out by hand. */
class BaselineEvaluationTest {

    private static final PolicySet BUILTIN = BuiltinPolicies.all();

    private static SystemNeeds.VersionAsk ask(String lib, String version) {
        return new SystemNeeds.VersionAsk(lib, version, false);
    }

    private static SystemNeeds needs(String arch, List<String> libs, List<SystemNeeds.VersionAsk> versions, Set<String> imports,
                                     Set<String> weak, OptionalInt isa) {
        return new SystemNeeds(List.of(new SystemNeeds.Member("pkg/_ext.so", arch, libs, versions, imports, weak, isa, false)), Set.of());
    }

    private static SystemNeeds needs(String arch, SystemNeeds.VersionAsk... versions) {
        return needs(arch, List.of("libc.so.6", "libstdc++.so.6"), List.of(versions), Set.of(), Set.of(), OptionalInt.empty());
    }

    @Test
    void aNewerLibstdcxxVersionRulesOutTheOlderBaselinesAndSaysWhich() {
        PolicyVerdict v = BaselineEvaluation.evaluate(needs("x86_64", ask("libc.so.6", "GLIBC_2.17"), ask("libstdc++.so.6", "GLIBCXX_3.4.30")),
                "x86_64", BUILTIN);
        assertEquals("manylinux_2_35_x86_64", v.bestTag());
        PolicyVerdict.Fit blocked = v.fit("manylinux_2_34").orElseThrow();
        assertEquals("GLIBCXX_3.4.30 from libstdc++.so.6 (asked by pkg/_ext.so) rules out manylinux_2_34_x86_64",
                blocked.obstacles().get(0).describe(blocked.policy(), "x86_64"));
        assertEquals(List.of("manylinux_2_5", "manylinux_2_12", "manylinux_2_17", "manylinux_2_24", "manylinux_2_26", "manylinux_2_27",
                "manylinux_2_28", "manylinux_2_31", "manylinux_2_34"), v.blocked().stream().map(f -> f.policy().name()).toList());
    }

    @Test
    void familiesNoBaselineListsAreNotJudgedButPrivateGlibcIsRefused() {
        assertEquals("manylinux_2_5_x86_64", BaselineEvaluation.evaluate(needs("x86_64", ask("libc.so.6", "GLIBC_2.2.5"),
                ask("libssl.so.3", "OPENSSL_3.0.0")), "x86_64", BUILTIN.with(allowing("libssl.so.3"))).bestTag());
        assertEquals("linux_x86_64", BaselineEvaluation.evaluate(needs("x86_64", ask("libc.so.6", "GLIBC_PRIVATE")), "x86_64", BUILTIN).bestTag());
    }

    @Test
    void versionsAskedOfTheLoaderAreLeftOutAsAuditwheelLeavesThemOut() {
        PolicyVerdict v = BaselineEvaluation.evaluate(needs("x86_64", ask("libc.so.6", "GLIBC_2.2.5"),
                ask("ld-linux-x86-64.so.2", "GLIBC_2.35")), "x86_64", BUILTIN);
        assertEquals("manylinux_2_5_x86_64", v.bestTag());
    }

    @Test
    void aLibraryOutsideTheWhitelistLeavesOnlyLinux() {
        PolicyVerdict v = BaselineEvaluation.evaluate(needs("aarch64", List.of("libc.so.6", "libssl.so.3"), List.of(ask("libc.so.6", "GLIBC_2.17")),
                Set.of(), Set.of(), OptionalInt.empty()), "aarch64", BUILTIN);
        assertEquals("linux_aarch64", v.bestTag());
        assertTrue(v.fit("manylinux_2_17").orElseThrow().obstacles().get(0) instanceof PolicyVerdict.ExternalLibrary);
    }

    @Test
    void blacklistedSymbolsCountOnlyWhenImportedStrongly() {
        SystemNeeds strong = needs("x86_64", List.of("libc.so.6", "libz.so.1"), List.of(ask("libc.so.6", "GLIBC_2.2.5")),
                Set.of("inflate_fast"), Set.of(), OptionalInt.empty());
        assertEquals("linux_x86_64", BaselineEvaluation.evaluate(strong, "x86_64", BUILTIN).bestTag(), "every zlib blacklist has inflate_fast");
        SystemNeeds weak = needs("x86_64", List.of("libc.so.6", "libz.so.1"), List.of(ask("libc.so.6", "GLIBC_2.2.5")),
                Set.of("inflate_fast"), Set.of("inflate_fast"), OptionalInt.empty());
        assertEquals("manylinux_2_5_x86_64", BaselineEvaluation.evaluate(weak, "x86_64", BUILTIN).bestTag());
        SystemNeeds issignaling = needs("x86_64", List.of("libc.so.6"), List.of(ask("libc.so.6", "GLIBC_2.18")),
                Set.of("__issignaling"), Set.of(), OptionalInt.empty());
        assertEquals("manylinux_2_24_x86_64", BaselineEvaluation.evaluate(issignaling, "x86_64", BUILTIN).bestTag(),
                "the glibc blacklist of manylinux1/2010/2014 forbids __issignaling");
    }

    @Test
    void x8664V3CodeMeetsNoBaseline() {
        SystemNeeds v3 = needs("x86_64", List.of("libc.so.6"), List.of(ask("libc.so.6", "GLIBC_2.2.5")), Set.of(), Set.of(), OptionalInt.of(3));
        PolicyVerdict v = BaselineEvaluation.evaluate(v3, "x86_64", BUILTIN);
        assertEquals("linux_x86_64", v.bestTag());
        assertTrue(v.fit("manylinux_2_5").orElseThrow().obstacles().get(0).describe(v.fit("manylinux_2_5").get().policy(), "x86_64")
                .contains("x86-64-v3"));
    }

    @Test
    void narrowUnicodePython2ExtensionsMeetNoBaseline() {
        SystemNeeds ucs2 = needs("x86_64", List.of("libc.so.6"), List.of(), Set.of("PyUnicodeUCS2_AsUTF8String"), Set.of(), OptionalInt.empty());
        assertEquals("linux_x86_64", BaselineEvaluation.evaluate(ucs2, "x86_64", BUILTIN).bestTag());
    }

    @Test
    void muslCodeIsJudgedByTheMuslBaselinesWhoseLibcSoIsTheArchitecturesMuslLibrary() {
        SystemNeeds musl = new SystemNeeds(List.of(new SystemNeeds.Member("m.so", "loongarch64", List.of("libc.musl-loongarch64.so.1"),
                List.of(), Set.of(), Set.of(), OptionalInt.empty(), true)), Set.of());
        PolicyVerdict v = BaselineEvaluation.evaluate(musl, "loongarch64", BUILTIN);
        assertEquals("musllinux_1_2_loongarch64", v.bestTag(), "musllinux_1_1 does not define loongarch64");
        assertEquals(LibcFamily.MUSL, v.libc());
    }

    /**
     * A loongarch64 baseline that keeps glibc at 2.38 but ships GCC 14's libstdc++, as the
     * commercial distributions do: code built there needs GLIBCXX_3.4.33, which the built-in
     * manylinux_2_38 does not allow, but the project's redefinition does.
     */
    @Test
    void aCustomBaselineRedefinesABuiltInOneForItsArchitectureOnly() throws Exception {
        PolicySet custom = PolicyJson.read(ReferencePython.repoRoot().resolve("docs/examples/loongarch64-glibc2.38.json"));
        SystemNeeds n = needs("loongarch64", ask("libc.so.6", "GLIBC_2.38"), ask("libstdc++.so.6", "GLIBCXX_3.4.33"));
        assertEquals("manylinux_2_40_loongarch64", BaselineEvaluation.evaluate(n, "loongarch64", BUILTIN).bestTag());
        PolicySet both = BUILTIN.with(custom);
        assertEquals("manylinux_2_38_loongarch64", BaselineEvaluation.evaluate(n, "loongarch64", both).bestTag());
        assertEquals(BUILTIN.find("manylinux_2_38").get().symbolVersions().get("x86_64"),
                both.find("manylinux_2_38").get().symbolVersions().get("x86_64"), "x86_64 keeps the built-in lists");
    }

    @Test
    void badBaselineFilesGiveOneLineWithThePlace() {
        InputException e = assertThrows(InputException.class, () -> PolicyJson.read("b.json", "[{\"name\": \"x\", \"priority\": \"high\"}]"));
        assertEquals("b.json:1:28: priority of x must be a whole number from 0 to 999999999", e.getMessage());
        InputException missing = assertThrows(InputException.class, () -> PolicyJson.read("b.json", "[{\"name\": \"x\", \"priority\": 3}]"));
        assertEquals("b.json:1:2: a policy needs \"symbol_versions\"", missing.getMessage());
        InputException prio = assertThrows(InputException.class, () -> PolicyJson.read("b.json",
                "[{\"name\": \"x\", \"priority\": -3, \"symbol_versions\": {}, \"lib_whitelist\": []}]"));
        assertTrue(prio.getMessage().startsWith("b.json:1:28: priority of x must be a whole number"), prio.getMessage());
        InputException syntax = assertThrows(InputException.class, () -> PolicyJson.read("b.json", "[{\"name\": \n"));
        assertTrue(syntax.getMessage().startsWith("b.json:"), syntax.getMessage());
    }

    private static PolicySet allowing(String lib) {
        List<Policy> out = new java.util.ArrayList<>();
        for (Policy p : BUILTIN.policies()) {
            List<String> wl = new java.util.ArrayList<>(p.libWhitelist());
            wl.add(lib);
            out.add(new Policy(p.name(), p.aliases(), p.priority(), p.symbolVersions(), wl, p.blacklist()));
        }
        return new PolicySet(out);
    }
}
