package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wheelsh.shell.commands.Commands;
import dev.wheelsh.shell.io.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered command, given each kind of bad input, prints exactly one line to standard
 * error, no stack trace and no escape codes, and exits 2. New commands are walked automatically.
 */
class BadInputWalkTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> cases() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.whl"));
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path random = Files.write(dir.resolve("random-1.0-py3-none-any.whl"), noise);
        Path folder = Files.createDirectory(dir.resolve("folder"));
        List<List<String>> inputs = List.of(
                List.of("--no-such-option"),
                List.of(dir.resolve("missing-1.0-py3-none-any.whl").toString()),
                List.of(empty.toString()),
                List.of(random.toString()),
                List.of(folder.toString(), "--target", "cp313-glibc9999999999.1-x86_64"),
                List.of("--target", "cp313-glibc2.x-x86_64", random.toString()));
        List<Arguments> out = new ArrayList<>();
        for (String command : Commands.commandLine(new Session(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().keySet()) {
            for (List<String> input : inputs) {
                List<String> args = new ArrayList<>(List.of(command));
                args.addAll(input);
                out.add(Arguments.of(args));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsOneLineAndExitTwo(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new Wheelsh(new PrintWriter(out, true), new PrintWriter(err, true)).run(args.toArray(new String[0]));
        String e = err.toString();
        assertEquals(2, status, () -> args + "\nout: " + out + "\nerr: " + e);
        assertEquals(1, e.strip().lines().count(), () -> args + ": one line on stderr, got:\n" + e);
        assertFalse(e.contains("Exception") || e.contains("\tat ") || e.contains("internal error"), () -> args + ": " + e);
        assertFalse(e.contains("\u001b[") || out.toString().contains("\u001b["), "no escape codes");
    }
}
