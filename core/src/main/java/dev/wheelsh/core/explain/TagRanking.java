package dev.wheelsh.core.explain;

import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.TagSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A target's compatible tags with each tag's preference (0 is best), built once per target so
 * that judging many wheels for one machine generates and indexes the tag list once.
 */
public final class TagRanking {

    /** A tag of a wheel that the target accepts, and its preference. */
    public record Match(Tag tag, int rank) {
    }

    private final Target target;
    private final List<Tag> supported;
    private final Map<Tag, Integer> ranks;

    private TagRanking(Target target, List<Tag> supported) {
        this.target = target;
        this.supported = List.copyOf(supported);
        Map<Tag, Integer> r = new HashMap<>();
        for (int i = 0; i < supported.size(); i++) {
            r.putIfAbsent(supported.get(i), i);
        }
        this.ranks = Map.copyOf(r);
    }

    /** pip's ranking for a target: packaging's sys_tags order. */
    public static TagRanking of(Target target) {
        Objects.requireNonNull(target, "target");
        return new TagRanking(target, target.tags());
    }

    /** pip's ranking for a target as a given packaging release orders the tags. */
    public static TagRanking of(Target target, PackagingRelease release) {
        Objects.requireNonNull(target, "target");
        return new TagRanking(target, target.tags(release));
    }

    public Target target() {
        return target;
    }

    /** The target's tags, best first. */
    public List<Tag> supported() {
        return supported;
    }

    /** The preference of one tag, if the target accepts it. */
    public Optional<Integer> rank(Tag tag) {
        return Optional.ofNullable(ranks.get(tag));
    }

    /** The best of a wheel's tags the target accepts: what pip matches. */
    public Optional<Match> best(TagSet wheel) {
        Match best = null;
        for (Tag tag : wheel.tags()) {
            Integer r = ranks.get(tag);
            if (r != null && (best == null || r < best.rank())) {
                best = new Match(tag, r);
            }
        }
        return Optional.ofNullable(best);
    }
}
