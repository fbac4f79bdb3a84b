package io.github.sparselr.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads IDX files (MNIST, Fashion-MNIST), raw or gzip-compressed: the magic number (two zero bytes, the
 * type code 0x08 for unsigned bytes, the number of dimensions), the big-endian sizes, then the data.
 * The header is checked against the bytes that actually follow before anything is allocated from it.
 */
public final class IdxReader {

    /** The unsigned-byte type code; the only one MNIST-style files use. */
    private static final int UNSIGNED_BYTE = 0x08;

    /** An IDX array: its dimensions and its bytes, row-major. */
    public record IdxArray(int[] dimensions, byte[] data) {

        /** The product of all dimensions but the first: the values per item. */
        public int itemSize() {
            int size = 1;
            for (int i = 1; i < dimensions.length; i++) {
                size *= dimensions[i];
            }
            return size;
        }

        public int items() {
            return dimensions[0];
        }
    }

    private IdxReader() {
    }

    /** Reads a file, raw or gzip-compressed (told by its content, not its name). */
    public static IdxArray read(final Path file) throws IOException {
        final boolean gzip = Compression.isGzip(file);
        try (InputStream in = Compression.open(file, IdxFormatException::new)) {
            return read(in, gzip ? -1 : Files.size(file), file.toString());
        }
    }

    /**
     * The dimensions of a file, raw or gzip-compressed, checked against the bytes that follow the header
     * (which are counted, not kept): a header that claims more data than the file holds is an error here,
     * before anyone allocates by it.
     */
    public static int[] readDimensions(final Path file) throws IOException {
        final boolean gzip = Compression.isGzip(file);
        try (InputStream in = Compression.open(file, IdxFormatException::new)) {
            final int[] dimensions = readHeader(in, file.toString());
            final long expected = values(dimensions);
            final long present = gzip ? skipAtMost(in, expected + 1) : Files.size(file) - headerLength(dimensions);
            checkLength(present, expected, dimensions, file.toString());
            return dimensions;
        }
    }

    /**
     * Reads an IDX stream.
     *
     * @param knownLength the stream's length if known (a plain file), else −1
     * @param name how error messages name the source
     */
    public static IdxArray read(final InputStream in, final long knownLength, final String name) throws IOException {
        final int[] dimensions = readHeader(in, name);
        final long expected = values(dimensions);
        if (knownLength >= 0) {
            checkLength(knownLength - headerLength(dimensions), expected, dimensions, name);
        }
        // Compressed streams have no known length: read what arrives, never more than declared plus one.
        final byte[] data = knownLength >= 0 ? in.readNBytes((int) expected) : readAtMost(in, expected + 1);
        checkLength(data.length, expected, dimensions, name);
        return new IdxArray(dimensions, data);
    }

    /** The magic number and the sizes, each checked (1 to 2^31 - 1, product below 2^31). */
    private static int[] readHeader(final InputStream in, final String name) throws IOException {
        final byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new IdxFormatException(name + " is too short to be an IDX file (" + magic.length + " bytes).");
        }
        if (magic[0] != 0 || magic[1] != 0 || (magic[2] & 0xff) != UNSIGNED_BYTE || magic[3] < 1 || magic[3] > 4) {
            throw new IdxFormatException(name + " is not an unsigned-byte IDX file: its magic number is "
                + String.format("%02x %02x %02x %02x", magic[0], magic[1], magic[2], magic[3])
                + ", expected 00 00 08 0N with N in 1..4 (MNIST images: 00 00 08 03, labels: 00 00 08 01).");
        }
        final int dims = magic[3];
        final byte[] header = in.readNBytes(4 * dims);
        if (header.length < 4 * dims) {
            throw new IdxFormatException(name + " ends inside its header (" + (4 + header.length) + " bytes).");
        }
        final int[] dimensions = new int[dims];
        long expected = 1;
        for (int i = 0; i < dims; i++) {
            final long size = ((header[4 * i] & 0xffL) << 24) | ((header[4 * i + 1] & 0xff) << 16)
                | ((header[4 * i + 2] & 0xff) << 8) | (header[4 * i + 3] & 0xff);
            if (size < 1 || size > Integer.MAX_VALUE) {
                throw new IdxFormatException(name + " declares dimension " + i + " as " + size
                    + ", which no IDX data set has.");
            }
            dimensions[i] = (int) size;
            expected *= size;
            if (expected > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(name + " declares " + Arrays.toString(Arrays.copyOf(dimensions, i + 1))
                    + "..., more than 2^31 values; such a file cannot be read into one array.");
            }
        }
        return dimensions;
    }

    private static long values(final int[] dimensions) {
        long product = 1;
        for (final int d : dimensions) {
            product *= d;
        }
        return product;
    }

    private static long headerLength(final int[] dimensions) {
        return 4 + 4L * dimensions.length;
    }

    private static void checkLength(final long present, final long expected, final int[] dimensions,
        final String name) throws IdxFormatException {
        if (present != expected) {
            throw new IdxFormatException(name + " has " + (present > expected ? "more than " + expected : present)
                + " data bytes, but its header " + Arrays.toString(dimensions) + " needs " + expected + "; the file is "
                + (present < expected ? "truncated" : "longer than declared") + ".");
        }
    }

    private static long skipAtMost(final InputStream in, final long limit) throws IOException {
        final byte[] buffer = new byte[1 << 16];
        long total = 0;
        while (total < limit) {
            final int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static byte[] readAtMost(final InputStream in, final long limit) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        final byte[] buffer = new byte[1 << 16];
        long total = 0;
        while (total < limit) {
            final int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }
}
