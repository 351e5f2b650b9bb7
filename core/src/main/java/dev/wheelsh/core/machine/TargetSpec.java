package dev.wheelsh.core.machine;

import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.elf.LoongArchWorld;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.tags.Architectures;
import dev.wheelsh.core.tags.Libc;
import dev.wheelsh.core.tags.PythonVersion;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact one-string form of a {@link Target}, for config files ({@code [tool.wheelsh]
 * targets}) and scripts. Grammar (docs/targets.md):
 *
 * <pre>
 * target  = interp "-" system "-" arch *( "+" flag )
 * interp  = impl version [abiflags]        cp313, cp313t, cp37m, cp27mu, pp310, graalpy311
 * system  = "glibc" X.Y | "musl" X.Y | "linux" | "macos" X.Y | "windows" | "ios" X.Y | "android" N
 * arch    = as Python spells it: x86_64, aarch64, loongarch64, arm64 (macOS), amd64 (Windows),
 *           arm64_iphoneos (iOS multiarch), arm64_v8a (Android ABI)
 * flag    = "32bit" | "softfloat" | "oldworld" | "abi=" TAG
 * </pre>
 *
 * Examples: {@code cp313t-glibc2.38-loongarch64}, {@code cp312-musl1.2-aarch64},
 * {@code cp311-glibc2.36-aarch64+32bit}, {@code pp310-glibc2.35-x86_64},
 * {@code cp313-macos14.0-arm64}, {@code cp310-glibc2.28-loongarch64+oldworld}.
 */
public final class TargetSpec {

    private static final Pattern INTERP = Pattern.compile("([a-z]+?)(\\d+)([tdmu]*)");
    private static final Pattern SYSTEM = Pattern.compile("(glibc|musl|macos|ios)(\\d+)\\.(\\d+)|(android)(\\d+)|(linux|windows)");

    private TargetSpec() {
    }

    public static Target parse(String text) throws InputException {
        String trimmed = text.trim();
        String spec = trimmed.toLowerCase(Locale.ROOT);
        // Offsets are counted in the trimmed spec and reported in the text as given.
        Columns at = new Columns(text, text.indexOf(trimmed), spec.length() == trimmed.length());
        String[] plus = spec.split("\\+", -1);
        String[] parts = plus[0].split("-", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw at.error(0, spec.length(), "expected INTERPRETER-SYSTEM-ARCH, e.g. cp313-glibc2.38-loongarch64");
        }
        Matcher im = INTERP.matcher(parts[0]);
        if (!im.matches()) {
            throw at.error(0, parts[0].length(), "interpreter '" + parts[0] + "' is not IMPLEMENTATION+VERSION[+ABI flags], e.g. cp313t");
        }
        String impl = im.group(1);
        PythonVersion version = version(at, im.start(2), im.group(2));
        String flags = im.group(3);
        if (!impl.equals("cp") && !flags.isEmpty()) {
            throw at.error(im.start(3), flags.length(), "ABI flags '" + flags + "' apply to CPython (cp) only");
        }
        boolean userland32 = false;
        boolean softFloat = false;
        boolean oldWorld = false;
        List<String> abis = new ArrayList<>();
        int column = plus[0].length();
        for (int i = 1; i < plus.length; i++) {
            column += 1;
            String flag = plus[i];
            switch (flag) {
                case "32bit" -> userland32 = true;
                case "softfloat" -> softFloat = true;
                case "oldworld" -> oldWorld = true;
                default -> {
                    if (flag.startsWith("abi=") && flag.length() > 4) {
                        abis.add(flag.substring(4));
                    } else {
                        throw at.error(column, flag.length(), "unknown flag '+" + flag + "' (known: +32bit, +softfloat, +oldworld, +abi=TAG)");
                    }
                }
            }
            column += flag.length();
        }
        Interpreter interpreter;
        if (impl.equals("cp")) {
            interpreter = Interpreter.cpython(version, flags);
        } else {
            interpreter = new Interpreter(impl, version, "", abis.isEmpty() ? defaultAbis(impl, version) : abis);
        }
        int systemColumn = parts[0].length() + 1;
        Matcher sm = SYSTEM.matcher(parts[1]);
        if (!sm.matches()) {
            throw at.error(systemColumn, parts[1].length(), "system '" + parts[1]
                    + "' is not glibcX.Y, muslX.Y, linux, macosX.Y, windows, iosX.Y or androidN");
        }
        String arch = parts[2];
        int archColumn = systemColumn + parts[1].length() + 1;
        if (!arch.matches("[a-z0-9_]+")) {
            throw at.error(archColumn, arch.length(), "architecture '" + arch + "' has characters other than a-z, 0-9 and _");
        }
        Platform platform;
        if (sm.group(1) != null) {
            int major = number(at, systemColumn + sm.start(2), sm.group(2));
            int minor = number(at, systemColumn + sm.start(3), sm.group(3));
            platform = switch (sm.group(1)) {
                case "glibc" -> linux(arch, userland32, Libc.glibc(major, minor), !softFloat, oldWorld);
                case "musl" -> linux(arch, userland32, Libc.musl(major, minor), !softFloat, oldWorld);
                case "macos" -> new Platform.MacOs(major, minor, arch);
                default -> new Platform.Ios(major, minor, arch);
            };
        } else if (sm.group(4) != null) {
            platform = new Platform.Android(number(at, systemColumn + sm.start(5), sm.group(5)), arch);
        } else if (sm.group(6).equals("linux")) {
            platform = linux(arch, userland32, Libc.none(), !softFloat, oldWorld);
        } else {
            platform = new Platform.Windows(arch);
        }
        Optional<String> archProblem = Architectures.problem(os(platform), arch);
        if (archProblem.isPresent()) {
            throw at.error(archColumn, arch.length(), archProblem.get()).withCode(Code.WH191);
        }
        if (oldWorld && !arch.equals("loongarch64")) {
            throw at.error(archColumn, arch.length(), "+oldworld applies to loongarch64 only");
        }
        return new Target(platform, interpreter);
    }

