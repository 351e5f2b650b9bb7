package dev.wheelsh.bench;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.explain.InstallVerdict;
import dev.wheelsh.core.words.TagWords;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.machine.Profiles;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** explain and simulate as the commands compute them, warm: the issue asks for under 50 ms. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TargetsBench {

    private static final String WHEEL = "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";

    /** explain: parse the filename, describe every component, the verdict with the closest miss. */
    @Benchmark
    public Object explainNotInstallable() throws InputException {
        WheelFilename w = WheelFilename.parse(WHEEL);
        StringBuilder words = new StringBuilder();
        for (Tag t : w.tags().tags()) {
            words.append(TagWords.interpreter(t.interpreter())).append(TagWords.abi(t.abi())).append(TagWords.platform(t.platform()));
        }
        return List.of(words, InstallVerdict.of(w.tags(), TargetSpec.parse("cp310-glibc2.38-loongarch64")));
    }

    /** simulate: a profile resolved to a machine, and all of its tags. */
    @Benchmark
    public List<Tag> simulateProfile() throws InputException {
        Target t = Profiles.named("openeuler-24.03").target(Optional.empty());
        return t.tags();
    }
}
