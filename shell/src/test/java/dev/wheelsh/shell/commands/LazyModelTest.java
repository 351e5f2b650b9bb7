package dev.wheelsh.shell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wheelsh.shell.io.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A run builds the model of the command it runs, not of all of them; the runs that read the whole
 * model (help, completion, an unknown word that needs the list for did-you-mean) get all of it.
 */
class LazyModelTest {

    private static final PrintWriter QUIET = new PrintWriter(new StringWriter());

    private static Set<String> built(String first) {
        return Commands.commandLine(new Session(), QUIET, QUIET, first).getSubcommands().keySet();
    }

    @ParameterizedTest(name = "wheelsh {0} ... builds only {0}")
    @ValueSource(strings = {"tags", "explain", "version", "baseline", "show", "lsp"})
    void aRunOfOneCommandBuildsThatCommandAlone(String command) {
        assertEquals(Set.of(command), built(command));
    }

    @ParameterizedTest(name = "wheelsh {0} builds every command")
    @ValueSource(strings = {"help", "completion", "tagz", "-V", "--help", ""})
    void helpCompletionAndUnknownWordsGetTheWholeModel(String first) {
        assertEquals(Commands.commandLine(new Session(), QUIET, QUIET).getSubcommands().keySet(), built(first));
    }

    @Test
    void theWholeModelListsTheCommandsInHelpsOrder() {
        CommandLine all = Commands.commandLine(new Session(), QUIET, QUIET);
        assertEquals(List.of("tags", "simulate", "target", "explain", "pick", "lock", "check", "completion", "version", "elf",
                "show", "lint", "baseline", "lsp", "help"), List.copyOf(all.getSubcommands().keySet()));
    }

    @Test
    void aCommandBuiltAloneKeepsItsSubcommandsAndItsHelp() {
        CommandLine baseline = Commands.commandLine(new Session(), QUIET, QUIET, "baseline").getSubcommands().get("baseline");
        assertEquals(Set.of("list", "show", "derive", "validate"), baseline.getSubcommands().keySet());
        assertEquals(true, baseline.getSubcommands().get("derive").getCommandSpec().mixinStandardHelpOptions());
    }
}
