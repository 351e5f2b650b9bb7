package dev.wheelsh.core.wheel;

import dev.wheelsh.core.vocabulary.InputException;
import dev.wheelsh.core.elf.ByteSource;
import dev.wheelsh.core.elf.ElfFile;
import dev.wheelsh.core.elf.ElfReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A wheel opened in place as a random-access zip: the central directory is read, members are read
 * one at a time and only as far as needed, nothing is extracted to disk.
 *
 * <p>Every read is bounded: text members (WHEEL, METADATA, RECORD) by {@link Limits#maxTextBytes},
 * any member by {@link Limits#maxMemberBytes} of inflated data (a member whose stream inflates past
 * its declared size, or past the cap, is refused as a likely zip bomb), and the number of members
 * by {@link Limits#maxEntries}.
 */
public final class WheelArchive implements AutoCloseable {

    /**
     * Members larger than this that inflate more than {@link #MAX_RATIO} times their compressed
     * size are refused as zip bombs. Native libraries deflate 2 to 5 times, rarely 20.
     */
    static final long RATIO_CHECK_FROM = 64L << 20;
    static final long MAX_RATIO = 200;

    /** Bounds on what one wheel may cost to read. */
    public record Limits(long maxEntries, long maxTextBytes, long maxMemberBytes, long keptBytesPerMember) {
        public static final Limits DEFAULT = new Limits(500_000, 64L << 20, 8L << 30, 32L << 20);
    }

    /** One member as the zip's central directory lists it. */
    public record Member(String name, long size, long compressedSize, int method, boolean directory) {
    }

    private final Path path;
    private final String label;
    private final Limits limits;
    private final ZipFile zip;
    private final FileChannel channel;
    private final List<Member> members;
    private final Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();

    private WheelArchive(Path path, Limits limits, ZipFile zip, FileChannel channel) throws InputException {
        this.path = path;
        this.label = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        this.limits = limits;
        this.zip = zip;
        this.channel = channel;
        List<Member> list = new ArrayList<>();
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            if (list.size() >= limits.maxEntries()) {
                throw new InputException(label + ": more than " + limits.maxEntries() + " members");
            }
            if (entries.putIfAbsent(e.getName(), e) != null) {
                throw new InputException(label + ": member " + ElfReader.printable(e.getName())
                        + " appears twice in the zip directory");
            }
            list.add(new Member(e.getName(), e.getSize(), e.getCompressedSize(), e.getMethod(), e.isDirectory()));
        }
        this.members = List.copyOf(list);
    }

    public static WheelArchive open(Path wheel) throws InputException {
        return open(wheel, Limits.DEFAULT);
    }

    public static WheelArchive open(Path wheel, Limits limits) throws InputException {
        if (!Files.isRegularFile(wheel)) {
            throw new InputException(wheel + ": no such file");
        }
        FileChannel ch = null;
        FileChannel zipChannel = null;
        ZipFile zip = null;
        try {
            ch = FileChannel.open(wheel, StandardOpenOption.READ);
            zipChannel = FileChannel.open(wheel, StandardOpenOption.READ);
            zip = ZipFile.builder().setSeekableByteChannel(zipChannel).get();
            return new WheelArchive(wheel, limits, zip, ch);
        } catch (InputException e) {
            closeQuietly(zip);
            closeQuietly(zipChannel);
            closeQuietly(ch);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(zipChannel);
            closeQuietly(ch);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InputException(wheel.getFileName() + ": not a readable zip archive: " + ElfReader.printable(why), e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing after a failure; the failure is what gets reported
            }
        }
    }

    public Path path() {
        return path;
    }

    public List<Member> members() {
        return members;
    }

    public Optional<Member> member(String name) {
        ZipArchiveEntry e = entries.get(name);
        return e == null ? Optional.empty()
                : Optional.of(new Member(e.getName(), e.getSize(), e.getCompressedSize(), e.getMethod(), e.isDirectory()));
    }

    private String where(String member) {
        return label + "!" + ElfReader.printable(member);
    }

    private ZipArchiveEntry entry(String member) throws InputException {
        ZipArchiveEntry e = entries.get(member);
        if (e == null) {
            throw new InputException(label + ": no member " + ElfReader.printable(member));
        }
        return e;
    }

    /**
     * The .dist-info folder, found as pip finds it: the one top-level folder whose name ends in
     * ".dist-info"; its name must start with the distribution name when one is given (compared
     * in normalized form, PEP 503).
     */
    public String distInfoDir(Optional<String> distribution) throws InputException {
        Set<String> found = new java.util.TreeSet<>();
        for (Member m : members) {
            int slash = m.name().indexOf('/');
            if (slash > 0 && m.name().substring(0, slash).endsWith(".dist-info")) {
                found.add(m.name().substring(0, slash));
            }
        }
        if (found.isEmpty()) {
            throw new InputException(label + ": no .dist-info folder at the top of the archive");
        }
        if (found.size() > 1) {
            throw new InputException(label + ": more than one .dist-info folder: " + String.join(", ", found));
        }
        String dir = found.iterator().next();
        if (distribution.isPresent()) {
            String want = normalize(distribution.get());
            String have = normalize(dir.substring(0, dir.length() - ".dist-info".length()));
            if (!have.startsWith(want)) {
                throw new InputException(label + ": .dist-info folder " + dir + " does not start with "
                        + distribution.get());
            }
        }
        return dir;
    }

    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** Reads a whole member into memory, refusing members that inflate past {@code cap} bytes. */
    public byte[] read(String member, long cap) throws InputException {
        ZipArchiveEntry e = entry(member);
        if (e.getSize() > cap) {
            throw new InputException(where(member) + ": " + e.getSize() + " bytes, more than the " + cap
                    + " read for this kind of member");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (b.length > cap) {
                throw new InputException(where(member) + ": inflates past " + cap + " bytes (zip bomb?)");
            }
            if (e.getSize() >= 0 && b.length != e.getSize()) {
                throw new InputException(where(member) + ": inflates to " + b.length
                        + " bytes, the zip directory says " + e.getSize());
            }
            return b;
        } catch (IOException | RuntimeException ex) {
            throw new InputException(where(member) + ": cannot inflate: " + ElfReader.printable(String.valueOf(ex.getMessage())), ex);
        }
    }

    public String readText(String member) throws InputException {
        return new String(read(member, limits.maxTextBytes()), StandardCharsets.UTF_8);
    }

    /** The first bytes of a member (fewer if it is shorter), inflating only those. */
    public byte[] head(String member, int n) throws InputException {
        ZipArchiveEntry e = entry(member);
        try (InputStream in = zip.getInputStream(e)) {
            return in.readNBytes(n);
        } catch (IOException | RuntimeException ex) {
            throw new InputException(where(member) + ": cannot inflate: " + ElfReader.printable(String.valueOf(ex.getMessage())), ex);
        }
    }

    /** Members whose content starts with the ELF magic number, whatever their names. */
    public List<Member> elfMembers() throws InputException {
        List<Member> out = new ArrayList<>();
        for (Member m : members) {
            if (!m.directory() && m.size() >= 16 && ElfReader.isElf(head(m.name(), 4))) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Reads an ELF member in place: a stored member straight from the wheel file, a compressed one
     * through a bounded inflating window (see {@link InflatingByteSource}).
     */
    public ElfFile readElf(String member) throws InputException {
        return readWith(member, ElfReader::read);
    }

    /** A reader of one object format from random access to its bytes (ElfReader::read, MachOReader::read, ...). */
    @FunctionalInterface
    public interface ObjectReader<T> {
        T read(String where, ByteSource source) throws InputException;
    }

    /**
     * Reads a member in place with a reader of its format, as {@link #readElf} does for ELF: the
     * reader asks for the ranges it needs and the member is never held whole in memory.
     */
    public <T> T readWith(String member, ObjectReader<T> reader) throws InputException {
        ZipArchiveEntry e = entry(member);
        long size = e.getSize();
        if (size < 0 || size > limits.maxMemberBytes()) {
            throw new InputException(where(member) + ": declares " + size + " inflated bytes, more than the "
                    + limits.maxMemberBytes() + " wheelsh reads from one member");
        }
        checkRatio(member, e);
        ByteSource source = null;
        try {
            if (e.getMethod() == ZipArchiveEntry.STORED) {
                zip.getRawInputStream(e).close(); // resolves the local header, so the data offset is known
                long offset = e.getDataOffset();
                if (offset >= 0 && offset + size <= channel.size()) {
                    source = new Slice(channel, offset, size);
                }
            }
            if (source == null) {
                long kept = limits.keptBytesPerMember() / 2;
                source = new InflatingByteSource(() -> zip.getInputStream(e), size, kept, kept,
                        Math.max(8 * size, 64L << 20));
            }
            return reader.read(where(member), source);
        } catch (IOException | RuntimeException ex) {
            throw new InputException(where(member) + ": cannot read: " + ElfReader.printable(String.valueOf(ex.getMessage())), ex);
        } finally {
            if (source instanceof InflatingByteSource s) {
                closeQuietly(s);
            }
        }
    }

    private void checkRatio(String member, ZipArchiveEntry e) throws InputException {
        long size = e.getSize();
        long packed = Math.max(1, e.getCompressedSize());
        if (size > RATIO_CHECK_FROM && size / packed > MAX_RATIO) {
            throw new InputException(where(member) + ": inflates " + packed + " bytes to " + size + " ("
                    + (size / packed) + " times; more than " + MAX_RATIO + " is a zip bomb, not a library)");
        }
    }

    /** A window of the wheel file: a stored member's bytes. */
    private record Slice(FileChannel channel, long offset, long size) implements ByteSource {
        @Override
        public void read(long position, byte[] dst, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
            long p = offset + position;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, p);
                if (n < 0) {
                    throw new IOException("wheel ends inside a stored member");
                }
                p += n;
            }
        }

        @Override
        public void close() {
            // the channel belongs to the archive
        }
    }

    // ---- WHEEL, METADATA, RECORD ----

    public WheelMetadata wheelFile(String distInfo) throws InputException {
        return WheelMetadata.parse(where(distInfo + "/WHEEL"), readText(distInfo + "/WHEEL"));
    }

    /** The METADATA headers (up to the first blank line), each name with all its values in order. */
    public Map<String, List<String>> metadata(String distInfo) throws InputException {
        return WheelMetadata.headers(readText(distInfo + "/METADATA"));
    }

    public List<RecordEntry> record(String distInfo) throws InputException {
        return RecordEntry.parse(where(distInfo + "/RECORD"), readText(distInfo + "/RECORD"));
    }

    /** One RECORD line that does not match the archive. */
    public record RecordProblem(String member, String problem) {
    }

    /**
     * Checks every RECORD hash and size against the members (reads every member once, streaming),
     * and lists members missing from RECORD and RECORD lines without a member. RECORD itself and
     * signature files (RECORD.jws, RECORD.p7s) carry no hash, as the wheel spec says.
     */
    public List<RecordProblem> verifyRecord(String distInfo) throws InputException {
        List<RecordProblem> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (RecordEntry r : record(distInfo)) {
            listed.add(r.path());
            ZipArchiveEntry e = entries.get(r.path());
            if (e == null) {
                problems.add(new RecordProblem(r.path(), "listed in RECORD but not in the archive"));
                continue;
            }
            if (r.hash().isEmpty()) {
                if (!r.path().startsWith(distInfo + "/RECORD")) {
                    problems.add(new RecordProblem(r.path(), "has no hash in RECORD"));
                }
                continue;
            }
            RecordEntry.Hash h = r.hash().get();
            String algo = switch (h.algorithm()) {
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                case "sha512" -> "SHA-512";
                default -> null;
            };
            if (algo == null) {
                problems.add(new RecordProblem(r.path(), "hash algorithm " + h.algorithm() + " is not sha256 or stronger"));
                continue;
            }
            checkRatio(r.path(), e);
            try (InputStream in = zip.getInputStream(e)) {
                MessageDigest md = MessageDigest.getInstance(algo);
                byte[] buf = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > limits.maxMemberBytes()) {
                        throw new InputException(where(r.path()) + ": inflates past " + limits.maxMemberBytes() + " bytes");
                    }
                    md.update(buf, 0, n);
                }
                String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(md.digest());
                if (!digest.equals(h.digest())) {
                    problems.add(new RecordProblem(r.path(), h.algorithm() + " is " + digest + ", RECORD says " + h.digest()));
                }
                if (r.size().isPresent() && r.size().getAsLong() != total) {
                    problems.add(new RecordProblem(r.path(), "size is " + total + " bytes, RECORD says " + r.size().getAsLong()));
                }
            } catch (IOException | NoSuchAlgorithmException | RuntimeException ex) {
                throw new InputException(where(r.path()) + ": cannot inflate: " + ElfReader.printable(String.valueOf(ex.getMessage())), ex);
            }
        }
        for (Member m : members) {
            if (!m.directory() && !listed.contains(m.name())) {
                problems.add(new RecordProblem(m.name(), "in the archive but not listed in RECORD"));
            }
        }
        return problems;
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } finally {
            channel.close();
        }
    }
}
