package dev.wheelsh.shell.io;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.wheel.WheelArchive;

/** The bounds on reading one wheel, from the JVM's -D options (WHEELSH_JAVA_OPTS; docs/limits.md). */
public final class ReadLimits {

    private ReadLimits() {
    }

    public static WheelArchive.Limits wheel() throws InputException {
        return WheelArchive.Limits.from(System.getProperties());
    }
}
