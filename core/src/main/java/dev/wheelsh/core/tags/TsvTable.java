package dev.wheelsh.core.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a tab-separated data file of this package (architectures.tsv, interpreters.tsv):
 * comment lines start with {@code #}, every other non-blank line has exactly {@code columns}
 * fields. A malformed file is a defect of the build, so it fails loudly at first use.
 */
final class TsvTable {

    private TsvTable() {
    }

    static List<String[]> rows(String resource, int columns) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TsvTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " columns: " + line);
                }
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
