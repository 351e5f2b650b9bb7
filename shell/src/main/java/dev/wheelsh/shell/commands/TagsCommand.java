package dev.wheelsh.shell.commands;

import dev.wheelsh.core.tags.Architectures;
import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.tags.CpythonAbi;
import dev.wheelsh.core.tags.InterpreterTagInputs;
import dev.wheelsh.core.tags.Libc;
import dev.wheelsh.core.tags.PlatformTags;
import dev.wheelsh.core.tags.PythonVersion;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagGenerator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import dev.wheelsh.core.machine.HostProbe;
import dev.wheelsh.core.machine.PipPlatformOptions;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.ProbeCache;
import picocli.CommandLine.Spec;

/** Prints the tags a described interpreter accepts, in pip's order of preference. */
@Command(name = "tags",
        description = "List the compatibility tags an interpreter accepts, best first, as pip computes them.",
        footer = {"", "Examples:",
                "  wheelsh tags --python 3.13 --abi-flags t --arch loongarch64 --glibc 2.38",
                "  wheelsh tags --python 3.12 --arch aarch64 --musl 1.2 --json",
                "  wheelsh tags --python 3.11 --arch x86_64 --glibc 2.17 --mode baseline-defined",
                "  wheelsh tags --python 3.13 --macos 14.0 --arch arm64",
                "  wheelsh tags --python 3.13 --platform win_amd64",
                "  wheelsh tags --python 3.13 --pip-platform macosx_11_0_arm64      (as pip download --platform sees it)",
                "  wheelsh tags host                      (this machine, as python3 on PATH sees it)",
                "  wheelsh tags host --python /usr/bin/python3.11"})
