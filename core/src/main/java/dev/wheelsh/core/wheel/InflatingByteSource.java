package dev.wheelsh.core.wheel;

import dev.wheelsh.core.elf.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random access to a compressed zip member without inflating it whole into memory or onto disk.
 *
 * <p>The member is inflated as a stream in 64 KiB chunks. The first chunks (where an ELF object
 * keeps its headers, dynamic symbols, strings and version tables) stay in memory up to
 * {@code headBytes}; later chunks (section headers, the dynamic section) are kept in a
 * least-recently-used set up to {@code tailBytes}. A read behind the stream's position that misses
 * both restarts the inflation from the beginning. Total inflation work is capped at
 * {@code maxWork} bytes, so a hostile access pattern cannot cost unbounded time.
 */
final class InflatingByteSource implements ByteSource {

    interface Opener {
        InputStream open() throws IOException;
    }

    static final int CHUNK = 64 * 1024;

    private final Opener opener;
    private final long size;
    private final long headChunks;
    private final long maxWork;
    private final Map<Long, byte[]> head = new HashMap<>();
    private final LinkedHashMap<Long, byte[]> tail;
    private InputStream in;
    private long next;
    private long work;

    InflatingByteSource(Opener opener, long size, long headBytes, long tailBytes, long maxWork) {
        this.opener = opener;
        this.size = size;
        this.headChunks = Math.max(1, headBytes / CHUNK);
        long tailChunks = Math.max(2, tailBytes / CHUNK);
        this.maxWork = maxWork;
        this.tail = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > tailChunks;
            }
        };
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long position, byte[] dst, int off, int len) throws IOException {
        long p = position;
        int o = off;
        int remaining = len;
        while (remaining > 0) {
            long idx = p / CHUNK;
            byte[] c = chunk(idx);
            int within = (int) (p - idx * CHUNK);
            int n = Math.min(remaining, c.length - within);
            if (n <= 0) {
                throw new IOException("member ends before offset " + p);
            }
            System.arraycopy(c, within, dst, o, n);
            p += n;
            o += n;
            remaining -= n;
        }
    }

    private byte[] chunk(long idx) throws IOException {
        byte[] c = idx < headChunks ? head.get(idx) : tail.get(idx);
        if (c != null) {
            return c;
        }
        if (in == null || idx < next) {
            close();
            in = opener.open();
            next = 0;
        }
        while (true) {
            long start = next * CHUNK;
            int want = (int) Math.min(CHUNK, size - start);
            if (want <= 0) {
                throw new IOException("read past the member's end at chunk " + idx);
            }
            work += want;
            if (work > maxWork) {
                throw new IOException("inflating this member would take more than " + (maxWork >> 20)
                        + " MiB of work");
            }
            byte[] got = in.readNBytes(want);
            if (got.length < want) {
                throw new IOException("member inflates to " + (start + got.length) + " bytes, the zip directory says "
                        + size);
            }
            if (next < headChunks) {
                head.put(next, got);
            } else {
                tail.put(next, got);
            }
            if (next++ == idx) {
                return got;
            }
        }
    }

    /** What reads a member's stream to its end (and checks what only the end can show). */
    interface Finisher {
        void finish(InputStream in) throws IOException;
    }

    /**
     * Hands the stream, where it stands, to {@code finisher} to be read to its end: the stream
     * always starts at the member's first byte and goes forward, so whoever counts and checksums
     * it sees every byte once.
     */
    void finish(Finisher finisher) throws IOException {
        if (in == null) {
            in = opener.open();
            next = 0;
        }
        finisher.finish(in);
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
