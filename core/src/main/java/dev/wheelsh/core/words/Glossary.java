package dev.wheelsh.core.words;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * Words for the names met in config files (architectures, marker variables, cibuildwheel, uv,
 * pip and policy fields, symbol-version prefixes), from glossary.properties. With
 * {@link TagWords} for tags, the one place hovers and {@code explain} take their words from.
 */
public final class Glossary {

    /** What a glossary entry is about; the prefix of its key in the data file. */
    public enum Topic { ARCH, CIBW, UV, MARKER, WHEELSH, PROJECT, PIP, POLICY, SYMBOL }

    private static final Properties WORDS = load();

    private Glossary() {
    }

    public static Optional<String> lookup(Topic topic, String name) {
        return Optional.ofNullable(WORDS.getProperty(topic.name().toLowerCase(java.util.Locale.ROOT) + "." + name));
    }

    /** A symbol version such as GLIBC_2.38 or GLIBCXX_3.4.30 in words. */
    public static String symbolVersion(String prefix, String version) {
        String what = lookup(Topic.SYMBOL, prefix).orElse(prefix + " symbol versions");
        return prefix + "_" + version + ": " + what + (prefix.equals("GLIBC")
                ? ". Requiring it means glibc " + version + " or newer." : ".");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Glossary.class.getResourceAsStream("glossary.properties")) {
            if (in == null) {
                throw new IllegalStateException("glossary.properties missing from the jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
