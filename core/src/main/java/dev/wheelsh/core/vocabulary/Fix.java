package dev.wheelsh.core.vocabulary;

import java.util.List;
import java.util.Objects;

/**
 * A mechanical correction for a finding, offered as a quick fix in the editor and printed as a
 * suggestion by {@code wheelsh lint}: e.g. "Replace manylinux2014_x86_64 with manylinux_2_17_x86_64".
 */
public record Fix(String title, List<Edit> edits) {
    public Fix {
        Objects.requireNonNull(title, "title");
        edits = List.copyOf(edits);
    }
}
