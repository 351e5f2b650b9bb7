package dev.wheelsh.core.policy;

import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.tags.PlatformTags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in baselines expand to auditwheel's published policy lists. Each row pins one list of
 * auditwheel's manylinux-policy.json (6.x) as published, the irregular ones especially: the
 * architectures whose reference images shipped older libraries, the nodes that exist on one
 * architecture only, the glibc versions an architecture skipped.
 */
class BuiltinPoliciesTest {

    private static final PolicySet ALL = BuiltinPolicies.all();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "manylinux_2_5|x86_64|GLIBC|2.2.5 2.2.6 2.3 2.3.2 2.3.3 2.3.4 2.4 2.5",
            "manylinux_2_5|i686|GLIBC|2.0 2.1 2.1.1 2.1.2 2.1.3 2.2 2.2.1 2.2.2 2.2.3 2.2.4 2.2.6 2.3 2.3.2 2.3.3 2.3.4 2.4 2.5",
            "manylinux_2_5|i686|GCC|3.0 3.3 3.3.1 3.4 3.4.2 4.0.0 4.2.0",
            "manylinux_2_5|x86_64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0",
            "manylinux_2_5|x86_64|CXXABI|1.3 1.3.1",
            "manylinux_2_5|x86_64|ZLIB|",
            "manylinux_2_12|x86_64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0",
            "manylinux_2_12|i686|GCC|3.0 3.3 3.3.1 3.4 3.4.2 4.0.0 4.2.0 4.3.0 4.4.0 4.5.0",
            "manylinux_2_12|i686|ZLIB|1.2.0 1.2.0.2 1.2.0.8 1.2.2 1.2.2.3 1.2.2.4",
            "manylinux_2_17|aarch64|GLIBC|2.0 2.17 2.18",
            "manylinux_2_17|ppc64le|GLIBC|2.0 2.17",
            "manylinux_2_17|armv7l|GLIBC|2.0 2.4 2.5 2.6 2.7 2.8 2.9 2.10 2.11 2.12 2.13 2.14 2.15 2.16 2.17",
            "manylinux_2_17|i686|CXXABI|1.3 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.3.6 1.3.7 TM_1",
            "manylinux_2_17|armv7l|CXXABI|1.3 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.3.6 1.3.7 ARM_1.3.3 TM_1",
            "manylinux_2_17|ppc64le|CXXABI|1.3 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.3.6 1.3.7 LDBL_1.3 TM_1",
            "manylinux_2_17|aarch64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0 4.5.0 4.7.0",
            "manylinux_2_17|s390x|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.1.0 4.2.0 4.3.0 4.7.0",
            "manylinux_2_17|ppc64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0 4.4.0 4.5.0 4.7.0 4.8.0",
            "manylinux_2_17|armv7l|GCC|3.0 3.3 3.3.1 3.3.4 3.4 3.4.2 3.5 4.0.0 4.2.0 4.3.0 4.7.0",
            "manylinux_2_17|x86_64|LIBATOMIC|",
            "manylinux_2_17|i686|LIBATOMIC|1.0",
            "manylinux_2_17|x86_64|ZLIB|1.2.0 1.2.0.2 1.2.0.8 1.2.2 1.2.2.3 1.2.2.4 1.2.3.3 1.2.3.4 1.2.3.5 1.2.5.1 1.2.5.2",
            "manylinux_2_24|s390x|GLIBC|2.2 2.2.1 2.2.2 2.2.3 2.2.4 2.2.6 2.3 2.3.2 2.3.3 2.3.4 2.4 2.5 2.6 2.7 2.8 2.9 2.10 2.11 2.12 2.13 2.14 2.15 2.16 2.17 2.18 2.19 2.22 2.23 2.24",
            "manylinux_2_24|i686|CXXABI|1.3 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.3.6 1.3.7 1.3.8 1.3.9 1.3.10 FLOAT128 TM_1",
            "manylinux_2_24|ppc64le|GLIBCXX|3.4 3.4.1 3.4.2 3.4.3 3.4.4 3.4.5 3.4.6 3.4.7 3.4.8 3.4.9 3.4.10 3.4.11 3.4.12 3.4.13 3.4.14 3.4.15 3.4.16 3.4.17 3.4.18 3.4.19 3.4.20 3.4.21 3.4.22 LDBL_3.4 LDBL_3.4.10 LDBL_3.4.21 LDBL_3.4.7",
            "manylinux_2_26|x86_64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0 4.7.0 4.8.0",
            "manylinux_2_26|x86_64|CXXABI|1.3 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.3.6 1.3.7 1.3.8 1.3.9 1.3.10 FLOAT128 TM_1",
            "manylinux_2_26|i686|GCC|3.0 3.3 3.3.1 3.4 3.4.2 4.0.0 4.2.0 4.3.0 4.4.0 4.5.0 4.7.0 4.8.0 7.0.0",
            "manylinux_2_26|aarch64|ZLIB|1.2.0 1.2.0.2 1.2.0.8 1.2.2 1.2.2.3 1.2.2.4 1.2.3.3 1.2.3.4 1.2.3.5 1.2.5.1 1.2.5.2",
            "manylinux_2_26|ppc64le|ZLIB|1.2.0 1.2.0.2 1.2.0.8 1.2.2 1.2.2.3 1.2.2.4 1.2.3.3 1.2.3.4 1.2.3.5 1.2.5.1 1.2.5.2 1.2.7.1 1.2.9",
            "manylinux_2_31|riscv64|GLIBC|2.0 2.27 2.28 2.29 2.30 2.31",
            "manylinux_2_31|riscv64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0 4.4.0 4.5.0 4.7.0 7.0.0",
            "manylinux_2_34|aarch64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0 4.5.0 4.7.0 7.0.0 11.0",
            "manylinux_2_34|x86_64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0 4.7.0 4.8.0 7.0.0",
            "manylinux_2_34|ppc64le|CXXABI|1.3 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.3.6 1.3.7 1.3.8 1.3.9 1.3.10 1.3.11 1.3.12 1.3.13 IEEE128_1.3.13 LDBL_1.3 TM_1",
            "manylinux_2_35|x86_64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0 4.7.0 4.8.0 7.0.0 12.0.0",
            "manylinux_2_36|loongarch64|GLIBC|2.0 2.36 ABI_DT_RELR",
            "manylinux_2_36|riscv64|GLIBC|2.0 2.27 2.28 2.29 2.30 2.31 2.32 2.33 2.34 2.35 2.36",
            "manylinux_2_36|loongarch64|CXXABI|1.3 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.3.6 1.3.7 1.3.8 1.3.9 1.3.10 1.3.11 1.3.12 1.3.13 TM_1",
            "manylinux_2_37|x86_64|ZLIB|1.2.0 1.2.0.2 1.2.0.8 1.2.2 1.2.2.3 1.2.2.4 1.2.3.3 1.2.3.4 1.2.3.5 1.2.5.1 1.2.5.2 1.2.7.1 1.2.9 1.2.12",
            "manylinux_2_38|loongarch64|GLIBC|2.0 2.36 2.38 ABI_DT_RELR",
            "manylinux_2_39|aarch64|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0 4.5.0 4.7.0 7.0.0 11.0 13.0.0 14.0 14.0.0",
            "manylinux_2_39|ppc64le|GCC|3.0 3.3 3.3.1 3.4 3.4.2 3.4.4 4.0.0 4.2.0 4.3.0 4.7.0 7.0.0 14.0.0",
            "manylinux_2_39|s390x|GLIBCXX|3.4 3.4.1 3.4.2 3.4.3 3.4.4 3.4.5 3.4.6 3.4.7 3.4.8 3.4.9 3.4.10 3.4.11 3.4.12 3.4.13 3.4.14 3.4.15 3.4.16 3.4.17 3.4.18 3.4.19 3.4.20 3.4.21 3.4.22 3.4.23 3.4.24 3.4.25 3.4.26 3.4.27 3.4.28 3.4.29 3.4.30 3.4.31 3.4.32 3.4.33 LDBL_3.4 LDBL_3.4.10 LDBL_3.4.21 LDBL_3.4.29 LDBL_3.4.31 LDBL_3.4.7",
            "manylinux_2_41|loongarch64|GLIBC|2.0 2.36 2.38 2.39 2.40 2.41 ABI_DT_RELR",
    })
    void expandsToAuditwheelsList(String policy, String arch, String family, String expected) {
        Policy p = ALL.find(policy).orElseThrow();
        List<String> want = expected == null ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(want, p.allowed(arch, family).orElseThrow(() -> new AssertionError(family + " not listed")));
    }

    @Test
    void namesPrioritiesAndArchitecturesAreAuditwheels() {
        List<String> rows = new ArrayList<>();
        for (Policy p : ALL.policies()) {
            rows.add(p.name() + p.aliases() + " " + p.priority() + " " + String.join(",", p.architectures()));
        }
        String manylinux2014 = "i686,x86_64,aarch64,ppc64,ppc64le,s390x,armv7l";
        String six = "i686,x86_64,aarch64,ppc64le,s390x,armv7l";
        assertEquals(List.of(
                "manylinux_2_5[manylinux1] 100 i686,x86_64",
                "musllinux_1_1[] 100 " + six,
                "manylinux_2_12[manylinux2010] 90 i686,x86_64",
                "musllinux_1_2[] 90 " + six + ",loongarch64",
                "manylinux_2_17[manylinux2014] 80 " + manylinux2014,
                "manylinux_2_24[] 70 " + six,
                "manylinux_2_26[] 68 " + six,
                "manylinux_2_27[] 65 " + six,
                "manylinux_2_28[] 64 " + six,
                "manylinux_2_31[] 61 " + six + ",riscv64",
                "manylinux_2_34[] 58 " + six + ",riscv64",
                "manylinux_2_35[] 57 " + six + ",riscv64",
                "manylinux_2_36[] 56 " + six + ",riscv64,loongarch64",
                "manylinux_2_37[] 55 " + six + ",riscv64,loongarch64",
                "manylinux_2_38[] 54 " + six + ",riscv64,loongarch64",
                "manylinux_2_39[] 53 " + six + ",riscv64,loongarch64",
                "manylinux_2_40[] 52 " + six + ",riscv64,loongarch64",
                "manylinux_2_41[] 51 " + six + ",riscv64,loongarch64",
                "manylinux_2_42[] 50 " + six + ",riscv64",
                "manylinux_2_43[] 49 " + six + ",riscv64",
                "linux[] 0 "), rows);
    }

    /** PEP 600's rule, which auditwheel asserts on load: a newer baseline allows all an older one does. */
    @Test
    void everyNewerManylinuxAllowsWhatTheOlderOnesAllow() {
        List<Policy> many = ALL.policies().stream().filter(p -> p.libc() == LibcFamily.GLIBC).toList();
        for (int i = 1; i < many.size(); i++) {
            Policy older = many.get(i - 1);
            Policy newer = many.get(i);
            assertTrue(newer.libWhitelist().containsAll(older.libWhitelist()), newer.name() + " whitelist");
            for (String arch : older.architectures()) {
                if (!newer.covers(arch)) {
                    continue;
                }
                older.symbolVersions().get(arch).forEach((fam, vs) ->
                        assertTrue(newer.allowed(arch, fam).orElseThrow().containsAll(vs), newer.name() + " " + arch + " " + fam));
            }
        }
    }

    @Test
    void theMuslBaselinesJudgeOnlyLibrariesAndTheLegacyNamesAreAliases() {
        Policy musl = ALL.find("musllinux_1_2").orElseThrow();
        assertEquals(List.of("libc.so", "libz.so.1"), musl.libWhitelist());
        assertEquals(java.util.Map.of(), musl.symbolVersions().get("loongarch64"));
        assertEquals("manylinux_2_17", ALL.ofPlatformTag("manylinux2014_aarch64").orElseThrow().name());
        assertEquals("linux", ALL.ofPlatformTag("linux_loongarch64").orElseThrow().name());
        assertTrue(ALL.ofPlatformTag("manylinux_2_17_loongarch64").isEmpty(), "no baseline of 2.17 knows loongarch64");
        assertEquals("CentOS 7 (PEP 599)", BuiltinPolicies.reference("manylinux_2_17").orElseThrow());
    }

    @Test
    void writingAndReadingBackGivesTheSamePolicies() throws Exception {
        String json = PolicyJson.write(ALL.policies());
        assertEquals(ALL, PolicyJson.read("builtin.json", json));
    }

    /**
     * The tag engine's floors (the floor column of tags/architectures.tsv, used by the baseline-defined tag
     * mode and by explain's "no real system matches it") are the oldest built-in baseline of each
     * architecture: two files, one fact.
     */
    @Test
    void theTagEnginesFloorsAreTheOldestBaselineOfEachArchitecture() {
        java.util.Map<String, String> oldest = new java.util.TreeMap<>();
        for (Policy p : ALL.policies()) {
            if (p.libc() != LibcFamily.GLIBC) {
                continue;
            }
            int[] v = p.libcVersion().orElseThrow();
            for (String arch : p.architectures()) {
                oldest.putIfAbsent(arch, v[0] + "." + v[1]);
            }
        }
        for (java.util.Map.Entry<String, String> e : oldest.entrySet()) {
            assertEquals(java.util.Optional.of(e.getValue()), PlatformTags.manylinuxFloor(e.getKey()), e.getKey());
        }
        assertEquals(java.util.Optional.empty(), PlatformTags.manylinuxFloor("armv8l"), "no baseline has armv8l");
    }
}
