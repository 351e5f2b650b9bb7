package dev.wheelsh.core.tags;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tags an interpreter accepts, best first: packaging 26.2's (or, given a
 * {@link PackagingRelease}, 26.3's) {@code cpython_tags},
 * {@code generic_tags}, {@code compatible_tags} and their composition in {@code sys_tags}, for an
 * explicitly described interpreter and platform list instead of the running one. The order is the
 * order pip prefers: interpreter first, then platform, then ABI.
 */
public final class TagGenerator {

    private static final Pattern CPYTHON_ABI = Pattern.compile("cp\\d+(.*)", Pattern.DOTALL);

    private TagGenerator() {
    }

    /**
     * {@code cp<ver>-<abi>-<platform>} for each ABI, then the stable ABI ({@code abi3}, or
     * {@code abi3t} for a free-threaded first ABI), then {@code none}, then the stable ABI of every
     * older minor version down to 3.2.
     */
    public static List<Tag> cpythonTags(PythonVersion version, List<String> abis, List<String> platforms) {
        return cpythonTags(version, abis, platforms, PackagingRelease.V26_2);
    }

    /** As {@link #cpythonTags(PythonVersion, List, List)}, as a given packaging release yields them. */
    public static List<Tag> cpythonTags(PythonVersion version, List<String> abis, List<String> platforms,
                                        PackagingRelease release) {
        String interpreter = "cp" + version.nodot();
        // 26.3 asks whether the interpreter is free-threaded before removing the implicit ABIs, 26.2 after.
        boolean threadedAsGiven = isFreeThreaded(abis);
        List<String> explicitAbis = new ArrayList<>(abis);
        for (String implicit : release.implicitAbis(threadedAsGiven)) {
            explicitAbis.remove(implicit);
        }
        List<Tag> tags = new ArrayList<>();
        for (String abi : explicitAbis) {
            for (String platform : platforms) {
                tags.add(new Tag(interpreter, abi, platform));
            }
        }
        boolean threading = release == PackagingRelease.V26_2 ? isFreeThreaded(explicitAbis) : threadedAsGiven;
        boolean stable = version.minor().isPresent() && version.atLeast(3, 2);
        boolean useAbi3 = stable && !threading;
        boolean useAbi3t = stable && threading;
        if (useAbi3) {
            for (String platform : platforms) {
                tags.add(new Tag(interpreter, "abi3", platform));
            }
        }
        if (useAbi3t) {
            for (String platform : platforms) {
                tags.add(new Tag(interpreter, "abi3t", platform));
            }
        }
        for (String platform : platforms) {
            tags.add(new Tag(interpreter, "none", platform));
        }
        if (useAbi3 || useAbi3t) {
            for (int minor = version.minor().getAsInt() - 1; minor > 1; minor--) {
                String older = "cp" + version.major() + minor;
                for (String platform : platforms) {
                    tags.add(new Tag(older, useAbi3 ? "abi3" : "abi3t", platform));
                }
            }
        }
        return tags;
    }

    /** packaging's _is_threaded_cpython: the first ABI is {@code cp<digits>} with a 't' in its flags. */
    static boolean isFreeThreaded(List<String> abis) {
        if (abis.isEmpty()) {
            return false;
        }
        Matcher m = CPYTHON_ABI.matcher(abis.get(0));
        return m.lookingAt() && m.group(1).contains("t");
    }

    /** {@code <interpreter>-<abi>-<platform>} for each ABI, {@code none} added when absent. */
    public static List<Tag> genericTags(String interpreter, List<String> abis, List<String> platforms) {
        List<String> all = new ArrayList<>(abis);
        if (!all.contains("none")) {
            all.add("none");
        }
        List<Tag> tags = new ArrayList<>();
        for (String abi : all) {
            for (String platform : platforms) {
                tags.add(new Tag(interpreter, abi, platform));
            }
        }
        return tags;
    }

    /**
     * Pure-Python tags: {@code py3X-none-<platform>} down through every older minor version,
     * then {@code <interpreter>-none-any} when an interpreter is given, then {@code py*-none-any}.
     */
    public static List<Tag> compatibleTags(PythonVersion version, Optional<String> interpreter,
                                           List<String> platforms) {
        List<String> pythons = pythonRange(version);
        List<Tag> tags = new ArrayList<>();
        for (String python : pythons) {
            for (String platform : platforms) {
                tags.add(new Tag(python, "none", platform));
            }
        }
        interpreter.ifPresent(i -> tags.add(new Tag(i, "none", "any")));
        for (String python : pythons) {
            tags.add(new Tag(python, "none", "any"));
        }
        return tags;
    }

    /** {@code py313, py3, py312, ..., py30} for 3.13: packaging's _py_interpreter_range. */
    static List<String> pythonRange(PythonVersion version) {
        List<String> out = new ArrayList<>();
        if (version.minor().isPresent()) {
            out.add("py" + version.nodot());
        }
        out.add("py" + version.major());
        if (version.minor().isPresent()) {
            for (int minor = version.minor().getAsInt() - 1; minor >= 0; minor--) {
                out.add("py" + version.major() + minor);
            }
        }
        return out;
    }

    /**
     * Everything an interpreter accepts, best first, as packaging's {@code sys_tags} composes it:
     * CPython gets {@link #cpythonTags} then {@link #compatibleTags} with {@code cp<ver>-none-any};
     * other implementations get {@link #genericTags} with {@code <name><ver>} and then
     * {@link #compatibleTags}, with {@code pp3-none-any} for PyPy.
     */
    public static List<Tag> sysTags(InterpreterTagInputs in) {
        return sysTags(in, PackagingRelease.V26_2);
    }

    /**
     * As {@link #sysTags(InterpreterTagInputs)}, as a given packaging release composes them. The
     * platforms are taken as given: a release's platform order is the generator's business
     * ({@link PackagingRelease#platforms}), and an explicit list keeps its order in every release.
     */
    public static List<Tag> sysTags(InterpreterTagInputs in, PackagingRelease release) {
        List<String> platforms = in.platforms();
        List<Tag> tags = new ArrayList<>();
        if (in.implementation().equals("cp")) {
            tags.addAll(cpythonTags(in.pythonVersion(), in.abis(), platforms, release));
            tags.addAll(compatibleTags(in.pythonVersion(), Optional.of("cp" + in.interpreterVersion()), platforms));
        } else {
            tags.addAll(genericTags(in.implementation() + in.interpreterVersion(), in.abis(), platforms));
            Optional<String> interpreter = in.implementation().equals("pp") ? Optional.of("pp3") : Optional.empty();
            tags.addAll(compatibleTags(in.pythonVersion(), interpreter, platforms));
        }
        return tags;
    }

    /** The same list without repeats, first occurrence kept: what a tag ranking uses. */
    public static List<Tag> distinct(List<Tag> tags) {
        return List.copyOf(new LinkedHashSet<>(tags));
    }
}
