package io.github.sparselr.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A stream for reading a file's header only: it refuses to give more than {@value #MAX_BYTES} bytes
 * (uncompressed), so that asking a file without a proper header for its layout never reads it whole.
 * The bound is far above any real header and above the read-ahead of the readers' buffers (1 MiB).
 */
final class HeaderBound extends FilterInputStream {

    /** 16 MiB: an ARFF header of 16 MiB declares some 500,000 attributes. */
    static final int MAX_BYTES = 16 << 20;

    private final Path file;
    private long read;

    HeaderBound(final InputStream in, final Path file) {
        super(in);
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        check(1);
        final int b = super.read();
        read += b < 0 ? 0 : 1;
        return b;
    }

    @Override
    public int read(final byte[] b, final int off, final int len) throws IOException {
        check(len);
        final int n = super.read(b, off, (int) Math.min(len, MAX_BYTES - read));
        read += Math.max(0, n);
        return n;
    }

    @Override
    public long skip(final long n) throws IOException {
        check(1);
        final long skipped = super.skip(Math.min(n, MAX_BYTES - read));
        read += skipped;
        return skipped;
    }

    private void check(final int wanted) throws IOException {
        if (wanted > 0 && read >= MAX_BYTES) {
            throw new IOException("'" + file.getFileName() + "' has no end of its header within its first "
                + (MAX_BYTES >> 20) + " MiB (an ARFF file's @data line, a CSV file's first line); check that it is "
                + "an ARFF or CSV file.");
        }
    }
}
