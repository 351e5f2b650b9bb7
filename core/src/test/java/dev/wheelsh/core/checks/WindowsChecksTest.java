package dev.wheelsh.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelsh.core.macho.NativeCorpus;
import dev.wheelsh.core.pe.PeFile;
import dev.wheelsh.core.pe.PeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facts the Windows checks read: Windows's own DLLs, the Python DLL names. */
class WindowsChecksTest {

    @Test
    void theSystemListIsSortedLowerCaseAndHoldsNoRedistributableOrPythonDll() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = WindowsChecks.class.getResourceAsStream("windows-system-dlls.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        }
        assertEquals(names.stream().sorted().distinct().toList(), names, "sorted, each once");
        assertEquals(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList(), names);
        assertEquals(Set.copyOf(names), WindowsChecks.SYSTEM_DLLS);
        for (String core : List.of("kernel32.dll", "user32.dll", "advapi32.dll", "ntdll.dll", "ws2_32.dll", "ucrtbase.dll")) {
            assertTrue(WindowsChecks.SYSTEM_DLLS.contains(core), core);
        }
        for (String notWindows : List.of("msvcp140.dll", "vcruntime140.dll", "vcruntime140_1.dll", "vcomp140.dll", "python3.dll",
                "python312.dll", "concrt140.dll")) {
            assertFalse(WindowsChecks.SYSTEM_DLLS.contains(notWindows), notWindows);
        }
    }

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
                if (!WindowsChecks.providedBySystemOrPython(dll.toLowerCase(Locale.ROOT), Set.of("vcruntime140.dll"))) {
                    unknown.add(p.getFileName() + ": " + dll);
                }
            }
        }
        // these libraries are shipped to run on a bare Windows: a false finding here is a defect
        assertEquals(List.of(), unknown);
    }
}
