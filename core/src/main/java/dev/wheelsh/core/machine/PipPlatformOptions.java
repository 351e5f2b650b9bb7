package dev.wheelsh.core.machine;

import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.PlatformTags;
import dev.wheelsh.core.tags.PythonVersion;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagGenerator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target in pip's words: {@code pip download --platform P... --python-version V
 * --implementation I --abi A...}, and the tags pip accepts for it, exactly as pip 26.3.dev0
 * computes them (src/pip/_internal/utils/compatibility_tags.py at 6d30920, {@code get_supported}).
 *
 * <p>pip expands some platform names before packaging sees them: a {@code macosx_X_Y_ARCH} into
 * every macOS platform packaging's {@code mac_platforms} gives for that version and arch (older
 * releases, universal2, intel, ...), {@code ios_X_Y_MULTIARCH} and {@code android_N_ABI} likewise,
 * {@code manylinux2014_{x86_64,i686}} into manylinux2010 and manylinux1 as well, and
 * {@code manylinux2010_ARCH} into manylinux1. A PEP 600 name ({@code manylinux_2_28_x86_64}) and a
 * musllinux name are taken alone: pip does not add the older glibc or musl versions, nor the
 * legacy aliases, so a wheel tagged only {@code manylinux_2_17_x86_64} does not fit
 * {@code --platform manylinux_2_28_x86_64}. Unlike a described machine, no {@code linux_ARCH} is
 * added either.
 *
 * @param platforms      the {@code --platform} values, in order
 * @param version        {@code --python-version}
 * @param implementation {@code --implementation}: cp, pp, graalpy, ...
 * @param abis           the {@code --abi} values; empty for pip's default (the ABI of the Python
 *                       running pip: for CPython {@code cpXY}, {@code m} added before 3.8, as a
 *                       regular build reports it; for another implementation its current ABI)
 */
public record PipPlatformOptions(List<String> platforms, PythonVersion version, String implementation, List<String> abis) {

    private static final Pattern APPLE = Pattern.compile("(.+)_(\\d+)_(\\d+)_(.+)");
    private static final Pattern ANDROID = Pattern.compile("android_(\\d+)_(.+)");

    public PipPlatformOptions {
        platforms = List.copyOf(platforms);
        abis = List.copyOf(abis);
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException("pip's --platform is given at least once here");
        }
    }

    /**
     * pip's _expand_allowed_platforms: each name's expansion, a name met before left out. The
     * lists packaging generates (macOS, iOS, Android) are the release's: 26.3 spells fat3.
     */
    public static List<String> expand(List<String> platforms, PackagingRelease release) {
        Set<String> seen = new LinkedHashSet<>();
        for (String p : platforms) {
            if (seen.contains(p)) {
                continue;
            }
            seen.addAll(custom(p, release));
        }
        return List.copyOf(seen);
    }

    /** pip's _get_custom_platforms for one name. */
    static List<String> custom(String platform, PackagingRelease release) {
        int sep = platform.indexOf('_');
        String prefix = sep < 0 ? platform : platform.substring(0, sep);
        String suffix = sep < 0 ? "" : platform.substring(sep + 1);
        String sepText = sep < 0 ? "" : "_";
        if (platform.startsWith("macosx")) {
            return apple(platform, "macosx_", (a, b, c) -> release.platforms(PlatformTags.macos(a, b, c)));
        } else if (platform.startsWith("ios")) {
            return apple(platform, "ios_", (a, b, c) -> release.platforms(PlatformTags.ios(a, b, c)));
        } else if (prefix.equals("android")) {
            Matcher m = ANDROID.matcher(platform);
            if (m.matches() && m.group(1).length() <= 9) {
                return release.platforms(PlatformTags.android(Integer.parseInt(m.group(1)), m.group(2)));
            }
            return List.of(platform);
        } else if (prefix.equals("manylinux2014")) {
            List<String> out = new ArrayList<>(List.of(platform));
            if (suffix.equals("i686") || suffix.equals("x86_64")) {
                out.add("manylinux2010" + sepText + suffix);
                out.add("manylinux1" + sepText + suffix);
            }
            return out;
        } else if (prefix.equals("manylinux2010")) {
            return List.of(platform, "manylinux1" + sepText + suffix);
        }
        return List.of(platform);
    }

    /**
     * pip's _mac_platforms and _ios_platforms: the user's prefix (normally macosx or ios) is kept
     * in front of each name packaging gives for that version and arch.
     */
    private static List<String> apple(String platform, String packagingPrefix, AppleListOf of) {
        Matcher m = APPLE.matcher(platform);
        if (!m.matches() || m.group(2).length() > 9 || m.group(3).length() > 9) {
            return List.of(platform);
        }
        List<String> out = new ArrayList<>();
        for (String p : of.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4))) {
            out.add(m.group(1) + "_" + p.substring(packagingPrefix.length()));
        }
        return out;
    }

    /** A list of platforms packaging gives for a version and an arch (or multiarch). */
    private interface AppleListOf {
        List<String> of(int major, int minor, String arch);
    }

    /** pip's get_supported: its ABIs and platforms, then packaging's pure-Python tags. */
    public List<Tag> tags(PackagingRelease release) {
        List<String> expanded = expand(platforms, release);
        String interpreter = implementation + version.nodot();
        List<Tag> tags = new ArrayList<>();
        if (implementation.equals("cp")) {
            List<String> chosen = abis.isEmpty() ? List.of(defaultCpythonAbi(version)) : abis;
            tags.addAll(TagGenerator.cpythonTags(version, chosen, expanded, release));
        } else {
            List<String> chosen = abis.isEmpty() ? Interpreters.currentAbis(implementation, version) : abis;
            tags.addAll(TagGenerator.genericTags(interpreter, chosen, expanded));
        }
        // pip names the interpreter itself for the <interpreter>-none-any tag (sys_tags says pp3 for PyPy)
        tags.addAll(TagGenerator.compatibleTags(version, Optional.of(interpreter), expanded));
        return tags;
    }

    /** packaging's _cpython_abis on a regular (non-debug, GIL) build: cpXY, with m before 3.8. */
    private static String defaultCpythonAbi(PythonVersion version) {
        boolean pymalloc = version.minor().isPresent() && !version.atLeast(3, 8);
        return "cp" + version.nodot() + (pymalloc ? "m" : "");
    }
}
