package dev.wheelsh.core.lock;

import dev.wheelsh.core.explain.InstallVerdict;
import dev.wheelsh.core.explain.TagRanking;
import dev.wheelsh.core.explain.WheelPick;
import dev.wheelsh.core.lock.LockFile.Dependency;
import dev.wheelsh.core.lock.LockFile.Package;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.SpecifierSet;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.vocabulary.InputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What installing a lock file (or replaying a pip report) puts on one target, package by package:
 * the wheel taken, the sdist built, a direct source, nothing at all, or that the package is not
 * needed there.
 *
 * <ul>
 * <li>pylock.toml: packaging's {@code Pylock.select} (packaging 26.3, pylock.py), step for step:
 *     the lock's requires-python and environments must hold (else the lock refuses the target);
 *     a package whose marker does not hold is left out; a package's requires-python that does
 *     not hold, or two selected entries of one name, refuse the target; then vcs, directory or
 *     archive, else the wheel whose best tag ranks first (the first listed on a tie), else the
 *     sdist, else nothing.</li>
 * <li>uv.lock: what {@code uv sync} installs: the packages reached from the workspace members,
 *     with their default group {@code dev}, along the dependency edges whose markers hold; each by
 *     the same wheel rule, else its sdist.</li>
 * <li>a pip report: every file pip chose for the machine it ran on, judged on the target.</li>
 * </ul>
 *
 * @param refusal why the lock file cannot be installed on the target at all, when it cannot
 */
public record LockPlan(LockFile lock, Target target, Optional<String> refusal, List<Entry> entries) {

    public LockPlan {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(target, "target");
        entries = List.copyOf(entries);
    }

    /** What one package gets on the target. */
    public sealed interface Outcome permits Wheel, Sdist, Direct, Nothing, NotNeeded {
    }

    /** The wheel installed, the tag it matches and that tag's preference (0 is best). */
    public record Wheel(String filename, Tag tag, int rank) implements Outcome {
    }

    /** Built from this sdist; {@code closest} is the nearest listed wheel, when there is one. */
    public record Sdist(String filename, Optional<Closest> closest) implements Outcome {
    }

    /** Installed from a source that is no index file (a checkout, a directory, the project itself). */
    public record Direct(String source) implements Outcome {
    }

    /** No file installs: why, and the nearest listed wheel. */
    public record Nothing(String why, Optional<Closest> closest) implements Outcome {
    }

    /** Not installed on this target: why (a marker that does not hold, no dependency reaching it). */
    public record NotNeeded(String why) implements Outcome {
    }

    /** The listed wheel that comes closest, and how it misses. */
    public record Closest(WheelFilename wheel, InstallVerdict.Miss miss) {
        public String words() {
            return WheelPick.closestWords(wheel, miss);
        }
    }

    /** One package and what it gets. */
    public record Entry(Package pkg, Outcome outcome) {
        public String sentence() {
            String label = pkg.label();
            if (outcome instanceof Wheel w) {
                return label + ": installs " + w.filename() + " (matches " + w.tag() + ", preference #" + (w.rank() + 1) + ")";
            } else if (outcome instanceof Sdist s) {
                return label + ": builds from " + s.filename() + ": "
                        + s.closest().map(c -> "no wheel fits (" + c.words() + ")")
                                .orElse(pkg.wheels().isEmpty() ? "no wheel is listed" : "no wheel fits");
            } else if (outcome instanceof Direct d) {
                return label + ": installs from " + d.source();
            } else if (outcome instanceof Nothing n) {
                return label + ": nothing installs: " + n.why() + n.closest().map(c -> " (" + c.words() + ")").orElse("");
            }
            return label + ": not installed here: " + ((NotNeeded) outcome).why();
        }
    }

    /**
     * What is asked for besides the lock's defaults, as {@code uv sync --group/--all-groups/--extra}
     * and packaging's {@code Pylock.select(extras=, dependency_groups=)} take it.
     *
     * @param groups    the dependency groups to install; empty for the lock's default groups
     * @param allGroups every group the lock has (uv.lock)
     * @param extras    the extras to install
     */
    public record Request(Optional<Set<String>> groups, boolean allGroups, Set<String> extras) {
        public static final Request DEFAULT = new Request(Optional.empty(), false, Set.of());

        public Request {
            groups = groups.map(Set::copyOf);
            extras = Set.copyOf(extras);
        }
    }

    /** With the lock's default groups and no extras. */
    public static LockPlan of(LockFile lock, Target target, PackagingRelease release, Optional<Version> python) {
        return of(lock, target, release, python, Request.DEFAULT);
    }

