package dev.wheelsh.core.fuzz;

import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract every fuzz target holds an entry point to: for any input it returns a value or
 * refuses with one {@link InputException} whose message is a single non-blank line. Any other
 * exception or error (an index out of bounds, a stack overflow, an out-of-memory) escapes to the
 * fuzzer, which reports the input as a crash.
 */
final class Refusal {

    @FunctionalInterface
    interface Attempt {
        void run() throws InputException, IOException;
    }

    private Refusal() {
    }

    /**
     * Runs the attempt; a refusal passes when it is one clear line. An I/O error is not a refusal:
     * the fuzz targets read only files they just wrote, so one is a crash.
     */
    static void atMostOneLine(Attempt attempt) {
        try {
            attempt.run();
        } catch (InputException e) {
            String message = e.getMessage();
            if (message == null || message.isBlank()) {
                throw new AssertionError("a refusal without a message", e);
            }
            if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
                throw new AssertionError("a refusal of more than one line: " + message, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Input bytes as the text an editor or a shell would hand over (malformed UTF-8 replaced). */
    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** A small number taken from the input, so one input always takes the same branch. */
    static int pick(byte[] data, int choices) {
        int h = 0;
        for (int i = 0; i < Math.min(data.length, 8); i++) {
            h = h * 31 + data[i];
        }
        return Math.floorMod(h ^ data.length, choices);
    }

    /** The fixed targets a target-dependent entry point is driven against. */
    static List<Target> targets(String... specs) {
        List<Target> targets = new ArrayList<>();
        for (String spec : specs) {
            try {
                targets.add(TargetSpec.parse(spec));
            } catch (InputException e) {
                throw new IllegalStateException("a fuzz target's own target spec does not parse: " + spec, e);
            }
        }
        return List.copyOf(targets);
    }
}
