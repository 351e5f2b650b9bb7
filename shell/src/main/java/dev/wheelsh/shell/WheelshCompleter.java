package dev.wheelsh.shell;

import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes what can be typed at the cursor: command names, their options (read from the picocli
 * model, so a new command completes without changes here), option values (architectures, Python
 * versions, profiles, libc versions), wheel and file paths, and tags component by component with
 * the meaning of each candidate.
 */
final class WheelshCompleter implements Completer {

    private static final Set<String> TAG_COMMANDS = Set.of("explain");
    private static final Set<String> FILE_COMMANDS = Set.of("explain", "pick", "lock", "check", "show", "elf", "lint", "baseline");

    private final CommandLine root;
    private final Completer files = new Completers.FileNameCompleter();

    /** The language server: a command of its own process (what editors start), refused inside the shell. */
    private static final String IN_EDITORS_ONLY = "lsp";

    /** Completes for the commands of {@code root}, the session's command line (only its model is read). */
    WheelshCompleter(CommandLine root) {
        this.root = root;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (index == 0) {
            for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
                if (e.getKey().equals(IN_EDITORS_ONLY)) {
                    continue;
                }
                candidates.add(new Candidate(e.getKey(), e.getKey(), "commands", description(e.getValue().getCommandSpec()),
                        null, null, true));
            }
            candidates.add(new Candidate("exit", "exit", "commands", "leave the shell (also Ctrl-D)", null, null, true));
            return;
        }
        String command = words.get(0);
        if (command.equals("help")) {
            root.getSubcommands().keySet().forEach(n -> candidates.add(new Candidate(n)));
            return;
        }
        CommandLine sub = root.getSubcommands().get(command);
        if (sub == null) {
            return;
        }
        String previous = index > 0 ? words.get(index - 1) : "";
        // Down the subcommands typed so far (baseline show ...): options and values are the deepest one's.
        int depth = 1;
        while (depth < index && sub.getSubcommands().containsKey(words.get(depth))) {
            sub = sub.getSubcommands().get(words.get(depth));
            depth++;
        }
        if (index == depth && !sub.getSubcommands().isEmpty() && !current.startsWith("-")) {
            for (Map.Entry<String, CommandLine> e : sub.getSubcommands().entrySet()) {
                candidates.add(new Candidate(e.getKey(), e.getKey(), "actions", description(e.getValue().getCommandSpec()),
                        null, null, true));
            }
            return;
        }
        if (sub.getCommandSpec().qualifiedName(" ").equals("wheelsh baseline show") && index == depth
                && !current.startsWith("-") && !previous.startsWith("--")) {
            completeBaselineNames(candidates);
            return;
        }
        if (command.equals("target") && index == 1) {
            Vocabulary.profiles().forEach(p -> candidates.add(new Candidate(p, p, "profiles", null, null, null, true)));
            return;
        }
        // an option's values are the model's (commands.OptionValues), the same the generated scripts complete
        OptionSpec valued = previous.startsWith("--") ? sub.getCommandSpec().findOption(previous) : null;
        if (valued != null && valued.completionCandidates() != null) {
            String group = previous.equals("--profile") ? "profiles" : previous.substring(2);
            valued.completionCandidates().forEach(v -> candidates.add(new Candidate(v, v, group, null, null, null, true)));
            return;
        }
        if (current.startsWith("-")) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                for (String name : o.names()) {
                    if (name.startsWith("--")) {
                        candidates.add(new Candidate(name, name, "options", String.join(" ", o.description()), null, null, true));
                    }
                }
            }
            return;
        }
        if (TAG_COMMANDS.contains(command) && !current.contains("/") && !current.endsWith(".whl")) {
            completeTag(current, candidates);
        }
        if (FILE_COMMANDS.contains(command)) {
            files.complete(reader, line, candidates);
        }
    }

    /** baseline show: the names and aliases of the built-in baselines, with their reference systems. */
    private static void completeBaselineNames(List<Candidate> candidates) {
        for (Policy p : BuiltinPolicies.all().policies()) {
            String about = BuiltinPolicies.reference(p.name()).orElse(null);
            candidates.add(new Candidate(p.name(), p.name(), "baselines", about, null, null, true));
            p.aliases().forEach(a -> candidates.add(new Candidate(a, a, "baselines", "= " + p.name(), null, null, true)));
        }
    }

    /** One component at a time: interpreters, then ABIs for that interpreter, then platforms. */
    static void completeTag(String current, List<Candidate> candidates) {
        String[] parts = current.split("-", -1);
        if (parts.length == 1) {
            for (Vocabulary.Word w : Vocabulary.interpreters()) {
                candidates.add(new Candidate(w.value() + "-", w.value(), "interpreter", w.meaning(), null, null, false));
            }
        } else if (parts.length == 2) {
            for (Vocabulary.Word w : Vocabulary.abis(parts[0])) {
                candidates.add(new Candidate(parts[0] + "-" + w.value() + "-", w.value(), "abi", w.meaning(), null, null, false));
            }
        } else if (parts.length == 3) {
            for (Vocabulary.Word w : Vocabulary.platforms()) {
                candidates.add(new Candidate(parts[0] + "-" + parts[1] + "-" + w.value(), w.value(), "platform", w.meaning(),
                        null, null, true));
            }
        }
    }

    private static String description(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        if (d.length == 0) {
            return null;
        }
        String first = d[0];
        int stop = first.indexOf(". ");
        return stop > 0 ? first.substring(0, stop + 1) : first;
    }
}
