package io.github.sparselr.openml;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the cache's gzip files with a cap on what comes out: a few megabytes of gzip can expand to
 * gigabytes, so every read of a cached or downloaded file counts the uncompressed bytes and stops at
 * the limit with an {@link UncompressedLimitException}.
 */
final class Gunzip {

    /** A file expands to more than its limit; another download would not change that. */
    static final class UncompressedLimitException extends OpenMlException {
        private static final long serialVersionUID = 1L;

        UncompressedLimitException(final String message) {
            super(message);
        }
    }

    /**
     * How much one file may expand to.
     *
     * @param bytes the most uncompressed bytes
     * @param what names the file in the message, e.g. "The ARFF file of dataset 554"
     * @param advice how to raise the limit, ending the message
     */
    record Cap(long bytes, String what, String advice) {
    }

    private Gunzip() {
    }

    /** The uncompressed bytes of {@code file}, at most {@code cap.bytes()} of them. */
    static InputStream open(final Path file, final Cap cap) throws IOException {
        final InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return new Limited(new GZIPInputStream(raw, 1 << 16), cap.bytes(), cap.what(), cap.advice());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Reads a whole file through the cap and returns its uncompressed size. */
    static long size(final Path file, final Cap cap) throws IOException {
        try (InputStream in = open(file, cap)) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private final String what;
        private final String advice;
        private long count;

        Limited(final InputStream in, final long limit, final String what, final String advice) {
            super(in);
            this.limit = limit;
            this.what = what;
            this.advice = advice;
        }

        @Override
        public int read() throws IOException {
            final int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(final byte[] buffer, final int offset, final int length) throws IOException {
            final int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(final long n) throws IOException {
            final long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(final long n) throws UncompressedLimitException {
            count += n;
            if (count > limit) {
                throw new UncompressedLimitException(what + " expands past " + ((limit + (1L << 20) - 1) >> 20)
                    + " MB uncompressed (more than " + limit + " bytes), more than it should; " + advice);
            }
        }
    }
}
