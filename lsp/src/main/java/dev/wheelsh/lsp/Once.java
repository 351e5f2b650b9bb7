package dev.wheelsh.lsp;

import java.util.function.Supplier;

/**
 * A value computed at most once, by the first thread that asks; the others wait for it. A
 * computation that throws is not remembered, so the next caller tries again.
 */
final class Once<T> implements Supplier<T> {

    private Supplier<T> compute; // null once the value is known
    private T value;

    Once(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public synchronized T get() {
        if (compute != null) {
            value = compute.get();
            compute = null;
        }
        return value;
    }
}
