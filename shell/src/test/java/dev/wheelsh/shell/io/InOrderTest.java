package dev.wheelsh.shell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Results in the order of the inputs, and the first failure in that order, however the threads finish. */
class InOrderTest {

    @Test
    void resultsComeInInputOrderWhenTheThreadsFinishInReverse() throws Exception {
        List<Integer> inputs = List.of(0, 1, 2, 3);
        CountDownLatch others = new CountDownLatch(3);
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        List<Integer> seen = new ArrayList<>();
        List<String> out = InOrder.map(inputs, 4, i -> {
            if (i == 0) {
                others.await(10, TimeUnit.SECONDS); // the first input finishes after all the others
                finished.add(i);
            } else {
                finished.add(i);
                others.countDown();
            }
            return "r" + i;
        }, seen::add);
        assertEquals(List.of("r0", "r1", "r2", "r3"), out);
        assertEquals(inputs, seen, "progress follows the input order too");
        assertEquals(0, (int) finished.get(finished.size() - 1), "the first input did finish last");
    }

    @Test
    void theFirstFailureInInputOrderIsReportedEvenWhenALaterOneFailsFirst() {
        CountDownLatch laterFailed = new CountDownLatch(1);
        InputException e = assertThrows(InputException.class, () -> InOrder.map(List.of(0, 1, 2), 3, i -> {
            if (i == 2) {
                laterFailed.countDown();
                throw new InputException("input 2 is bad");
            }
            if (i == 1) {
                laterFailed.await(10, TimeUnit.SECONDS);
                throw new InputException("input 1 is bad");
            }
            return i;
        }, i -> { }));
        assertEquals("input 1 is bad", e.getMessage());
    }

    @Test
    void oneThreadRunsTheInputsInOrderOnTheCallersThread() throws Exception {
        Thread caller = Thread.currentThread();
        assertEquals(List.of(true, true), InOrder.map(List.of(1, 2), 1, i -> Thread.currentThread() == caller, i -> { }));
    }
}
