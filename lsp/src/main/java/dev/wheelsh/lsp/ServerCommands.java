package dev.wheelsh.lsp;

import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.explain.Explainer;
import dev.wheelsh.core.explain.Explanation;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands the server runs for the editor ({@code workspace/executeCommand}): explain a name
 * or tag, and list a target's tags. The answer is plain text in the words the shell prints, from
 * core's explanation, for the editor to show as a document; a bad argument is one line, as in
 * the shell.
 */
final class ServerCommands {

    private ServerCommands() {
    }

    /** Explains a wheel or sdist filename, a tag set or a platform tag, for each default target. */
    static final String EXPLAIN = "wheelsh.server.explain";
    /** The tags a target accepts, most preferred first, as pip ranks them. */
    static final String TARGET_TAGS = "wheelsh.server.targetTags";

    static List<String> names() {
        return List.of(EXPLAIN, TARGET_TAGS);
    }

    /** Runs one command with its arguments (strings); the text to show, or the one-line reason it cannot. */
    static String run(String command, List<String> arguments, CheckSettings settings) throws InputException {
        return switch (command) {
            case EXPLAIN -> explain(first(arguments, "a name or tag to explain"), settings);
            case TARGET_TAGS -> targetTags(arguments.isEmpty() || arguments.get(0).isBlank()
                    ? settings.defaultTargets().stream().findFirst().orElseThrow(() -> new InputException(
                            "no target given and no wheelsh.defaultTargets set"))
                    : arguments.get(0));
            default -> throw new InputException("command '" + command + "': unknown (known: " + String.join(", ", names()) + ")");
        };
    }

    private static String first(List<String> arguments, String what) throws InputException {
        if (arguments.isEmpty() || arguments.get(0).isBlank()) {
            throw new InputException("nothing to explain: give " + what);
        }
        // the word at the cursor may carry the quotes of a TOML or JSON string
        return arguments.get(0).strip().replaceAll("^[\"']+|[\"',]+$", "");
    }

    static String explain(String input, CheckSettings settings) throws InputException {
        List<Target> targets = new ArrayList<>();
        for (String t : settings.defaultTargets()) {
            targets.add(TargetSpec.parse(t));
        }
        StringBuilder out = new StringBuilder();
        Explanation plain = Explainer.explainName(input, Optional.empty(), BuiltinPolicies.all());
        List<String> lines = new ArrayList<>(plain.componentLines());
        lines.addAll(plain.pypiLines());
        plain.tagFindings().forEach(f -> lines.add(Explanation.findingLine(f)));
        lines.forEach(l -> out.append(l).append('\n'));
        for (Target t : targets) {
            Explanation e = Explainer.explainName(input, Optional.of(t), BuiltinPolicies.all());
            out.append('\n').append(e.targetLine().orElseThrow()).append('\n');
            e.verdictLines().forEach(l -> out.append(l).append('\n'));
            e.notes().forEach(l -> out.append("note: ").append(l).append('\n'));
            e.nextLines().forEach(l -> out.append(l).append('\n'));
        }
        if (targets.isEmpty()) {
            out.append("\n(no wheelsh.defaultTargets set: the verdict for a machine needs a target)\n");
        }
        return out.toString();
    }

    static String targetTags(String compact) throws InputException {
        Target t = TargetSpec.parse(compact.strip());
        List<Tag> tags = t.tags();
        StringBuilder out = new StringBuilder();
        out.append(t.describe()).append("  [").append(t.compact()).append("]: ").append(tags.size())
                .append(" tags, the most preferred first\n");
        tags.forEach(tag -> out.append(tag).append('\n'));
        return out.toString();
    }
}
