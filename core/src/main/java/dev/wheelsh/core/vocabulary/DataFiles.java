package dev.wheelsh.core.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of the built-in line-based data files (the .tsv and .txt facts beside the classes
 * that use them): lines starting with {@code #} are comments (each file's source and version),
 * blank lines are skipped, a table's every other line has exactly its number of tab-separated
 * fields. A malformed or missing file is a defect of the build, so it fails loudly at first use.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /** The data lines of a resource beside {@code owner}, stripped, without comments and blank lines. */
    public static List<String> lines(Class<?> owner, String resource) {
        return raw(owner, resource).stream().map(String::strip).toList();
    }

    /** The rows of a tab-separated resource beside {@code owner}, each of exactly {@code columns} fields (empty ones kept). */
    public static List<String[]> rows(Class<?> owner, String resource, int columns) {
        List<String[]> out = new ArrayList<>();
        for (String line : raw(owner, resource)) {
            String[] f = line.split("\t", -1);
            if (f.length != columns) {
                throw new IllegalStateException(resource + ": expected " + columns + " columns, not " + f.length + ", in: " + line);
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    private static List<String> raw(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (!s.isBlank() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
