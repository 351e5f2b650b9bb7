package dev.wheelsh.core.fuzz;

import dev.wheelsh.core.elf.ElfMachine;
import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.macho.TestMachO;
import dev.wheelsh.core.pe.PeFile;
import dev.wheelsh.core.pe.TestPe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the seed corpora the fuzz tests replay and start from: small valid objects built by the
 * tests' own builders, small wheels, names, and the config fixtures' texts. Each seed is named by
 * its content's hash, so writing again adds nothing that is already there.
 *
 * <p>Run from the repository root after {@code test-compile}:
 * {@code java -cp core/target/test-classes:core/target/classes:$(cat cp.txt) dev.wheelsh.core.fuzz.FuzzSeeds core/src/test/resources}
 * (scripts/fuzz.sh seeds does exactly this).
 */
public final class FuzzSeeds {

    private static final String PACKAGE = "dev/wheelsh/core/fuzz/";

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args.length > 0 ? args[0] : "core/src/test/resources");
        Path fixtures = resources.resolve("dev/wheelsh/core/config/fixtures");
        Map<String, List<byte[]>> seeds = new LinkedHashMap<>();
        seeds.put("BinaryReadersFuzzTest/elf", elfSeeds());
        seeds.put("BinaryReadersFuzzTest/machO", machOSeeds());
        seeds.put("BinaryReadersFuzzTest/pe", peSeeds());
        seeds.put("WheelFuzzTest/wheel", wheelSeeds());
        seeds.put("NamesFuzzTest/filename", texts("numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "foo-1.0-1build-py2.py3-none-any.whl", "numpy-2.2.4.tar.gz", "Foo.Bar-1.0rc1.zip",
                "pkg-0.1-cp313-cp313t-win_amd64.whl", "pkg-0.1-cp312-abi3-macosx_11_0_arm64.whl"));
        seeds.put("NamesFuzzTest/tagSet", texts("cp313-cp313-manylinux_2_28_x86_64", "py2.py3-none-any",
                "cp312-abi3-macosx_10_9_universal2.macosx_11_0_arm64", ">=3.9,<4,!=3.10.*", "1.0.post1.dev2+local.7",
                "cp313-cp313-musllinux_1_2_aarch64"));
        seeds.put("NamesFuzzTest/target", texts("cp313t-glibc2.38-loongarch64", "cp312-musl1.2-aarch64",
                "cp311-glibc2.36-aarch64+32bit", "pp310-glibc2.35-x86_64", "cp313-macos14.0-arm64",
                "cp310-glibc2.28-loongarch64+oldworld", "cp313-android24-arm64_v8a", "cp312-windows-amd64+abi=abi3",
                "cp313-ios17.0-arm64_iphoneos"));
        List<byte[]> toml = fixtureTexts(fixtures, "pyproject.toml");
        List<byte[]> ini = fixtureTexts(fixtures, "pip.conf", "pip.ini");
        List<byte[]> json = fixtureTexts(fixtures, ".json");
        seeds.put("DocumentReadersFuzzTest/toml", toml);
        seeds.put("DocumentReadersFuzzTest/ini", ini);
        seeds.put("DocumentReadersFuzzTest/json", json);
        seeds.put("ConfigFuzzTest/pyproject", toml);
        seeds.put("ConfigFuzzTest/pipConf", ini);
        seeds.put("ConfigFuzzTest/baseline", json);
        seeds.put("ExplainFuzzTest/explainName", texts("numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "scipy-1.15.2-cp312-cp312-musllinux_1_2_aarch64.whl", "pkg-1.0-cp313-cp313-macosx_14_0_arm64.whl",
                "pkg-1.0-cp313-cp313-win_arm64.whl", "pkg-1.0-cp313-cp313-android_24_arm64_v8a.whl",
                "pkg-1.0-cp310-cp310-linux_loongarch64.whl", "numpy-2.2.4.tar.gz",
                "cp313-cp313-manylinux_2_28_x86_64"));
        seeds.put("ExplainFuzzTest/pick", texts(
                "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl\nnumpy-2.2.4.tar.gz\n"
                        + "numpy-2.2.3-cp312-cp312-musllinux_1_2_aarch64.whl\n",
                "<html><body><a href=\"pkg-1.0-py3-none-any.whl#sha256=00\" data-requires-python=\"&gt;=3.9\">pkg-1.0-py3-none-any.whl</a>\n"
                        + "<a href=\"pkg-1.1.tar.gz\" data-yanked=\"broken\">pkg-1.1.tar.gz</a></body></html>\n",
                "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"pkg\", \"files\": [{\"filename\": \"pkg-1.0-cp312-abi3-win_amd64.whl\","
                        + " \"url\": \"pkg-1.0-cp312-abi3-win_amd64.whl\", \"requires-python\": \">=3.8\", \"yanked\": false}]}\n"));
        int written = 0;
        for (Map.Entry<String, List<byte[]>> e : seeds.entrySet()) {
            String[] classAndMethod = e.getKey().split("/");
            Path dir = resources.resolve(PACKAGE + classAndMethod[0] + "Inputs/" + classAndMethod[1]);
            Files.createDirectories(dir);
            for (byte[] seed : e.getValue()) {
                Path file = dir.resolve("seed-" + sha256(seed).substring(0, 16));
                if (!Files.exists(file)) {
                    Files.write(file, seed);
                    written++;
                }
            }
        }
        System.out.println(written + " seeds written under " + resources.resolve(PACKAGE));
    }

    private static List<byte[]> elfSeeds() {
        TestElf module = new TestElf().needed("libm.so.6", "libc.so.6").soname("_speedups.cpython-312-x86_64-linux-gnu.so")
                .runpath("$ORIGIN/../lib").needs("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.14").needs("libm.so.6", "GLIBC_2.29")
                .imports("memcpy", 2).imports("exp", 3).imports("PyLong_FromLong", 0).exports("PyInit__speedups", 1, false);
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(module.build());
        seeds.add(module.withSections().interpreter("/lib64/ld-linux-x86-64.so.2").build());
        seeds.add(new TestElf().machine(ElfMachine.EM_AARCH64, true, false, 0).needed("libc.musl-aarch64.so.1")
                .imports("PyModule_Create2", 0).exports("PyInit_fast", 0, false).build());
        seeds.add(new TestElf().machine(ElfMachine.EM_386, false, false, 0).needed("libc.so.6")
                .needs("libc.so.6", "GLIBC_2.0").imports("malloc", 2).withSections().build());
        seeds.add(new TestElf().machine(ElfMachine.EM_PPC64, true, true, 1).needed("libstdc++.so.6")
                .needs("libstdc++.so.6", "GLIBCXX_3.4", "CXXABI_1.3").imports("_Znwm", 2).build());
        seeds.add(new TestElf().machine(ElfMachine.EM_LOONGARCH, true, false, 0x43).soname("libfoo.so.1")
                .defines(1, 1, "libfoo.so.1").defines(2, 0, "FOO_1.0").defines(3, 0, "FOO_2.0", "FOO_1.0")
                .exports("foo", 2, false).withSections().build());
        return seeds;
    }

    private static List<byte[]> machOSeeds() {
        byte[] x86 = TestMachO.x86_64().id("@rpath/libfoo.dylib").buildVersion(1, 13, 0)
                .loads("/usr/lib/libSystem.B.dylib").loads("@rpath/libbar.dylib").rpath("@loader_path/../lib").build();
        byte[] arm = TestMachO.arm64().buildVersion(1, 11, 0).loads("/usr/lib/libc++.1.dylib").build();
        byte[] old = TestMachO.x86_64().versionMinMacos(10, 9).loads("/usr/lib/libSystem.B.dylib").build();
        byte[] ios = TestMachO.arm64().buildVersion(2, 13, 0).loads("/usr/lib/libSystem.B.dylib").build();
        return List.of(x86, arm, old, ios, NativeCorpus.fat(List.of(x86, arm)));
    }

    private static List<byte[]> peSeeds() {
        return List.of(
                new TestPe().imports("python313.dll", "KERNEL32.dll", "VCRUNTIME140.dll").build(),
                new TestPe().machine(PeFile.IMAGE_FILE_MACHINE_I386).imports("python38.dll", "msvcrt.dll").build(),
                new TestPe().machine(PeFile.IMAGE_FILE_MACHINE_ARM64).imports("python3.dll")
                        .delayImports("USER32.dll").build());
    }

    private static List<byte[]> wheelSeeds() throws IOException, NoSuchAlgorithmException {
        String dist = "fuzz-1.0.dist-info/";
        byte[] metadata = "Metadata-Version: 2.1\nName: fuzz\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8);
        byte[] pure = "Wheel-Version: 1.0\nGenerator: seeds\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] platlib = "Wheel-Version: 1.0\nGenerator: seeds\nRoot-Is-Purelib: false\nTag: cp312-cp312-manylinux_2_17_x86_64\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] elf = new TestElf().needed("libc.so.6").needs("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.17")
                .imports("memcpy", 2).exports("PyInit__fast", 1, false).build();
        byte[] dylib = TestMachO.arm64().buildVersion(1, 11, 0).loads("/usr/lib/libSystem.B.dylib").build();
        byte[] pyd = new TestPe().imports("python312.dll", "KERNEL32.dll").build();
        byte[] init = "x = 1\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(zip(dist, Map.of("fuzz/__init__.py", init), pure, metadata, true));
        seeds.add(zip(dist, Map.of("fuzz/__init__.py", init, "fuzz/_fast.cpython-312-x86_64-linux-gnu.so", elf),
                platlib, metadata, true));
        seeds.add(zip(dist, Map.of("fuzz/_fast.cpython-312-darwin.so", dylib, "fuzz/_fast.cp312-win_amd64.pyd", pyd),
                platlib, metadata, false));
        return seeds;
    }

    /** A wheel: the members, then WHEEL, METADATA and a RECORD with every hash; deflated or stored. */
    private static byte[] zip(String dist, Map<String, byte[]> members, byte[] wheel, byte[] metadata, boolean deflate)
            throws IOException, NoSuchAlgorithmException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        members.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> all.put(e.getKey(), e.getValue()));
        all.put(dist + "WHEEL", wheel);
        all.put(dist + "METADATA", metadata);
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            String hash = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(e.getValue()));
            record.append(e.getKey()).append(",sha256=").append(hash).append(',').append(e.getValue().length).append('\n');
        }
        record.append(dist).append("RECORD,,\n");
        all.put(dist + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static List<byte[]> texts(String... texts) {
        return Stream.of(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The config fixtures' input files whose names end with one of the suffixes. */
    private static List<byte[]> fixtureTexts(Path fixtures, String... suffixes) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (Stream.of(suffixes).anyMatch(name::endsWith)) {
                    out.add(Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private static String sha256(byte[] b) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
