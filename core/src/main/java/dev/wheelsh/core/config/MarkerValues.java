package dev.wheelsh.core.config;

import dev.wheelsh.core.tags.Architectures;
import dev.wheelsh.core.tags.Architectures.Os;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Issue;
import dev.wheelsh.core.vocabulary.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of a parsed marker, judged against what Python reports: a platform_machine,
 * sys_platform or platform_system value no Python reports (WH122, with the spelling of the OS
 * the same chain names), and an {@code and} chain that can never hold because its OS and its
 * machine exclude each other (WH125). {@code in} and {@code not in} are PEP 508's substring
 * tests: {@code platform_machine in 'x86_64 aarch64'} lists values, each judged alone.
 */
final class MarkerValues {

    private static final String OTHER = "other";
    private static final List<String> OS_VARIABLES = List.of("sys_platform", "platform_system", "os_name");

    private final ConfigFacts facts = ConfigFacts.INSTANCE;
    private final List<Issue> issues = new ArrayList<>();

    private MarkerValues() {
    }

    static List<Issue> check(Markers.Result r) {
        MarkerValues m = new MarkerValues();
        for (List<Markers.Comparison> chain : r.conjunctions()) {
            Set<String> oses = m.osesOf(chain);
            for (Markers.Comparison c : chain) {
                m.values(c, oses);
            }
            m.satisfiable(chain);
        }
        return List.copyOf(m.issues);
    }

    /** The words a comparison's value stands for: itself, or the listed words of an 'in' haystack. */
    private static List<int[]> words(Markers.Comparison c) {
        List<int[]> out = new ArrayList<>();
        if (c.op().equals("in") || c.op().equals("not in")) {
            if (!c.variableLeft()) {
                return out; // 'x86' in platform_machine: a substring of the value, not a value
            }
            java.util.regex.Matcher m = TextShapes.MARKER_WORD.matcher(c.value());
            while (m.find()) {
                out.add(new int[] {c.valueFrom() + m.start(), c.valueFrom() + m.end()});
            }
        } else if (c.op().equals("==") || c.op().equals("!=") || c.op().equals("===")) {
            out.add(new int[] {c.valueFrom(), c.valueTo()});
        }
        return out;
    }

    private String text(Markers.Comparison c, int[] w) {
        return c.value().substring(w[0] - c.valueFrom(), w[1] - c.valueFrom());
    }

    private void values(Markers.Comparison c, Set<String> oses) {
        for (int[] w : words(c)) {
            String v = text(c, w);
            switch (c.variable()) {
                case "platform_machine" -> machine(v, w, oses);
                case "sys_platform" -> known(v, w, "sys_platform", facts.sysPlatforms, "sys_platform: linux, darwin, win32, emscripten, ios, android, ...");
                case "platform_system" -> known(v, w, "platform_system", facts.platformSystems,
                        "platform_system is platform.system(): Linux, Darwin, Windows, FreeBSD, ... (capitalized as Python returns them).");
                default -> {
                }
            }
        }
    }

    private void known(String v, int[] w, String variable, List<String> values, String explanation) {
        if (values.contains(v)) {
            return;
        }
        Optional<String> fix = values.stream().filter(v::equalsIgnoreCase).findFirst().or(() -> Found.nearest(v, values));
        Issue i = Issue.of(Code.WH122, Severity.WARNING, w[0], w[1],
                "'" + v + "' is not a " + variable + " value Python reports" + fix.map(f -> "; did you mean '" + f + "'?").orElse(""),
                explanation);
        issues.add(fix.map(f -> i.withFix(f, "Replace " + v + " with " + f)).orElse(i));
    }

    /**
     * platform_machine: a value some Python reports passes (a machine of another OS than the
     * chain's is WH125's to report, with both halves); the fix is the spelling of the chain's OS.
     */
    private void machine(String v, int[] w, Set<String> oses) {
        if (facts.platformMachines.contains(v)) {
            return;
        }
        Optional<String> fix = oses.size() == 1 && !oses.contains(OTHER) ? spelling(oses.iterator().next(), v) : Optional.empty();
        if (fix.isEmpty()) {
            String alias = facts.archAliases.get(v.toLowerCase(Locale.ROOT));
            fix = Optional.ofNullable(alias).or(() -> Found.nearest(v, facts.platformMachines));
        }
        Issue i = Issue.of(Code.WH122, Severity.WARNING, w[0], w[1],
                "'" + v + "' is not a platform_machine value Python reports" + fix.map(f -> "; did you mean '" + f + "'?").orElse(""),
                "platform_machine is platform.machine(): x86_64, aarch64, loongarch64 on Linux; x86_64, arm64 on macOS; AMD64, ARM64, x86 on Windows.");
        issues.add(fix.map(f -> i.withFix(f, "Replace " + v + " with " + f)).orElse(i));
    }

    /** How platform.machine() spells an architecture on one OS (amd64 -> AMD64 on Windows, arm64 -> aarch64 on Linux). */
    private Optional<String> spelling(String os, String word) {
        List<String> machines = facts.markerOs.get(os).get("platform_machine");
        Optional<String> exact = machines.stream().filter(word::equalsIgnoreCase).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Os tagOs = switch (os) {
            case "windows" -> Os.WINDOWS;
            case "macos" -> Os.MACOS;
            default -> Os.LINUX;
        };
        String lower = word.toLowerCase(Locale.ROOT);
        Optional<String> tagName = Architectures.find(tagOs, lower).map(Architectures.Arch::name).or(() -> Architectures.spellingOf(tagOs, lower));
        return tagName.flatMap(t -> machines.stream().filter(t::equalsIgnoreCase).findFirst());
    }

