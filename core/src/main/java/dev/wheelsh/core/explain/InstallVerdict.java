package dev.wheelsh.core.explain;

import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagSet;
import dev.wheelsh.core.machine.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * pip's verdict on a wheel's tags for a target: it installs (with the tag pip matches and its
 * preference), or it misses, with the closest miss (the first component, in the order of
 * {@link Component}, on which the best of the wheel's tags fails) and every other component of
 * that tag that does not fit either, so a wheel that is wrong twice is not reported as wrong once.
 */
public sealed interface InstallVerdict {

    /** pip installs it: {@code bestTag} is the wheel's tag it matches, {@code rank} its preference (0 is best). */
    record Installs(Tag bestTag, int rank) implements InstallVerdict {
    }

    /**
     * pip does not install it.
     *
     * @param closest the closest miss over the wheel's tags
     * @param others  the other components of the closest miss's tag that do not fit, in the order
     *                of {@link Component}; each with its reason
     */
    record Misses(Miss closest, List<Miss> others) implements InstallVerdict {
        public Misses {
            Objects.requireNonNull(closest, "closest");
            others = List.copyOf(others);
        }

        /** Every mismatching component, the closest first. */
        public List<Miss> all() {
            List<Miss> out = new ArrayList<>();
            out.add(closest);
            out.addAll(others);
            return List.copyOf(out);
        }
    }

    /** The components of a tag, in the order a miss is reported: earlier is farther off. */
    enum Component {
        IMPLEMENTATION, PYTHON_VERSION, ABI, FREE_THREADING, OS, ARCH, LIBC_FAMILY, LIBC_VERSION, OS_VERSION;

        /** In words: {@code python version}. */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One way a wheel tag misses.
     *
     * @param component  the component that does not fit
     * @param wheelTag   the wheel's tag
     * @param nearest    the target's best tag that agrees with the wheel tag up to that component
     * @param reason     in words
     */
    record Miss(Component component, Tag wheelTag, Optional<Tag> nearest, String reason) {
    }

    static InstallVerdict of(TagSet wheel, Target target) {
        return of(wheel, TagRanking.of(target));
    }

    static InstallVerdict of(TagSet wheel, TagRanking ranking) {
        Optional<TagRanking.Match> best = ranking.best(wheel);
        if (best.isPresent()) {
            return new Installs(best.get().tag(), best.get().rank());
        }
        // The filename's own order: PEP 600 names come before their legacy aliases there.
        Miss closest = null;
        for (Tag tag : wheel.tags()) {
            Miss miss = MissFinder.miss(tag, ranking.target(), ranking.supported());
            if (closest == null || miss.component().ordinal() > closest.component().ordinal()) {
                closest = miss;
            }
        }
        return new Misses(closest, MissFinder.others(closest, ranking.target(), ranking.supported()));
    }
}
