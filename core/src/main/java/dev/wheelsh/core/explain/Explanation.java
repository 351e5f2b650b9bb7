package dev.wheelsh.core.explain;

import dev.wheelsh.core.machine.Platform;
import dev.wheelsh.core.tags.PlatformTag;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A wheel filename, tag set or platform tag explained: its components in words, what PyPI says
 * of its platform tags, the findings on the input itself (the tag-shape checks the editor runs
 * on config files) and on a wheel file's contents, and pip's verdict for a target. Every face
 * renders this one value, so the shell and the editor say the same.
 *
 * @param input        the input as given (a filename, a path, a tag set, a platform tag)
 * @param kind         what the input is
 * @param components   each part of the input and what it means, in the input's order
 * @param pypiRefusals why PyPI refuses some platform tag of the input; empty when it accepts all
 * @param tagFindings  findings on the input's tags (WH19x): ranges are columns of the input
 * @param contents     findings on a wheel file's contents, for its own tags and for the target
 * @param target       the machine judged against, if any
 * @param verdict      pip's verdict for that machine, when the input has full tags and a target was given
 * @param next         what to do next ({@link NextSteps}), in order; empty when nothing needs doing
 */
public record Explanation(String input, Kind kind, List<Component> components, List<String> pypiRefusals,
                          List<Finding> tagFindings, List<Finding> contents, Optional<Target> target,
                          Optional<InstallVerdict> verdict, List<NextStep> next) {

    /** What an input is. */
    public enum Kind {
        WHEEL, SDIST, TAGS, PLATFORM;

        /** As the JSON output names it: {@code wheel}, {@code sdist}, {@code tags}, {@code platform}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One component of the input and what it means; {@code role} is project, build tag, format (an sdist's), interpreter, abi or platform. */
    public record Component(String text, String role, String meaning) {
        public Component {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(meaning, "meaning");
        }
    }

    /** How a run of explain ends, as every face reports it (the shell's exit status). */
    public enum Outcome {
        /** Installable (or, without a target, nothing wrong found). */
        HOLDS(0),
        /** Not installable, or installable but its code will not work there. */
        PROBLEM(1),
        /** The input itself is wrong: an error finding on its tags (a misspelt architecture). */
        BAD_INPUT(2);

        private final int exitStatus;

        Outcome(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        public int exitStatus() {
            return exitStatus;
        }
    }

    public Explanation {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(kind, "kind");
        components = List.copyOf(components);
        pypiRefusals = List.copyOf(pypiRefusals);
        tagFindings = List.copyOf(tagFindings);
        contents = List.copyOf(contents);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
        next = List.copyOf(next);
    }

    /** Whether the wheel's contents have an error: pip may install it, but it will not work. */
    public boolean contentsBreak() {
        return contents.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    public Outcome outcome() {
        if (tagFindings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return Outcome.BAD_INPUT;
        }
        boolean misses = verdict.filter(v -> v instanceof InstallVerdict.Misses).isPresent();
        return misses || contentsBreak() || oldWorldCannotLoad() ? Outcome.PROBLEM : Outcome.HOLDS;
    }

    /**
     * pip installs a manylinux or musllinux loongarch64 wheel on an old-world (ABI1.0) system when
     * the glibc version fits, but such tags promise the new world (ABI2.0, upstream glibc 2.36 and
     * later): none of them loads there, whatever its version.
     */
    public boolean oldWorldCannotLoad() {
        return oldWorldCannotLoad(target, verdict);
    }

    /** {@link #oldWorldCannotLoad()} for a target and a verdict: the one rule, which {@link NextSteps} reads too. */
    static boolean oldWorldCannotLoad(Optional<Target> target, Optional<InstallVerdict> verdict) {
        if (!(target.map(Target::platform).orElse(null) instanceof Platform.Linux l) || !l.oldWorld()) {
            return false;
        }
        return verdict.orElse(null) instanceof InstallVerdict.Installs installs
                && PlatformTag.parse(installs.bestTag().platform()).libc().isPresent()
                && installs.bestTag().platform().endsWith("_loongarch64");
    }

    /**
     * What the name cannot say and where the answer is: a loongarch64 filename records no ABI
     * world (manylinux and musllinux tags promise the new one; linux_loongarch64 wheels exist for
     * both), and `wheelsh show FILE` decides it from the code. Empty when the input names no
     * loongarch64 platform.
     */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        for (Component c : components) {
            if (!c.role().equals("platform") || !c.text().endsWith("_loongarch64")) {
                continue;
            }
            boolean promised = PlatformTag.parse(c.text()).libc().isPresent();
            out.add(promised
                    ? c.text() + " promises the new LoongArch world (ABI2.0, upstream glibc 2.36 and later); "
                    + "the name cannot show what the code is built for: `wheelsh show FILE` reads it"
                    : c.text() + " does not record the LoongArch ABI world: linux_loongarch64 wheels exist for both "
                    + "(Loongnix's are old world, ABI1.0); `wheelsh show FILE` decides it from the code");
        }
        return List.copyOf(out);
    }

    /**
     * The verdict in words, one line first and its details after: "verdict: installable: pip
     * matches cp313-cp313-manylinux_2_17_x86_64 (preference #12 of the target's tags)". Empty
     * when there is no verdict.
     */
    public List<String> verdictLines() {
        if (kind == Kind.SDIST && target.isPresent()) {
            // An sdist has no tags: whether pip takes it depends on the project's other files.
            return List.of("verdict: an sdist has no tags: pip builds it on this target only when no wheel of the same "
                    + "version fits (or with --no-binary), never with --only-binary :all:; `wheelsh pick` over the "
                    + "project's files says which file pip takes");
        }
        if (verdict.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        InstallVerdict v = verdict.get();
        if (v instanceof InstallVerdict.Installs installs) {
            if (contentsBreak()) {
                lines.add("verdict: pip installs it (matching " + installs.bestTag()
                        + "), but it will not work there: see the errors above");
            } else if (oldWorldCannotLoad()) {
                lines.add("verdict: pip installs it (matching " + installs.bestTag() + "), but it cannot load there: "
                        + "manylinux and musllinux loongarch64 tags promise the new world (ABI2.0) and this system "
                        + "is old world (ABI1.0), whatever the glibc version");
            } else {
                lines.add("verdict: installable: pip matches " + installs.bestTag() + " (preference #"
                        + (installs.rank() + 1) + " of the target's tags)");
                long fromSystem = contents.stream().filter(f -> f.code() == Code.WH318).count();
                if (fromSystem > 0) {
                    // pip's answer stands; what the import then needs is said beside it, not instead of it
                    lines.add("  but importing it needs " + (fromSystem == 1 ? "a library" : fromSystem + " libraries")
                            + " the target's baseline does not promise, from the system (WH318 above)");
                }
            }
        } else if (v instanceof InstallVerdict.Misses misses) {
            InstallVerdict.Miss m = misses.closest();
            lines.add("verdict: not installable: " + m.component().words());
            lines.add("  " + m.reason());
            for (InstallVerdict.Miss other : misses.others()) {
                lines.add("  also the " + other.component().words() + ": " + other.reason());
            }
            lines.add("  closest wheel tag:  " + m.wheelTag());
            m.nearest().ifPresent(n -> lines.add("  target's nearest:   " + n));
        }
        return List.copyOf(lines);
    }

    /** Each component and its meaning, a line each, the meanings aligned: "  cp313  CPython 3.13". */
    public List<String> componentLines() {
        int width = components.stream().mapToInt(c -> c.text().length()).max().orElse(0);
        return components.stream().map(c -> "  " + c.text() + " ".repeat(width - c.text().length() + 2) + c.meaning()).toList();
    }

    /** A finding as every face prints it on one line: "WH191 error: ...". */
    public static String findingLine(Finding f) {
        return f.code().id() + " " + f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.message();
    }

    /** The target in words and in the compact form, "target: CPython 3.13 on Linux x86_64  [cp313-glibc2.38-x86_64]"; empty without one. */
    public Optional<String> targetLine() {
        return target.map(t -> "target: " + t.describe() + "  [" + t.compact() + "]");
    }

    /** What PyPI says of the platform tags, a line each ("PyPI: accepts these platform tags"); none for an sdist, which has no tags. */
    public List<String> pypiLines() {
        if (kind == Kind.SDIST) {
            return List.of();
        }
        return pypiRefusals.isEmpty() ? List.of("PyPI: accepts these platform tags")
                : pypiRefusals.stream().map(r -> "PyPI: " + r).toList();
    }

    /** What to do next, a line each, the command (when one does it) on the line after: "next: ...", "  $ auditwheel ...". */
    public List<String> nextLines() {
        List<String> lines = new ArrayList<>();
        for (NextStep n : next) {
            lines.add("next: " + n.advice());
            n.command().ifPresent(c -> lines.add("  $ " + c));
        }
        return List.copyOf(lines);
    }
}
