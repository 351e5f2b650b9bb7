package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.shell.io.ExitStatus;
import dev.wheelsh.shell.io.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * How a new user meets wheelsh: the version however it is asked for, help for any command, and
 * mistakes on the command line answered in one line that names what was typed and what was meant.
 */
class EntryPointsTest {

    @Test
    void theVersionIsTheBuildsProjectVersion() {
        assertTrue(Version.number().matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?"), Version.number());
    }

    @ParameterizedTest(name = "wheelsh {0}")
    @ValueSource(strings = {"-V", "--version", "version", "tags -V", "explain --version"})
    void everyWayOfAskingPrintsTheVersionLine(String args) {
        TestRuns.Run r = TestRuns.run(args.split(" "));
        assertEquals(ExitStatus.OK, r.status(), r.err());
        assertEquals("wheelsh " + Version.number(), r.out().strip());
    }

    @Test
    void helpListsEveryCommandIncludingLspAndHelp() {
        TestRuns.Run r = TestRuns.run("help");
        assertEquals(ExitStatus.OK, r.status(), r.err());
        for (String command : new String[] {"tags", "explain", "show", "lint", "baseline", "lsp", "help", "version"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(command + " ")), command + " missing from:\n" + r.out());
        }
    }

    @Test
    void helpOfACommandIsItsUsageAndExamples() {
        TestRuns.Run tags = TestRuns.run("help", "tags");
        assertEquals(ExitStatus.OK, tags.status(), tags.err());
        assertTrue(tags.out().startsWith("Usage: wheelsh tags"), tags.out());
        assertTrue(tags.out().contains("Examples:"), tags.out());
        TestRuns.Run derive = TestRuns.run("help", "baseline", "derive");
        assertTrue(derive.out().startsWith("Usage: wheelsh baseline derive"), derive.out());
    }

    @Test
    void everyExampleIsPrintedOnOneLineAsWrittenNeverWrappedInsideAFilename() {
        CommandLine root = new Wheelsh(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).commandLine();
        List<CommandLine> all = new ArrayList<>(root.getSubcommands().values());
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
        }
        for (CommandLine command : all) {
            String name = command.getCommandSpec().qualifiedName(" ");
            TestRuns.Run help = TestRuns.run((name.substring("wheelsh ".length()) + " --help").split(" "));
            List<String> printed = help.out().lines().toList();
            for (String example : command.getCommandSpec().usageMessage().footer()) {
                assertTrue(printed.contains(example), name + ": '" + example + "' is not one line of:\n" + help.out());
            }
        }
    }

    @ParameterizedTest(name = "wheelsh {0}")
    @CsvSource(delimiter = '|', value = {
            "tagz|wheelsh: unknown command 'tagz'; did you mean 'tags'? (wheelsh help lists them)",
            "lps|wheelsh: unknown command 'lps'; did you mean 'lsp'? (wheelsh help lists them)",
            "frobnicate|wheelsh: unknown command 'frobnicate' (wheelsh help lists them)",
            "help tagz|wheelsh: help: no command 'tagz'; did you mean 'tags'? (wheelsh help lists them)",
            "help baseline deriv|wheelsh: help: no subcommand 'deriv' of wheelsh baseline; did you mean 'derive'? (wheelsh help baseline lists them)",
            "tags --pythn 3.13|wheelsh tags: unknown option '--pythn'; did you mean '--python'? (wheelsh help tags lists the options)",
            "tags --pythn=3.13|wheelsh tags: unknown option '--pythn'; did you mean '--python'? (wheelsh help tags lists the options)",
            "explain --targt cp313-glibc2.38-x86_64 py3-none-any|wheelsh explain: unknown option '--targt'; did you mean '--target'? (wheelsh help explain lists the options)",
            "baseline deriv x|wheelsh baseline: unknown subcommand 'deriv'; did you mean 'derive'? (wheelsh help baseline lists them)",
            "tags -x|wheelsh tags: unknown option '-x' (wheelsh help tags lists the options)",
            "--pythn|wheelsh: unknown option '--pythn' (wheelsh help lists the options)",
            "version extra|wheelsh version: unexpected argument 'extra' (wheelsh help version shows what it takes)",
    })
    void aMistakeIsOneLineNamingWhatWasTypedAndWhatWasMeant(String args, String expected) {
        TestRuns.Run r = TestRuns.run(args.split(" "));
        assertEquals(ExitStatus.USAGE, r.status());
        assertEquals(expected, r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void noRawPicocliWordsReachTheUser() {
        for (String args : new String[] {"help", "tagz", "tags --nope", "lint"}) {
            TestRuns.Run r = TestRuns.run(args.split(" "));
            assertFalse(r.err().contains("Unmatched argument at index"), r.err());
        }
        TestRuns.Run missing = TestRuns.run("lint");
        assertEquals("wheelsh lint: missing required parameter: 'FILE' (wheelsh help lint)", missing.err().strip());
    }

    @Test
    void theLanguageServerRunsOnlyAsTheWholeCommandLine() {
        TestRuns.Run r = TestRuns.run("-c", "version; lsp");
        assertEquals(ExitStatus.USAGE, r.status());
        assertTrue(r.err().startsWith("wheelsh: lsp: the language server speaks on standard input and output"), r.err());
        assertEquals("wheelsh " + Version.number(), r.out().strip(), "the commands before it still ran");
    }

    @Test
    void lintOfAMissingFileSaysItIsMissing(@TempDir Path dir) {
        TestRuns.Run r = TestRuns.run("lint", dir.resolve("nosuch.toml").toString());
        assertEquals(ExitStatus.USAGE, r.status());
        assertEquals("wheelsh: lint: " + dir.resolve("nosuch.toml") + ": no such file", r.err().strip());
        TestRuns.Run d = TestRuns.run("lint", dir.toString());
        assertEquals("wheelsh: lint: " + dir + ": a directory, not a file", d.err().strip());
    }

    @Test
    void aHostProbeOfAProgramThatIsNotPythonIsOneLine() {
        assumeTrue(Files.isExecutable(Path.of("/bin/ls")), "skipped: no /bin/ls on this machine");
        TestRuns.Run r = TestRuns.run("tags", "host", "--python", "/bin/ls");
        assertEquals(ExitStatus.USAGE, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("wheelsh: interpreter '/bin/ls': the probe script failed"), r.err());
        assertFalse(r.err().contains("import sys"), r.err());
    }
}
