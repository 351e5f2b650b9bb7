package dev.wheelsh.core.wheel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wheelsh.core.vocabulary.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged wheels end in one InputException line at every step of reading them, never another exception. */
class HostileWheelTest {

    /** Everything wheelsh reads from a wheel, in the order an analysis reads it. */
    static void readEverything(Path whl) throws InputException {
        try (WheelArchive w = WheelArchive.open(whl)) {
            String di = w.distInfoDir(Optional.empty());
            w.wheelFile(di);
            w.metadata(di);
            w.record(di);
            for (WheelArchive.Member m : w.elfMembers()) {
                w.readElf(m.name());
            }
            w.verifyRecord(di);
        } catch (java.io.IOException e) {
            throw new InputException(whl.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Test
    void fuzzedWheelsReadOrFailInOneLine(@TempDir Path dir) throws Exception {
        byte[] base = Files.readAllBytes(WheelArchiveTest.sample().write(dir.resolve("base.whl")));
        Random rnd = new Random(0x77ee1L);
        Path f = dir.resolve("fuzz.whl");
        int failures = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] b = base.clone();
            int edits = 1 + rnd.nextInt(6);
            for (int k = 0; k < edits; k++) {
                // Half the edits land in the central directory at the end, where sizes and offsets live.
                int pos = rnd.nextBoolean() ? b.length - 1 - rnd.nextInt(Math.min(b.length, 600)) : rnd.nextInt(b.length);
                b[pos] = switch (rnd.nextInt(3)) {
                    case 0 -> (byte) rnd.nextInt(256);
                    case 1 -> 0;
                    default -> (byte) 0xff;
                };
            }
            Files.write(f, b);
            try {
                readEverything(f);
            } catch (InputException e) {
                failures++;
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.getMessage().startsWith("fuzz.whl"), e.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("round " + i + " threw " + e);
            }
        }
        assertTrue(failures > 0, "the mutations do break some wheels");
    }
}
