package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell in a real terminal: tmux runs the built jar, the test types keys and
 * reads the screen. Skipped, with the reason, when tmux or the jar is missing.
 */
class ReplTmuxIT {

    private static final Path JAR = Path.of("target", "wheelsh.jar").toAbsolutePath();

    @TempDir
    Path state;

    private String socket;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run through `./mvnw verify`, which builds it first");
        assumeTrue(run(List.of("tmux", "-V")).exit == 0, "tmux is not installed");
        socket = "wheelsh-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @AfterEach
    void stop() throws Exception {
        if (socket != null) {
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
    }

    private void launch(String term) throws Exception {
        String command = "env TERM=" + term + " XDG_STATE_HOME=" + state + " java -jar " + JAR;
        assertEquals(0, run(List.of("tmux", "-L", socket, "new-session", "-d", "-s", "w", "-x", "160", "-y", "40", command)).exit);
        awaitScreen("wheelsh [host]>");
    }

    private void keys(String... keys) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "send-keys", "-t", "w"));
        cmd.addAll(List.of(keys));
        assertEquals(0, run(cmd).exit);
    }

    private String screen() throws Exception {
        return run(List.of("tmux", "-L", socket, "capture-pane", "-p", "-t", "w")).out;
    }

    private String awaitScreen(String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String text = "";
        while (System.nanoTime() < deadline) {
            text = screen();
            if (text.contains(expected)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("screen never showed '" + expected + "':\n" + text);
    }

    /** Waits until the prompt has been shown {@code n} times: typed keys before that could race the reader. */
    private void awaitPrompts(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (screen().split("wheelsh \\[", -1).length - 1 >= n) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the prompt never came back:\n" + screen());
    }

    @Test
    void tabCompletesACommandATagComponentByComponentAndAnArchitecture() throws Exception {
        launch("xterm-256color");
        keys("expl", "Tab");
        awaitScreen("> explain");
        keys("cp313-cp313-manylinux_2_38_loo", "Tab");
        awaitScreen("explain cp313-cp313-manylinux_2_38_loongarch64");
        keys("C-u", "simulate --arch loo", "Tab");
        awaitScreen("simulate --arch loongarch64");
    }

    @Test
    void theTargetShowsInThePromptAndHistoryRecallsEarlierLines() throws Exception {
        launch("xterm-256color");
        keys("target cp313t-glibc2.38-loongarch64", "Enter");
        awaitScreen("wheelsh [cp313t-glibc2.38-loongarch64]>");
        keys("version", "Enter");
        awaitScreen("wheelsh 0.");
        keys("Up", "Up");
        String text = awaitScreen("]> target cp313t-glibc2.38-loongarch64");
        assertTrue(Files.readString(state.resolve("wheelsh/history")).contains("version") || text.contains("target"));
    }

    @Test
    void ctrlCDropsTheLineAndCtrlDLeaves() throws Exception {
        launch("xterm-256color");
        keys("explain something-half-typed");
        awaitScreen("something-half-typed");
        keys("C-c");
        awaitPrompts(2);
        keys("version", "Enter");
        String text = awaitScreen("wheelsh 0.");
        assertFalse(text.contains("something-half-typedversion"), text);
        keys("C-d");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && run(List.of("tmux", "-L", socket, "has-session", "-t", "w")).exit == 0) {
            Thread.sleep(100);
        }
        assertTrue(run(List.of("tmux", "-L", socket, "has-session", "-t", "w")).exit != 0, "the shell left on Ctrl-D");
    }

    @Test
    void ctrlCStopsALongCommandAndItsOutputAndTheShellGoesOn() throws Exception {
        launch("xterm-256color");
        // 292,858 tags: minutes of output on a terminal if nothing stops it.
        keys("tags --python 3.13 --arch x86_64 --glibc 200.0", "Enter");
        awaitScreen("cp313-cp313-manylinux_");
        keys("C-c");
        // The first prompt has scrolled away: the prompt is back when it follows the notice.
        awaitScreen("wheelsh: stopped\nwheelsh [host]>");
        String stopped = screen();
        Thread.sleep(1000);
        assertEquals(stopped, screen(), "nothing more is printed after the prompt came back");
        assertFalse(stopped.contains("py30-none-any"), "the list's last tag was never reached:\n" + stopped);
        keys("version", "Enter");
        awaitScreen("wheelsh 0.");
    }

    @Test
    void aBracketedPasteOfSeveralLinesRunsEachLineInTurn() throws Exception {
        launch("xterm-256color");
        Path paste = state.resolve("paste.txt");
        Files.writeString(paste, "version\ntarget cp313t-glibc2.38-loongarch64\nexplain py3-none-any\n");
        assertEquals(0, run(List.of("tmux", "-L", socket, "load-buffer", paste.toString())).exit);
        // -p: as a terminal pastes, between the bracketed-paste markers the shell asked for.
        assertEquals(0, run(List.of("tmux", "-L", socket, "paste-buffer", "-p", "-t", "w")).exit);
        awaitScreen("> explain py3-none-any");
        keys("Enter");
        String text = awaitScreen("wheelsh [cp313t-glibc2.38-loongarch64]>");
        assertTrue(text.contains("wheelsh 0."), "the first line ran on its own:\n" + text);
        assertTrue(text.contains("verdict: installable"), "the third line ran against the second's target:\n" + text);
    }

    @Test
    void aDumbTerminalStillWorks() throws Exception {
        launch("dumb");
        keys("tags --python 3.12 --arch x86_64 --glibc 2.17", "Enter");
        awaitScreen("py30-none-any");
    }

    @Test
    void pipedInputRunsLineByLineWithNoPromptAndNoColour() throws Exception {
        Process p = new ProcessBuilder("java", "-jar", JAR.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write("target cp312-musl1.2-aarch64\nexplain numpy-2.2.4-cp312-cp312-musllinux_1_2_aarch64.whl\n"
                .getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("verdict: installable"), out);
        assertFalse(out.contains("wheelsh ["), "no prompt: " + out);
        assertFalse(out.contains("\u001b["), "no colour: " + out);
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out);
        }
        return new Result(p.exitValue(), out);
    }
}
