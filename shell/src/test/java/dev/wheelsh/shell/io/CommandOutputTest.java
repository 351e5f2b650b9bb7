package dev.wheelsh.shell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The shell's output gate: only the running command writes, and stopping it ends it at its next write. */
class CommandOutputTest {

    @Test
    void theRunningCommandWritesAndAnyOtherThreadIsRefused() throws Exception {
        StringWriter screen = new StringWriter();
        CommandOutput gate = new CommandOutput(screen);
        gate.runBy(Thread.currentThread());
        new PrintWriter(gate, true).println("first");
        assertEquals("first" + System.lineSeparator(), screen.toString());
        AtomicReference<Throwable> other = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                gate.write("sneaked in");
            } catch (Throwable e) {
                other.set(e);
            }
        });
        t.start();
        t.join();
        assertTrue(other.get() instanceof Stopped, String.valueOf(other.get()));
        assertEquals("first" + System.lineSeparator(), screen.toString());
    }

    @Test
    void stoppingEndsAnEndlessPrinterAtItsNextLine() throws Exception {
        StringWriter screen = new StringWriter();
        CommandOutput gate = new CommandOutput(screen);
        AtomicInteger lines = new AtomicInteger();
        CountDownLatch printing = new CountDownLatch(100);
        AtomicReference<Throwable> end = new AtomicReference<>();
        Thread command = new Thread(() -> {
            PrintWriter out = new PrintWriter(gate, true);
            try {
                while (true) {
                    out.println("line " + lines.incrementAndGet());
                    printing.countDown();
                }
            } catch (Stopped e) {
                end.set(e);
            }
        });
        gate.runBy(command);
        command.start();
        assertTrue(printing.await(10, TimeUnit.SECONDS));
        gate.stop();
        command.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(end.get() instanceof Stopped, "the printer ended by Stopped");
        int printed = lines.get();
        long shown = screen.toString().lines().count();
        // The line being written when stopped may be cut short, never followed by another.
        assertTrue(shown == printed || shown == printed - 1, shown + " lines shown of " + printed + " begun");
        String before = screen.toString();
        Thread.sleep(50);
        assertEquals(before, screen.toString(), "nothing more arrives");
        assertThrows(Stopped.class, () -> gate.write("x"), "a stopped gate stays closed to everyone");
    }
}
