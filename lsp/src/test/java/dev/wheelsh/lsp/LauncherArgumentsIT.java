package dev.wheelsh.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The jar's command line: help and usage errors go to standard error with the usual exit codes. */
class LauncherArgumentsIT {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(EditorRun.realServer());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void helpGoesToStandardErrorAndExitsZero() throws Exception {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertEquals("", r.out(), "standard output is for the protocol only");
        assertTrue(r.err().contains("usage: wheelsh lsp [--stdio] [--debounce-ms=N]"), r.err());
    }

    @Test
    void anUnknownArgumentIsAUsageErrorOnOneLine() throws Exception {
        Run r = run("--frobnicate");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals("wheelsh-lsp: unknown argument --frobnicate (see --help)", r.err().strip());
        Run bad = run("--debounce-ms=soon");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--debounce-ms needs a number of milliseconds"), bad.err());
    }

    @Test
    void standardInputClosingWithoutShutdownEndsTheServerWithOne() throws Exception {
        Run r = run("--stdio", "--debounce-ms=10");
        assertEquals(1, r.code(), "the client went away without shutdown; log: " + r.err());
        assertEquals("", r.out());
    }
}
