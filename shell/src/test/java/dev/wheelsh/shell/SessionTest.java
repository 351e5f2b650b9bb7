package dev.wheelsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A session is one object: the commands of a {@code -c} script (or of the REPL) share its target,
 * and two sessions in one JVM do not see each other's. The session's one command line puts every
 * option back before the next command, so nothing but the target carries over.
 */
class SessionTest {

    /** One session and what it printed so far. */
    private static final class Recorded {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Wheelsh wheelsh = new Wheelsh(new PrintWriter(out, true), new PrintWriter(err, true));

        String takeOut() {
            String s = out.toString();
            out.getBuffer().setLength(0);
            return s;
        }
    }

    @Test
    void aScriptsCommandsShareOneTarget() {
        Recorded s = new Recorded();
        int status = s.wheelsh.run(new String[] {"-c",
                "simulate --target cp310-glibc2.38-loongarch64; explain numpy-2.2.4-cp310-cp310-linux_loongarch64.whl"});
        assertEquals(0, status, s.out + "\n" + s.err);
        assertTrue(s.out.toString().contains("target: CPython 3.10 on Linux loongarch64, glibc 2.38"), s.out.toString());
        assertEquals("cp310-glibc2.38-loongarch64", s.wheelsh.session().promptLabel());
    }

    @Test
    void twoSessionsInOneJvmKeepTheirOwnTargets() {
        Recorded first = new Recorded();
        Recorded second = new Recorded();
        first.wheelsh.runCommand(new String[] {"target", "cp313-glibc2.38-x86_64"});
        second.wheelsh.runCommand(new String[] {"target", "cp312-musl1.2-aarch64"});
        first.takeOut();
        first.wheelsh.runCommand(new String[] {"target"});
        assertTrue(first.takeOut().contains("[cp313-glibc2.38-x86_64]"));
        assertEquals("cp312-musl1.2-aarch64", second.wheelsh.session().promptLabel());
        assertEquals(Optional.empty(), new Recorded().wheelsh.session().target(), "a new session starts on this machine");
        second.wheelsh.runCommand(new String[] {"target", "host"});
        assertEquals("host", second.wheelsh.session().promptLabel());
        assertEquals("cp313-glibc2.38-x86_64", first.wheelsh.session().promptLabel());
    }

    @Test
    void optionsOfOneCommandDoNotCarryOverToTheNext() throws Exception {
        Recorded s = new Recorded();
        s.wheelsh.run(new String[] {"-c", "tags --python 3.12 --arch x86_64 --glibc 2.17 --json; "
                + "tags --python 3.12 --platform linux_x86_64 --json; tags --platform any"});
        List<JsonNode> docs = new ArrayList<>();
        String printed = s.takeOut();
        int textStart = printed.lastIndexOf("tags, best first:");
        try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(printed.substring(0,
                printed.lastIndexOf('\n', textStart) + 1))) {
            it.forEachRemaining(docs::add);
        }
        assertEquals(2, docs.size(), printed);
        assertTrue(docs.get(0).get("platforms").size() > 1);
        assertEquals(List.of("linux_x86_64"), List.of(docs.get(1).get("platforms").get(0).asText()));
        assertEquals(1, docs.get(1).get("platforms").size(), "--glibc of the first command is gone");
        assertFalse(printed.substring(textStart).contains("{"), "--json of the earlier commands is gone");
        assertTrue(printed.substring(textStart).contains("cp313-none-any"), "--python went back to its default");
    }

    @Test
    void quietSilencesOneCommandOnly() {
        Recorded s = new Recorded();
        s.wheelsh.run(new String[] {"-c", "version --quiet; version"});
        assertEquals(1, s.out.toString().lines().count(), s.out.toString());
    }
}