    /**
     * The plan of a lock file for a target; {@code python} is the interpreter's full version held
     * against requires-python (default {@code X.Y.0}).
     */
    public static LockPlan of(LockFile lock, Target target, PackagingRelease release, Optional<Version> python,
                              Request request) {
        TagRanking ranking = TagRanking.of(target, release);
        Version full = python.orElseGet(() -> xy0(target));
        Set<String> groups = request.groups().orElse(Set.copyOf(lock.defaultGroups()));
        MarkerEnvironment env = MarkerEnvironment.of(target, Optional.of(full), groups).withExtras(request.extras());
        Optional<String> refusal = Optional.empty();
        if (lock.requiresPython().isPresent() && !contains(lock.requiresPython().get(), full)) {
            refusal = Optional.of("the lock requires Python " + lock.requiresPython().get() + ", not " + full);
        } else if (!lock.environments().isEmpty() && lock.environments().stream().noneMatch(m -> m.evaluate(env))) {
            refusal = Optional.of("none of the lock's environments holds ("
                    + String.join("; ", lock.environments().stream().map(Marker::text).toList()) + ")");
        }
        if (refusal.isPresent()) {
            return new LockPlan(lock, target, refusal, List.of());
        }
        return switch (lock.format()) {
            case PYLOCK -> pylock(lock, target, ranking, full, env, release);
            case UV_LOCK -> uvLock(lock, target, ranking, env, release, groups, request);
            case PIP_REPORT -> pipReport(lock, target, ranking, full, release);
        };
    }

