package dev.wheelsh.bench;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Reading one ELF object completely (headers, dynamic section, every dynamic symbol with its
 * version, version needs and definitions, notes): from a file through a channel, and from bytes
 * already in memory (a zip member inflated by the wheel reader).
 *
 * <p>Objects: {@code libjvm} is the running JDK's lib/server/libjvm.so (always present);
 * {@code libstdcxx} is amd64 libstdc++.so.6 from the fetched corpus (scripts/fetch-test-inputs.sh),
 * falling back to libjvm when the corpus is absent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ElfReaderBench {

    @Param({"libjvm", "libstdcxx"})
    public String object;

    private Path file;
    private byte[] bytes;

    @Setup
    public void setup() throws IOException {
        Path jvm = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so");
        file = jvm;
        if (object.equals("libstdcxx")) {
            Path root = Path.of("").toAbsolutePath();
            while (root != null && !Files.exists(root.resolve("mvnw"))) {
                root = root.getParent();
            }
            if (root != null) {
                Path lib = root.resolve(".corpus/elf/amd64/libstdc++6/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30");
                if (Files.isRegularFile(lib)) {
                    file = lib;
                }
            }
        }
        bytes = Files.readAllBytes(file);
    }

    @Benchmark
    public ElfFile readFromFile() throws InputException {
        return ElfReader.read(file);
    }

    @Benchmark
    public ElfFile readFromMemory() throws InputException {
        return ElfReader.read(file.toString(), bytes);
    }
}
