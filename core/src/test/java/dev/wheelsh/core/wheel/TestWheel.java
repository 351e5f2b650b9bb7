package dev.wheelsh.core.wheel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small wheels for tests: members in order, each stored or deflated, RECORD computed. */
public final class TestWheel {

    private final Map<String, byte[]> members = new LinkedHashMap<>();
    private final Map<String, Boolean> stored = new LinkedHashMap<>();
    private String distInfo;

    public TestWheel distInfo(String dir, String wheelText) {
        distInfo = dir;
        add(dir + "/WHEEL", wheelText.getBytes(StandardCharsets.UTF_8), false);
        add(dir + "/METADATA", ("Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nRequires-Python: >=3.9\n\nLong text: not a header\n")
                .getBytes(StandardCharsets.UTF_8), false);
        return this;
    }

    public TestWheel add(String name, byte[] content, boolean store) {
        members.put(name, content);
        stored.put(name, store);
        return this;
    }

    static String hash(byte[] b) {
        try {
            return "sha256=" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String record() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, byte[]> m : members.entrySet()) {
            sb.append(m.getKey()).append(',').append(hash(m.getValue())).append(',').append(m.getValue().length).append('\n');
        }
        sb.append(distInfo).append("/RECORD,,\n");
        return sb.toString();
    }

    public Path write(Path file) throws IOException {
        return write(file, record());
    }

    Path write(Path file, String record) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                put(zip, m.getKey(), m.getValue(), stored.get(m.getKey()));
            }
            if (distInfo != null && record != null) {
                put(zip, distInfo + "/RECORD", record.getBytes(StandardCharsets.UTF_8), false);
            }
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] b, boolean store) throws IOException {
        ZipEntry e = new ZipEntry(name);
        if (store) {
            e.setMethod(ZipEntry.STORED);
            e.setSize(b.length);
            e.setCompressedSize(b.length);
            CRC32 crc = new CRC32();
            crc.update(b);
            e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(b);
        zip.closeEntry();
    }
}