    /** The OSes (linux, macos, windows, other) a chain's sys_platform, platform_system and os_name comparisons allow. */
    private Set<String> osesOf(List<Markers.Comparison> chain) {
        Set<String> oses = new LinkedHashSet<>(facts.markerOs.keySet());
        oses.add(OTHER);
        for (Markers.Comparison c : chain) {
            if (!OS_VARIABLES.contains(c.variable())) {
                continue;
            }
            if (c.op().equals("==") || c.op().equals("===")) {
                oses.retainAll(osesWith(c.variable(), List.of(c.value())));
            } else if (c.op().equals("in") && c.variableLeft()) {
                // PEP 508's 'in' is Python's substring test: the OSes whose value occurs in the text
                Set<String> in = new LinkedHashSet<>();
                facts.markerOs.forEach((os, vars) -> {
                    if (vars.get(c.variable()).stream().anyMatch(c.value()::contains)) {
                        in.add(os);
                    }
                });
                if (otherValues(c.variable()).stream().anyMatch(c.value()::contains)) {
                    in.add(OTHER);
                }
                oses.retainAll(in);
            } else if (c.op().equals("!=")) {
                for (Map.Entry<String, Map<String, List<String>>> os : facts.markerOs.entrySet()) {
                    if (os.getValue().get(c.variable()).equals(List.of(c.value()))) {
                        oses.remove(os.getKey());
                    }
                }
            }
        }
        return oses;
    }

    /** The values Python reports for an OS variable on the OSes the facts do not model one by one (freebsd, emscripten, ...). */
    private List<String> otherValues(String variable) {
        List<String> known = switch (variable) {
            case "sys_platform" -> facts.sysPlatforms;
            case "platform_system" -> facts.platformSystems;
            default -> List.of("java");
        };
        return known.stream().filter(v -> facts.markerOs.values().stream().noneMatch(os -> os.get(variable).contains(v))).toList();
    }

    /** The OSes on which a variable takes one of the values; 'other' when a value is none of theirs. */
    private Set<String> osesWith(String variable, List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            boolean any = false;
            for (Map.Entry<String, Map<String, List<String>>> os : facts.markerOs.entrySet()) {
                if (os.getValue().get(variable).contains(v)) {
                    out.add(os.getKey());
                    any = true;
                }
            }
            if (!any) {
                out.add(OTHER);
            }
        }
        return out;
    }

    /** An and-chain whose OS and machine exclude each other never holds: a warning naming both halves. */
    private void satisfiable(List<Markers.Comparison> chain) {
        Set<String> oses = osesOf(chain);
        Markers.Comparison osPart = chain.stream().filter(c -> OS_VARIABLES.contains(c.variable()) && !c.op().equals("!=")).findFirst().orElse(null);
        if (oses.isEmpty() && osPart != null) {
            Markers.Comparison last = chain.get(chain.size() - 1);
            issues.add(Issue.of(Code.WH125, Severity.WARNING, chain.get(0).from(), last.to(),
                    "this condition never holds: its OS comparisons exclude each other",
                    "No machine reports these sys_platform, platform_system and os_name values together."));
            return;
        }
        for (Markers.Comparison c : chain) {
            if (!c.variable().equals("platform_machine") || osPart == null || oses.contains(OTHER)) {
                continue;
            }
            boolean in = c.op().equals("in") && c.variableLeft();
            List<String> ws = c.op().equals("==") || c.op().equals("===") ? List.of(c.value())
                    : in ? words(c).stream().map(w -> text(c, w)).toList() : List.of();
            if (ws.isEmpty()) {
                continue;
            }
            Set<String> machines = new LinkedHashSet<>();
            oses.forEach(os -> machines.addAll(facts.markerOs.get(os).get("platform_machine")));
            // 'in' holds when a machine occurs anywhere in the text ('x86' in 'x86_64 aarch64')
            boolean holdsSomewhere = in ? machines.stream().anyMatch(c.value()::contains) : machines.contains(c.value());
            if (!holdsSomewhere && ws.stream().allMatch(facts.platformMachines::contains)) {
                String where = String.join(" or ", oses.stream().map(os -> facts.markerOs.get(os).get("sys_platform").get(0)).toList());
                Optional<String> fix = oses.size() == 1 && ws.size() == 1 ? spelling(oses.iterator().next(), ws.get(0)) : Optional.empty();
                int from = Math.min(osPart.from(), c.from());
                int to = Math.max(osPart.to(), c.to());
                List<String> shown = new ArrayList<>(machines).subList(0, Math.min(6, machines.size()));
                String says = fix.map(f -> "Python reports '" + f + "' there")
                        .orElse("platform_machine there is " + String.join(", ", shown) + (machines.size() > shown.size() ? ", ..." : ""));
                Issue i = Issue.of(Code.WH125, Severity.WARNING, from, to,
                        "this condition never holds: on " + where + " platform_machine is never " + String.join(" or ", ws) + "; " + says,
                        "platform.machine() spells architectures per OS: aarch64 on Linux, arm64 on macOS, ARM64 on Windows; "
                                + "x86_64 on Linux and macOS, AMD64 on Windows.");
                if (fix.isPresent()) {
                    i = Issue.of(Code.WH125, Severity.WARNING, c.valueFrom(), c.valueTo(), i.message(), i.explanation())
                            .withFix(fix.get(), "Replace " + ws.get(0) + " with " + fix.get());
                }
                issues.add(i);
            }
        }
    }
}
