package dev.wheelsh.bench;

import dev.wheelsh.core.checks.WheelCheckList;
import dev.wheelsh.core.policy.BaselinePromise;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.policy.PolicyVerdict;
import dev.wheelsh.core.policy.PromiseChecks;
import dev.wheelsh.core.policy.SystemNeeds;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.core.wheel.WheelFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code show} costs in core on a real wheel: the wheel read and checked, the promise checks,
 * the baseline verdict and the system needs the report prints, called the way the show command
 * calls them. The wheel is the {@code wheel} parameter, or else the largest wheel under
 * .corpus/wheels (scipy's, 114 native members, when the corpus is fetched).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WheelChecksBench {

    @Param("")
    public String wheel;

    private Path path;
    private WheelChecks.Result read;
    private final PolicySet policies = BuiltinPolicies.all();

    @Setup
    public void setUp() throws Exception {
        if (!wheel.isEmpty()) {
            path = Path.of(wheel);
        } else {
            try (Stream<Path> s = Files.walk(Path.of(".corpus", "wheels"))) {
                path = s.filter(p -> p.toString().endsWith(".whl")).max(Comparator.comparingLong(WheelChecksBench::size))
                        .orElseThrow(() -> new IllegalStateException("no wheel under .corpus/wheels; give -p wheel=FILE"));
            }
        }
        try (WheelArchive w = WheelArchive.open(path)) {
            read = WheelChecks.check(w, false);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The calls of the show command: check, promise checks, verdict, then the needs for the report and the text. */
    @Benchmark
    public int showAsTheCommandCallsIt() throws Exception {
        WheelChecks.Result r;
        try (WheelArchive w = WheelArchive.open(path)) {
            WheelChecks.Result contents = WheelChecks.check(w, false);
            r = new WheelChecks.Result(contents.filename(), contents.distInfo(), contents.wheel(), contents.elfMembers(),
                    PromiseChecks.all(contents, policies));
        }
        Optional<PolicyVerdict> verdict = BaselinePromise.verdict(r, policies);
        int n = SystemNeeds.of(r).libraries().size() + SystemNeeds.of(r).highestVersions().size();
        for (WheelChecks.Member m : r.elfMembers()) {
            n += SystemNeeds.of(List.of(m)).highestVersions().size();
        }
        for (Finding f : r.findings()) {
            n += f.message().length();
        }
        return n + verdict.map(v -> v.blocked().size()).orElse(0);
    }

    /** The same report from the facts read once and one context: every check of the list, one verdict, one walk of the needs. */
    @Benchmark
    public int showThroughTheCheckList() throws Exception {
        WheelFacts facts;
        try (WheelArchive w = WheelArchive.open(path)) {
            facts = WheelFacts.read(w, false);
        }
        CheckContext context = CheckContext.of(facts, policies, Optional.empty());
        List<Finding> findings = WheelCheckList.run(context);
        int n = context.needs().libraries().size() + context.needs().highestVersions().size();
        for (SystemNeeds.Member m : context.needs().members()) {
            n += m.versions().size();
        }
        for (Finding f : findings) {
            n += f.message().length();
        }
        return n + context.verdict().map(v -> v.blocked().size()).orElse(0);
    }

    /** The show command's calls after the wheel is read (no archive input): promise checks, verdict, needs for the report. */
    @Benchmark
    public int judgingAWheelAlreadyRead() {
        WheelChecks.Result r = new WheelChecks.Result(read.filename(), read.distInfo(), read.wheel(), read.elfMembers(),
                PromiseChecks.all(read, policies));
        Optional<PolicyVerdict> verdict = BaselinePromise.verdict(r, policies);
        int n = SystemNeeds.of(r).libraries().size() + SystemNeeds.of(r).highestVersions().size();
        for (WheelChecks.Member m : r.elfMembers()) {
            n += SystemNeeds.of(List.of(m)).highestVersions().size();
        }
        return n + r.findings().size() + verdict.map(v -> v.blocked().size()).orElse(0);
    }

    /** The same through the check list: one context, one walk of the needs, one verdict. */
    @Benchmark
    public int judgingAWheelAlreadyReadThroughTheCheckList() {
        CheckContext context = CheckContext.of(read.facts(), policies, Optional.empty());
        List<Finding> findings = WheelCheckList.run(context);
        int n = context.needs().libraries().size() + context.needs().highestVersions().size();
        return n + findings.size() + context.verdict().map(v -> v.blocked().size()).orElse(0);
    }

    /** Only reading the wheel and the content checks (WH301-WH306). */
    @Benchmark
    public int readAndContentChecks() throws Exception {
        try (WheelArchive w = WheelArchive.open(path)) {
            return WheelChecks.check(w, false).findings().size();
        }
    }
}
