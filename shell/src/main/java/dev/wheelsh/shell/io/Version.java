package dev.wheelsh.shell.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * wheelsh's version, as the build wrote it into {@code version.properties}; one source for
 * {@code wheelsh version}, {@code -V} and {@code --version}.
 */
public final class Version {

    private Version() {
    }

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String number() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line every way of asking prints. */
    public static String line() {
        return "wheelsh " + number();
    }
}
