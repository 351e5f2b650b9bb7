package dev.wheelsh.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.testing.ReferencePython;
import dev.wheelsh.core.vocabulary.Finding;
import dev.wheelsh.core.vocabulary.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip.conf as pip itself reads it: pip 23.2.1's ConfigOptionParser (this file alone, no site or
 * user files, no PIP_* variables) and its PipSession.is_secure_origin decide which http:// URLs
 * each command ignores, and which keys some command's parser takes. wheelsh must agree. Skipped
 * without a Python that has pip 23.2.1.
 */
class PipDifferentialTest {

    private static final List<String> COMMANDS = List.of("install", "download", "wheel", "index");

    /** pip.conf texts beyond the fixtures: hosts with ports, IP literals, aliases, sections that replace [global]. */
    private static final List<String> EXTRA = List.of(
            "[global]\nindex-url = http://10.1.2.3:8080/simple\ntrusted-host = 10.1.2.3\n",
            "[global]\nindex-url = http://10.1.2.3:8080/simple\ntrusted-host = 10.1.2.3:9090\n",
            "[global]\nindex-url = http://[::1]:3141/simple\nextra-index-url = http://127.5.5.5/simple http://LOCALHOST/x\n",
            "[global]\nindex-url = http://Mirror.Example.COM/simple\ntrusted-host = mirror.example.com\n",
            "[global]\ntrusted-host = a.example\n[install]\ntrusted-host = b.example\nindex-url = http://a.example/simple\n",
            "[global]\npypi-url = http://old.example/simple\n[download]\nextra-index-url = http://old.example/x\ntrusted-host = user@old.example\n",
            "[global]\nindex-url = http://u:p@private.example/simple\ntrusted-host = private.example\n",
            "[install]\nfind-links = http://wheels.example/ ./local file:///srv\ntrusted-host = https://wheels.example\n",
            "[global]\nno-dependencies = yes\ndefault-timeout = 5\nlog-file = x.log\nrequire-venv = no\nsrc = ./src\nno-such-option = 1\n",
            "[install]\ndest = /tmp/x\ntarget = /tmp/y\nno-deps = yes\nupgrade = yes\n[download]\ntarget = /tmp/z\ndest = /tmp/w\nupgrade = yes\n"
                    + "[wheel]\nwheel-dir = w\nprogress-bar = off\nuser = yes\n[list]\nformat = json\nuser = yes\nonly-binary = :all:\n"
                    + "[freeze]\nformat = json\nexclude-editable = yes\n[uninstall]\nyes = true\nno-deps = yes\n");

    private static final String SCRIPT = String.join("\n",
            "import json, os, sys",
            "for k in list(os.environ):",
            "    if k.startswith('PIP_'):",
            "        del os.environ[k]",
            "import pip",
            "from pip._internal import configuration",
            "from pip._internal.configuration import kinds",
            "from pip._internal.commands import create_command, commands_dict",
            "from pip._internal.network.session import PipSession",
            "from pip._internal.models.link import Link",
            "from urllib.parse import urlparse",
            "data = json.load(open(sys.argv[1]))",
            "out = {'version': pip.__version__, 'files': []}",
            "for path in data['files']:",
            "    # this file alone: pip's own loading, with the list of files replaced",
            "    configuration.Configuration.iter_config_files = lambda self, p=path: iter([(kinds.ENV, []), (kinds.GLOBAL, []), (kinds.USER, [p]), (kinds.SITE, [])])",
            "    entry = {'insecure': {}, 'known': {}, 'taken': {}}",
            "    try:",
            "        for name in data['commands']:",
            "            cmd = create_command(name)",
            "            options, _ = cmd.parse_args([])",
            "            urls = [options.index_url] + list(options.extra_index_urls or []) + list(options.find_links or [])",
            "            session = PipSession(trusted_hosts=options.trusted_hosts or [])",
            "            entry['insecure'][name] = [u for u in urls if urlparse(u).scheme == 'http' and not session.is_secure_origin(Link(u))]",
            "        conf = configuration.Configuration(isolated=False)",
            "        conf.load()",
            "        parsers = [create_command(n).parser for n in commands_dict]",
            "        for key, _ in conf.items():",
            "            section, name = key.split('.', 1)",
            "            entry['known'][key] = any(p.get_option('--' + name) is not None for p in parsers)",
            "            if section in commands_dict:",
            "                entry['taken'][key] = create_command(section).parser.get_option('--' + name) is not None",
            "    except BaseException as e:",
            "        entry = {'error': type(e).__name__ + ' ' + str(e)}",
            "    out['files'].append(entry)",
            "json.dump(out, open(sys.argv[2], 'w'))");

