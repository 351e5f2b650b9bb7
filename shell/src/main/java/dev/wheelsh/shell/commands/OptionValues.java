package dev.wheelsh.shell.commands;

import dev.wheelsh.core.machine.Profiles;
import dev.wheelsh.core.tags.Architectures;
import dev.wheelsh.core.tags.Interpreters;
import dev.wheelsh.core.tags.PackagingRelease;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The values an option takes, written once and attached to the options as picocli completion
 * candidates, so the REPL's completion, the generated bash/zsh/fish scripts and the help read the
 * same list from the command model. Each class is what an {@code @Option}'s
 * {@code completionCandidates} names.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** Linux architectures as Python spells them, the common ones first (tags/architectures.tsv). */
    public static final class Archs implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Architectures.preferred(Architectures.Os.LINUX).iterator();
        }
    }

    /** Python versions a target is usually given. */
    public static final class Pythons implements Iterable<String> {
        public static final List<String> VALUES = List.of("3.14", "3.13", "3.12", "3.11", "3.10", "3.9", "3.8", "3.7", "2.7");

        @Override
        public Iterator<String> iterator() {
            return VALUES.iterator();
        }
    }

    /** glibc releases of the systems people build for and run on. */
    public static final class Glibcs implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("2.41", "2.39", "2.38", "2.36", "2.35", "2.34", "2.31", "2.28", "2.17").iterator();
        }
    }

    /** musl series musllinux baselines name. */
    public static final class Musls implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("1.2", "1.1").iterator();
        }
    }

    /** CPython's ABI flags. */
    public static final class AbiFlags implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("t", "d", "td").iterator();
        }
    }

    /** The implementations' short names (tags/interpreters.tsv), without the generic py. */
    public static final class Implementations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Interpreters.shortNames().stream().filter(s -> !s.equals("py")).iterator();
        }
    }

    /** macOS releases. */
    public static final class MacosVersions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("15.0", "14.0", "13.0", "12.0", "11.0", "10.15", "10.9").iterator();
        }
    }

    /** The named machines (machine/profiles.json). */
    public static final class ProfileNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Profiles.all().stream().map(Profiles.Profile::name).iterator();
        }
    }

    /** The packaging releases wheelsh computes tags for. */
    public static final class PackagingReleases implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(PackagingRelease.values()).map(PackagingRelease::version).iterator();
        }
    }

    /** The tag-generation modes of `tags`. */
    public static final class TagModes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("packaging", "baseline-defined").iterator();
        }
    }
}