final class TagsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "host", description = "host: the tags of this machine's interpreter (see --python).")
    String host;

    @Option(names = "--python", completionCandidates = OptionValues.Pythons.class, description = "Python version, MAJOR.MINOR (default 3.13); with `host`, the interpreter to probe (default python3).")
    String python;

    @Option(names = "--implementation", completionCandidates = OptionValues.Implementations.class, defaultValue = "cp",
            description = "Interpreter: cp (CPython), pp (PyPy), graalpy, ... (default ${DEFAULT-VALUE}).")
    String implementation;

    @Option(names = "--abi-flags", completionCandidates = OptionValues.AbiFlags.class, defaultValue = "",
            description = "CPython ABI flags: t (free-threaded), d (debug), m (pymalloc, < 3.8), u (wide unicode, 2.7).")
    String abiFlags;

    @Option(names = "--ext-suffix",
            description = "Extension suffix of a non-CPython interpreter, e.g. .pypy310-pp73-x86_64-linux-gnu.so (gives its ABI tag).")
    String extSuffix;

    @Option(names = "--arch", completionCandidates = OptionValues.Archs.class, description = "Machine architecture as Python spells it: x86_64, aarch64, loongarch64, ...")
    String arch;

    @Option(names = "--glibc", completionCandidates = OptionValues.Glibcs.class, description = "glibc version of a Linux target, e.g. 2.38.")
    String glibc;

    @Option(names = "--musl", completionCandidates = OptionValues.Musls.class, description = "musl version of a Linux target, e.g. 1.2.")
    String musl;

    @Option(names = "--userland32", description = "A 32-bit interpreter on a 64-bit Linux kernel.")
    boolean userland32;

    @Option(names = "--soft-float", description = "32-bit ARM with the soft-float ABI (armel): no manylinux tags.")
    boolean softFloat;

    @Option(names = "--macos", completionCandidates = OptionValues.MacosVersions.class, description = "macOS version, e.g. 14.0 (with --arch arm64 or x86_64).")
    String macos;

    @Option(names = "--platform", split = ",",
            description = "Explicit platform tags, best first, instead of a described system.")
    List<String> platforms;

    @Option(names = "--pip-platform", split = ",", paramLabel = "PLATFORM",
            description = "As pip download's --platform (repeatable): pip widens macosx_X_Y_ARCH to older macOS and universal builds, "
                    + "manylinux2014/2010 to the older legacy names; a PEP 600 name stays alone.")
    List<String> pipPlatforms;

    @Option(names = "--abi", split = ",", description = "With --pip-platform: as pip's --abi (repeatable; default: cpXY, or the implementation's current ABI).")
    List<String> pipAbis;

    @Option(names = "--mode", completionCandidates = OptionValues.TagModes.class, defaultValue = "packaging",
            description = "packaging (pip's list, default) or baseline-defined (drop manylinux tags no real system can have).")
    String mode;

    @Mixin
    PackagingOptions packagingOptions;

    @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PackagingRelease release = packagingOptions.release();
        if (host != null) {
            if (!host.equals("host")) {
                throw new InputException("tags: unexpected argument '" + host + "' (the only one is `host`)");
            }
            Target machine = new HostProbe(ProbeCache.local()).probe(python == null ? "python3" : python);
            return print(machine.interpreter().tag() + machine.interpreter().abiFlags(), machine.interpreter().abis(),
                    release.platforms(machine.platform().platformTags(PlatformTags.Mode.PACKAGING)), machine.tags(release));
        }
        PythonVersion version = PythonVersion.parse(python == null ? "3.13" : python);
        if (pipPlatforms != null && !pipPlatforms.isEmpty()) {
            if (platforms != null || arch != null || macos != null || glibc != null || musl != null) {
                throw new InputException("tags: --pip-platform takes pip's words alone; drop --platform, --arch and the system options");
            }
            PipPlatformOptions pip = new PipPlatformOptions(pipPlatforms, version, implementation.toLowerCase(Locale.ROOT),
                    pipAbis == null ? List.of() : pipAbis);
            List<Tag> tags = pip.tags(release);
            return print(implementation + version.nodot(), pipAbis == null ? List.of() : pipAbis,
                    PipPlatformOptions.expand(pipPlatforms, release), tags);
        }
        if (pipAbis != null) {
            throw new InputException("tags: --abi is pip's and goes with --pip-platform");
        }
        // A generated list takes the release's order; a list given with --platform keeps its own.
        List<String> platformTags = platforms != null && !platforms.isEmpty() ? platformTags() : release.platforms(platformTags());
        InterpreterTagInputs inputs;
        if (implementation.equals("cp")) {
            if (!abiFlags.matches("[tdmu]*")) {
                throw new InputException("--abi-flags '" + abiFlags + "': only the letters t, d, m and u are ABI flags");
            }
            inputs = InterpreterTagInputs.cpython(version, CpythonAbi.fromFlags(abiFlags, version), platformTags);
        } else {
            // Without an extension suffix, the implementation's current ABI, as a target of it has.
            List<String> abis = extSuffix == null ? Interpreters.currentAbis(implementation.toLowerCase(Locale.ROOT), version)
                    : InterpreterTagInputs.abiFromExtSuffix(extSuffix);
            inputs = InterpreterTagInputs.generic(implementation.toLowerCase(Locale.ROOT), version, abis, platformTags);
        }
        List<Tag> tags = TagGenerator.sysTags(inputs, release);
        return print(implementation + version.nodot() + (implementation.equals("cp") ? abiFlags : ""), inputs.abis(),
                platformTags, tags);
    }

    private int print(String interpreter, List<String> abis, List<String> platformTags, List<Tag> tags) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("interpreter", interpreter);
            doc.put("abis", abis);
            doc.put("platforms", platformTags);
            doc.put("count", tags.size());
            List<String> strings = new ArrayList<>();
            tags.forEach(t -> strings.add(t.toString()));
            doc.put("tags", strings);
            out.println(Json.pretty(doc));
        } else {
            out.println(tags.size() + " tags, best first:");
            for (Tag tag : tags) {
                out.println(tag);
            }
        }
        return 0;
    }

    private List<String> platformTags() throws InputException {
        if (platforms != null && !platforms.isEmpty()) {
            return platforms;
        }
        if (arch == null) {
            throw new InputException("tags: give --arch (with --glibc, --musl or --macos) or --platform");
        }
        Architectures.require(macos != null ? Architectures.Os.MACOS : Architectures.Os.LINUX, arch, "--arch");
        if (macos != null) {
            int[] v = twoNumbers("--macos", macos);
            return PlatformTags.macos(v[0], v[1], arch);
        }
        if (glibc != null && musl != null) {
            throw new InputException("tags: --glibc and --musl exclude each other: a system has one C library");
        }
        Libc libc = Libc.none();
        if (glibc != null) {
            int[] v = twoNumbers("--glibc", glibc);
            libc = Libc.glibc(v[0], v[1]);
        } else if (musl != null) {
            int[] v = twoNumbers("--musl", musl);
            libc = Libc.musl(v[0], v[1]);
        }
        PlatformTags.Mode m = switch (mode) {
            case "packaging" -> PlatformTags.Mode.PACKAGING;
            case "baseline-defined" -> PlatformTags.Mode.BASELINE_DEFINED;
            default -> throw new InputException("--mode '" + mode + "': expected packaging or baseline-defined");
        };
        return PlatformTags.linux(new PlatformTags.LinuxSystem(arch, userland32, libc, !softFloat), m);
    }

    private static int[] twoNumbers(String option, String text) throws InputException {
        Optional<int[]> v = Optional.empty();
        String[] parts = text.split("\\.");
        if (parts.length == 2 && parts[0].matches("\\d{1,3}") && parts[1].matches("\\d{1,3}")) {
            v = Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        }
        return v.orElseThrow(() -> new InputException(option + " '" + text + "': expected MAJOR.MINOR, e.g. 2.38"));
    }
}
