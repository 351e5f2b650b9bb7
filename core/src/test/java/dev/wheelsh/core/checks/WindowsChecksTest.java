package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.pe.PeFile;
import dev.wheelsh.core.pe.PeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facts the Windows checks read: the Python DLL names; every real library's imports (WindowsDllsTest pins the DLL lists). */
class WindowsChecksTest {

    @Test
    void pythonDllNamesAreRecognisedAsDelvewheelDoes() {
        for (String dll : List.of("python3.dll", "python311.dll", "python313t.dll", "python312_d.dll", "python3t.dll")) {
            assertTrue(WindowsChecks.PYTHON_DLL.matcher(dll).matches(), dll);
        }
        for (String dll : List.of("pythoncom312.dll", "libpython3.12.dll", "python.dll")) {
            assertFalse(WindowsChecks.PYTHON_DLL.matcher(dll).matches(), dll);
        }
    }

    @Test
    void everyDllTheRealWindowsLibrariesImportIsWindowsOrTheCRuntime() throws Exception {
        assumeTrue(NativeCorpus.missing().isEmpty(), NativeCorpus.missing().orElse(""));
        List<Path> files = NativeCorpus.peFiles();
        assumeTrue(!files.isEmpty(), ".corpus/macho-pe holds no PE files");
        List<String> unknown = new ArrayList<>();
        for (Path p : files) {
            PeFile f = PeReader.read(p);
            for (String dll : f.allImports()) {
                if (!WindowsChecks.providedBySystemOrPython(dll.toLowerCase(Locale.ROOT), f.platformTag(), Set.of("vcruntime140.dll"))) {
                    unknown.add(p.getFileName() + ": " + dll);
                }
            }
        }
        // these libraries are shipped to run on a bare Windows: a false finding here is a defect
        assertEquals(List.of(), unknown);
    }
}
