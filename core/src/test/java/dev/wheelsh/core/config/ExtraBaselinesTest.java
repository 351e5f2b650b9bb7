package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Platform tags named after the policies of extra baseline files count as known. */
class ExtraBaselinesTest {

    @Test
    void aCustomBaselineNameMakesItsPlatformTagKnown(@TempDir Path dir) throws IOException {
        Path policy = Files.writeString(dir.resolve("loongnix.json"),
                "[{\"name\": \"loongnix_2_28\", \"aliases\": [\"lnx20\"], \"priority\": 50, \"symbol_versions\": {}, \"lib_whitelist\": []}]");
        String conf = "[download]\nonly-binary = :all:\nplatform = loongnix_2_28_loongarch64\n";
        List<String> without = new ConfigAnalyzer(CheckSettings.defaults()).check(ConfigFileKind.PIP_CONF, conf)
                .stream().map(f -> f.code().id()).toList();
        assertEquals(List.of("WH190"), without);
        ConfigAnalyzer with = new ConfigAnalyzer(new CheckSettings(List.of(policy, dir.resolve("missing.json")), List.of()));
        assertEquals(java.util.Set.of("loongnix_2_28", "lnx20"), with.extraPolicyNames());
        assertTrue(with.check(ConfigFileKind.PIP_CONF, conf).isEmpty());
    }
}
