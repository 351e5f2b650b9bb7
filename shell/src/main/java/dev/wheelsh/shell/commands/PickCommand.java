package dev.wheelsh.shell.commands;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.explain.WheelPick;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.wheel.IndexPage;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Which wheel pip would choose for each project, offline. */
@Command(name = "pick",
        description = {"For each project in a list of wheels, the wheel pip would choose for the target, or why none fits "
                + "(exit 0 when every project has one, 1 otherwise, 2 bad input)."},
        footer = {"", "Sources: a directory of wheels, a text file with one filename per line, or a saved simple-index "
                + "page (PEP 503 HTML or PEP 691 JSON).", "", "Examples:",
                "  wheelsh pick dist/ --target cp313-glibc2.38-loongarch64",
                "  wheelsh pick numpy-index.html --profile openeuler-24.03",
                "  wheelsh pick names.txt --python 3.12 --arch aarch64 --musl 1.2 --json"})
final class PickCommand implements Callable<Integer> {

    /** Bigger than any real listing; a larger file is refused rather than read. */
    private static final long MAX_LISTING_BYTES = 64L * 1024 * 1024;

    private final Session session;

    PickCommand(Session session) {
        this.session = session;
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Directories, name lists or saved index pages.")
    List<Path> sources;

    @Mixin
    TargetOptions target;

    @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<String> names = new ArrayList<>();
        for (Path source : sources) {
            names.addAll(read(source));
        }
        if (names.stream().noneMatch(n -> n.endsWith(".whl"))) {
            throw new InputException("pick: no wheel filenames in " + sources);
        }
        Target machine = target.resolveOrHost(session);
        WheelPick.Result result = WheelPick.choose(names, machine);
        PrintWriter out = spec.commandLine().getOut();
        boolean allFound = result.choices().stream().allMatch(c -> c.chosen().isPresent());
        if (json) {
            List<Map<String, Object>> projects = new ArrayList<>();
            for (WheelPick.Choice c : result.choices()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("project", c.project());
                p.put("candidates", c.candidates());
                c.chosen().ifPresent(w -> p.put("wheel", w.render()));
                c.matchedTag().ifPresent(t -> p.put("tag", t.toString()));
                if (c.chosen().isPresent()) {
                    p.put("rank", c.rank());
                }
                c.whyNone().ifPresent(m -> {
                    p.put("closest_miss", m.component().name().toLowerCase(java.util.Locale.ROOT));
                    p.put("reason", m.reason());
                    c.closest().ifPresent(w -> p.put("closest_wheel", w.render()));
                });
                projects.add(p);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("target", machine.compact());
            doc.put("projects", projects);
            List<Map<String, String>> skipped = new ArrayList<>();
            for (WheelPick.Skipped s : result.skipped()) {
                Map<String, String> one = new LinkedHashMap<>();
                one.put("filename", s.filename());
                one.put("reason", s.reason());
                skipped.add(one);
            }
            doc.put("skipped", skipped);
            out.println(Json.pretty(doc));
        } else {
            out.println("target: " + machine.describe() + "  [" + machine.compact() + "]");
            for (WheelPick.Choice c : result.choices()) {
                if (c.chosen().isPresent()) {
                    out.println(c.project() + ": " + c.chosen().get().render() + "  (matches " + c.matchedTag().orElseThrow()
                            + ", preference #" + (c.rank() + 1) + ")");
                } else {
                    out.println(c.project() + ": none of " + c.candidates() + " wheels fits: "
                            + c.whyNone().map(m -> m.reason()).orElse("no wheel"));
                    c.closest().ifPresent(w -> out.println("  closest: " + w.render()));
                }
            }
            for (WheelPick.Skipped s : result.skipped()) {
                spec.commandLine().getErr().println("wheelsh: skipped " + s.reason());
            }
        }
        return allFound ? 0 : 1;
    }

    private static List<String> read(Path source) throws InputException {
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> s = Files.list(source)) {
                    return s.map(p -> p.getFileName().toString()).sorted().toList();
                }
            }
            if (!Files.isRegularFile(source)) {
                throw new InputException(source + ": no such file or directory");
            }
            if (Files.size(source) > MAX_LISTING_BYTES) {
                throw new InputException(source + ": larger than " + (MAX_LISTING_BYTES >> 20) + " MiB; not a listing");
            }
            String text = Files.readString(source, StandardCharsets.UTF_8);
            String lower = text.stripLeading().toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("{") || lower.startsWith("<")) {
                return IndexPage.filenames(source.toString(), text);
            }
            List<String> names = new ArrayList<>();
            for (String line : text.split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(Optional.ofNullable(Path.of(name).getFileName()).map(Path::toString).orElse(name));
                }
            }
            return names;
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(source + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(source + ": cannot read (" + e.getMessage() + ")");
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(source + ": a line is not a filename (" + e.getReason() + ")");
        }
    }
}
