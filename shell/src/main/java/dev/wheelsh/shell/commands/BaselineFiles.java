package dev.wheelsh.shell.commands;

import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.PolicyJson;
import dev.wheelsh.core.policy.PolicySet;
import dev.wheelsh.core.vocabulary.InputException;
import java.nio.file.Path;
import java.util.List;

/**
 * The baselines a command judges with: the built-in ones with the {@code --baseline} files added
 * in the order given (a policy of a built-in name redefines it for the architectures it lists).
 * Shared by explain, show, check and baseline, so that no command has to call another.
 */
final class BaselineFiles {

    private BaselineFiles() {
    }

    static PolicySet policies(List<Path> files) throws InputException {
        PolicySet set = BuiltinPolicies.all();
        for (Path f : files) {
            set = set.with(PolicyJson.read(f));
        }
        return set;
    }
}
