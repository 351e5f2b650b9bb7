package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that prints JSON with --json has a JSON Schema (draft 2020-12) in docs/schemas;
 * each case here runs a command in process on real input, parses what it printed and validates
 * it against that schema. The schemas are the contract docs/cli.md links to: a change to a
 * command's JSON fails here until its schema (and the docs) say the same.
 */
class JsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    /** Wheels, ELF objects and config files the cases read, made once. */
    @TempDir
    static Path dir;

    static String arch;
    static Path launcher;
    static Path loongArchObject;
    static Path nativeWheel;
    static Path pureWheel;
    static Path brokenWheel;
    static Path loongArchWheel;
    static Path demandingWheel;
    static Path demandingBaseline;
    static Path covering;
    static Path notCovering;
    static Path names;
    static Path pyproject;
    static Path pipConf;
    static Path unknownKind;
    static Path unreadable;
    static Path customBaseline;
    static Path badBaseline;
    static Path machOLibrary;
    static Path macWheel;
    static Path androidWheel;
    static Path windowsWheel;

    // ---- the fixtures ----

    static Path wheel(String filename, String tag, String member, byte[] content) throws IOException {
        Path whl = dir.resolve(filename);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(whl))) {
            String distInfo = filename.split("-")[0] + "-" + filename.split("-")[1] + ".dist-info/";
            zip.putNextEntry(new ZipEntry(distInfo + "WHEEL"));
            zip.write(("Wheel-Version: 1.0\nGenerator: JsonSchemaTest\nRoot-Is-Purelib: " + member.endsWith(".py")
                    + "\nTag: " + tag + "\n").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(member));
            zip.write(content);
        }
        return whl;
    }

    /** The same program with its header saying LoongArch, object ABI v1: an object with a LoongArch world. */
    static byte[] asLoongArch(byte[] elf) {
        assumeTrue(elf[4] == 2 && elf[5] == 1, "the launcher is not a little-endian ELF64 file");
        byte[] copy = elf.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(18, (short) 258); // e_machine: EM_LOONGARCH
        b.putInt(48, 0x43); // e_flags: LP64D, object ABI v1
        return copy;
    }

    /**
     * The program marked as needing x86-64-v3 (its GNU property note's ISA bits set to v3), when it
     * is an x86-64 program with such a note; else the program as it is.
     */
    static byte[] asX86V3(byte[] elf) {
        byte[] pattern = {0x02, (byte) 0x80, 0x00, (byte) 0xc0, 0x04, 0x00, 0x00, 0x00}; // pr_type ISA_1_NEEDED, pr_datasz 4
        byte[] copy = elf.clone();
        for (int i = 0; i + pattern.length + 4 <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + pattern.length, pattern, 0, pattern.length)) {
                ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(i + pattern.length, 0b100);
                return copy;
            }
        }
        return copy;
    }

    /** The ELF with its PT_INTERP path, padded with NULs, replaced by Android's 64-bit loader. */
    static byte[] asAndroid(byte[] elf) {
        byte[] copy = elf.clone();
        byte[] android = "/system/bin/linker64".getBytes(StandardCharsets.US_ASCII);
        for (String loader : List.of("/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1")) {
            byte[] pattern = loader.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i + pattern.length <= copy.length; i++) {
                if (Arrays.equals(copy, i, i + pattern.length, pattern, 0, pattern.length)) {
                    Arrays.fill(copy, i, i + pattern.length, (byte) 0);
                    System.arraycopy(android, 0, copy, i, android.length);
                    return copy;
                }
            }
        }
        return copy;
    }

    @BeforeAll
    static void makeInputs() throws IOException {
        launcher = TestRuns.javaLauncher();
        byte[] elf = Files.readAllBytes(launcher);
        arch = JSON.readTree(TestRuns.run("elf", launcher.toString(), "--json").out()).get("machine").get("arch").asText();
        String other = arch.equals("s390x") ? "x86_64" : "s390x";
        loongArchObject = Files.write(dir.resolve("ext.loongarch64.so"), asLoongArch(elf));

        nativeWheel = wheel("demo-1.0-py3-none-linux_" + arch + ".whl", "py3-none-linux_" + arch, "demo/bin/tool", elf);
        pureWheel = wheel("demo-1.0-py3-none-any.whl", "py3-none-any", "demo/__init__.py",
                "x = 1\n".getBytes(StandardCharsets.UTF_8));
        brokenWheel = wheel("broken-1.0-py3-none-linux_" + other + ".whl", "py3-none-linux_" + other, "broken/bin/tool", elf);
        loongArchWheel = wheel("la-1.0-cp313-cp313-manylinux_2_38_loongarch64.whl", "cp313-cp313-manylinux_2_38_loongarch64",
                "la/_ext.cpython-313-loongarch64-linux-gnu.so", asLoongArch(elf));

        // Needs more than the baselines allow: x86-64-v3 (on x86-64), a library no baseline lists,
        // and a symbol the extra baseline's blacklist names.
        demandingWheel = wheel("needy-1.0-py3-none-manylinux_2_34_" + arch + ".whl", "py3-none-manylinux_2_34_" + arch,
                "needy/bin/tool", arch.equals("x86_64") ? asX86V3(elf) : elf);
        demandingBaseline = Files.writeString(dir.resolve("strict.json"), "[{\"name\": \"strict_1\", \"aliases\": [], "
                + "\"priority\": 99, \"symbol_versions\": {\"" + arch + "\": {}}, "
                + "\"lib_whitelist\": [\"libc.so.6\", \"libz.so.1\"], \"blacklist\": {\"libc.so.6\": [\"getenv\", \"malloc\"]}}]\n");

        // Android code: the launcher with Android's loader as its interpreter (bionic code by that alone)
        androidWheel = wheel("droid-1.0-cp313-cp313-android_24_" + (arch.equals("aarch64") ? "arm64_v8a" : arch) + ".whl",
                "cp313-cp313-android_24_" + (arch.equals("aarch64") ? "arm64_v8a" : arch), "droid/_ext.cpython-313.so", asAndroid(elf));

        // macOS and Windows code: a 13.0 library in a 10.9 wheel, an abi3 module importing python311.dll
        byte[] macho = NativeImages.machO(NativeImages.X86_64, 13, 0, List.of("/usr/lib/libSystem.B.dylib", "/opt/homebrew/lib/libomp.dylib"));
        machOLibrary = Files.write(dir.resolve("libdemo.dylib"), macho);
        macWheel = wheel("mac-1.0-cp312-cp312-macosx_10_9_x86_64.whl", "cp312-cp312-macosx_10_9_x86_64",
                "mac/_ext.cpython-312-darwin.so", macho);
        windowsWheel = wheel("win-1.0-cp311-abi3-win_amd64.whl", "cp311-abi3-win_amd64", "win/_ext.pyd",
                NativeImages.pe(List.of("python311.dll", "KERNEL32.dll", "MSVCP140.dll")));

        covering = Files.createDirectory(dir.resolve("dist"));
        Files.copy(nativeWheel, covering.resolve(nativeWheel.getFileName()));
        Files.copy(pureWheel, covering.resolve(pureWheel.getFileName()));
        notCovering = Files.createDirectory(dir.resolve("dist-broken"));
        Files.copy(brokenWheel, notCovering.resolve(brokenWheel.getFileName()));

        names = Files.writeString(dir.resolve("names.txt"), String.join("\n",
                "numpy-2.2.4-cp313-cp313-manylinux_2_38_loongarch64.whl",
                "numpy-2.2.3-cp313-cp313-manylinux_2_38_loongarch64.whl",
                "scipy-1.15.0-cp313-cp313-manylinux_2_17_x86_64.whl",
                "scipy-1.15.0.tar.gz",
                "pandas-2.2.3-cp313-cp313-win_amd64.whl",
                "not-a-wheel.whl",
                "README.txt", ""));

        Path project = Files.createDirectory(dir.resolve("project"));
        pyproject = Files.writeString(project.resolve("pyproject.toml"),
                "[tool.cibuildwheel]\nbuild = \"*-manylinux_loong64\"\n");
        pipConf = Files.writeString(project.resolve("pip.conf"), "[global]\nplatform = manylinux_2_38_loong64\n");
        unknownKind = Files.writeString(project.resolve("setup.cfg"), "[metadata]\nname = demo\n");
        unreadable = Files.createDirectories(dir.resolve("folder").resolve("pyproject.toml"));

        customBaseline = Files.writeString(dir.resolve("loongnix.json"), "[{\"name\": \"loongnix_2_28\", \"aliases\": [], "
                + "\"priority\": 70, \"symbol_versions\": {\"loongarch64\": {\"GLIBC\": [\"2.27\", \"2.28\"]}}, "
                + "\"lib_whitelist\": [\"libc.so.6\"], \"blacklist\": {}}]\n");
        badBaseline = Files.writeString(dir.resolve("bad.json"), "[{\"name\": \"manylinux_2_38\", \"aliases\": [], "
                + "\"priority\": \"high\", \"symbol_versions\": {\"loong64\": {\"GLIBC\": [\"2.38\"]}}, "
                + "\"lib_whitelist\": [\"libc.so.6\"], \"blacklist\": {}}]\n");
    }

    // ---- the cases ----

    /**
     * One command line and the schema its output must satisfy. {@code status} is the exit status
     * expected, or -1 where it depends on this machine's launcher (then only "not 2" is checked).
     */
    record Case(String name, String schema, int status, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, String schema, int status, Object... args) {
        List<String> words = new ArrayList<>();
        for (Object a : args) {
            words.add(a.toString());
        }
        return new Case(name, schema, status, List.copyOf(words));
    }

    /** Every case; the schema names come from here too, for the test that no schema is left unused. */
    static List<Case> cases() {
        return List.of(
                c("tags of a described Linux machine", "tags.schema.json", 0,
                        "tags", "--python", "3.13", "--abi-flags", "t", "--arch", "loongarch64", "--glibc", "2.38", "--json"),
                c("tags of macOS", "tags.schema.json", 0,
                        "tags", "--python", "3.12", "--macos", "14.0", "--arch", "arm64", "--json"),
                c("tags of PyPy with explicit platforms", "tags.schema.json", 0,
                        "tags", "--implementation", "pp", "--python", "3.10", "--ext-suffix", ".pypy310-pp73-x86_64-linux-gnu.so",
                        "--platform", "manylinux_2_17_x86_64,linux_x86_64", "--json"),

                c("simulate a profile (first and last tag)", "simulate.schema.json", 0,
                        "simulate", "--profile", "openeuler-24.03", "--json"),
                c("simulate an old-world machine with --all", "simulate.schema.json", 0,
                        "simulate", "--target", "cp310-glibc2.28-loongarch64+oldworld", "--all", "--json"),
                c("simulate --list-profiles", "simulate-profiles.schema.json", 0, "simulate", "--list-profiles", "--json"),

                c("explain a filename that installs", "explain.schema.json", 0,
                        "explain", "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                        "--target", "cp313-glibc2.38-x86_64", "--json"),
                c("explain a filename that does not install", "explain.schema.json", 1,
                        "explain", "numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl", "--target", "cp310-glibc2.38-loongarch64", "--json"),
                c("explain a filename with a build tag PyPI refuses", "explain.schema.json", 1,
                        "explain", "foo-1.0-1-cp313-cp313-linux_aarch64.whl", "--target", "cp313-glibc2.36-x86_64", "--json"),
                c("explain a tag set that installs", "explain.schema.json", 0,
                        "explain", "cp312-abi3-manylinux_2_28_x86_64", "--target", "cp313-glibc2.38-x86_64", "--json"),
                c("explain a tag set that does not install", "explain.schema.json", 1,
                        "explain", "cp313-cp313t-musllinux_1_2_aarch64", "--target", "cp313-glibc2.36-aarch64", "--json"),
                c("explain a platform tag alone", "explain.schema.json", 0,
                        "explain", "linux_loongarch64", "--json"),
                c("explain a platform tag with a target", "explain.schema.json", 0,
                        "explain", "manylinux_2_17_x86_64", "--target", "cp313-glibc2.38-x86_64", "--json"),
                c("explain a wheel file", "explain.schema.json", -1,
                        "explain", nativeWheel, "--target", "cp313-glibc2.38-" + arch, "--json"),
                c("explain a wheel file whose contents break its tags", "explain.schema.json", 1,
                        "explain", brokenWheel, "--target", "cp313-glibc2.38-" + arch, "--json"),

                c("explain an sdist name", "explain.schema.json", 0,
                        "explain", "numpy-2.2.4.tar.gz", "--target", "cp313-glibc2.38-loongarch64", "--json"),
                c("pick from a name list: a wheel, an sdist pip builds, a project with nothing", "pick.schema.json", 1,
                        "pick", names, "--target", "cp313-glibc2.38-loongarch64", "--json"),
                c("pick from a directory", "pick.schema.json", 0,
                        "pick", covering, "--target", "cp313-glibc2.38-" + arch, "--json"),

                c("lock: a pylock.toml on two targets (one with a package that has nothing)", "lock.schema.json", 1,
                        "lock", lockFixture("pylock.toml"), "--target", "cp312-glibc2.38-x86_64", "--target", "cp312-musl1.2-aarch64", "--json"),
                c("lock: a uv.lock and a pip report", "lock.schema.json", -1,
                        "lock", lockFixture("uv.lock"), lockFixture("report.json"), "--target", "cp312-glibc2.38-x86_64", "--json"),
                c("lock: a target the lock refuses", "lock.schema.json", 1,
                        "lock", lockFixture("pylock.toml"), "--target", "cp39-glibc2.28-x86_64", "--json"),

                c("check with every target covered", "check.schema.json", -1,
                        "check", covering, "--target", "cp313-glibc2.38-" + arch, "--target", "cp313-musl1.2-loongarch64", "--json"),
                c("check with a target not covered", "check.schema.json", 1,
                        "check", notCovering, "--target", "cp313-glibc2.38-loongarch64", "--json"),

                c("show a wheel with native code", "show.schema.json", -1,
                        "show", nativeWheel, "--json"),
                c("show a wheel without native code", "show.schema.json", 0,
                        "show", pureWheel, "--json"),
                c("show a wheel whose member is of another architecture", "show.schema.json", 1,
                        "show", brokenWheel, "--json"),
                c("show a wheel that needs more than any baseline allows", "show.schema.json", 1,
                        "show", demandingWheel, "--baseline", demandingBaseline, "--json"),
                c("show an Android wheel (libc android)", "show.schema.json", -1,
                        "show", androidWheel, "--json"),
                c("show a LoongArch wheel", "show.schema.json", -1,
                        "show", loongArchWheel, "--baseline", customBaseline, "--json"),

                c("show a macOS wheel whose code needs a newer macOS and Homebrew's libomp", "show.schema.json", 1,
                        "show", macWheel, "--json"),
                c("show an abi3 Windows wheel importing a versioned Python DLL", "show.schema.json", 1,
                        "show", windowsWheel, "--json"),
                c("elf of a Mach-O library", "macho.schema.json", 0,
                        "elf", machOLibrary, "--json"),
                c("elf of a PE member of a wheel", "pe.schema.json", 0,
                        "elf", windowsWheel + "!win/_ext.pyd", "--json"),

                c("elf of a program", "elf.schema.json", 0,
                        "elf", launcher, "--json"),
                c("elf of a wheel member", "elf.schema.json", 0,
                        "elf", nativeWheel + "!demo/bin/tool", "--json"),
                c("elf of a LoongArch object", "elf.schema.json", 0,
                        "elf", loongArchObject, "--json"),
                c("elf of a Linux wheel alone: its ELF members", "elf-members.schema.json", 0,
                        "elf", nativeWheel, "--json"),
                c("elf of a Windows wheel alone: its PE members", "elf-members.schema.json", 0,
                        "elf", windowsWheel, "--json"),
                c("elf of a macOS wheel alone: its Mach-O members", "elf-members.schema.json", 0,
                        "elf", macWheel, "--json"),
                c("elf of a pure wheel alone: no native members", "elf-members.schema.json", 0,
                        "elf", pureWheel, "--json"),

                c("lint a pyproject.toml with a finding", "lint.schema.json", 1,
                        "lint", "--json", pyproject),
                c("lint files of every kind, with a fix and files it cannot check", "lint.schema.json", 2,
                        "lint", "--json", pyproject, pipConf, customBaseline, unknownKind, unreadable),

                c("baseline list", "baseline-list.schema.json", 0,
                        "baseline", "list", "--json"),
                c("baseline list of one architecture with a baseline file", "baseline-list.schema.json", 0,
                        "baseline", "list", "--arch", "loongarch64", "--baseline", customBaseline, "--json"),
                c("baseline show of an alias", "baseline-show.schema.json", 0,
                        "baseline", "show", "manylinux2014", "--json"),
                c("baseline show of one architecture", "baseline-show.schema.json", 0,
                        "baseline", "show", "manylinux_2_38", "--arch", "loongarch64", "--json"),
                c("baseline show of linux", "baseline-show.schema.json", 0,
                        "baseline", "show", "linux", "--json"),
                c("baseline show of a baseline file's policy", "baseline-show.schema.json", 0,
                        "baseline", "show", "loongnix_2_28", "--baseline", customBaseline, "--json"),
                c("baseline validate of a good file", "lint.schema.json", 0,
                        "baseline", "validate", customBaseline, "--json"),
                c("baseline validate of a bad file", "lint.schema.json", 1,
                        "baseline", "validate", badBaseline, "--json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theOutputMatchesItsSchema(Case c) throws IOException {
        TestRuns.Run r = TestRuns.run(c.args().toArray(new String[0]));
        String line = String.join(" ", c.args());
        if (c.status() >= 0) {
            assertEquals(c.status(), r.status(), () -> line + "\nout: " + r.out() + "\nerr: " + r.err());
        } else {
            assertNotEquals(2, r.status(), () -> line + "\nout: " + r.out() + "\nerr: " + r.err());
        }
        JsonNode doc = JSON.readTree(r.out());
        assertFalse(doc == null || doc.isMissingNode(), () -> line + " printed no JSON: " + r.err());
        assertValid(c.schema(), doc, line);
    }

    /** A key of a JSON object: lower case words joined by underscores, as auditwheel's policies and pip's reports spell them. */
    static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyKeyOfTheOutputIsSnakeCase(Case c) throws IOException {
        JsonNode doc = JSON.readTree(TestRuns.run(c.args().toArray(new String[0])).out());
        JsonNode schema = JSON.readTree(schemas().resolve(c.schema()).toFile());
        List<String> bad = new ArrayList<>();
        propertyNames(doc, List.of(schema), schema, "$", bad);
        assertTrue(bad.isEmpty(), () -> String.join(" ", c.args()) + ": keys not in snake_case: " + bad);
    }

    /**
     * Walks a document beside its schema and collects the keys that are property names but not
     * snake_case. A key is a property name unless the schema says its object is a map whose keys
     * are data (additionalProperties with a schema, and no "properties" naming the key): library
     * names (libc.so.6), symbol families (GLIBC) and architectures are data, not names.
     */
    static void propertyNames(JsonNode value, List<JsonNode> schemas, JsonNode root, String path, List<String> bad) {
        List<JsonNode> views = new ArrayList<>();
        schemas.forEach(s -> views(s, root, views));
        if (value.isArray()) {
            List<JsonNode> items = views.stream().map(v -> v.get("items")).filter(i -> i != null && i.isObject()).toList();
            for (int i = 0; i < value.size(); i++) {
                propertyNames(value.get(i), items, root, path + "[" + i + "]", bad);
            }
            return;
        }
        value.fields().forEachRemaining(e -> {
            List<JsonNode> named = views.stream().map(v -> v.path("properties").get(e.getKey()))
                    .filter(p -> p != null && p.isObject()).toList();
            List<JsonNode> mapped = views.stream().map(v -> v.get("additionalProperties"))
                    .filter(a -> a != null && a.isObject()).toList();
            boolean data = named.isEmpty() && !mapped.isEmpty();
            if (!data && !SNAKE_CASE.matcher(e.getKey()).matches()) {
                bad.add(path + "." + e.getKey());
            }
            propertyNames(e.getValue(), data ? mapped : named, root, path + "." + e.getKey(), bad);
        });
    }

    /** A schema with its $ref followed and its branches (allOf, anyOf, oneOf, then, else) taken in. */
    private static void views(JsonNode schema, JsonNode root, List<JsonNode> out) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            views(root.at(schema.get("$ref").asText().substring(1)), root, out);
        }
        out.add(schema);
        for (String branch : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(branch).forEach(b -> views(b, root, out));
        }
        views(schema.get("then"), root, out);
        views(schema.get("else"), root, out);
    }

    @Test
    void everyPropertyNameInEverySchemaIsSnakeCase() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String name : schemaFiles()) {
            schemaNames(JSON.readTree(schemas().resolve(name).toFile()), name, bad);
        }
        assertTrue(bad.isEmpty(), "names in docs/schemas not in snake_case: " + bad);
    }

    /** The keys of "properties", the names in "required" and "dependentRequired", and the names of "$defs". */
    private static void schemaNames(JsonNode node, String path, List<String> bad) {
        if (node.isArray()) {
            node.forEach(n -> schemaNames(n, path, bad));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        List<String> names = new ArrayList<>();
        node.path("properties").fieldNames().forEachRemaining(names::add);
        node.path("$defs").fieldNames().forEachRemaining(names::add);
        node.path("required").forEach(r -> names.add(r.asText()));
        node.path("dependentRequired").fields().forEachRemaining(e -> {
            names.add(e.getKey());
            e.getValue().forEach(r -> names.add(r.asText()));
        });
        names.stream().filter(n -> !SNAKE_CASE.matcher(n).matches()).forEach(n -> bad.add(path + ": " + n));
        node.fields().forEachRemaining(e -> schemaNames(e.getValue(), path + "/" + e.getKey(), bad));
    }

    @Test
    void checkJsonIsByteForByteTheSameInTwentySeparateProcesses() throws Exception {
        // Each process has its own hash seeds: an unordered map or set anywhere in the document
        // would show as a different order in some of them.
        Path wheels = Files.createDirectory(dir.resolve("dist-mixed"));
        for (Path w : List.of(nativeWheel, pureWheel, brokenWheel, demandingWheel)) {
            Files.copy(w, wheels.resolve(w.getFileName()));
        }
        String[] args = {"check", wheels.toString(), "--target", "cp313-glibc2.38-" + arch, "--target", "cp312-musl1.2-aarch64",
                "--baseline", demandingBaseline.toString(), "--json"};
        List<CompletableFuture<TestRuns.ProcessRun>> runs = new ArrayList<>();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return TestRuns.runProcess(args);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }, two));
            }
            byte[] first = runs.get(0).join().out();
            JsonNode doc = JSON.readTree(first);
            assertValid("check.schema.json", doc, "check in a process of its own");
            assertTrue(doc.get("wheels").findValues("code").size() >= 2, "findings to order: " + doc);
            for (int i = 1; i < runs.size(); i++) {
                TestRuns.ProcessRun r = runs.get(i).join();
                assertEquals(1, r.status(), r.err());
                assertEquals(new String(first, StandardCharsets.UTF_8), new String(r.out(), StandardCharsets.UTF_8), "run " + (i + 1));
            }
        } finally {
            two.shutdownNow();
        }
    }

    static void assertValid(String schema, JsonNode doc, String what) {
        Set<ValidationMessage> errors = schema(schema).validate(doc);
        if (!errors.isEmpty()) {
            String shown = doc.toPrettyString();
            fail(what + "\ndoes not match docs/schemas/" + schema + ":\n  "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n  "))
                    + "\noutput:\n" + (shown.length() > 4000 ? shown.substring(0, 4000) + "\n..." : shown));
        }
    }

    // ---- the schemas themselves ----

    /** A lock-file fixture of core's tests. */
    static Path lockFixture(String name) {
        return repoRoot().resolve("core/src/test/resources/dev/wheelsh/core/lock").resolve(name);
    }

    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("no folder holding mvnw above " + Path.of("").toAbsolutePath());
    }

    static Path schemas() {
        return repoRoot().resolve("docs").resolve("schemas");
    }

    static JsonSchema schema(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            // Each $id is relative ("show.schema.json"): the file's own location is its base.
            Path file = schemas().resolve(n);
            try {
                return FACTORY.getSchema(SchemaLocation.of(file.toUri().toString()), JSON.readTree(file.toFile()));
            } catch (IOException e) {
                throw new IllegalStateException("docs/schemas/" + n + ": " + e.getMessage(), e);
            }
        });
    }

    static Set<String> schemaFiles() throws IOException {
        try (Stream<Path> s = Files.list(schemas())) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void aSchemaRejectsADocumentWithoutARequiredField() throws IOException {
        // The real output passes; the same output less one required field must not, or the
        // cases above could never fail.
        JsonNode tags = JSON.readTree(TestRuns.run("tags", "--python", "3.13", "--arch", "x86_64", "--glibc", "2.17", "--json").out());
        assertValid("tags.schema.json", tags, "tags");
        ObjectNode withoutCount = tags.deepCopy();
        withoutCount.remove("count");
        Set<ValidationMessage> errors = schema("tags.schema.json").validate(withoutCount);
        assertFalse(errors.isEmpty(), "a tags document without count passed");
        assertTrue(errors.stream().anyMatch(m -> m.getMessage().contains("count")), errors.toString());

        JsonNode show = JSON.readTree(TestRuns.run("show", pureWheel.toString(), "--json").out());
        assertValid("show.schema.json", show, "show");
        ObjectNode withoutBaseline = show.deepCopy();
        withoutBaseline.remove("baseline");
        assertTrue(schema("show.schema.json").validate(withoutBaseline).stream()
                .anyMatch(m -> m.getMessage().contains("baseline")), "a show document without baseline passed");
        ObjectNode withStrayField = show.deepCopy();
        withStrayField.put("extra", 1);
        assertFalse(schema("show.schema.json").validate(withStrayField).isEmpty(), "a show document with a stray field passed");
    }

    @Test
    void theRulesBetweenFieldsBite() throws IOException {
        // Installable without the matched tag.
        ObjectNode explain = (ObjectNode) JSON.readTree(TestRuns.run("explain", "cp312-abi3-manylinux_2_28_x86_64",
                "--target", "cp313-glibc2.38-x86_64", "--json").out());
        assertValid("explain.schema.json", explain, "explain");
        explain.remove("best_tag");
        assertFalse(schema("explain.schema.json").validate(explain).isEmpty(), "installable without best_tag passed");

        // ok although a target is not covered.
        ObjectNode check = (ObjectNode) JSON.readTree(TestRuns.run("check", notCovering.toString(), "--target",
                "cp313-glibc2.38-loongarch64", "--json").out());
        assertValid("check.schema.json", check, "check");
        check.put("ok", true);
        assertFalse(schema("check.schema.json").validate(check).isEmpty(), "ok with an uncovered target passed");

        // A file that could not be checked, with findings all the same.
        ObjectNode lint = (ObjectNode) JSON.readTree(TestRuns.run("lint", "--json", unknownKind.toString()).out());
        assertValid("lint.schema.json", lint, "lint");
        ((ObjectNode) lint.get("files").get(0)).putArray("findings");
        assertFalse(schema("lint.schema.json").validate(lint).isEmpty(), "an unchecked file with findings passed");
    }

    @Test
    void everySchemaIsUsedByACaseAndEveryCaseHasASchema() throws IOException {
        Set<String> used = cases().stream().map(Case::schema).collect(Collectors.toCollection(TreeSet::new));
        Set<String> files = schemaFiles();
        Set<String> unused = new TreeSet<>(files);
        unused.removeAll(used);
        assertTrue(unused.isEmpty(), "schemas no case validates against (add a case or delete them): " + unused);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(files);
        assertTrue(missing.isEmpty(), "cases name schemas that docs/schemas lacks: " + missing);
    }

    @Test
    void everySchemaIsADraft202012SchemaNamedByItsFile() throws IOException {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String name : schemaFiles()) {
            assertTrue(name.endsWith(".schema.json"), "docs/schemas holds only *.schema.json files: " + name);
            JsonNode s = JSON.readTree(schemas().resolve(name).toFile());
            assertEquals("https://json-schema.org/draft/2020-12/schema", s.path("$schema").asText(), name);
            assertEquals(name, s.path("$id").asText(), name + ": $id is the file's own name");
            assertTrue(s.path("title").isTextual() && s.path("description").isTextual(), name + ": title and description");
            Set<ValidationMessage> errors = meta.validate(s);
            assertTrue(errors.isEmpty(), name + " is not a valid draft 2020-12 schema: " + errors);
        }
    }

    @Test
    void theCommandLineDocsLinkEverySchema() throws IOException {
        String cli = Files.readString(repoRoot().resolve("docs").resolve("cli.md"));
        Set<String> linked = new TreeSet<>();
        Matcher m = Pattern.compile("Schema: \\[docs/schemas/([^\\]]+)\\]\\(schemas/([^)]+)\\)").matcher(cli);
        while (m.find()) {
            assertEquals(m.group(1), m.group(2), "a Schema: line links the file it names");
            linked.add(m.group(1));
        }
        assertEquals(schemaFiles(), linked, "docs/cli.md links each schema in docs/schemas, and only those");
    }
}
