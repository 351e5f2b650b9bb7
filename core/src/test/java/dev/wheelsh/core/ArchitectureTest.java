package dev.wheelsh.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of core (docs/architecture.md), from the bottom: vocabulary; the values and the
 * readers of one format each (tags, document, elf; macho and pe read their bytes through elf's ByteSource); machines and wheels; baselines (policy);
 * the list of every wheel check (checks); words; explanations and verdicts (explain); the checks
 * of config files (config), and beside it the lock files and reports read against targets (lock). A package may use the ones below it, never one above it or beside it
 * that is not listed.
 */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.wheelsh.core");
    }

    @Test
    void packagesOfCoreHaveNoCycles() {
        slices().matching("dev.wheelsh.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("vocabulary").definedBy("dev.wheelsh.core.vocabulary..")
                .layer("tags").definedBy("dev.wheelsh.core.tags..")
                .layer("document").definedBy("dev.wheelsh.core.document..")
                .layer("elf").definedBy("dev.wheelsh.core.elf..")
                .layer("macho").definedBy("dev.wheelsh.core.macho..")
                .layer("pe").definedBy("dev.wheelsh.core.pe..")
                .layer("machine").definedBy("dev.wheelsh.core.machine..")
                .layer("wheel").definedBy("dev.wheelsh.core.wheel..")
                .layer("policy").definedBy("dev.wheelsh.core.policy..")
                .layer("checks").definedBy("dev.wheelsh.core.checks..")
                .layer("words").definedBy("dev.wheelsh.core.words..")
                .layer("explain").definedBy("dev.wheelsh.core.explain..")
                .layer("config").definedBy("dev.wheelsh.core.config..")
                .layer("lock").definedBy("dev.wheelsh.core.lock..")
                .whereLayer("config").mayNotBeAccessedByAnyLayer()
                .whereLayer("lock").mayNotBeAccessedByAnyLayer()
                .whereLayer("explain").mayOnlyBeAccessedByLayers("config", "lock")
                .whereLayer("words").mayOnlyBeAccessedByLayers("explain", "config", "lock")
                .whereLayer("checks").mayOnlyBeAccessedByLayers("words", "explain", "config", "lock")
                .whereLayer("policy").mayOnlyBeAccessedByLayers("checks", "words", "explain", "config", "lock")
                .whereLayer("wheel").mayOnlyBeAccessedByLayers("policy", "checks", "words", "explain", "config", "lock")
                .whereLayer("machine").mayOnlyBeAccessedByLayers("policy", "checks", "words", "explain", "config", "lock")
                .whereLayer("macho").mayOnlyBeAccessedByLayers("wheel", "policy", "checks", "words", "explain", "config")
                .whereLayer("pe").mayOnlyBeAccessedByLayers("wheel", "policy", "checks", "words", "explain", "config")
                .whereLayer("elf").mayOnlyBeAccessedByLayers("macho", "pe", "machine", "wheel", "policy", "checks", "words", "explain", "config")
                .whereLayer("document").mayOnlyBeAccessedByLayers("machine", "policy", "explain", "config", "lock")
                .whereLayer("tags").mayOnlyBeAccessedByLayers("machine", "wheel", "policy", "checks", "words", "explain", "config", "lock")
                .check(core);
    }

    /** A type of another project package is imported, never named in full inside code. */
    @Test
    void noFullyQualifiedReferencesToProjectTypesInCode() throws IOException {
        Pattern qualified = Pattern.compile("\\bdev\\.wheelsh(?:\\.[a-z]+)+\\.[A-Z]\\w*");
        List<String> found = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath().getParent();
        for (String module : List.of("core", "shell", "lsp", "bench")) {
            Path sources = root.resolve(module).resolve("src");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    List<String> lines = lines(p);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("*")
                                || line.startsWith("/*") || line.startsWith("//")) {
                            continue;
                        }
                        Matcher m = qualified.matcher(line.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\""));
                        if (m.find()) {
                            found.add(root.relativize(p) + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), found, "import the type instead");
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
