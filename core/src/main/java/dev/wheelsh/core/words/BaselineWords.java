package dev.wheelsh.core.words;

import dev.wheelsh.core.policy.BuiltinPolicies;
import dev.wheelsh.core.policy.Policy;
import dev.wheelsh.core.policy.PolicySet;
import java.util.Map;
import java.util.Optional;

/**
 * What the baseline behind a platform tag lets a wheel take from the system, in words: the same
 * sentence for explain in the shell and for hovers in the editor.
 */
public final class BaselineWords {

    private BaselineWords() {
    }

    /**
     * "its baseline lets a wheel take 24 libraries from the system (libc.so.6, libstdc++.so.6,
     * ...) with symbol versions up to GLIBC_2.38, GLIBCXX_3.4.30, ...", for a manylinux or
     * musllinux tag a policy defines on its architecture; empty otherwise.
     */
    public static Optional<String> forPlatformTag(String platformTag, PolicySet policies) {
        Optional<PolicySet.TagPolicy> t = policies.resolve(platformTag).filter(x -> !x.policy().promisesNothing());
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<Policy> p = Optional.of(t.get().policy());
        String arch = t.get().arch();
        Map<String, String> newest = p.get().newestVersions(arch);
        StringBuilder b = new StringBuilder("its baseline (auditwheel's " + p.get().name());
        BuiltinPolicies.reference(p.get().name()).ifPresent(r -> b.append(", modelled on ").append(r));
        b.append(") lets a wheel take ").append(p.get().libWhitelist().size()).append(" libraries from the system (")
                .append(String.join(", ", p.get().libWhitelist().subList(0, Math.min(3, p.get().libWhitelist().size()))))
                .append(p.get().libWhitelist().size() > 3 ? ", ..." : "").append(')');
        String versions = String.join(", ", newest.entrySet().stream().filter(e -> !e.getValue().endsWith(" none"))
                .map(Map.Entry::getValue).toList());
        if (!versions.isEmpty()) {
            b.append(" with symbol versions up to ").append(versions);
        } else {
            b.append("; it judges no symbol versions");
        }
        return Optional.of(b.toString());
    }
}
