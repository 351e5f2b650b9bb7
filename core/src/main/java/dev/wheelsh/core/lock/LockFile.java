package dev.wheelsh.core.lock;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lock file or an installation report, read: the packages it pins and, for each, the files it
 * lists. What each format means by "the packages installed on a target" differs, and
 * {@link LockPlan} applies each one's rule.
 *
 * @param format         which format it was read as
 * @param source         the file's name, for messages
 * @param requiresPython the whole lock's requires-python (pylock.toml, uv.lock)
 * @param environments   pylock.toml's environments: at least one must hold on the target
 * @param packages       the packages in the file's order
 * @param madeFor        a pip report's own environment in words (the machine pip resolved for)
 * @param defaultGroups  the dependency groups installed when none are named (pylock.toml's
 *                       default-groups; uv installs its {@code dev} group)
 * @param extrasOffered  the extras the lock can install (pylock.toml's extras)
 */
public record LockFile(Format format, String source, Optional<String> requiresPython, List<Marker> environments,
                       List<Package> packages, Optional<String> madeFor, List<String> defaultGroups,
                       List<String> extrasOffered) {

    public LockFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        environments = List.copyOf(environments);
        packages = List.copyOf(packages);
        defaultGroups = List.copyOf(defaultGroups);
        extrasOffered = List.copyOf(extrasOffered);
    }

    /** The formats read. */
    public enum Format {
        /** PEP 751's pylock.toml (lock-version 1.x). */
        PYLOCK("pylock.toml"),
        /** uv's own uv.lock (version 1). */
        UV_LOCK("uv.lock"),
        /** pip install --dry-run --report's JSON (report version 1). */
        PIP_REPORT("pip installation report");

        private final String words;

        Format(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One pinned package.
     *
     * @param name           canonical name
     * @param version        the pinned version, when the file gives one
     * @param marker         pylock.toml's marker: the package is installed only where it holds
     * @param requiresPython the package's requires-python (pylock.toml: an error when not met)
     * @param wheels         the wheel filenames listed, in order
     * @param sdist          the sdist filename, when one is listed
     * @param direct         a source that is no index file (a VCS checkout, a directory, an
     *                       archive URL, an editable or virtual project), in words
     * @param place          where in the file it is ({@code packages[3]})
     * @param root           uv.lock: a workspace member, where the walk of dependencies starts
     * @param dependencies   uv.lock: what it depends on
     * @param extras         uv.lock: its optional dependencies, by extra
     * @param groups         uv.lock: its dependency groups
     */
    public record Package(String name, Optional<String> version, Optional<Marker> marker, Optional<String> requiresPython,
                          List<String> wheels, Optional<String> sdist, Optional<String> direct, String place,
                          boolean root, List<Dependency> dependencies, Map<String, List<Dependency>> extras,
                          Map<String, List<Dependency>> groups) {
        public Package {
            wheels = List.copyOf(wheels);
            dependencies = List.copyOf(dependencies);
            extras = Map.copyOf(extras);
            groups = Map.copyOf(groups);
        }

        /** The name and, when pinned, the version: {@code numpy 2.2.4}. */
        public String label() {
            return name + version.map(v -> " " + v).orElse("");
        }
    }

    /**
     * A uv.lock dependency edge.
     *
     * @param version set when the lock holds more than one version of the name
     * @param marker  where the edge holds
     * @param extras  the extras of the dependency it asks for
     */
    public record Dependency(String name, Optional<String> version, Optional<Marker> marker, List<String> extras) {
        public Dependency {
            extras = List.copyOf(extras);
        }
    }
}
