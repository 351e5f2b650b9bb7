package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.DataFiles;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.vocabulary.Suggest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one table of CPU architectures (architectures.tsv): how Python spells each one per
 * operating system, the spellings people write instead, and the facts tied to an architecture
 * (its manylinux floor, whether packaging emits manylinux tags for it unconditionally). Every
 * face validates an architecture here, so a misspelling gets the same answer everywhere.
 */
public final class Architectures {

    /** The operating systems whose platform tags name an architecture. */
    public enum Os {
        LINUX("Linux"), MACOS("macOS"), WINDOWS("Windows"), IOS("iOS"), ANDROID("Android");

        private final String word;

        Os(String word) {
            this.word = word;
        }

        /** As people write it: {@code macOS}. */
        public String word() {
            return word;
        }
    }

    /**
     * One architecture of one OS.
     *
     * @param os                 the operating system
     * @param name               Python's spelling on that OS (in platform tags and machines)
     * @param aliases            other spellings of the same architecture
     * @param manylinuxFloor     the oldest glibc with a manylinux baseline, if one exists
     * @param packagingManylinux packaging emits manylinux tags for it without reading the ELF header
     */
    public record Arch(Os os, String name, List<String> aliases, Optional<LibcVersion> manylinuxFloor,
                       boolean packagingManylinux) {
        public Arch {
            Objects.requireNonNull(os, "os");
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
            Objects.requireNonNull(manylinuxFloor, "manylinuxFloor");
        }
    }

    private static final List<Arch> TABLE = load();

    private Architectures() {
    }

    /** Every architecture of an OS, in the table's order (the common ones first). */
    public static List<Arch> of(Os os) {
        return TABLE.stream().filter(a -> a.os() == os).toList();
    }

    /** The names of {@link #of(Os)}. */
    public static List<String> names(Os os) {
        return of(os).stream().map(Arch::name).toList();
    }

    /**
     * The architectures of an OS worth offering first (in completions): those that are not
     * another row's alias (i386 and x86 are old Linux spellings of i686), in the table's order.
     */
    public static List<String> preferred(Os os) {
        List<Arch> rows = of(os);
        return rows.stream().map(Arch::name)
                .filter(n -> rows.stream().noneMatch(a -> a.aliases().contains(n)))
                .toList();
    }

    /** The Linux architectures that have a manylinux baseline, in the table's order. */
    public static List<String> withManylinuxBaselines() {
        return of(Os.LINUX).stream().filter(a -> a.manylinuxFloor().isPresent()).map(Arch::name).toList();
    }

    /** The architecture Python spells {@code name} on {@code os}, if any. */
    public static Optional<Arch> find(Os os, String name) {
        return TABLE.stream().filter(a -> a.os() == os && a.name().equals(name)).findFirst();
    }

    /**
     * Python's spelling on {@code os} of an architecture written as {@code word}, when the word
     * is not itself that spelling: {@code loong64} is {@code loongarch64} on Linux, {@code x86_64}
     * is {@code amd64} on Windows. Case is ignored for aliases.
     */
    public static Optional<String> spellingOf(Os os, String word) {
        if (find(os, word).isPresent()) {
            return Optional.empty();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return of(os).stream()
                .filter(a -> a.name().equals(lower) || a.aliases().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(lower)))
                .map(Arch::name).findFirst();
    }

    /** Every alias of a Linux architecture mapped to Python's Linux spelling (for did-you-mean). */
    public static Map<String, String> linuxAliases() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Arch a : of(Os.LINUX)) {
            for (String alias : a.aliases()) {
                out.putIfAbsent(alias.toLowerCase(Locale.ROOT), a.name());
            }
        }
        return Map.copyOf(out);
    }

    /**
     * Why {@code word} is not an architecture of {@code os}, in one sentence with the fix when
     * there is one; empty when it is one.
     */
    public static Optional<String> problem(Os os, String word) {
        if (find(os, word).isPresent()) {
            return Optional.empty();
        }
        Optional<String> fix = spellingOf(os, word).map(f -> "; Python spells it " + f);
        if (fix.isEmpty()) {
            // a typo rather than another tool's spelling: the nearest name Python uses on that system
            fix = Suggest.closest(word, of(os).stream().map(Arch::name).toList()).map(f -> "; did you mean " + f + "?");
        }
        return Optional.of("'" + word + "' is not an architecture " + os.word() + " platform tags use" + fix.orElse(""));
    }

    /**
     * Refuses a word that is not an architecture of {@code os}, as a target with it is refused:
     * the same words, code WH191.
     */
    public static void require(Os os, String word, String option) throws InputException {
        Optional<String> why = problem(os, word);
        if (why.isPresent()) {
            throw InputException.in(option, word, 0, word.length(), why.get()).withCode(Code.WH191);
        }
    }

    private static List<Arch> load() {
        List<Arch> out = new ArrayList<>();
        for (String[] f : DataFiles.rows(Architectures.class, "architectures.tsv", 5)) {
            Os os = Os.valueOf(f[0].toUpperCase(Locale.ROOT));
            List<String> aliases = f[2].equals("-") ? List.of() : Arrays.asList(f[2].split(" "));
            Optional<LibcVersion> floor = f[3].equals("-") ? Optional.empty() : LibcVersion.parse(f[3]);
            if (!f[3].equals("-") && floor.isEmpty()) {
                throw new IllegalStateException("architectures.tsv: bad floor: " + String.join("\t", f));
            }
            out.add(new Arch(os, f[1], aliases, floor, f[4].equals("yes")));
        }
        return List.copyOf(out);
    }
}
