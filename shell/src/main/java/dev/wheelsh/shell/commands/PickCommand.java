package dev.wheelsh.shell.commands;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.explain.FormatControl;
import dev.wheelsh.core.explain.TagRanking;
import dev.wheelsh.core.explain.WheelPick;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.ProjectName;
import dev.wheelsh.core.tags.SpecifierSet;
import dev.wheelsh.core.tags.Version;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The file pip install would take for each project, offline: a wheel, an sdist it builds, or nothing. */
@Command(name = "pick",
        description = {"For each project among the listed files, the file pip install takes for the target (a wheel, or an "
                + "sdist it builds, with why), or that it finds nothing (exit 0 when pip finds a file for every project, "
                + "1 otherwise, 2 bad input)."},
        footer = {"", "Sources: a directory of distributions, a saved index tree (PROJECT/index.html or index.json under it), "
                + "a text file with one filename per line, or a saved simple-index page (PEP 503 HTML or PEP 691 JSON; "
                + "its requires-python and yanked data are used).", "", "Examples:",
                "  wheelsh pick simple/numpy/index.html --target cp312-glibc2.38-loongarch64",
                "  wheelsh pick simple/ --profile openeuler-24.03 --prefer-binary",
                "  wheelsh pick names.txt --python 3.12 --arch aarch64 --musl 1.2 --only-binary :all: --json"})
final class PickCommand implements Callable<Integer> {

    /** NAME then a specifier: demo==3.0, numpy>=2,<3, stable===1.0. */
    private static final Pattern REQUIREMENT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s*([<>=!~].*)");

    /** Bigger than any real listing; a larger file is refused rather than read. */
    private static final long MAX_LISTING_BYTES = 64L * 1024 * 1024;

    private final Session session;

