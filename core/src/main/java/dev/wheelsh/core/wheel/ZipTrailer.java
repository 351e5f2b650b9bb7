package dev.wheelsh.core.wheel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Where a zip's central directory is, read from the end-of-central-directory record (and its zip64
 * form) before the zip library sees the file, so a truncated or lying archive is named by the byte
 * where it goes wrong instead of by the library's general "cannot read".
 *
 * @param eocdOffset where the end-of-central-directory record starts
 * @param cdOffset   where the central directory starts, as the record says
 * @param cdSize     its length in bytes, as the record says
 * @param entries    the number of members it lists, as the record says, at most as many as fit in it
 */
record ZipTrailer(long eocdOffset, long cdOffset, long cdSize, long entries) {

    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int EOCD_MIN = 22;
    private static final int MAX_COMMENT = 0xffff;

    /** Thrown with a reason that names the byte; the caller adds the file's name. */
    static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;

        Broken(String reason) {
            super(reason, null, false, false);
        }
    }

    static ZipTrailer read(FileChannel ch) throws IOException, Broken {
        long size = ch.size();
        if (size < EOCD_MIN) {
            throw new Broken(size + " bytes, shorter than the smallest zip (22 bytes)");
        }
        int tail = (int) Math.min(size, EOCD_MIN + MAX_COMMENT);
        ByteBuffer b = readAt(ch, size - tail, tail);
        int at = -1;
        for (int i = tail - EOCD_MIN; i >= 0; i--) {
            // the last signature whose comment fits inside the file, as Python's zipfile looks for it
            if (b.getInt(i) == EOCD_SIG && i + EOCD_MIN + (b.getShort(i + 20) & 0xffff) <= tail) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            for (int i = tail - 4; i > tail - EOCD_MIN; i--) {
                if (i >= 0 && b.getInt(i) == EOCD_SIG) {
                    throw new Broken("the end-of-central-directory record at byte " + (size - tail + i)
                            + " is cut short: the file ends at byte " + size + " (truncated)");
                }
            }
            throw new Broken("no end-of-central-directory record in the last " + tail
                    + " bytes (the file is truncated at byte " + size + ", or it is not a zip)");
        }
        long eocd = size - tail + at;
        long entries = b.getShort(at + 10) & 0xffff;
        long cdSize = b.getInt(at + 12) & 0xffffffffL;
        long cdOffset = b.getInt(at + 16) & 0xffffffffL;
        if ((entries == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) && eocd >= 20) {
            ByteBuffer loc = readAt(ch, eocd - 20, 20);
            if (loc.getInt(0) == ZIP64_LOCATOR_SIG) {
                long z = loc.getLong(8);
                if (z < 0 || z + 56 > eocd - 20) {
                    throw new Broken("the zip64 end record is said to be at byte " + z
                            + ", outside the file before byte " + (eocd - 20));
                }
                ByteBuffer r = readAt(ch, z, 56);
                if (r.getInt(0) != ZIP64_EOCD_SIG) {
                    throw new Broken("no zip64 end record at byte " + z + ", where its locator points");
                }
                entries = r.getLong(32);
                cdSize = r.getLong(40);
                cdOffset = r.getLong(48);
                eocd = z;
            }
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset > eocd || cdSize > eocd - cdOffset) {
            throw new Broken("the central directory is said to span bytes " + Long.toUnsignedString(cdOffset) + "-"
                    + Long.toUnsignedString(cdOffset + cdSize) + ", past its end record at byte " + eocd
                    + " (truncated or lying)");
        }
        // the count is only a claim (zip readers walk the directory by its size); no more members than fit
        return new ZipTrailer(eocd, cdOffset, cdSize, Math.min(entries, cdSize / 46));
    }

    private static ByteBuffer readAt(FileChannel ch, long position, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        long p = position;
        while (b.hasRemaining()) {
            int r = ch.read(b, p);
            if (r < 0) {
                throw new IOException("the file ends at byte " + p);
            }
            p += r;
        }
        return b.flip();
    }
}
