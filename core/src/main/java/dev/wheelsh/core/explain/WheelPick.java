package dev.wheelsh.core.explain;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.tags.BuildTag;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.machine.Target;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which wheel pip would choose for each project from a list of filenames, for a target, offline:
 * the newest version that has a compatible wheel; within it the wheel whose best tag comes first
 * in the target's preference list; on a tie, the higher build tag. When no wheel of a project
 * fits, the closest miss among them says why.
 */
public final class WheelPick {

    /**
     * The choice for one project.
     *
     * @param project    canonical project name
     * @param chosen     the wheel pip would install, if any
     * @param matchedTag the tag it matches
     * @param rank       that tag's position in the target's list
     * @param candidates how many wheels of the project were offered
     * @param whyNone    when nothing fits: the closest miss over all the project's wheels
     * @param closest    the wheel that came closest, when nothing fits
     */
    public record Choice(String project, Optional<WheelFilename> chosen, Optional<Tag> matchedTag, int rank,
                         int candidates, Optional<InstallVerdict.Miss> whyNone, Optional<WheelFilename> closest) {
    }

    /** Filenames that could not be read as wheels, with the reason; sdists are skipped silently. */
    public record Skipped(String filename, String reason) {
    }

    public record Result(List<Choice> choices, List<Skipped> skipped) {
    }

    private WheelPick() {
    }

    public static Result choose(List<String> filenames, Target target) {
        Map<String, List<WheelFilename>> byProject = new TreeMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String name : filenames) {
            if (!name.endsWith(".whl")) {
                continue;
            }
            try {
                WheelFilename w = WheelFilename.parse(name);
                byProject.computeIfAbsent(w.name(), k -> new ArrayList<>()).add(w);
            } catch (InputException e) {
                skipped.add(new Skipped(name, e.getMessage()));
            }
        }
        TagRanking ranking = TagRanking.of(target);
        List<Choice> choices = new ArrayList<>();
        for (Map.Entry<String, List<WheelFilename>> e : byProject.entrySet()) {
            choices.add(chooseOne(e.getKey(), e.getValue(), ranking));
        }
        return new Result(choices, skipped);
    }

    private static Choice chooseOne(String project, List<WheelFilename> wheels, TagRanking ranking) {
        WheelFilename best = null;
        Tag bestTag = null;
        int bestRank = Integer.MAX_VALUE;
        Comparator<BuildTag> buildOrder = Comparator.naturalOrder();
        BuildTag none = new BuildTag(BigInteger.valueOf(-1), "");
        for (WheelFilename w : wheels) {
            Optional<TagRanking.Match> match = ranking.best(w.tags());
            if (match.isEmpty()) {
                continue;
            }
            Tag tag = match.get().tag();
            int rank = match.get().rank();
            boolean better;
            if (best == null) {
                better = true;
            } else {
                int byVersion = w.version().compareTo(best.version());
                if (byVersion != 0) {
                    better = byVersion > 0;
                } else if (rank != bestRank) {
                    better = rank < bestRank;
                } else {
                    better = buildOrder.compare(w.build().orElse(none), best.build().orElse(none)) > 0;
                }
            }
            if (better) {
                best = w;
                bestTag = tag;
                bestRank = rank;
            }
        }
        if (best != null) {
            return new Choice(project, Optional.of(best), Optional.of(bestTag), bestRank, wheels.size(),
                    Optional.empty(), Optional.empty());
        }
        InstallVerdict.Miss closest = null;
        WheelFilename closestWheel = null;
        for (WheelFilename w : wheels) {
            InstallVerdict.Miss m = ((InstallVerdict.Misses) InstallVerdict.of(w.tags(), ranking)).closest();
            if (closest == null || m.component().ordinal() > closest.component().ordinal()) {
                closest = m;
                closestWheel = w;
            }
        }
        return new Choice(project, Optional.empty(), Optional.empty(), -1, wheels.size(),
                Optional.ofNullable(closest), Optional.ofNullable(closestWheel));
    }
}
