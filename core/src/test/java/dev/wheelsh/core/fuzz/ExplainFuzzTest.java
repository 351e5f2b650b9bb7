package dev.wheelsh.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelsh.core.explain.Explainer;
import dev.wheelsh.core.explain.WheelPick;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.wheel.IndexPage;
import java.util.List;
import java.util.Optional;

/**
 * explain on a name (with and without a target) and pick over a page of filenames, as the shell
 * and the editor call them.
 */
class ExplainFuzzTest {

    private static final PolicySet POLICIES = BuiltinPolicies.all();
    private static final List<Target> TARGETS = Refusal.targets("cp312-glibc2.28-x86_64",
            "cp310-glibc2.28-loongarch64+oldworld", "cp313t-musl1.2-aarch64", "cp312-macos14.0-arm64",
            "cp313-windows-amd64", "cp313-ios17.0-arm64_iphoneos", "cp313-android24-arm64_v8a",
            "pp310-glibc2.35-x86_64");

    @FuzzTest
    void explainName(byte[] data) {
        String name = Refusal.text(data);
        int choice = Refusal.pick(data, TARGETS.size() + 1);
        Optional<Target> target = choice == TARGETS.size() ? Optional.empty() : Optional.of(TARGETS.get(choice));
        Refusal.atMostOneLine(() -> Explainer.explainName(name, target, POLICIES));
    }

    @FuzzTest
    void pick(byte[] data) {
        String text = Refusal.text(data);
        Target target = TARGETS.get(Refusal.pick(data, TARGETS.size()));
        // A page as pick reads it (HTML or JSON by its first character), or a plain list of names.
        Refusal.atMostOneLine(() -> WheelPick.choose(IndexPage.files("page", text), target, WheelPick.Options.DEFAULT));
        WheelPick.choose(text.lines().toList(), target);
    }
}
