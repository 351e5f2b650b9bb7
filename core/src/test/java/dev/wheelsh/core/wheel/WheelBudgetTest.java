package dev.wheelsh.core.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget over one whole wheel: inflated bytes and member reads, each refused in one line at its edge. */
class WheelBudgetTest {

    private static Path wheelOf(Path dir, int members, int bytesEach) throws Exception {
        TestWheel t = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        for (int i = 0; i < members; i++) {
            t.add("foo/m" + i + ".txt", "x".repeat(bytesEach).getBytes(StandardCharsets.UTF_8), false);
        }
        return t.write(dir.resolve("foo-1.0-py3-none-any.whl"));
    }

    private static WheelArchive.Limits budget(long inflated, long reads) {
        return WheelArchive.Limits.DEFAULT.withBudget(inflated, reads);
    }

    @Test
    void readingStopsInOneLineWhenTheInflatedBytesPassTheBudget(@TempDir Path dir) throws Exception {
        Path whl = wheelOf(dir, 10, 100_000);
        try (WheelArchive w = WheelArchive.open(whl, budget(550_000, 1000))) {
            InputException e = assertThrows(InputException.class, () -> WheelFacts.read(w, true));
            assertEquals("foo-1.0-py3-none-any.whl: reading stopped after 550000 inflated bytes, the budget for one wheel"
                    + " (docs/limits.md says how to raise it)", e.getMessage());
        }
    }

    @Test
    void aWheelThatFitsItsBudgetExactlyReadsAndOneByteLessDoesNot(@TempDir Path dir) throws Exception {
        Path whl = wheelOf(dir, 10, 100_000);
        long cost;
        try (WheelArchive w = WheelArchive.open(whl)) {
            // the facts read WHEEL, then every member once, WHEEL included
            cost = w.members().stream().mapToLong(WheelArchive.Member::size).sum()
                    + w.member("foo-1.0.dist-info/WHEEL").orElseThrow().size();
        }
        try (WheelArchive w = WheelArchive.open(whl, budget(cost, 1000))) {
            assertTrue(WheelFacts.read(w, false).natives().isEmpty());
        }
        try (WheelArchive w = WheelArchive.open(whl, budget(cost - 1, 1000))) {
            assertThrows(InputException.class, () -> WheelFacts.read(w, false));
        }
    }

    @Test
    void readingStopsWhenMembersAreOpenedMoreTimesThanTheBudget(@TempDir Path dir) throws Exception {
        Path whl = wheelOf(dir, 50, 10);
        try (WheelArchive w = WheelArchive.open(whl, budget(Long.MAX_VALUE, 20))) {
            InputException e = assertThrows(InputException.class, () -> WheelFacts.read(w, false));
            assertTrue(e.getMessage().startsWith("foo-1.0-py3-none-any.whl: reading stopped after opening members 20 times"),
                    e.getMessage());
        }
    }

    @Test
    void recordProblemsPastTheListedNumberAreCountedInOneLastLine(@TempDir Path dir) throws Exception {
        StringBuilder record = new StringBuilder();
        for (int i = 0; i < WheelArchive.MAX_RECORD_PROBLEMS + 500; i++) {
            record.append("foo/gone").append(i).append(".py,sha256=AAAA,1\n");
        }
        Path whl = new TestWheel().distInfo("foo-1.0.dist-info", "Wheel-Version: 1.0\nTag: py3-none-any\n")
                .write(dir.resolve("foo-1.0-py3-none-any.whl"), record.toString());
        try (WheelArchive w = WheelArchive.open(whl)) {
            List<WheelArchive.RecordProblem> p = w.verifyRecord("foo-1.0.dist-info");
            assertEquals(WheelArchive.MAX_RECORD_PROBLEMS + 1, p.size());
            assertEquals("RECORD", p.get(p.size() - 1).member());
            assertTrue(p.get(p.size() - 1).problem().startsWith("503 more problems"), p.get(p.size() - 1).problem());
        }
    }
}