    /** The OS whose architecture table a platform's arch is checked against. */
    private static Architectures.Os os(Platform platform) {
        if (platform instanceof Platform.MacOs) {
            return Architectures.Os.MACOS;
        } else if (platform instanceof Platform.Windows) {
            return Architectures.Os.WINDOWS;
        } else if (platform instanceof Platform.Ios) {
            return Architectures.Os.IOS;
        } else if (platform instanceof Platform.Android) {
            return Architectures.Os.ANDROID;
        }
        return Architectures.Os.LINUX;
    }

    private static Platform.Linux linux(String arch, boolean userland32, Libc libc, boolean hardFloat, boolean oldWorld) {
        Optional<LoongArchWorld.World> world = arch.equals("loongarch64")
                ? Optional.of(oldWorld ? LoongArchWorld.World.OLD : LoongArchWorld.World.NEW) : Optional.empty();
        return new Platform.Linux(arch, userland32, libc, hardFloat, world);
    }

    /**
     * The ABI tag an implementation's current release uses: PyPy 7.3 is {@code pypyXY_pp73};
     * GraalPy names its release in the tag, which a spec cannot guess: give {@code +abi=TAG}.
     */
    static List<String> defaultAbis(String impl, PythonVersion version) {
        return Interpreters.currentAbis(impl, version);
    }

    private static PythonVersion version(Columns at, int offset, String digits) throws InputException {
        if (digits.length() == 1) {
            return new PythonVersion(Integer.parseInt(digits), OptionalInt.empty());
        }
        if (digits.length() > 4) {
            throw at.error(offset, digits.length(), "Python version '" + digits + "' is too long");
        }
        return PythonVersion.of(digits.charAt(0) - '0', Integer.parseInt(digits.substring(1)));
    }

    private static int number(Columns at, int offset, String digits) throws InputException {
        if (digits.length() > 4) {
            throw at.error(offset, digits.length(), "version number '" + digits + "' is too large");
        }
        return Integer.parseInt(digits);
    }

    /**
     * Turns offsets in the trimmed, lower-cased spec into offsets in the text as given: shifted by
     * the leading white space. Where lower-casing changed the length (a few non-ASCII letters),
     * the offsets no longer line up and the whole text is the bad part.
     */
    private record Columns(String text, int lead, boolean aligned) {
        InputException error(int offset, int length, String why) {
            return aligned ? InputException.atColumn("target", text, lead + offset, length, why)
                    : InputException.atColumn("target", text, 0, text.length(), why);
        }
    }

    /** The compact form of a target; {@code parse(format(t))} gives {@code t} back. */
    public static String format(Target target) {
        Interpreter in = target.interpreter();
        StringBuilder sb = new StringBuilder(in.implementation()).append(in.version().nodot());
        if (in.isCpython()) {
            sb.append(in.abiFlags());
        }
        sb.append('-');
        List<String> flags = new ArrayList<>();
        Platform p = target.platform();
        if (p instanceof Platform.Linux l) {
            switch (l.libc().family()) {
                case GLIBC -> sb.append("glibc").append(l.libc().major()).append('.').append(l.libc().minor());
                case MUSL -> sb.append("musl").append(l.libc().major()).append('.').append(l.libc().minor());
                case NONE -> sb.append("linux");
            }
            if (l.userland32()) {
                flags.add("32bit");
            }
            if (!l.armHardFloat()) {
                flags.add("softfloat");
            }
            if (l.oldWorld()) {
                flags.add("oldworld");
            }
        } else if (p instanceof Platform.MacOs m) {
            sb.append("macos").append(m.major()).append('.').append(m.minor());
        } else if (p instanceof Platform.Windows) {
            sb.append("windows");
        } else if (p instanceof Platform.Ios i) {
            sb.append("ios").append(i.major()).append('.').append(i.minor());
        } else if (p instanceof Platform.Android a) {
            sb.append("android").append(a.apiLevel());
        }
        sb.append('-').append(p instanceof Platform.Ios i ? i.multiarch() : p.arch());
        if (!in.isCpython() && !in.otherAbis().equals(defaultAbis(in.implementation(), in.version()))) {
            in.otherAbis().forEach(abi -> flags.add("abi=" + abi));
        }
        flags.forEach(f -> sb.append('+').append(f));
        return sb.toString();
    }
}
