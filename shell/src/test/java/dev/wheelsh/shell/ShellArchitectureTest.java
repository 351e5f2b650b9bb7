package dev.wheelsh.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.wheelsh.shell.commands.Commands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The layers of the shell, from the bottom: {@code io} (the session, exit statuses, JSON and
 * text output, progress, colour), {@code commands} (one class per command and the helpers they
 * share), and on top the root package (Main, the runner of scripts and lines, the REPL, completion
 * and highlighting). A package uses the ones below it only, and the shell never reaches into the
 * language server.
 */
class ShellArchitectureTest {

    private static JavaClasses shell;

    @BeforeAll
    static void importShell() {
        shell = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.wheelsh.shell");
    }

    @Test
    void subpackagesOfTheShellHaveNoCycles() {
        slices().matching("dev.wheelsh.shell.(*)..").should().beFreeOfCycles().check(shell);
    }

    @Test
    void theRootPackageIsOnTopNoSubpackageUsesIt() {
        // The slices above leave the root package out; this closes the cycle root <-> commands.
        noClasses().that().resideInAPackage("dev.wheelsh.shell.(*)..")
                .should().dependOnClassesThat().resideInAPackage("dev.wheelsh.shell")
                .check(shell);
    }

    @Test
    void ioIsTheBottomItUsesNoCommand() {
        noClasses().that().resideInAPackage("dev.wheelsh.shell.io..")
                .should().dependOnClassesThat().resideInAPackage("dev.wheelsh.shell.commands..")
                .check(shell);
    }

    @Test
    void theShellNeverDependsOnTheLanguageServer() {
        noClasses().that().resideInAPackage("dev.wheelsh.shell..")
                .should().dependOnClassesThat().resideInAPackage("dev.wheelsh.lsp..")
                .check(shell);
    }

    @Test
    void theShellHoldsNoMutableStaticState() {
        // The session is an object handed to the commands; a static field that is not final would
        // be a second session shared by every session of the JVM.
        fields().that().areDeclaredInClassesThat().resideInAPackage("dev.wheelsh.shell..").and().areStatic()
                .should().beFinal()
                .check(shell);
    }

    @Test
    void noCommandUsesAnotherCommand() {
        // What two commands share lives in a helper (BaselineFiles, Linting, HighestVersions); the
        // one list of commands (Commands.Root) and a command's own subcommands are the exceptions.
        classes().that().areAnnotatedWith(Command.class).and().doNotHaveFullyQualifiedName(Commands.class.getName() + "$Root")
                .should(new ArchCondition<JavaClass>("use no other command than its own subcommands") {
                    @Override
                    public void check(JavaClass command, ConditionEvents events) {
                        for (Dependency d : command.getDirectDependenciesFromSelf()) {
                            JavaClass used = d.getTargetClass();
                            if (used.isAnnotatedWith(Command.class) && !outermost(used).equals(outermost(command))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(shell);
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
