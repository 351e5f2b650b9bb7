package dev.wheelsh.core.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random access to the bytes of one ELF object, wherever they live: an array, a file, a stored zip
 * member. The reader asks only for the ranges it needs, so a large library is never loaded whole.
 */
public interface ByteSource extends AutoCloseable {

    /** The number of bytes in the object. */
    long size() throws IOException;

    /**
     * Fills {@code dst[off..off+len)} with the bytes at {@code position}. The caller has checked that
     * the range lies inside {@link #size()}.
     */
    void read(long position, byte[] dst, int off, int len) throws IOException;

    @Override
    default void close() throws IOException {
    }

    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void read(long position, byte[] dst, int off, int len) {
                System.arraycopy(bytes, Math.toIntExact(position), dst, off, len);
            }
        };
    }

    /** A source over a channel; closing the source closes the channel. */
    static ByteSource of(SeekableByteChannel channel) {
        return new ByteSource() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void read(long position, byte[] dst, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
                long pos = position;
                while (buf.hasRemaining()) {
                    int n;
                    if (channel instanceof FileChannel fc) {
                        n = fc.read(buf, pos);
                    } else {
                        channel.position(pos);
                        n = channel.read(buf);
                    }
                    if (n < 0) {
                        throw new IOException("unexpected end of data at offset " + pos);
                    }
                    pos += n;
                }
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    static ByteSource open(Path file) throws IOException {
        return of(FileChannel.open(file, StandardOpenOption.READ));
    }
}
