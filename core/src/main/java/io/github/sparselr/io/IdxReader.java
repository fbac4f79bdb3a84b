package io.github.sparselr.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

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

    /** Reads a file; ".gz" files (by their gzip magic bytes) are decompressed. */
    public static IdxArray read(final Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            final boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            final long knownLength = gzip ? -1 : Files.size(file);
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                return read(in, knownLength, file.toString());
            }
        }
    }

    /**
     * Reads an IDX stream.
     *
     * @param knownLength the stream's length if known (a plain file), else −1
     * @param name how error messages name the source
     */
    public static IdxArray read(final InputStream in, final long knownLength, final String name) throws IOException {
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
        final long headerLength = 4 + 4L * dims;
        if (knownLength >= 0 && knownLength != headerLength + expected) {
            throw new IdxFormatException(name + " has " + (knownLength - headerLength) + " data bytes, but its header "
                + Arrays.toString(dimensions) + " needs " + expected + "; the file is "
                + (knownLength < headerLength + expected ? "truncated" : "longer than declared") + ".");
        }
        // Compressed streams have no known length: read what arrives, never more than declared plus one.
        final byte[] data = knownLength >= 0 ? in.readNBytes((int) expected) : readAtMost(in, expected + 1);
        if (data.length != expected) {
            throw new IdxFormatException(name + " has " + (data.length > expected ? "more than " + expected : data.length)
                + " data bytes, but its header " + Arrays.toString(dimensions) + " needs " + expected
                + "; the file is " + (data.length < expected ? "truncated" : "longer than declared") + ".");
        }
        return new IdxArray(dimensions, data);
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
