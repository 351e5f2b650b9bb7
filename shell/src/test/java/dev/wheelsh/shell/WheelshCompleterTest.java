package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/** Completion of the baseline command: its actions, then the names (and aliases) of the baselines. */
class WheelshCompleterTest {

    private static List<String> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> out = new ArrayList<>();
        new WheelshCompleter(new Wheelsh(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).commandLine())
                .complete(null, parsed, out);
        return out.stream().map(Candidate::value).toList();
    }

    @Test
    void baselineCompletesItsActionsThenTheBaselineNames() {
        assertTrue(complete("baseline ").containsAll(List.of("list", "show", "derive", "validate")));
        List<String> names = complete("baseline show ");
        assertTrue(names.containsAll(List.of("manylinux_2_38", "manylinux2014", "musllinux_1_2")), names.toString());
    }

    @Test
    void eachBaselineActionCompletesItsOwnOptions() {
        List<String> show = complete("baseline show manylinux_2_38 --");
        assertTrue(show.containsAll(List.of("--arch", "--baseline", "--json")), show.toString());
        List<String> derive = complete("baseline derive sysroot --");
        assertTrue(derive.containsAll(List.of("--name", "--priority", "--output")), derive.toString());
        assertTrue(!derive.contains("--arch") && !derive.contains("--json"), "derive takes neither: " + derive);
    }

    @Test
    void theFirstWordCompletesEveryCommandOnceButNotTheLanguageServerWhichTheShellRefuses() {
        List<String> first = complete("");
        assertTrue(first.containsAll(List.of("tags", "explain", "help", "version", "exit")), first.toString());
        assertEquals(1, first.stream().filter("help"::equals).count(), first.toString());
        assertTrue(!first.contains("lsp"), first.toString());
        assertTrue(complete("help ").containsAll(List.of("tags", "baseline", "lsp")), "help describes every command, lsp too");
    }

    @Test
    void optionValuesComeFromTheCommandModel() {
        List<String> archs = complete("tags --arch ");
        assertTrue(archs.containsAll(List.of("x86_64", "aarch64", "loongarch64")), archs.toString());
        assertTrue(complete("check x.whl --profile ").containsAll(List.of("debian-12", "alpine-3.20")));
        assertEquals(List.of("26.2", "26.3"), complete("explain x.whl --packaging "));
        assertTrue(complete("simulate --implementation ").contains("pp"));
    }

    /** The generated bash script completes each option's values as the REPL does: both read the model's candidates. */
    @Test
    void theBashScriptCompletesTheSameOptionValuesAsTheRepl() {
        StringWriter out = new StringWriter();
        int status = new Wheelsh(new PrintWriter(out), new PrintWriter(new StringWriter())).commandLine().execute("completion", "bash");
        assertEquals(0, status);
        String script = out.toString();
        for (String line : List.of("tags --arch ", "check x.whl --profile ", "explain x.whl --packaging ", "tags --glibc ")) {
            for (String value : complete(line)) {
                assertTrue(script.contains(value), "the bash script lacks " + value + " (" + line.strip() + ")");
            }
        }
        assertTrue(script.contains("'--arch')") && script.contains("arch_option_args[@]"), "the bash script completes --arch's values");
    }

    /** The highlighter marks a platform component bad exactly when the editor's check calls it an error. */
    @Test
    void theHighlighterAndTheEditorJudgePlatformTagsAlike() {
        for (String ok : List.of("manylinux_2_17_x86_64", "manylinux2014_aarch64", "musllinux_1_2_loongarch64", "linux_armv7l",
                "macosx_14_0_arm64", "win_amd64", "any", "manylinux_2_17_x86_64.manylinux2014_x86_64")) {
            assertTrue(Vocabulary.validComponent(2, ok), ok);
        }
        for (String bad : List.of("linux_arm64", "manylinux_2_28_x86-64", "manylinux_2_38_loong64", "nonsense", "manylinux_2_17_x86_64.")) {
            assertTrue(!Vocabulary.validComponent(2, bad), bad);
        }
    }
}
