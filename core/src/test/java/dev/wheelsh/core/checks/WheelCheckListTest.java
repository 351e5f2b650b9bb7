package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.elf.TestElf;
import dev.wheelsh.core.explain.TargetContentChecks;
import dev.wheelsh.core.machine.Target;
import dev.wheelsh.core.machine.TargetSpec;
import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.CheckContext;
import dev.wheelsh.core.policy.PromiseChecks;
import dev.wheelsh.core.vocabulary.Code;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.wheel.Check;
import dev.wheelsh.core.wheel.TestWheel;
import dev.wheelsh.core.wheel.WheelArchive;
import dev.wheelsh.core.wheel.WheelChecks;
import dev.wheelsh.core.wheel.WheelFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One list of every wheel check, and the entry points that judge a wheel in parts say what it says. */
class WheelCheckListTest {

    @Test
    void everyWheelCodeIsCheckedOnceInTheOrderFindingsAreReported() {
        List<String> registered = WheelCheckList.ALL.stream().map(c -> c.code().id()).toList();
        assertEquals(List.of("WH301", "WH302", "WH303", "WH304", "WH305", "WH306", "WH327", "WH320", "WH321", "WH322", "WH323",
                "WH324", "WH325", "WH326", "WH314", "WH309", "WH312", "WH311",
                "WH307", "WH310", "WH313", "WH315", "WH308", "WH318", "WH328"), registered);
        List<String> wheelCodes = Arrays.stream(Code.values()).map(Code::id).filter(id -> id.startsWith("WH3")).sorted().toList();
        assertEquals(wheelCodes, registered.stream().sorted().toList(), "every WH3xx code of the registry, and no other");
    }

    /** A musl module with a glibc floor above its tag, tagged manylinux, judged on a glibc 2.17 target. */
    private static Path brokenWheel(Path dir) throws Exception {
        byte[] elf = new TestElf().machine(62, true, false, 0).needed("libc.so.6").needed("libc.musl-x86_64.so.1")
                .needs("libc.so.6", "GLIBC_2.28").build();
        return new TestWheel().distInfo("foo-1.0.dist-info",
                        "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: cp312-cp312-manylinux_2_17_x86_64\n")
                .add("foo/_native.cpython-311-x86_64-linux-gnu.so", elf, false)
                .write(dir.resolve("foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl"));
    }

    /** What the shell's commands put together today: the promise list, then the checks against the target. */
    private static List<Finding> inParts(Path wheel, Optional<Target> target) throws Exception {
        try (WheelArchive w = WheelArchive.open(wheel)) {
            WheelChecks.Result r = WheelChecks.check(w, false);
            List<Finding> out = new ArrayList<>(PromiseChecks.all(r, BuiltinPolicies.all()));
            target.ifPresent(t -> out.addAll(TargetContentChecks.check(r, t)));
            return out;
        }
    }

    private static List<Finding> throughTheList(Path wheel, Optional<Target> target) throws Exception {
        try (WheelArchive w = WheelArchive.open(wheel)) {
            return WheelCheckList.run(WheelFacts.read(w, false), BuiltinPolicies.all(), target);
        }
    }

    @Test
    void theListFindsWhatTheEntryPointsFindInTheSameOrder(@TempDir Path dir) throws Exception {
        Path wheel = brokenWheel(dir);
        Optional<Target> target = Optional.of(TargetSpec.parse("cp313-glibc2.17-x86_64"));
        List<Finding> all = throughTheList(wheel, target);
        assertEquals(inParts(wheel, target), all);
        assertEquals(List.of("WH302", "WH303", "WH309", "WH312", "WH307", "WH310", "WH313"), all.stream().map(f -> f.code().id()).distinct().toList());
    }

    @Test
    void withoutATargetTheTargetChecksFindNothing(@TempDir Path dir) throws Exception {
        Path wheel = brokenWheel(dir);
        try (WheelArchive w = WheelArchive.open(wheel)) {
            CheckContext context = CheckContext.of(WheelFacts.read(w, false), BuiltinPolicies.all(), Optional.empty());
            for (Check<CheckContext> c : WheelCheckList.ON_TARGET) {
                assertEquals(List.of(), c.run(context.facts(), context), c.code().id());
            }
        }
        assertEquals(inParts(wheel, Optional.empty()), throughTheList(wheel, Optional.empty()));
    }

    @Test
    void onRealWheelsTheListAndTheEntryPointsAgree() throws Exception {
        Path corpus = Path.of("..", ".corpus", "wheels");
        assumeTrue(Files.isDirectory(corpus), "real wheels not fetched (.corpus/wheels)");
        List<Path> wheels;
        try (Stream<Path> s = Files.walk(corpus)) {
            wheels = s.filter(p -> p.toString().endsWith(".whl")).sorted().toList();
        }
        assumeTrue(!wheels.isEmpty(), "no wheel under .corpus/wheels");
        Optional<Target> musl = Optional.of(TargetSpec.parse("cp312-musl1.2-x86_64"));
        for (Path wheel : wheels) {
            assertEquals(inParts(wheel, musl), throughTheList(wheel, musl), wheel.getFileName().toString());
        }
        assertTrue(wheels.size() > 0);
    }
}
