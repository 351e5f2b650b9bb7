package dev.wheelsh.bench;

import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.config.ConfigFileKind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The language server's work per keystroke, as {@link EditorKeystrokeBench} does it, reported as
 * percentiles of both wall time and the checking thread's CPU time. On a machine shared with other
 * work the wall time mostly measures waiting for a core; the CPU time is what one keystroke costs
 * on a free core, and so what an editor on an idle machine waits.
 *
 * <p>{@code EditorKeystrokeProbe FILE [KEYSTROKES]}: the first half of the keystrokes warm up,
 * the second half is measured.
 */
public final class EditorKeystrokeProbe {

    private EditorKeystrokeProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int keystrokes = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        String text = Files.readString(file);
        ConfigFileKind kind = file.toString().endsWith(".json") ? ConfigFileKind.BASELINE_JSON : ConfigFileKind.PYPROJECT;
        ConfigAnalyzer analyzer = new ConfigAnalyzer(CheckSettings.defaults());
        String[] versions = Keystroke.versions(text, kind);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int measured = keystrokes / 2;
        long[] wall = new long[measured];
        long[] cpu = new long[measured];
        int findings = 0;
        for (int i = 0; i < keystrokes; i++) {
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            findings = analyzer.parse(kind, versions[i % 2]).findings().size();
            long c1 = threads.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            if (i >= keystrokes - measured) {
                wall[i - (keystrokes - measured)] = w1 - w0;
                cpu[i - (keystrokes - measured)] = c1 - c0;
            }
        }
        System.out.printf("%s: %d lines, %d findings, %d keystrokes measured%n", file.getFileName(),
                text.lines().count(), findings, measured);
        System.out.printf("  cpu  p50 %.1f ms  p95 %.1f ms  max %.1f ms%n", pct(cpu, 50), pct(cpu, 95), pct(cpu, 100));
        System.out.printf("  wall p50 %.1f ms  p95 %.1f ms  max %.1f ms%n", pct(wall, 50), pct(wall, 95), pct(wall, 100));
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
