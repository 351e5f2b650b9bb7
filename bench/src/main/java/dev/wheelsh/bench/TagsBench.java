package dev.wheelsh.bench;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.tags.CpythonAbi;
import dev.wheelsh.core.tags.InterpreterTagInputs;
import dev.wheelsh.core.tags.Libc;
import dev.wheelsh.core.tags.PlatformTags;
import dev.wheelsh.core.tags.PythonVersion;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagGenerator;
import dev.wheelsh.core.tags.WheelFilename;
import java.util.List;
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

/** Tag generation for a whole machine, and wheel-filename parsing. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TagsBench {

    private static final List<String> FILENAMES = List.of(
            "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "cryptography-44.0.0-cp39-abi3-macosx_10_9_universal2.whl",
            "torch-2.5.1+cu121-cp312-cp312-linux_x86_64.whl",
            "six-1.17.0-py2.py3-none-any.whl",
            "tensorflow-2.18.0-1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");

    /** sys_tags of CPython 3.13 on glibc 2.38 x86_64: 1,000+ tags. */
    @Benchmark
    public List<Tag> sysTagsGlibcX8664() {
        List<String> platforms = PlatformTags.linux(
                new PlatformTags.LinuxSystem("x86_64", false, Libc.glibc(2, 38), true), PlatformTags.Mode.PACKAGING);
        return TagGenerator.sysTags(InterpreterTagInputs.cpython(PythonVersion.of(3, 13),
                CpythonAbi.fromFlags("", PythonVersion.of(3, 13)), platforms));
    }

    /** sys_tags of free-threaded CPython 3.13 on glibc 2.38 loongarch64. */
    @Benchmark
    public List<Tag> sysTagsFreeThreadedLoongarch64() {
        List<String> platforms = PlatformTags.linux(
                new PlatformTags.LinuxSystem("loongarch64", false, Libc.glibc(2, 38), true), PlatformTags.Mode.PACKAGING);
        return TagGenerator.sysTags(InterpreterTagInputs.cpython(PythonVersion.of(3, 13),
                CpythonAbi.fromFlags("t", PythonVersion.of(3, 13)), platforms));
    }

    /** Five real-world wheel filenames parsed, versions and tag sets included. */
    @Benchmark
    public int parseFiveWheelFilenames() throws InputException {
        int tags = 0;
        for (String name : FILENAMES) {
            tags += WheelFilename.parse(name).tags().tags().size();
        }
        return tags;
    }
}
