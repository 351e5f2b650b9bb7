package dev.wheelsh.shell;

import dev.wheelsh.core.tags.Architectures;
import dev.wheelsh.core.explain.TagShapes;
import dev.wheelsh.core.words.TagWords;
import dev.wheelsh.core.tags.PlatformTags;
import dev.wheelsh.core.machine.Profiles;
import dev.wheelsh.shell.commands.OptionValues;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words the shell completes and checks as they are typed: architectures, Python versions,
 * profiles, and the components of a tag. Meanings come from core (TagWords), so the shell and the
 * language server describe a component in the same words.
 */
final class Vocabulary {

    static final List<String> LINUX_ARCHS = Architectures.preferred(Architectures.Os.LINUX);
    static final List<String> MAC_ARCHS = List.of("arm64", "x86_64", "universal2", "intel");
    static final List<String> PYTHONS = OptionValues.Pythons.VALUES;
    private static final Pattern INTERPRETER = Pattern.compile("(cp|pp|py|graalpy)\\d+");
    private static final Pattern ABI = Pattern.compile("cp\\d+[tdmu]*|abi3t?|none|pypy\\d+_pp\\d+|graalpy[a-z0-9_]*");

    private Vocabulary() {
    }

    static List<String> profiles() {
        List<String> names = new ArrayList<>();
        Profiles.all().forEach(p -> names.add(p.name()));
        return names;
    }

    /** A candidate and what it means. */
    record Word(String value, String meaning) {
    }

    static List<Word> interpreters() {
        List<Word> out = new ArrayList<>();
        for (String v : List.of("314", "313", "312", "311", "310", "39", "38", "37")) {
            out.add(word("cp" + v, TagWords.interpreter("cp" + v)));
        }
        out.add(word("py3", TagWords.interpreter("py3")));
        out.add(word("py2.py3", "Python 2 or 3 (a compressed tag set)"));
        out.add(word("pp310", TagWords.interpreter("pp310")));
        out.add(word("pp311", TagWords.interpreter("pp311")));
        return out;
    }

    static List<Word> abis(String interpreter) {
        List<Word> out = new ArrayList<>();
        if (interpreter.startsWith("cp")) {
            out.add(word(interpreter, TagWords.abi(interpreter)));
            out.add(word(interpreter + "t", TagWords.abi(interpreter + "t")));
            out.add(word("abi3", TagWords.abi("abi3")));
        }
        if (interpreter.startsWith("pp")) {
            out.add(word("pypy" + interpreter.substring(2) + "_pp73", TagWords.abi("pypy" + interpreter.substring(2) + "_pp73")));
        }
        out.add(word("none", TagWords.abi("none")));
        return out;
    }

    static List<Word> platforms() {
        List<Word> out = new ArrayList<>();
        out.add(word("any", TagWords.platform("any")));
        for (String arch : LINUX_ARCHS) {
            for (String glibc : List.of("2_17", "2_28", "2_34", "2_36", "2_38", "2_39")) {
                String[] v = glibc.split("_");
                if (PlatformTags.baselineExists(arch, Integer.parseInt(v[0]), Integer.parseInt(v[1]))) {
                    String tag = "manylinux_" + glibc + "_" + arch;
                    out.add(word(tag, TagWords.platform(tag)));
                }
            }
            out.add(word("musllinux_1_2_" + arch, TagWords.platform("musllinux_1_2_" + arch)));
            out.add(word("linux_" + arch, TagWords.platform("linux_" + arch)));
        }
        for (String tag : List.of("macosx_11_0_arm64", "macosx_10_9_x86_64", "macosx_10_9_universal2", "win_amd64",
                "win32", "win_arm64", "ios_13_0_arm64_iphoneos", "android_24_arm64_v8a")) {
            out.add(word(tag, TagWords.platform(tag)));
        }
        return out;
    }

    private static Word word(String value, String meaning) {
        return new Word(value, meaning);
    }

    /** Whether a typed tag component is valid in its position (0 interpreter, 1 ABI, 2 platform). */
    static boolean validComponent(int position, String text) {
        for (String part : text.split("\\.", -1)) {
            if (part.isEmpty()) {
                return false;
            }
            boolean ok = switch (position) {
                case 0 -> INTERPRETER.matcher(part).matches() || part.matches("[a-z]+\\d+");
                case 1 -> ABI.matcher(part).matches();
                default -> TagShapes.acceptable(part);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
