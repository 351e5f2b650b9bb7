package dev.wheelsh.core.config;

import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.document.TomlReader;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code [tool.wheelsh]} table of a pyproject.toml, read for {@code wheelsh check}: the target
 * matrix ({@code targets}, compact target strings) and extra baseline files ({@code baselines},
 * paths relative to the pyproject). The language server checks the same table (PyprojectChecks);
 * this reader refuses what those checks call an error, with the place.
 */
public record WheelshTable(List<Target> targets, List<String> baselines) {

    public WheelshTable {
        targets = List.copyOf(targets);
        baselines = List.copyOf(baselines);
    }

    public static WheelshTable read(String source, String text) throws InputException {
        Toml.Document doc = TomlReader.read(text);
        if (!doc.errors().isEmpty()) {
            Toml.SyntaxError e = doc.errors().get(0);
            throw new InputException(source + ":" + (e.range().startLine() + 1) + ":" + (e.range().startColumn() + 1) + ": " + e.message());
        }
        List<Target> targets = new ArrayList<>();
        List<String> baselines = new ArrayList<>();
        for (Toml.Entry e : doc.under(PyprojectChecks.WHEELSH)) {
            String where = source + ":" + (e.keyRange().startLine() + 1) + ":" + (e.keyRange().startColumn() + 1);
            if (e.path().size() != 3) {
                continue;
            }
            List<String> values = strings(e, where);
            switch (e.name()) {
                case "targets" -> {
                    for (String v : values) {
                        try {
                            targets.add(TargetSpec.parse(v));
                        } catch (InputException x) {
                            throw new InputException(where + ": " + x.getMessage());
                        }
                    }
                }
                case "baselines" -> baselines.addAll(values);
                default -> throw new InputException(where + ": '" + e.name() + "' is not a [tool.wheelsh] key (targets, baselines)");
            }
        }
        return new WheelshTable(targets, baselines);
    }

    private static List<String> strings(Toml.Entry e, String where) throws InputException {
        List<String> out = new ArrayList<>();
        if (e.value() instanceof Toml.Arr arr) {
            for (Toml.Node n : arr.items()) {
                if (!(n instanceof Toml.Str s)) {
                    throw new InputException(where + ": [tool.wheelsh] " + e.name() + " must be a list of strings");
                }
                out.add(s.value());
            }
            return out;
        }
        throw new InputException(where + ": [tool.wheelsh] " + e.name() + " must be a list of strings");
    }
}
