package dev.wheelsh.shell;

import dev.wheelsh.shell.io.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Manual pages (man(7) roff) for wheelsh and each of its commands, written from the same picocli
 * model the commands run with, so a new option is documented where it is declared. The release
 * build runs {@code java -cp wheelsh.jar dev.wheelsh.shell.ManPages DIR}; the pages are never
 * committed.
 */
public final class ManPages {

    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ManPages DIRECTORY (writes wheelsh.1 and wheelsh-COMMAND.1 there)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> page : pages().entrySet()) {
            Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Every page by its file name: {@code wheelsh.1} first, then one per command and subcommand. */
    static Map<String, String> pages() {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        CommandLine root = new Wheelsh(quiet, quiet).commandLine();
        Map<String, String> pages = new LinkedHashMap<>();
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            CommandLine command = all.get(i);
            pages.put(fileName(command.getCommandSpec()), page(command));
            all.addAll(command.getSubcommands().values());
        }
        return pages;
    }

    static String fileName(CommandSpec spec) {
        return spec.qualifiedName("-") + ".1";
    }

    static String page(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.qualifiedName(" ");
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(".TH \"" + spec.qualifiedName("-").toUpperCase(Locale.ROOT) + "\" 1 \"\" \"" + escape(Version.line())
                + "\" \"wheelsh manual\"");
        out.println(".SH NAME");
        out.println(escape(spec.qualifiedName("-")) + " \\- " + escape(firstLine(spec.usageMessage().description())));
        out.println(".SH SYNOPSIS");
        out.println(".nf");
        // picocli's own synopsis, so the page and --help never disagree on what a command takes
        String synopsis = command.getHelp().synopsis(0).strip().replaceAll("^Usage: ", "");
        out.println(literalLines(CommandLine.Help.Ansi.OFF.string(synopsis)));
        out.println(".fi");
        out.println(".SH DESCRIPTION");
        for (String line : spec.usageMessage().description()) {
            out.println(escape(line));
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            out.println(".SH ARGUMENTS");
            for (PositionalParamSpec p : positionals) {
                out.println(".TP");
                out.println("\\fI" + escape(p.paramLabel()) + "\\fR");
                out.println(escape(String.join(" ", p.description())));
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            out.println(".SH OPTIONS");
            for (OptionSpec o : options) {
                out.println(".TP");
                StringBuilder names = new StringBuilder();
                for (String n : o.names()) {
                    names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(escape(n)).append("\\fR");
                }
                if (o.arity().max() > 0) {
                    names.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
                }
                out.println(names);
                out.println(escape(String.join(" ", o.description()).replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()))));
            }
        }
        if (!command.getSubcommands().isEmpty()) {
            out.println(".SH COMMANDS");
            for (CommandLine sub : command.getSubcommands().values()) {
                out.println(".TP");
                out.println("\\fB" + escape(sub.getCommandName()) + "\\fR");
                out.println(escape(firstLine(sub.getCommandSpec().usageMessage().description()))
                        + " See \\fB" + escape(sub.getCommandSpec().qualifiedName("-")) + "\\fR(1).");
            }
        }
        String[] footer = spec.usageMessage().footer();
        List<String> examples = new ArrayList<>();
        for (String line : footer) {
            if (!line.isBlank() && !line.strip().equals("Examples:")) {
                examples.add(line.strip());
            }
        }
        if (!examples.isEmpty()) {
            out.println(".SH EXAMPLES");
            out.println(".nf");
            out.println(literalLines(String.join("\n", examples)));
            out.println(".fi");
        }
        out.println(".SH SEE ALSO");
        out.println(spec.parent() == null ? "\\fBwheelsh help\\fR COMMAND" : "\\fBwheelsh\\fR(1), \\fB" + escape(name) + " \\-\\-help\\fR");
        out.flush();
        return text.toString();
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : description[0];
    }

    /** Lines kept as they are (examples, the synopsis): escaped, none read as a request. */
    private static String literalLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(escape(line));
        }
        return String.join("\n", lines);
    }

    /**
     * Text made safe for roff: a backslash is roff's escape and a hyphen is written as one only
     * when escaped, and a line starting with a dot or an apostrophe would be read as a request.
     */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        if (s.startsWith(".") || s.startsWith("'")) {
            s = "\\&" + s;
        }
        return s;
    }
}