    @Test
    void trustedHostsAndOptionNamesAgreeWithPip(@TempDir Path dir) throws IOException, java.net.URISyntaxException {
        Optional<Path> python = pip23(ReferencePython.candidates());
        assumeTrue(python.isPresent(), "no Python with pip 23.2.1 (PATH or ~/.pyenv/versions/*): pip differential test skipped");
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(FixtureTest.fixtures())) {
            for (Path f : files.filter(p -> p.toString().endsWith("pip.conf") || p.toString().endsWith("pip.ini")).sorted().toList()) {
                texts.put(f.getParent().getFileName().toString(), Files.readString(f));
            }
        }
        for (int i = 0; i < EXTRA.size(); i++) {
            texts.put("extra-" + i, EXTRA.get(i));
        }
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            Path p = dir.resolve(t.getKey() + ".conf");
            Files.writeString(p, t.getValue());
            paths.add(p.toString());
        }
        ObjectMapper json = new ObjectMapper();
        Path input = dir.resolve("in.json");
        json.writeValue(input.toFile(), Map.of("files", paths, "commands", COMMANDS));
        Path script = Files.writeString(dir.resolve("ref.py"), SCRIPT);
        ReferencePython.ProcessResult r = ReferencePython.run(List.of(python.get().toString(), script.toString(), input.toString(),
                dir.resolve("out.json").toString()), 120);
        assumeTrue(r.exitCode() == 0 || !r.stderr().contains("ConfigurationError"), r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode answer = json.readTree(dir.resolve("out.json").toFile());
        int compared = 0;
        List<String> names = new ArrayList<>(texts.keySet());
        for (int i = 0; i < names.size(); i++) {
            String text = texts.get(names.get(i));
            JsonNode entry = answer.get("files").get(i);
            if (entry.has("error")) {
                // pip refuses the file (a configparser error, or a value its parser rejects): wheelsh must report an error too
                assertTrue(new ConfigAnalyzer(CheckSettings.defaults()).check(ConfigFileKind.PIP_CONF, text).stream()
                        .anyMatch(f -> f.severity() == Severity.ERROR || f.code().id().equals("WH209")),
                        names.get(i) + ": pip fails (" + entry.get("error").asText() + ") but wheelsh reports no error");
                compared++;
                continue;
            }
            for (String command : COMMANDS) {
                List<String> pips = new ArrayList<>();
                entry.get("insecure").get(command).forEach(u -> pips.add(u.asText()));
                assertEquals(pips, PipConfChecks.insecureUrls(text, command), names.get(i) + ", pip " + command);
                compared++;
            }
            // an option in a command's section: pip's command takes it exactly when wheelsh says nothing (WH215)
            var taken = entry.get("taken").fields();
            List<Finding> findings = new ConfigAnalyzer(CheckSettings.defaults()).check(ConfigFileKind.PIP_CONF, text);
            while (taken.hasNext()) {
                var k = taken.next();
                String section = k.getKey().substring(0, k.getKey().indexOf('.'));
                String name = k.getKey().substring(k.getKey().indexOf('.') + 1);
                if (!knownInPip23(name)) {
                    continue;
                }
                boolean flagged = findings.stream().anyMatch(f -> f.code().id().equals("WH215") && f.message().contains("'" + name + "'")
                        && f.message().startsWith("pip " + section + " "));
                // a WH215 on an option pip 23.2.1's command takes would be false; the other way round can be a later pip
                // giving the command the option (26 gave list only-binary and the other package-selection options)
                if (flagged) {
                    assertTrue(!k.getValue().asBoolean(), names.get(i) + ": pip 23.2.1's " + section + " takes '" + name + "', wheelsh says it does not");
                } else if (!k.getValue().asBoolean()) {
                    System.out.println(names.get(i) + ": pip 23.2.1's " + section + " lacks '" + name + "', pip " + ConfigFacts.INSTANCE.pipSource.tag()
                            + "'s has it");
                }
                compared++;
            }
            var keys = entry.get("known").fields();
            while (keys.hasNext()) {
                var k = keys.next();
                String name = k.getKey().substring(k.getKey().indexOf('.') + 1);
                assertEquals(k.getValue().asBoolean(), knownInPip23(name), names.get(i) + ": is '" + name + "' a pip 23.2 option?");
                compared++;
            }
        }
        assertTrue(compared > 50, "compared " + compared);
    }

    /** Whether wheelsh's pip facts say a name was an option around pip 23: current with 23 in its span, or retired after it. */
    private static boolean knownInPip23(String written) {
        String name = PipConfChecks.pipName(written);
        ConfigFacts.Span span = ConfigFacts.INSTANCE.pipHistory.get(name);
        return span != null && major(span.first()) <= 23 && major(span.last()) >= 23;
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    private static Optional<Path> pip23(List<Path> candidates) {
        for (Path p : candidates) {
            try {
                ReferencePython.ProcessResult r = ReferencePython.run(List.of(p.toString(), "-c", "import pip; print(pip.__version__)"), 30);
                if (r.exitCode() == 0 && r.stdout().trim().toLowerCase(Locale.ROOT).equals("23.2.1")) {
                    return Optional.of(p);
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return Optional.empty();
    }
}
