package dev.wheelsh.core.pe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small PE images for tests: a DLL of a chosen machine whose one section (.idata) holds an
 * import directory and a delay-load directory naming the DLLs asked for, with empty thunk tables
 * (the checks read DLL names only). No real file imports, say, python311.dll from an abi3 wheel;
 * this is how the tests get one. {@link #offsets} tells hostile tests where each part landed.
 */
public final class TestPe {

    public static final int SECTION_RVA = 0x1000;
    public static final int SECTION_OFFSET = 0x200;

    private int machine = PeFile.IMAGE_FILE_MACHINE_AMD64;
    private boolean plus = true;
    private final List<String> imports = new ArrayList<>();
    private final List<String> delayImports = new ArrayList<>();
    public final Map<String, Integer> offsets = new HashMap<>();

    public TestPe machine(int m) {
        this.machine = m;
        this.plus = m != PeFile.IMAGE_FILE_MACHINE_I386 && m != PeFile.IMAGE_FILE_MACHINE_ARMNT;
        return this;
    }

    public TestPe imports(String... dlls) {
        imports.addAll(List.of(dlls));
        return this;
    }

    public TestPe delayImports(String... dlls) {
        delayImports.addAll(List.of(dlls));
        return this;
    }

    public byte[] build() {
        int optionalSize = plus ? 240 : 224;
        // .idata: import descriptors, delay descriptors, one empty thunk, then the names
        int importsAt = 0;
        int delayAt = importsAt + 20 * (imports.size() + 1);
        int thunkAt = delayAt + 32 * (delayImports.size() + 1);
        int namesAt = thunkAt + 8;
        ByteBuffer names = ByteBuffer.allocate(64 * 1024);
        List<Integer> nameRvas = new ArrayList<>();
        for (String d : concat()) {
            nameRvas.add(SECTION_RVA + namesAt + names.position());
            names.put(d.getBytes(StandardCharsets.ISO_8859_1)).put((byte) 0);
        }
        int rawSize = (namesAt + names.position() + 0x1ff) / 0x200 * 0x200;
        ByteBuffer b = ByteBuffer.allocate(SECTION_OFFSET + rawSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x40);
        b.put(0x40, (byte) 'P').put(0x41, (byte) 'E');
        int coff = 0x44;
        offsets.put("coff", coff);
        b.putShort(coff, (short) machine).putShort(coff + 2, (short) 1).putShort(coff + 16, (short) optionalSize)
                .putShort(coff + 18, (short) 0x2022);
        int opt = coff + 20;
        offsets.put("optional", opt);
        b.putShort(opt, (short) (plus ? 0x20b : 0x10b));
        if (plus) {
            b.putLong(opt + 24, 0x180000000L);
        } else {
            b.putInt(opt + 28, 0x10000000);
        }
        b.putInt(opt + 32, 0x1000).putInt(opt + 36, 0x200);
        b.putShort(opt + 40, (short) 6).putShort(opt + 48, (short) 6);
        b.putInt(opt + 56, SECTION_RVA + rawSize).putInt(opt + 60, SECTION_OFFSET);
        b.putShort(opt + 68, (short) 2);
        int dirs = opt + (plus ? 112 : 96);
        b.putInt(dirs - 4, 16);
        offsets.put("directories", dirs);
        if (!imports.isEmpty()) {
            b.putInt(dirs + 8, SECTION_RVA + importsAt).putInt(dirs + 12, 20 * (imports.size() + 1));
        }
        if (!delayImports.isEmpty()) {
            b.putInt(dirs + 8 * 13, SECTION_RVA + delayAt).putInt(dirs + 8 * 13 + 4, 32 * (delayImports.size() + 1));
        }
        int sec = opt + optionalSize;
        offsets.put("sections", sec);
        b.put(sec, ".idata".getBytes(StandardCharsets.US_ASCII));
        b.putInt(sec + 8, rawSize).putInt(sec + 12, SECTION_RVA).putInt(sec + 16, rawSize).putInt(sec + 20, SECTION_OFFSET)
                .putInt(sec + 36, 0xc0000040);
        int base = SECTION_OFFSET;
        offsets.put("imports", base + importsAt);
        offsets.put("delay", base + delayAt);
        int thunkRva = SECTION_RVA + thunkAt;
        for (int i = 0; i < imports.size(); i++) {
            int d = base + importsAt + 20 * i;
            b.putInt(d, thunkRva).putInt(d + 12, nameRvas.get(i)).putInt(d + 16, thunkRva);
        }
        for (int i = 0; i < delayImports.size(); i++) {
            int d = base + delayAt + 32 * i;
            b.putInt(d, 1).putInt(d + 4, nameRvas.get(imports.size() + i)).putInt(d + 12, thunkRva).putInt(d + 16, thunkRva);
        }
        offsets.put("names", base + namesAt);
        b.position(base + namesAt);
        b.put(names.flip());
        return b.array();
    }

    private List<String> concat() {
        List<String> all = new ArrayList<>(imports);
        all.addAll(delayImports);
        return all;
    }
}