    private static LockPlan pylock(LockFile lock, Target target, TagRanking ranking, Version full,
                                   MarkerEnvironment env, PackagingRelease release) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Package> selected = new LinkedHashMap<>();
        for (Package p : lock.packages()) {
            if (p.marker().isPresent() && !p.marker().get().evaluate(env)) {
                entries.add(new Entry(p, new NotNeeded("its marker " + p.marker().get().text() + " does not hold")));
                continue;
            }
            if (p.requiresPython().isPresent() && !contains(p.requiresPython().get(), full)) {
                return refused(lock, target, p.place() + " (" + p.label() + ") requires Python " + p.requiresPython().get()
                        + ", not " + full);
            }
            Package earlier = selected.putIfAbsent(p.name(), p);
            if (earlier != null) {
                return refused(lock, target, p.place() + " and " + earlier.place() + " both install " + p.name() + " here");
            }
            entries.add(new Entry(p, fileOutcome(p, ranking, release)));
        }
        return new LockPlan(lock, target, Optional.empty(), entries);
    }

    private static LockPlan uvLock(LockFile lock, Target target, TagRanking ranking, MarkerEnvironment env,
                                   PackagingRelease release, Set<String> groups, Request request) {
        List<Package> packages = lock.packages();
        Set<Integer> reached = new HashSet<>();
        Set<String> expanded = new HashSet<>();
        Deque<Object[]> work = new ArrayDeque<>();
        for (int i = 0; i < packages.size(); i++) {
            if (packages.get(i).root()) {
                reached.add(i);
                work.add(new Object[] {i, List.copyOf(request.extras()), true});
            }
        }
        while (!work.isEmpty()) {
            Object[] item = work.poll();
            int index = (Integer) item[0];
            @SuppressWarnings("unchecked")
            List<String> extras = (List<String>) item[1];
            boolean isRoot = (Boolean) item[2];
            if (!expanded.add(index + " " + extras)) {
                continue;
            }
            Package p = packages.get(index);
            List<Dependency> edges = new ArrayList<>(p.dependencies());
            for (String extra : extras) {
                edges.addAll(p.extras().getOrDefault(extra, List.of()));
            }
            if (isRoot) {
                for (Map.Entry<String, List<Dependency>> g : p.groups().entrySet()) {
                    if (request.allGroups() || groups.contains(g.getKey())) {
                        edges.addAll(g.getValue());
                    }
                }
            }
            MarkerEnvironment here = env.withExtras(Set.copyOf(extras));
            for (Dependency d : edges) {
                if (d.marker().isPresent() && !d.marker().get().evaluate(here)) {
                    continue;
                }
                int target2 = find(packages, d);
                if (target2 >= 0) {
                    reached.add(target2);
                    work.add(new Object[] {target2, d.extras(), false});
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            Package p = packages.get(i);
            if (!reached.contains(i)) {
                entries.add(new Entry(p, new NotNeeded("no dependency whose marker holds here leads to it")));
            } else {
                entries.add(new Entry(p, fileOutcome(p, ranking, release)));
            }
        }
        return new LockPlan(lock, target, Optional.empty(), entries);
    }

    private static int find(List<Package> packages, Dependency d) {
        for (int i = 0; i < packages.size(); i++) {
            Package p = packages.get(i);
            if (p.name().equals(d.name()) && (d.version().isEmpty() || d.version().equals(p.version()))) {
                return i;
            }
        }
        return -1;
    }

    private static LockPlan pipReport(LockFile lock, Target target, TagRanking ranking, Version full,
                                      PackagingRelease release) {
        List<Entry> entries = new ArrayList<>();
        String madeFor = lock.madeFor().map(m -> " (pip chose it for " + m + ")").orElse("");
        for (Package p : lock.packages()) {
            if (p.requiresPython().isPresent() && !contains(p.requiresPython().get(), full)) {
                entries.add(new Entry(p, new Nothing("it requires Python " + p.requiresPython().get() + ", not " + full,
                        Optional.empty())));
                continue;
            }
            Outcome o = fileOutcome(p, ranking, release);
            if (o instanceof Nothing n && n.closest().isPresent()) {
                o = new Nothing("the reported wheel does not install here" + madeFor, n.closest());
            }
            entries.add(new Entry(p, o));
        }
        return new LockPlan(lock, target, Optional.empty(), entries);
    }

    /** The file rule shared by every format: a direct source, the best wheel, the sdist, or nothing. */
    private static Outcome fileOutcome(Package p, TagRanking ranking, PackagingRelease release) {
        if (p.direct().isPresent()) {
            return new Direct(p.direct().get());
        }
        Wheel best = null;
        Closest closest = null;
        List<String> unreadable = new ArrayList<>();
        for (String name : p.wheels()) {
            WheelFilename w;
            try {
                w = WheelFilename.parse(name, false, release);
            } catch (InputException e) {
                unreadable.add(name);
                continue;
            }
            Optional<TagRanking.Match> m = ranking.best(w.tags());
            if (m.isPresent()) {
                // strictly better only: on a tie the first listed stays (a stable sort by rank)
                if (best == null || m.get().rank() < best.rank()) {
                    best = new Wheel(name, m.get().tag(), m.get().rank());
                }
            } else if (best == null) {
                InstallVerdict.Miss miss = ((InstallVerdict.Misses) InstallVerdict.of(w.tags(), ranking)).closest();
                if (closest == null || miss.component().ordinal() > closest.miss().component().ordinal()) {
                    closest = new Closest(w, miss);
                }
            }
        }
        if (best != null) {
            return best;
        }
        Optional<Closest> near = Optional.ofNullable(closest);
        if (p.sdist().isPresent()) {
            return new Sdist(p.sdist().get(), near);
        }
        if (p.wheels().isEmpty()) {
            return new Nothing("no wheel and no sdist is listed", near);
        }
        return new Nothing("no wheel fits and no sdist is locked"
                + (unreadable.isEmpty() ? "" : " (" + String.join(", ", unreadable) + ": not a wheel name under this packaging)"), near);
    }

    private static LockPlan refused(LockFile lock, Target target, String why) {
        return new LockPlan(lock, target, Optional.of(why), List.of());
    }

    private static boolean contains(String specifiers, Version v) {
        try {
            return SpecifierSet.parse(specifiers).contains(v);
        } catch (InputException e) {
            return true; // the reader already refused a set that does not parse
        }
    }

    private static Version xy0(Target target) {
        try {
            return Version.parse(target.interpreter().version() + ".0");
        } catch (InputException e) {
            throw new IllegalStateException("a target's Python version is a version", e);
        }
    }

    /** How many packages get each kind of outcome. */
    public record Summary(int packages, List<String> wheels, List<String> sdists, List<String> nothing,
                          List<String> direct, List<String> notNeeded) {
        public Summary {
            wheels = List.copyOf(wheels);
            sdists = List.copyOf(sdists);
            nothing = List.copyOf(nothing);
            direct = List.copyOf(direct);
            notNeeded = List.copyOf(notNeeded);
        }

        /** "12 packages: 9 install as wheels, 2 build from source (numpy, scipy), 1 has nothing (foo)". */
        public String words() {
            List<String> parts = new ArrayList<>();
            parts.add(wheels.size() + (wheels.size() == 1 ? " installs" : " install") + " as wheels");
            parts.add(sdists.size() + (sdists.size() == 1 ? " builds" : " build") + " from source" + names(sdists));
            parts.add(nothing.size() + (nothing.size() == 1 ? " has" : " have") + " nothing" + names(nothing));
            if (!direct.isEmpty()) {
                parts.add(direct.size() + " from a direct source" + names(direct));
            }
            String s = (packages - notNeeded.size()) + " packages: " + String.join(", ", parts);
            if (!notNeeded.isEmpty()) {
                s += "; " + notNeeded.size() + " not needed on this target";
            }
            return s;
        }

        private static String names(List<String> names) {
            if (names.isEmpty()) {
                return "";
            }
            List<String> shown = names.size() > 8 ? names.subList(0, 8) : names;
            return " (" + String.join(", ", shown) + (names.size() > 8 ? ", ..." : "") + ")";
        }
    }

    public Summary summary() {
        List<String> wheels = new ArrayList<>();
        List<String> sdists = new ArrayList<>();
        List<String> nothing = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        List<String> notNeeded = new ArrayList<>();
        for (Entry e : entries) {
            String n = e.pkg().name();
            Outcome o = e.outcome();
            if (o instanceof Wheel) {
                wheels.add(n);
            } else if (o instanceof Sdist) {
                sdists.add(n);
            } else if (o instanceof Nothing) {
                nothing.add(n);
            } else if (o instanceof Direct) {
                direct.add(n);
            } else {
                notNeeded.add(n);
            }
        }
        return new Summary(entries.size(), wheels, sdists, nothing, direct, notNeeded);
    }

    /** Every package gets a file or is not needed, and the lock does not refuse the target. */
    public boolean installs() {
        return refusal.isEmpty() && entries.stream().noneMatch(e -> e.outcome() instanceof Nothing);
    }
}
