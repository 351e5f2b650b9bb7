package dev.wheelsh.shell.io;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One task per input on a few threads, the results in the order of the inputs, whatever order the
 * threads finish in: the output of a run does not depend on scheduling. The first failure in
 * input order is the one reported, as a run on one thread would report it, and the tasks after it
 * are cancelled. Memory is what {@code threads} tasks hold at once plus the results.
 */
public final class InOrder {

    private InOrder() {
    }

    /** A task that may refuse its input in one line. */
    public interface Task<T, R> {
        R apply(T input) throws InputException, InterruptedException;
    }

    /** Threads for reading wheels: every core, at most four (each reading holds up to a few tens of MiB). */
    public static int readers(int inputs) {
        return Math.max(1, Math.min(inputs, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public static <T, R> List<R> map(List<T> inputs, int threads, Task<T, R> task, Consumer<T> done) throws InputException {
        List<R> out = new ArrayList<>(inputs.size());
        if (threads <= 1 || inputs.size() <= 1) {
            for (T in : inputs) {
                try {
                    out.add(task.apply(in));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InputException("interrupted");
                }
                done.accept(in);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "wheelsh-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(inputs.size());
            for (T in : inputs) {
                futures.add(pool.submit(() -> task.apply(in)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                out.add(result(futures.get(i)));
                done.accept(inputs.get(i));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R result(Future<R> f) throws InputException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException ie) {
                throw ie;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
