package dev.wheelsh.core.config;

import dev.wheelsh.core.tags.Architectures;
import static dev.wheelsh.core.config.CursorWords.items;
import static dev.wheelsh.core.config.CursorWords.wordStart;

import dev.wheelsh.core.words.Glossary.Topic;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completions in a pip.conf or pip.ini: section names, option names, and the values of
 * platform, implementation, abi, only-binary and no-binary, a platform tag component by component.
 */
final class PipConfCompletion {

    private static final ConfigFacts F = ConfigFacts.INSTANCE;
    private static final Pattern PLATFORM_BEFORE_ARCH =
            Pattern.compile("((?:manylinux|musllinux)_\\d+_\\d+_|manylinux(?:1|2010|2014)_|macosx_\\d+_\\d+_|win_)(.*)");

    private PipConfCompletion() {
    }

    /** {@code before}: the text of the line before the cursor, which is at column {@code c}. */
    static List<Completion> at(List<String> lines, int line, int c, String before) {
        String trimmed = before.strip();
        if (trimmed.startsWith("[")) {
            int from = wordStart(before, "_-");
            return items(F.pipSections, Completion.Kind.SECTION, "pip section", line, from, c, before.substring(from), null);
        }
        int sep = -1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '=' || before.charAt(i) == ':') {
                sep = i;
                break;
            }
        }
        if (sep < 0 && !before.isEmpty() && Character.isWhitespace(before.charAt(0)) && line > 0) {
            // a continuation line: the option is the one above
            for (int l = line - 1; l >= 0; l--) {
                String prev = lines.get(l);
                if (!prev.isEmpty() && !Character.isWhitespace(prev.charAt(0))) {
                    int s = prev.indexOf('=');
                    if (s > 0) {
                        return valueCandidates(PipConfChecks.pipName(prev.substring(0, s).strip()), before, line, c);
                    }
                    break;
                }
            }
        }
        if (sep < 0) {
            int from = wordStart(before, "_-");
            return items(F.pipOptions, Completion.Kind.OPTION, "pip option", line, from, c, before.substring(from), Topic.PIP);
        }
        return valueCandidates(PipConfChecks.pipName(before.substring(0, sep).strip()), before, line, c);
    }

    private static List<Completion> valueCandidates(String option, String before, int line, int c) {
        int from = wordStart(before, "_:.");
        String word = before.substring(from);
        return switch (option) {
            case "platform" -> platformCandidates(word, line, from, c);
            case "implementation" -> items(F.pipImplementations, Completion.Kind.VALUE, "implementation", line, from, c, word, null);
            case "abi" -> items(List.of("cp313", "cp313t", "cp314", "cp314t", "cp312", "cp311", "abi3", "none"),
                    Completion.Kind.TAG_COMPONENT, "ABI tag", line, from, c, word, null);
            case "only-binary", "no-binary" -> items(List.of(":all:", ":none:"), Completion.Kind.VALUE, option, line, from, c, word, null);
            default -> List.of();
        };
    }

    /** A platform tag: first its family and version up to the arch, then the arch. */
    private static List<Completion> platformCandidates(String word, int line, int from, int c) {
        Matcher m = PLATFORM_BEFORE_ARCH.matcher(word);
        if (m.matches()) {
            // macOS tags name binary formats (universal2 among them), not only architectures.
            List<String> archs = word.startsWith("macosx") ? List.of("arm64", "x86_64", "universal2")
                    : word.startsWith("win_") ? List.of("amd64", "arm64")
                    : Architectures.withManylinuxBaselines();
            return items(archs, Completion.Kind.ARCH, "architecture", line, from + m.group(1).length(), c, m.group(2), Topic.ARCH);
        }
        List<String> families = List.of("manylinux_2_17_", "manylinux_2_28_", "manylinux_2_34_", "manylinux_2_36_", "manylinux_2_38_",
                "musllinux_1_2_", "macosx_11_0_", "macosx_14_0_", "win_amd64", "win_arm64", "win32", "any");
        return items(families, Completion.Kind.TAG_COMPONENT, "platform tag", line, from, c, word, null);
    }
}
