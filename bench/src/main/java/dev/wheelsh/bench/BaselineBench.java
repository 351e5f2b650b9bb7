package dev.wheelsh.bench;

import dev.wheelsh.core.policy.BaselineEvaluation;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.policy.SystemNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline verdict on a wheel the size of scipy's (114 native members, each asking a few
 * dozen symbol versions of libc, libm, libstdc++ and libgcc and importing a few hundred symbols),
 * judged against every x86_64 baseline; and the same for a small wheel of one member.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BaselineBench {

    private SystemNeeds large;
    private SystemNeeds small;
    private final PolicySet policies = BuiltinPolicies.all();

    @Setup
    public void setUp() {
        large = needs(114);
        small = needs(1);
    }

    private static SystemNeeds needs(int members) {
        List<SystemNeeds.Member> out = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            List<SystemNeeds.VersionAsk> asks = new ArrayList<>();
            for (String v : List.of("2.2.5", "2.3", "2.3.4", "2.4", "2.14", "2.17", "2.27")) {
                asks.add(new SystemNeeds.VersionAsk(i % 2 == 0 ? "libc.so.6" : "libm.so.6", "GLIBC_" + v, false));
            }
            for (int g = 0; g <= 21; g += 3) {
                asks.add(new SystemNeeds.VersionAsk("libstdc++.so.6", "GLIBCXX_3.4." + g, false));
            }
            asks.add(new SystemNeeds.VersionAsk("libstdc++.so.6", "CXXABI_1.3.9", false));
            asks.add(new SystemNeeds.VersionAsk("libgcc_s.so.1", "GCC_4.8.0", false));
            Set<String> imports = new TreeSet<>();
            for (int s = 0; s < 300; s++) {
                imports.add("sym_" + s);
            }
            out.add(new SystemNeeds.Member("pkg/_m" + i + ".so", "x86_64", List.of("libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1"),
                    asks, imports, Set.of(), OptionalInt.empty(), false));
        }
        return new SystemNeeds(out, Set.of());
    }

    @Benchmark
    public PolicyVerdict verdictForAScipySizedWheel() {
        return BaselineEvaluation.evaluate(large, "x86_64", policies);
    }

    @Benchmark
    public PolicyVerdict verdictForOneMember() {
        return BaselineEvaluation.evaluate(small, "x86_64", policies);
    }
}
