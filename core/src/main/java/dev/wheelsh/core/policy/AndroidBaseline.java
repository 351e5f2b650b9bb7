package dev.wheelsh.core.policy;

import dev.wheelsh.core.vocabulary.DataFiles;
import dev.wheelsh.core.elf.BionicCode;
import dev.wheelsh.core.tags.LibcFamily;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.core.wheel.WheelFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Android's baseline: the system libraries an app's native code may link at each API level
 * ({@code android-libraries.tsv}, from auditwheel's Android policy), and the verdict on bionic code,
 * which is judged against these and never against manylinux or musllinux (bionic answers to plain
 * {@code libc.so} as musl's loader does, but neither Linux C library can load Android code).
 */
public final class AndroidBaseline {

    /** The lowest API level auditwheel has a policy for (the first Android with 64-bit ABIs). */
    public static final int LOWEST_API_LEVEL = 21;

    /** The libraries of one API level, and auditwheel's priority for its policy. */
    public record Level(int apiLevel, int priority, List<String> libraries) {
        public Level {
            libraries = List.copyOf(libraries);
        }
    }

    private static final List<Level> LEVELS = load();

    private AndroidBaseline() {
    }

    /** Every level of the table, lowest first. */
    public static List<Level> levels() {
        return LEVELS;
    }

    /** The level that governs an app of this API level: the highest one not above it; empty below 21. */
    public static Optional<Level> at(int apiLevel) {
        Level found = null;
        for (Level l : LEVELS) {
            if (l.apiLevel() <= apiLevel) {
                found = l;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The libraries an app of this API level may take from the system (none below 21). */
    public static Set<String> allowedLibraries(int apiLevel) {
        return at(apiLevel).map(l -> Set.copyOf(l.libraries())).orElse(Set.of());
    }

    /** Android's baseline for one ABI at one API level, in auditwheel's policy shape: {@code android_24} on arm64_v8a. */
    public static Policy policy(int apiLevel, String abi) {
        Level l = at(apiLevel).orElse(LEVELS.get(0));
        return new Policy("android_" + apiLevel, List.of(), l.priority(), Map.of(abi, Map.of()), allowedList(apiLevel), Map.of());
    }

    private static List<String> allowedList(int apiLevel) {
        return at(apiLevel).map(Level::libraries).orElse(List.of());
    }

    /** The API level the wheel's android tags name (the lowest, when it has several), if any. */
    public static OptionalInt taggedApiLevel(WheelFacts facts) {
        OptionalInt out = OptionalInt.empty();
        for (Tag t : facts.filename().tags().tags()) {
            if (PlatformTag.parse(t.platform()) instanceof PlatformTag.Android a
                    && (out.isEmpty() || a.apiLevel() < out.getAsInt())) {
                out = OptionalInt.of(a.apiLevel());
            }
        }
        return out;
    }

    /**
     * The highest API level any bionic member was built for: its {@code .note.android.ident}, or
     * without one the floor of the bionic symbol versions it asks.
     */
    public static OptionalInt codeApiLevel(WheelFacts facts) {
        OptionalInt out = OptionalInt.empty();
        for (WheelChecks.Member m : facts.natives()) {
            OptionalInt api = m.elf().bionic().map(BionicCode::builtFor).orElse(OptionalInt.empty());
            if (api.isPresent() && (out.isEmpty() || api.getAsInt() > out.getAsInt())) {
                out = api;
            }
        }
        return out;
    }

    /**
     * The verdict on a wheel with bionic code: Android's baseline at the API level the tag names, or
     * the code's own level when that is higher (a tag cannot lower what the code needs), for the ABI
     * of the code. The wheel is consistent with {@code android_N_<abi>} when every library it takes
     * from the system is one an app may link at N; otherwise the fit lists the others and the best is
     * the same tag with no promise (Android has no {@code linux_*} tag to fall back on; auditwheel
     * keeps the tag and grafts the rest).
     */
    static PolicyVerdict evaluate(WheelFacts facts, SystemNeeds needs) {
        String abi = "";
        for (WheelChecks.Member m : facts.natives()) {
            if (m.elf().bionic().isPresent()) {
                abi = BionicCode.abi(m.elf().header()).orElse(m.arch());
                break;
            }
        }
        OptionalInt tagged = taggedApiLevel(facts);
        OptionalInt code = codeApiLevel(facts);
        int api = Math.max(tagged.orElse(LOWEST_API_LEVEL), code.orElse(LOWEST_API_LEVEL));
        Policy android = policy(api, abi);
        Set<String> allowed = new HashSet<>(android.libWhitelist());
        List<PolicyVerdict.Obstacle> obstacles = new ArrayList<>();
        for (SystemNeeds.Member m : needs.members()) {
            for (String lib : m.libraries()) {
                if (!allowed.contains(lib)) {
                    obstacles.add(new PolicyVerdict.ExternalLibrary(m.name(), lib));
                }
            }
        }
        PolicyVerdict.Fit fit = new PolicyVerdict.Fit(android, obstacles);
        Policy best = fit.holds() ? android
                : new Policy(android.name(), List.of(), 0, Map.of(), List.of(), Map.of());
        return new PolicyVerdict(abi, LibcFamily.ANDROID, List.of(fit), best);
    }

    private static List<Level> load() {
        List<Level> out = new ArrayList<>();
        for (String[] c : DataFiles.rows(AndroidBaseline.class, "android-libraries.tsv", 3)) {
            out.add(new Level(Integer.parseInt(c[0]), Integer.parseInt(c[1]), Arrays.asList(c[2].trim().split(" +"))));
        }
        return List.copyOf(out);
    }
}
