package dev.wheelsh.shell.commands;

import dev.wheelsh.core.tags.PackagingRelease;
import dev.wheelsh.core.tags.PlatformTags;
import dev.wheelsh.core.tags.Tag;
import dev.wheelsh.core.machine.Platform;
import dev.wheelsh.core.machine.Profiles;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.shell.io.Json;
import dev.wheelsh.shell.io.Session;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Describes a machine, shows what pip would accept there, and makes it the session's target. */
@Command(name = "simulate",
        description = {"Show the tags a described machine accepts, as pip computes them, and make it the session's target."},
        footer = {"", "Examples:",
                "  wheelsh simulate --arch loongarch64 --glibc 2.38 --python 3.13",
                "  wheelsh simulate --arch loongarch64 --glibc 2.38 --python 3.13 --abi-flags t --all",
                "  wheelsh simulate --profile alpine-3.21 --arch aarch64",
                "  wheelsh simulate --target cp310-glibc2.28-loongarch64+oldworld --json",
                "  wheelsh simulate --list-profiles"})
final class SimulateCommand implements Callable<Integer> {

    private final Session session;

    SimulateCommand(Session session) {
        this.session = session;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    PackagingOptions packagingOptions;

    @Option(names = "--all", description = "Print every tag, best first.")
    boolean all;

    @Option(names = "--list-profiles", description = "List the named machines and exit.")
    boolean listProfiles;

    @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (listProfiles) {
            return printProfiles(out);
        }
        Target t = target.resolve(Optional.empty());
        PackagingRelease release = packagingOptions.release();
        List<Tag> tags = t.tags(release);
        List<String> platforms = release.platforms(t.platform().platformTags(PlatformTags.Mode.PACKAGING));
        Set<String> real = new HashSet<>(t.platform().platformTags(PlatformTags.Mode.BASELINE_DEFINED));
        List<String> impossible = new ArrayList<>();
        for (String p : platforms) {
            if (!real.contains(p)) {
                impossible.add(p);
            }
        }
        session.useTarget(t);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("target", t.compact());
            doc.put("description", t.describe());
            doc.put("count", tags.size());
            doc.put("platforms", platforms);
            doc.put("never_real_platforms", impossible);
            List<String> strings = new ArrayList<>();
            for (Tag tag : all ? tags : List.of(tags.get(0), tags.get(tags.size() - 1))) {
                strings.add(tag.toString());
            }
            doc.put(all ? "tags" : "first_and_last", strings);
            out.println(Json.pretty(doc));
            return 0;
        }
        out.println(t.describe() + "  [" + t.compact() + "]");
        out.println(tags.size() + " tags; best " + tags.get(0) + ", last " + tags.get(tags.size() - 1));
        out.println(platforms.size() + " platforms: " + summarize(platforms));
        if (!impossible.isEmpty() && t.platform() instanceof Platform.Linux linux) {
            out.println("note: " + impossible.size() + " of them can never be on a real wheel: "
                    + PlatformTags.manylinuxFloor(linux.arch()).map(f -> "no manylinux baseline exists for "
                    + linux.arch() + " below glibc " + f).orElse("no manylinux baseline exists for " + linux.arch())
                    + " (pip lists them anyway)");
        }
        if (t.platform() instanceof Platform.Linux linux
                && linux.oldWorld()) {
            out.println("note: an old-world (ABI1.0) system loads no wheel built for the new world, and every "
                    + "manylinux loongarch64 wheel is new-world: only linux_loongarch64 wheels built on an old-world "
                    + "system can run here");
        }
        if (all) {
            tags.forEach(out::println);
        }
        return 0;
    }

    private static String summarize(List<String> platforms) {
        if (platforms.size() <= 6) {
            return String.join(" ", platforms);
        }
        return String.join(" ", platforms.subList(0, 3)) + " ... " + String.join(" ", platforms.subList(platforms.size() - 2, platforms.size()));
    }

    private int printProfiles(PrintWriter out) throws Exception {
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Profiles.Profile p : Profiles.all()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", p.name());
                row.put("description", p.description());
                row.put("libc", p.libc());
                row.put("python", p.python());
                row.put("architectures", p.archs());
                row.put("loongarch_world", p.world().orElse(null));
                row.put("source", p.source());
                rows.add(row);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("profiles", rows);
            out.println(Json.pretty(doc));
            return 0;
        }
        for (Profiles.Profile p : Profiles.all()) {
            out.printf("%-18s %-9s %-6s %-52s %s%n", p.name(), p.libc(), p.python(), p.description(), String.join(",", p.archs()));
        }
        return 0;
    }
}
