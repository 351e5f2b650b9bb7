package dev.wheelsh.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelsh.core.config.CheckSettings;
import dev.wheelsh.core.config.ConfigAnalyzer;
import dev.wheelsh.core.config.ConfigFileKind;
import dev.wheelsh.core.config.ParsedDocument;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;

/**
 * Every config check as the editor runs it: one parse of the text, its findings, then a hover and
 * a completion at a position taken from the input (a line and column inside or just past the
 * text, as a client may send).
 *
 * <p>The analyzer turns a failure inside a reader or a check into an "unread" tree or a WH099
 * finding, so that the editor survives a bug; here either is the bug, and fails the run.
 */
class ConfigFuzzTest {

    private static final ConfigAnalyzer ANALYZER = new ConfigAnalyzer(CheckSettings.defaults());

    @FuzzTest
    void pyproject(byte[] data) {
        analyze(ConfigFileKind.PYPROJECT, data);
    }

    @FuzzTest
    void pipConf(byte[] data) {
        analyze(ConfigFileKind.PIP_CONF, data);
    }

    @FuzzTest
    void baseline(byte[] data) {
        analyze(ConfigFileKind.BASELINE_JSON, data);
    }

    private static void analyze(ConfigFileKind kind, byte[] data) {
        String text = Refusal.text(data);
        ParsedDocument document = ANALYZER.parse(kind, text);
        if (document.tree() instanceof ParsedDocument.Unread unread) {
            throw new AssertionError("the " + kind + " reader failed: " + unread.why());
        }
        for (Finding f : ANALYZER.check(document)) {
            if (f.code() == Code.WH099) {
                throw new AssertionError("a " + kind + " check failed: " + f.message());
            }
        }
        int lines = document.lines().size();
        int line = Refusal.pick(data, lines + 1);
        String lineText = line < lines ? document.lines().get(line) : "";
        int column = Refusal.pick(data, lineText.length() + 2);
        ANALYZER.hover(document, line, column);
        ANALYZER.complete(document, line, column);
    }
}