    PickCommand(Session session) {
        this.session = session;
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Directories, index trees, name lists or saved index pages.")
    List<Path> sources;

    @Mixin
    TargetOptions target;

    @Option(names = "--pre", description = "As pip's --pre: pre-releases are candidates.")
    boolean pre;

    @Option(names = "--prefer-binary", description = "As pip's --prefer-binary: any fitting wheel beats every sdist.")
    boolean preferBinary;

    /* pip applies --no-binary and --only-binary in command-line order; picocli calls setters in that order. */
    private FormatControl formats = FormatControl.DEFAULT;

    @Option(names = "--no-binary", paramLabel = "PKGS", description = "As pip's: :all:, :none: or project names, comma-separated.")
    void noBinary(String value) {
        formats = formats.withNoBinary(checkedFormatValue("--no-binary", value));
    }

    @Option(names = "--only-binary", paramLabel = "PKGS", description = "As pip's: :all:, :none: or project names, comma-separated.")
    void onlyBinary(String value) {
        formats = formats.withOnlyBinary(checkedFormatValue("--only-binary", value));
    }

    @Option(names = "--python-full", paramLabel = "X.Y.Z",
            description = "The interpreter's full version, held against requires-python (default: the target's X.Y.0, as pip's --python-version X.Y).")
    String pythonFull;

    @Mixin
    PackagingOptions packagingOptions;

    @Option(names = "--require", paramLabel = "NAME<SPEC>",
            description = "A requirement as pip install takes it, e.g. 'demo==3.0' (repeatable): only matching versions are "
                    + "candidates, and a == pin takes a yanked file when nothing else matches (PEP 592).")
    List<String> requirements = new ArrayList<>();

    @Option(names = "--verbose", description = "Also list each file pip passes over, with why.")
    boolean verbose;

    @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
    boolean json;

    private String checkedFormatValue(String option, String value) {
        if (value.startsWith("-")) {
            throw new ParameterException(spec.commandLine(), "pick: " + option + " needs a value (:all:, :none: or names), not '" + value + "'");
        }
        return value;
    }

    @Override
    public Integer call() throws Exception {
        List<IndexPage.File> files = new ArrayList<>();
        Map<String, List<IndexPage.File>> projectPages = new LinkedHashMap<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                files.addAll(readDirectory(source, projectPages));
            } else {
                files.addAll(read(source));
            }
        }
        if (files.isEmpty() && projectPages.isEmpty()) {
            throw new InputException("pick: no distribution filenames in " + sources);
        }
        Target machine = target.resolveOrHost(session);
        Optional<Version> python = Optional.empty();
        if (pythonFull != null) {
            Version v = Version.parse(pythonFull);
            String majorMinor = v.release().size() >= 2 ? v.release().get(0) + "." + v.release().get(1) : v.toString();
            if (!majorMinor.equals(machine.interpreter().version().toString())) {
                throw new InputException("pick: --python-full " + pythonFull + " is not a version of the target's Python "
                        + machine.interpreter().version());
            }
            python = Optional.of(v);
        }
        PackagingRelease release = packagingOptions.release();
        Map<String, SpecifierSet> specs = new LinkedHashMap<>();
        for (String r : requirements) {
            Matcher m = REQUIREMENT.matcher(r.strip());
            if (!m.matches()) {
                throw new InputException("pick: --require '" + r + "': expected NAME followed by a version specifier, e.g. demo==3.0");
            }
            String name = ProjectName.canonicalize(m.group(1));
            SpecifierSet spec = SpecifierSet.parse(m.group(2));
            if (specs.put(name, spec) != null) {
                throw new InputException("pick: --require names " + name + " twice");
            }
        }
        WheelPick.Options options = new WheelPick.Options(pre, preferBinary, formats, python, release).withRequirements(specs);
        WheelPick.Result loose = WheelPick.choose(files, machine, options);
        // A page of an index tree is one project's, as pip asks for it: its other projects' files are passed over.
        List<WheelPick.Choice> choices = new ArrayList<>();
        TagRanking ranking = TagRanking.of(machine, release);
        for (Map.Entry<String, List<IndexPage.File>> page : projectPages.entrySet()) {
            choices.add(WheelPick.chooseFor(page.getKey(), page.getValue(), ranking, options));
        }
        choices.addAll(loose.choices());
        WheelPick.Result result = new WheelPick.Result(choices, loose.skipped());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allFound = result.choices().stream().allMatch(c -> c.chosen().isPresent());
        if (json) {
            List<Map<String, Object>> projects = new ArrayList<>();
            for (WheelPick.Choice c : result.choices()) {
                projects.add(projectJson(c));
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
                out.println(c.project() + ": " + c.sentence());
                if (verbose) {
                    for (WheelPick.Rejected r : c.rejected()) {
                        out.println("  passed over " + r.filename() + ": " + r.detail());
                    }
                }
                for (String w : c.warnings()) {
                    err.println("wheelsh: " + w);
                }
            }
            for (WheelPick.Skipped s : result.skipped()) {
                err.println("wheelsh: skipped " + s.reason());
            }
        }
        return allFound ? 0 : 1;
    }

    private static Map<String, Object> projectJson(WheelPick.Choice c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("project", c.project());
        p.put("candidates", c.files());
        c.chosen().ifPresent(f -> {
            p.put("file", f.filename());
            p.put("kind", f.isWheel() ? "wheel" : "sdist");
            p.put("version", f.version().toString());
        });
        c.chosenWheel().ifPresent(w -> p.put("wheel", w.render()));
        c.matchedTag().ifPresent(t -> p.put("tag", t.toString()));
        if (c.chosenWheel().isPresent()) {
            p.put("rank", c.rank());
        }
        c.newestWheel().ifPresent(w -> p.put("newest_wheel", w.filename()));
        c.closestMiss().ifPresent(m -> {
            p.put("closest_miss", m.component().name().toLowerCase(Locale.ROOT));
            p.put("reason", m.reason());
            c.closestWheel().ifPresent(w -> p.put("closest_wheel", w.render()));
        });
        p.put("sentence", c.sentence());
        List<Map<String, String>> rejected = new ArrayList<>();
        for (WheelPick.Rejected r : c.rejected()) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("filename", r.filename());
            one.put("reason", r.reason().name().toLowerCase(Locale.ROOT));
            one.put("detail", r.detail());
            rejected.add(one);
        }
        p.put("passed_over", rejected);
        p.put("warnings", c.warnings());
        return p;
    }

    private static List<IndexPage.File> read(Path source) throws InputException {
        try {
            if (!Files.isRegularFile(source)) {
                throw new InputException(source + ": no such file or directory");
            }
            String text = readText(source);
            String lower = text.stripLeading().toLowerCase(Locale.ROOT);
            if (lower.startsWith("{") || lower.startsWith("<")) {
                return IndexPage.files(source.toString(), text);
            }
            List<IndexPage.File> names = new ArrayList<>();
            for (String line : text.split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(IndexPage.File.named(Optional.ofNullable(Path.of(name).getFileName()).map(Path::toString).orElse(name)));
                }
            }
            return names;
        } catch (IOException e) {
            throw new InputException(source + ": cannot read (" + e.getMessage() + ")");
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(source + ": a line is not a filename (" + e.getReason() + ")");
        }
    }

    /**
     * A directory of files, or a saved index tree: each subdirectory holding an index.html or
     * index.json is one project page (PEP 503's /simple/PROJECT/ layout).
     */
    private static List<IndexPage.File> readDirectory(Path dir, Map<String, List<IndexPage.File>> projectPages)
            throws InputException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot read (" + e.getMessage() + ")");
        }
        List<IndexPage.File> out = new ArrayList<>();
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                for (String page : List.of("index.json", "index.html")) {
                    Path f = p.resolve(page);
                    if (Files.isRegularFile(f)) {
                        String project = ProjectName.canonicalize(p.getFileName().toString());
                        projectPages.computeIfAbsent(project, k -> new ArrayList<>()).addAll(page(f));
                        break;
                    }
                }
            } else {
                out.add(IndexPage.File.named(p.getFileName().toString()));
            }
        }
        return out;
    }

    /** A page of an index tree: HTML or JSON, never a name list. */
    private static List<IndexPage.File> page(Path file) throws InputException {
        try {
            return IndexPage.files(file.toString(), readText(file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String readText(Path source) throws IOException, InputException {
        if (Files.size(source) > MAX_LISTING_BYTES) {
            throw new InputException(source + ": larger than " + (MAX_LISTING_BYTES >> 20) + " MiB; not a listing");
        }
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(source + ": not UTF-8 text");
        }
    }
}
