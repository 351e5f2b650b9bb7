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
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
        }
        StringBuilder out = new StringBuilder();
        out.append("# fish completion for wheelsh, generated from its command model by `wheelsh completion fish`\n");
        out.append("complete -c wheelsh -f\n\n");
        // Which command the line is in: the words that name a command and its subcommands, in
        // order. Matching a name anywhere on the line would offer `show`'s options after
        // `baseline show`, so each word is looked up among the subcommands of the one before.
        out.append("function __fish_wheelsh_subcommands\n    switch \"$argv\"\n");
        for (CommandLine command : all) {
            if (!command.getSubcommands().isEmpty()) {
                out.append("        case ").append(quote(path(command))).append("\n            echo ")
                        .append(String.join(" ", command.getSubcommands().keySet())).append('\n');
            }
        }
        out.append("    end\nend\n\n");
        out.append("function __fish_wheelsh_at --description 'the line has reached this wheelsh command'\n"
                + "    set -l path\n"
                + "    set -l subcommands (string split ' ' (__fish_wheelsh_subcommands))\n"
                + "    for word in (commandline -opc)[2..-1]\n"
                + "        if contains -- $word $subcommands\n"
                + "            set -a path $word\n"
                + "            set subcommands (string split ' ' (__fish_wheelsh_subcommands $path))\n"
                + "        end\n"
                + "    end\n"
                + "    test \"$path\" = \"$argv[1]\"\n"
                + "end\n\n");
        for (CommandLine command : all) {
            String at = "__fish_wheelsh_at " + quote(path(command));
            for (CommandLine sub : command.getSubcommands().values()) {
                out.append("complete -c wheelsh -n ").append(quote(at)).append(" -a ").append(quote(sub.getCommandName()))
                        .append(" -d ").append(quote(summary(sub.getCommandSpec()))).append('\n');
            }
            if (command.getCommandSpec().parent() == null) {
                continue;
            }
            for (OptionSpec o : command.getCommandSpec().options()) {
                if (!o.hidden()) {
                    out.append(option(at, o)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String option(String at, OptionSpec o) {
        StringBuilder line = new StringBuilder("complete -c wheelsh -n ").append(quote(at));
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
            line.append(" -d ").append(quote(description.replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()))));
        }
        return line.toString();
    }

    /** The command's words after {@code wheelsh}: "" for the root, "baseline show" for a subcommand. */
    private static String path(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space + 1);
    }

    private static String summary(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    /** A fish single-quoted word: only a backslash and a quote need escaping there. */
    static String quote(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
