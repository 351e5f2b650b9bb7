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
import java.util.zip.CRC32;
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

    /**
     * Bounds on what one wheel may cost to read (docs/limits.md says why each is what it is).
     *
     * @param maxEntries         members the zip directory may list
     * @param maxTextBytes       inflated bytes of WHEEL, METADATA or RECORD
     * @param maxMemberBytes     inflated bytes of any one member
     * @param keptBytesPerMember memory an ELF member read in place may keep
     * @param maxInflatedBytes   inflated bytes over the whole wheel, every read counted, re-reads too
     * @param maxMemberReads     times a member's data may be opened over the whole wheel
     */
    public record Limits(long maxEntries, long maxTextBytes, long maxMemberBytes, long keptBytesPerMember,
                         long maxInflatedBytes, long maxMemberReads) {
        public static final Limits DEFAULT = new Limits(500_000, 64L << 20, 8L << 30, 32L << 20, 32L << 30, 2_000_000);

        /** The default budgets over the whole wheel with other per-member bounds. */
        public Limits(long maxEntries, long maxTextBytes, long maxMemberBytes, long keptBytesPerMember) {
            this(maxEntries, maxTextBytes, maxMemberBytes, keptBytesPerMember, DEFAULT.maxInflatedBytes, DEFAULT.maxMemberReads);
        }

        /** The property names that raise (or lower) the bounds, as {@code -Dname=value} (docs/limits.md). */
        public static final String INFLATED_BYTES = "wheelsh.wheel.maxInflatedBytes";
        public static final String MEMBER_READS = "wheelsh.wheel.maxMemberReads";
        public static final String MEMBER_BYTES = "wheelsh.wheel.maxMemberBytes";

        /** The defaults with any of the three bounds named in {@code properties} replaced. */
        public static Limits from(java.util.Properties properties) throws InputException {
            Limits d = DEFAULT;
            return new Limits(d.maxEntries, d.maxTextBytes, number(properties, MEMBER_BYTES, d.maxMemberBytes),
                    d.keptBytesPerMember, number(properties, INFLATED_BYTES, d.maxInflatedBytes),
                    number(properties, MEMBER_READS, d.maxMemberReads));
        }

        private static long number(java.util.Properties p, String name, long otherwise) throws InputException {
            String v = p.getProperty(name);
            if (v == null) {
                return otherwise;
            }
            try {
                long n = Long.parseLong(v.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new InputException("-D" + name + "=" + ElfReader.printable(v) + ": not a positive whole number");
        }

        public Limits withBudget(long inflatedBytes, long memberReads) {
            return new Limits(maxEntries, maxTextBytes, maxMemberBytes, keptBytesPerMember, inflatedBytes, memberReads);
        }
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
    /** What reading this wheel has cost so far, against {@link Limits#maxInflatedBytes} and {@link Limits#maxMemberReads}. */
    private long inflated;
    private long reads;

    private WheelArchive(Path path, Limits limits, ZipFile zip, FileChannel channel, ZipTrailer trailer) throws InputException {
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
            if (e.getMethod() == ZipArchiveEntry.STORED && e.getSize() != e.getCompressedSize()) {
                throw new InputException(where(e.getName()) + ": stored (not compressed), yet the zip directory gives it "
                        + e.getSize() + " bytes and " + e.getCompressedSize() + " compressed; Python's zipfile refuses it");
            }
            list.add(new Member(e.getName(), e.getSize(), e.getCompressedSize(), e.getMethod(), e.isDirectory()));
        }
        this.members = List.copyOf(list);
        refuseOverlaps(trailer);
    }

    /**
     * Refuses members whose data overlap each other or the central directory, as Python's zipfile
     * does: a directory that points many members at one stream makes a small file cost
     * the square of its size to read.
     */
    private void refuseOverlaps(ZipTrailer trailer) throws InputException {
        List<ZipArchiveEntry> byOffset = new ArrayList<>(entries.values());
        byOffset.sort(java.util.Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
        for (int i = 0; i < byOffset.size(); i++) {
            ZipArchiveEntry e = byOffset.get(i);
            // a local header is 30 bytes and the name; its extra field can only make the member longer
            long end = e.getLocalHeaderOffset() + 30 + e.getRawName().length + Math.max(0, e.getCompressedSize());
            long next = i + 1 < byOffset.size() ? byOffset.get(i + 1).getLocalHeaderOffset() : trailer.cdOffset();
            if (end > next) {
                String other = i + 1 < byOffset.size() ? "member " + ElfReader.printable(byOffset.get(i + 1).getName())
                        + " at byte " + next : "the central directory at byte " + next;
                throw new InputException(where(e.getName()) + ": its data (from byte " + e.getLocalHeaderOffset() + " to "
                        + end + ") overlaps " + other + "; Python's zipfile refuses overlapping members");
            }
        }
    }

    public static WheelArchive open(Path wheel) throws InputException {
        return open(wheel, Limits.DEFAULT);
    }

    public Limits limits() {
        return limits;
    }

    public static WheelArchive open(Path wheel, Limits limits) throws InputException {
        String label = wheel.getFileName() == null ? wheel.toString() : wheel.getFileName().toString();
        refuseNonRegular(wheel);
        FileChannel ch = null;
        FileChannel zipChannel = null;
        ZipFile zip = null;
        ZipTrailer trailer;
        try {
            ch = FileChannel.open(wheel, StandardOpenOption.READ);
            try {
                trailer = ZipTrailer.read(ch);
            } catch (ZipTrailer.Broken b) {
                throw new InputException(label + ": not a readable zip archive: " + b.getMessage());
            }
            if (trailer.entries() > limits.maxEntries()) {
                throw new InputException(label + ": the zip directory lists " + trailer.entries() + " members, more than the "
                        + limits.maxEntries() + " wheelsh reads");
            }
            zipChannel = FileChannel.open(wheel, StandardOpenOption.READ);
            zip = ZipFile.builder().setSeekableByteChannel(zipChannel).get();
            return new WheelArchive(wheel, limits, zip, ch, trailer);
        } catch (InputException e) {
            closeQuietly(zip);
            closeQuietly(zipChannel);
            closeQuietly(ch);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            closeQuietly(zipChannel);
            closeQuietly(ch);
            throw new InputException(label + ": not a readable zip archive: " + reason(e), e);
        }
    }

    /** What went wrong, from the innermost cause that says something (the outer ones only say "cannot read"). */
    static String reason(Throwable e) {
        String why = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (t instanceof java.io.EOFException) {
                why = "the data ends early" + (m == null || m.isBlank() ? "" : " (" + m + ")");
            } else if (m != null && !m.isBlank() && !m.startsWith("Error reading Zip content from")) {
                why = m;
            }
        }
        return ElfReader.printable(why == null ? e.getClass().getSimpleName() : why);
    }

    /** A wheel must be a regular file; anything else is named for what it is. */
    private static void refuseNonRegular(Path wheel) throws InputException {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(wheel, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            if (Files.isSymbolicLink(wheel)) {
                throw new InputException(wheel + ": a symbolic link to a file that does not exist");
            }
            throw new InputException(wheel + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InputException(wheel + ": permission denied");
        } catch (java.nio.file.FileSystemException e) {
            String why = e.getReason() == null ? "" : e.getReason();
            if (why.contains("symbolic links")) {
                throw new InputException(wheel + ": a loop of symbolic links");
            }
            throw new InputException(wheel + ": cannot read: " + ElfReader.printable(why));
        } catch (IOException e) {
            throw new InputException(wheel + ": cannot read: " + reason(e));
        }
        if (a.isRegularFile()) {
            return;
        }
        if (a.isDirectory()) {
            throw new InputException(wheel + ": a directory, not a wheel file");
        }
        throw new InputException(wheel + ": " + specialKind(wheel) + ", not a regular file");
    }

    /** The kind of a file that is neither regular nor a directory, from its mode bits where the system has them. */
    private static String specialKind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file";
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

    /**
     * A refusal met inside a stream (budget spent, size or CRC-32 wrong); its message is the whole
     * line to report.
     */
    private static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;

        Refusal(String line) {
            super(line);
        }
    }

    private InputException failed(String member, String doing, Exception ex) {
        if (ex instanceof Refusal r) {
            return new InputException(r.getMessage(), r);
        }
        if (ex instanceof InputException ie) {
            return ie;
        }
        return new InputException(where(member) + ": cannot " + doing + ": " + reason(ex), ex);
    }

    private void charge(long bytes) throws Refusal {
        inflated += bytes;
        if (inflated > limits.maxInflatedBytes()) {
            throw new Refusal(label + ": reading stopped after " + limits.maxInflatedBytes()
                    + " inflated bytes, the budget for one wheel (docs/limits.md says how to raise it)");
        }
    }

    /** Opens a member's inflated data, counted against the wheel's budget of member reads. */
    private MemberStream openMember(ZipArchiveEntry e) throws IOException {
        if (++reads > limits.maxMemberReads()) {
            throw new Refusal(label + ": reading stopped after opening members " + limits.maxMemberReads()
                    + " times, the budget for one wheel (docs/limits.md says how to raise it)");
        }
        if (!zip.canReadEntryData(e)) {
            throw new Refusal(where(e.getName()) + ": compression method " + e.getMethod()
                    + " is not one wheelsh can read (stored and deflate are what wheels use)");
        }
        return new MemberStream(e, zip.getInputStream(e));
    }

    /**
     * A member's inflated data that charges the wheel's budget as it is read and, on reaching its
     * end, checks the length and the CRC-32 against the zip directory, as Python's zipfile (and so
     * pip) does: a wrong CRC, a wrong size or deflate data marked as stored is refused.
     */
    private final class MemberStream extends InputStream {
        private final ZipArchiveEntry entry;
        private final InputStream in;
        private final CRC32 crc = new CRC32();
        private long count;

        MemberStream(ZipArchiveEntry entry, InputStream in) {
            this.entry = entry;
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                checkEnd();
                return -1;
            }
            count += n;
            crc.update(b, off, n);
            charge(n);
            if (entry.getSize() >= 0 && count > entry.getSize()) {
                throw new Refusal(where(entry.getName()) + ": inflates past the " + entry.getSize()
                        + " bytes the zip directory gives it; Python's zipfile refuses it");
            }
            return n;
        }

        /** Reads to the end, so the length and CRC-32 are checked. */
        void finish() throws IOException {
            byte[] buf = new byte[1 << 16];
            while (read(buf, 0, buf.length) >= 0) {
                // only the check at the end matters
            }
        }

        private void checkEnd() throws Refusal {
            if (entry.getSize() >= 0 && count != entry.getSize()) {
                throw new Refusal(where(entry.getName()) + ": inflates to " + count + " bytes, the zip directory says "
                        + entry.getSize() + "; Python's zipfile refuses it");
            }
            if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
                throw new Refusal(where(entry.getName()) + ": CRC-32 of its data is " + hex(crc.getValue())
                        + ", the zip directory says " + hex(entry.getCrc()) + "; Python's zipfile refuses it");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static String hex(long crc) {
        return String.format("%08x", crc);
    }

    /** Reads a whole member into memory, refusing members that inflate past {@code cap} bytes. */
    public byte[] read(String member, long cap) throws InputException {
        ZipArchiveEntry e = entry(member);
        if (e.getSize() > cap) {
            throw new InputException(where(member) + ": " + e.getSize() + " bytes, more than the " + cap
                    + " read for this kind of member");
        }
        try (MemberStream in = openMember(e)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (b.length > cap) {
                throw new InputException(where(member) + ": inflates past " + cap + " bytes (zip bomb?)");
            }
            in.finish();
            return b;
        } catch (IOException | RuntimeException ex) {
            throw failed(member, "inflate", ex);
        }
    }

    public String readText(String member) throws InputException {
        return new String(read(member, limits.maxTextBytes()), StandardCharsets.UTF_8);
    }

    /**
     * The first bytes of a member (fewer if it is shorter). A member that is not ELF is then read to
     * its end and its length and CRC-32 checked; an ELF member is checked by {@link #readElf}, which
     * reads it anyway.
     */
    public byte[] head(String member, int n) throws InputException {
        ZipArchiveEntry e = entry(member);
        try (MemberStream in = openMember(e)) {
            byte[] b = in.readNBytes(n);
            if (!ElfReader.isElf(b)) {
                in.finish();
            }
            return b;
        } catch (IOException | RuntimeException ex) {
            throw failed(member, "inflate", ex);
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
     * through a bounded inflating window (see {@link InflatingByteSource}); then the rest of the
     * member is read so its length and CRC-32 are checked.
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
                source = new InflatingByteSource(() -> openMember(e), size, kept, kept,
                        Math.max(8 * size, 64L << 20));
            }
            T value = reader.read(where(member), source);
            // read to its end, so its length and CRC-32 are checked as Python's zipfile checks them
            if (source instanceof InflatingByteSource s) {
                s.finish(in -> ((MemberStream) in).finish());
            } else {
                try (MemberStream in = openMember(e)) {
                    in.finish();
                }
            }
            return value;
        } catch (IOException | RuntimeException ex) {
            throw failed(member, "read", ex);
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

    /** How many RECORD problems are listed one by one; the rest are counted in one last line. */
    public static final int MAX_RECORD_PROBLEMS = 1000;

    /**
     * Checks every RECORD hash and size against the members (reads every member once, streaming),
     * and lists members missing from RECORD and RECORD lines without a member. RECORD itself and
     * signature files (RECORD.jws, RECORD.p7s) carry no hash, as the wheel spec says.
     *
     * <p>RECORD is read line by line as it inflates, never whole: memory is one line
     * ({@link RecordEntry#MAX_LINE} characters at most) and one bit per member, however long
     * RECORD is. At most {@link #MAX_RECORD_PROBLEMS} problems are listed; a last one counts the rest.
     * A member listed twice is hashed once.
     */
    public List<RecordProblem> verifyRecord(String distInfo) throws InputException {
        String recordName = distInfo + "/RECORD";
        ZipArchiveEntry recordEntry = entry(recordName);
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            index.put(members.get(i).name(), i);
        }
        java.util.BitSet listed = new java.util.BitSet(members.size());
        Problems problems = new Problems();
        try (MemberStream in = openMember(recordEntry)) {
            RecordEntry.Lines lines = new RecordEntry.Lines(where(recordName), in);
            for (RecordEntry r; (r = lines.next()) != null; ) {
                Integer i = index.get(r.path());
                if (i == null) {
                    problems.add(r.path(), "listed in RECORD but not in the archive");
                    continue;
                }
                if (listed.get(i)) {
                    problems.add(r.path(), "listed twice in RECORD");
                    continue;
                }
                listed.set(i);
                verifyOne(distInfo, r, entries.get(r.path()), problems);
            }
        } catch (IOException | RuntimeException ex) {
            throw failed(recordName, "read", ex);
        }
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (!m.directory() && !listed.get(i)) {
                problems.add(m.name(), "in the archive but not listed in RECORD");
            }
        }
        return problems.list();
    }

    /** The first {@link #MAX_RECORD_PROBLEMS} problems, and a count of the others. */
    private static final class Problems {
        private final List<RecordProblem> list = new ArrayList<>();
        private long more;

        void add(String member, String problem) {
            if (list.size() < MAX_RECORD_PROBLEMS) {
                list.add(new RecordProblem(member, problem));
            } else {
                more++;
            }
        }

        List<RecordProblem> list() {
            if (more == 0) {
                return list;
            }
            List<RecordProblem> out = new ArrayList<>(list);
            out.add(new RecordProblem("RECORD", more + " more problems, not listed (only the first "
                    + MAX_RECORD_PROBLEMS + " are)"));
            return out;
        }
    }

    private void verifyOne(String distInfo, RecordEntry r, ZipArchiveEntry e, Problems problems) throws InputException {
        if (r.hash().isEmpty()) {
            if (!r.path().startsWith(distInfo + "/RECORD")) {
                problems.add(r.path(), "has no hash in RECORD");
            }
            return;
        }
        RecordEntry.Hash h = r.hash().get();
        String algo = switch (h.algorithm()) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> null;
        };
        if (algo == null) {
            problems.add(r.path(), "hash algorithm " + ElfReader.printable(h.algorithm()) + " is not sha256 or stronger");
            return;
        }
        checkRatio(r.path(), e);
        try (MemberStream in = openMember(e)) {
            MessageDigest md = MessageDigest.getInstance(algo);
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
                if (total > limits.maxMemberBytes()) {
                    throw new InputException(where(r.path()) + ": inflates past " + limits.maxMemberBytes() + " bytes");
                }
                md.update(buf, 0, n);
            }
            String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(md.digest());
            if (!digest.equals(h.digest())) {
                problems.add(r.path(), h.algorithm() + " is " + digest + ", RECORD says " + ElfReader.printable(h.digest()));
            }
            if (r.size().isPresent() && r.size().getAsLong() != total) {
                problems.add(r.path(), "size is " + total + " bytes, RECORD says " + r.size().getAsLong());
            }
        } catch (IOException | NoSuchAlgorithmException | RuntimeException ex) {
            throw failed(r.path(), "inflate", ex);
        }
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
