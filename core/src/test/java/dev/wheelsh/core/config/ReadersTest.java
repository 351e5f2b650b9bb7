package dev.wheelsh.core.config;

import dev.wheelsh.core.document.IniReader;
import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.document.Toml;
import dev.wheelsh.core.document.TomlReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wheelsh.core.vocabulary.SourceRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers keep exact positions and read as TOML 1.0, configparser and JSON do. */
class ReadersTest {

    private static Toml.Entry entry(Toml.Document d, String dotted) {
        return d.entries().stream().filter(e -> String.join(".", e.path()).equals(dotted)).findFirst().orElseThrow();
    }

    @Test
    void tomlKeepsKeyAndValueRangesAndMapsEscapesBackToTheSource() {
        Toml.Document d = TomlReader.read("[tool.cibuildwheel]\nbuild = \"cp3\\u0031\\u0033-*\"\n");
        Toml.Entry e = entry(d, "tool.cibuildwheel.build");
        assertEquals(SourceRange.onLine(1, 0, 5), e.keyRange());
        Toml.Str s = (Toml.Str) e.value();
        assertEquals("cp313-*", s.value());
        // '1' comes from the escape at column 12, '-' from column 24
        assertEquals(SourceRange.onLine(1, 12, 24), s.sub(3, 5));
        assertEquals(SourceRange.onLine(1, 24, 25), s.sub(5, 6));
    }

    @Test
    void tomlReadsEveryValueKindDottedKeysInlineAndArrayTables() {
        String text = """
                a.b = 'lit'
                c = \"\"\"
                multi \\
                  line\"\"\"
                d = '''raw\\n'''
                n = [1, 0x1F, 1e3, inf, true, 1979-05-27T07:32:00Z, 1979-05-27 07:32:00, 07:32:00]
                t = { x = 1, y.z = "q" }
                [[arr]]
                k = 1
                [[arr]]
                k = 2
                """;
        Toml.Document d = TomlReader.read(text);
        assertEquals(List.of(), d.errors());
        assertEquals("lit", ((Toml.Str) entry(d, "a.b").value()).value());
        assertEquals("multi line", ((Toml.Str) entry(d, "c").value()).value());
        assertEquals("raw\\n", ((Toml.Str) entry(d, "d").value()).value());
        assertEquals(8, ((Toml.Arr) entry(d, "n").value()).items().size());
        assertEquals("q", ((Toml.Str) entry(d, "t.y.z").value()).value());
        assertEquals(2, d.entries().stream().filter(e -> e.path().equals(List.of("arr", "k"))).count());
    }

    @Test
    void aTomlSyntaxErrorIsRangedAndTheRestIsStillRead() {
        Toml.Document d = TomlReader.read("a = \"open\nb = 2\n[t\nc = 'x'\n[u]\nd = 1\n");
        assertEquals(SourceRange.onLine(0, 4, 9), d.errors().get(0).range());
        assertTrue(d.entries().stream().anyMatch(e -> e.path().equals(List.of("b"))));
        assertTrue(d.entries().stream().anyMatch(e -> e.path().equals(List.of("u", "d"))));
    }

    @Test
    void tomlRefusesDuplicateKeysAndTables() {
        assertEquals(1, TomlReader.read("a = 1\na = 2\n").errors().size());
        assertEquals(1, TomlReader.read("[t]\n[t]\n").errors().size());
        assertEquals(0, TomlReader.read("[[t]]\nk=1\n[[t]]\nk=2\n").errors().size());
        // found by the tomllib differential test: tables made by dotted keys or values stay closed
        assertEquals(1, TomlReader.read("a.b = 1\n[a]\nc = 2\n").errors().size());
        assertEquals(1, TomlReader.read("[a]\nb = 1\n[a.b]\n").errors().size());
        assertEquals(1, TomlReader.read("t = {x = 1}\nt.y = 2\n").errors().size());
        assertEquals(0, TomlReader.read("a.b = 1\na.c = 2\n[x]\ny.z = 1\n").errors().size());
    }

    @Test
    void iniFollowsConfigparser() {
        IniReader.Document d = IniReader.read("""
                [global]
                Index-URL : https://a/simple  # not a comment
                extra-index-url =
                    https://b/simple

                    https://c/simple
                ; a comment
                timeout=5
                """);
        IniReader.Option url = d.options().get(0);
        assertEquals("index-url", url.name());
        assertEquals("Index-URL", url.rawName());
        assertEquals("https://a/simple  # not a comment", url.value());
        assertEquals(SourceRange.onLine(1, 0, 9), url.nameRange());
        IniReader.Option extra = d.options().get(1);
        assertEquals("\nhttps://b/simple\n\nhttps://c/simple", "\n" + extra.value());
        assertEquals("5", d.options().get(2).value());
        assertEquals(1, d.comments().size());
    }

    @Test
    void jsonRangesAreZeroBased() {
        JsonReader.Result r = JsonReader.read("[\n  {\"name\": \"manylinux_2_17\"}\n]");
        JsonReader.Obj o = (JsonReader.Obj) ((JsonReader.Arr) r.root().orElseThrow()).items().get(0);
        assertEquals(SourceRange.onLine(1, 3, 9), o.members().get(0).nameRange());
        assertEquals(SourceRange.onLine(1, 11, 27), o.members().get(0).value().range());
        assertEquals(SourceRange.onLine(1, 12, 21), ((JsonReader.Str) o.members().get(0).value()).sub(0, 9));
    }
}
