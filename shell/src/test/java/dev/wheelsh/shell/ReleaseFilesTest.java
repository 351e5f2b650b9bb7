package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.shell.io.ExitStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The files a release ships beside the jar, generated from the command model at build time: a
 * man page per command and a fish completion script, both naming every command and option.
 */
class ReleaseFilesTest {

    private static final Set<String> REQUESTS = Set.of(".TH", ".SH", ".TP", ".nf", ".fi");

    private static List<CommandLine> everyCommand() {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        List<CommandLine> all = new ArrayList<>(List.of(new Wheelsh(quiet, quiet).commandLine()));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
        }
        return all;
    }

    @Test
    void everyCommandAndSubcommandHasAManPageNamingEachOfItsOptions() {
        Map<String, String> pages = ManPages.pages();
        List<CommandLine> all = everyCommand();
        assertEquals(all.size(), pages.size(), pages.keySet().toString());
        for (CommandLine command : all) {
            String file = command.getCommandSpec().qualifiedName("-") + ".1";
            String page = pages.get(file);
            assertTrue(page != null, file + " missing from " + pages.keySet());
            for (String section : List.of(".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH SEE ALSO")) {
                assertTrue(page.contains("\n" + section + "\n"), file + " has no " + section);
            }
            for (OptionSpec o : command.getCommandSpec().options()) {
                assertTrue(page.contains("\\fB" + ManPages.escape(o.longestName()) + "\\fR"), file + " does not name " + o.longestName());
            }
        }
        assertTrue(pages.get("wheelsh.1").contains("\\fBbaseline\\fR"), "the main page lists the commands");
    }

    @Test
    void noLineOfTextIsReadAsARoffRequest() {
        for (Map.Entry<String, String> page : ManPages.pages().entrySet()) {
            for (String line : page.getValue().split("\n")) {
                if (line.startsWith(".") || line.startsWith("'")) {
                    assertTrue(REQUESTS.contains(line.split(" ")[0]), page.getKey() + ": a text line read as a request: " + line);
                }
            }
        }
        // what the escaping guards against, in words a description could hold
        assertEquals("\\&.pypy310\\-pp73.so", ManPages.escape(".pypy310-pp73.so"));
        assertEquals("C:\\eUsers", ManPages.escape("C:\\Users"));
    }

    @Test
    void groffRendersEveryPageWithoutAWarning(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "skipped: groff is not installed (apt-get install groff-base)");
        for (Map.Entry<String, String> page : ManPages.pages().entrySet()) {
            Path file = dir.resolve(page.getKey());
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            Process groff = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", file.toString()).redirectErrorStream(true).start();
            String said = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, groff.waitFor(), said);
            assertEquals("", said, page.getKey());
        }
    }

    @Test
    void fishCompletesEveryCommandInItsPlaceAndEveryOptionOfIt() {
        TestRuns.Run r = TestRuns.run("completion", "fish");
        assertEquals(ExitStatus.OK, r.status(), r.err());
        for (CommandLine command : everyCommand()) {
            String qualified = command.getCommandSpec().qualifiedName(" ");
            if (command.getCommandSpec().parent() == null) {
                continue;
            }
            String parent = command.getCommandSpec().parent().qualifiedName(" ");
            String parentPath = parent.equals("wheelsh") ? "" : parent.substring("wheelsh ".length());
            assertTrue(r.out().contains("complete -c wheelsh -n '__fish_wheelsh_at \\'" + parentPath + "\\'' -a '"
                    + command.getCommandName() + "'"), qualified + " is not offered after '" + parent + "'");
            for (OptionSpec o : command.getCommandSpec().options()) {
                String name = o.longestName();
                String flag = name.startsWith("--") ? " -l '" + name.substring(2) + "'" : " -s '" + name.substring(1) + "'";
                assertTrue(r.out().lines().anyMatch(l -> l.contains("__fish_wheelsh_at \\'" + qualified.substring("wheelsh ".length())
                        + "\\''") && l.contains(flag)), qualified + " " + name + " is not completed");
            }
        }
    }

    @Test
    void fishParsesTheScriptAndCompletesOnlyTheOptionsOfTheCommandTyped(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/fish")), "skipped: fish is not installed (apt-get install fish)");
        Path script = dir.resolve("wheelsh.fish");
        Files.writeString(script, TestRuns.run("completion", "fish").out(), StandardCharsets.UTF_8);
        String offered = fish("source " + script + "; complete -C 'wheelsh baseline show --'");
        assertTrue(offered.contains("--arch\t"), offered);
        // --verify-record belongs to `wheelsh show`, not to `wheelsh baseline show`
        assertTrue(!offered.contains("--verify-record"), offered);
        assertTrue(fish("source " + script + "; complete -C 'wheelsh show --v'").contains("--verify-record"));
    }

    private static String fish(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("fish", "--no-config", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
