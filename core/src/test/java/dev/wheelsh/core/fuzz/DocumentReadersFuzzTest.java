package dev.wheelsh.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelsh.core.document.IniReader;
import dev.wheelsh.core.document.JsonReader;
import dev.wheelsh.core.document.TomlReader;

/**
 * The TOML, INI and JSON readers never refuse: any text gives a document with its syntax errors
 * listed. So here every exception at all is a crash.
 */
class DocumentReadersFuzzTest {

    @FuzzTest
    void toml(byte[] data) {
        TomlReader.read(Refusal.text(data));
    }

    @FuzzTest
    void ini(byte[] data) {
        IniReader.read(Refusal.text(data));
    }

    @FuzzTest
    void json(byte[] data) {
        JsonReader.read(Refusal.text(data));
    }
}
