package dev.wheelsh.shell.commands;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A fish completion script from the command model (picocli generates bash only): commands and
 * subcommands with their descriptions, each command's options, and the values of an option that
 * lists them, so the three shells complete the same words.
 */
final class FishCompletion {

    private FishCompletion() {
    }

    static String script(CommandLine root) {
        StringBuilder out = new StringBuilder();
        out.append("# fish completion for wheelsh, generated from its command model by `wheelsh completion fish`\n");
        out.append("complete -c wheelsh -f\n");
        commands(root, List.of(), out);
        return out.toString();
    }

    /** The commands under {@code command} and its options, reached by the words in {@code path}. */
    private static void commands(CommandLine command, List<String> path, StringBuilder out) {
        String here = condition(path, command);
        for (CommandLine sub : command.getSubcommands().values()) {
            out.append("complete -c wheelsh -n ").append(quote(here)).append(" -a ").append(quote(sub.getCommandName()))
                    .append(" -d ").append(quote(summary(sub.getCommandSpec()))).append('\n');
        }
        if (!path.isEmpty()) {
            for (OptionSpec o : command.getCommandSpec().options()) {
                if (o.hidden()) {
                    continue;
                }
                StringBuilder line = new StringBuilder("complete -c wheelsh -n ").append(quote(here));
                for (String name : o.names()) {
                    if (name.startsWith("--")) {
                        line.append(" -l ").append(quote(name.substring(2)));
                    } else if (name.length() == 2) {
                        line.append(" -s ").append(quote(name.substring(1)));
                    } else {
                        line.append(" -o ").append(quote(name.substring(1)));
                    }
                }
                if (o.arity().max() > 0) {
                    line.append(" -r");
                    List<String> values = new ArrayList<>();
                    if (o.completionCandidates() != null) {
                        o.completionCandidates().forEach(values::add);
                    }
                    if (!values.isEmpty()) {
                        line.append(" -a ").append(quote(String.join(" ", values)));
                    } else if (o.type() == Path.class || o.type() == File.class) {
                        line.append(" -F");
                    }
                }
                String description = String.join(" ", o.description());
                if (!description.isEmpty()) {
                    line.append(" -d ").append(quote(firstSentence(description)));
                }
                out.append(line).append('\n');
            }
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(sub.getCommandName());
            commands(sub, deeper, out);
        }
    }

    /**
     * fish's test for "the line so far has reached this command": every word of the path seen, and
     * (for a command with subcommands) none of them yet, so subcommands are offered once.
     */
    private static String condition(List<String> path, CommandLine command) {
        List<String> tests = new ArrayList<>();
        if (path.isEmpty()) {
            tests.add("__fish_use_subcommand");
        } else {
            for (String word : path) {
                tests.add("__fish_seen_subcommand_from " + word);
            }
        }
        if (!path.isEmpty() && !command.getSubcommands().isEmpty()) {
            tests.add("not __fish_seen_subcommand_from " + String.join(" ", command.getSubcommands().keySet()));
        }
        return String.join("; and ", tests);
    }

    private static String summary(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? "" : firstSentence(description[0]);
    }

    private static String firstSentence(String text) {
        int stop = text.indexOf(". ");
        return (stop < 0 ? text : text.substring(0, stop + 1)).strip();
    }

    /** A fish single-quoted word: only a backslash and a quote need escaping there. */
    static String quote(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
