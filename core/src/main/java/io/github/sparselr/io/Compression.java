package io.github.sparselr.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The one place that decides whether a local file is gzip-compressed: by its first two bytes (the gzip
 * magic number 1f 8b), never by its name, so a compressed file without ".gz" and a plain file with
 * ".gz" both read. Damage inside the compressed data becomes the caller's format exception, naming
 * the file.
 */
final class Compression {

    private static final int BUFFER = 1 << 16;

    private Compression() {
    }

    /** Whether a file starts with the gzip magic number. */
    static boolean isGzip(final Path file) throws IOException {
        requireRegularFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * Opens a file for reading, decompressing it if its content is gzip.
     *
     * @param formatError makes the reader's own format exception from a message (for damaged gzip data)
     */
    static InputStream open(final Path file, final Function<String, ? extends IOException> formatError)
        throws IOException {
        requireRegularFile(file);
        final InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            raw.mark(2);
            final boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip) {
                return raw;
            }
            return new Guarded(new GZIPInputStream(raw, BUFFER), file, formatError);
        } catch (ZipException | EOFException e) {
            raw.close();
            throw formatError.apply(damaged(file, e));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Refuses what is not a regular file after following links: a named pipe would block the read (and
     * with it a node's configure) forever, and a device such as /dev/zero never ends.
     */
    static void requireRegularFile(final Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new IOException(file + " is not a regular file but a device, named pipe (FIFO) or socket, which "
                + "may never end; sparselr reads data only from ordinary files: save the data to a file and give its "
                + "path.");
        }
    }

    private static String damaged(final Path file, final IOException e) {
        final String detail = e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
        return file + " starts like a gzip file but its compressed data is damaged or cut short" + detail
            + "; download or compress it again.";
    }

    /** Turns the decompressor's complaints about the data into the reader's format exception. */
    private static final class Guarded extends FilterInputStream {
        private final Path file;
        private final Function<String, ? extends IOException> formatError;

        Guarded(final InputStream in, final Path file, final Function<String, ? extends IOException> formatError) {
            super(in);
            this.file = file;
            this.formatError = formatError;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ZipException | EOFException e) {
                throw formatError.apply(damaged(file, e));
            }
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw formatError.apply(damaged(file, e));
            }
        }

        @Override
        public long skip(final long n) throws IOException {
            try {
                return super.skip(n);
            } catch (ZipException | EOFException e) {
                throw formatError.apply(damaged(file, e));
            }
        }
    }
}
