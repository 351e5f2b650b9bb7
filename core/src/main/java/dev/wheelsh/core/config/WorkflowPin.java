package dev.wheelsh.core.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cibuildwheel release a project's GitHub workflow runs: {@code uses: pypa/cibuildwheel@v3.1.4}
 * in {@code .github/workflows/*.yml} or {@code *.yaml} next to the pyproject.toml. The config
 * checks judge by it when {@code [tool.wheelsh] cibuildwheel} does not say. Only a version tag
 * counts, or a commit followed by a comment naming its release (a branch, or a bare commit,
 * names none); when the workflows pin several releases, the
 * oldest is the one every option must work with. {@code file} is the workflow's path relative to
 * the project, for the words.
 */
record WorkflowPin(String release, String file) {

    /** Workflow files read at most, and bytes read of each: a project's workflows are a few small files. */
    static final int MAX_FILES = 64;
    static final long MAX_BYTES = 1_000_000;

    /**
     * {@code uses: pypa/cibuildwheel@v3.1.4}, or a commit with the release in the comment after it
     * ({@code @1828c10... # v4.2.0}), as Dependabot and pinning tools write it.
     */
    private static final Pattern USES = Pattern.compile(
            "^\\s*(?:-\\s+)?uses:\\s*[\"']?pypa/cibuildwheel@(?:v?(\\d+(?:\\.\\d+){0,2})[\"']?\\s*(?:#.*)?"
                    + "|[0-9a-f]{40}[\"']?\\s*#\\s*v?(\\d+(?:\\.\\d+){0,2})\\b.*)$", Pattern.MULTILINE);

    /** The release the workflows next to a project directory pin, if they pin one; unreadable files count as absent. */
    static Optional<WorkflowPin> near(Path projectDirectory) {
        Path workflows = projectDirectory.resolve(".github").resolve("workflows");
        if (!Files.isDirectory(workflows)) {
            return Optional.empty();
        }
        List<WorkflowPin> pins = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(workflows, "*.{yml,yaml}")) {
            int read = 0;
            for (Path f : files) {
                if (read++ >= MAX_FILES || !Files.isRegularFile(f) || Files.size(f) > MAX_BYTES) {
                    continue;
                }
                String rel = ".github/workflows/" + f.getFileName();
                in(Files.readString(f)).ifPresent(r -> pins.add(new WorkflowPin(r, rel)));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a workflow directory that cannot be read pins nothing
        }
        return pins.stream().min((a, b) -> PyprojectChecks.compareReleases(a.release(), b.release()));
    }

    /** The oldest cibuildwheel release one workflow's text pins. */
    static Optional<String> in(String workflow) {
        Matcher m = USES.matcher(workflow);
        String oldest = null;
        while (m.find()) {
            String release = m.group(1) != null ? m.group(1) : m.group(2);
            if (oldest == null || PyprojectChecks.compareReleases(release, oldest) < 0) {
                oldest = release;
            }
        }
        return Optional.ofNullable(oldest);
    }
}
