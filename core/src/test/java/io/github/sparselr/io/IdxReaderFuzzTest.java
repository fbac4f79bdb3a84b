package io.github.sparselr.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Timeout;

/** Fuzz targets for the IDX reader and the MNIST folder layout (see {@link FuzzRule}). */
class IdxReaderFuzzTest {

    /** One IDX file under a plain name and under a ".gz" name: the content decides how it is read. */
    @FuzzTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void fuzzIdxFile(final byte[] idx) {
        for (final String name : new String[] {"fuzz-idx3-ubyte", "fuzz-idx3-ubyte.gz"}) {
            final Path file = FuzzRule.file(name, idx);
            FuzzRule.readsOrRejects(IdxFormatException.class, () -> IdxReader.readDimensions(file));
            FuzzRule.readsOrRejects(IdxFormatException.class, () -> IdxReader.read(file));
        }
    }

    /**
     * A folder of the four MNIST files, from one input: a flags byte (bit i: gzip file i), then for each
     * file a two-byte big-endian length and that many bytes (fewer if the input ends).
     */
    @FuzzTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void fuzzMnistFolder(final byte[] input) {
        final Path folder = folder(input);
        FuzzRule.readsOrRejects(IdxFormatException.class, () -> LocalDatasets.layout(folder, null, true));
        FuzzRule.readsOrRejects(IdxFormatException.class, () -> LocalDatasets.read(folder, null, true, () -> false));
    }

    private static Path folder(final byte[] input) {
        final int flags = input.length > 0 ? input[0] : 0;
        int at = 1;
        Path folder = null;
        for (int i = 0; i < 4; i++) {
            int length = 0;
            if (at + 1 < input.length) {
                length = ((input[at] & 0xff) << 8) | (input[at + 1] & 0xff);
                at += 2;
            } else {
                at = input.length;
            }
            final int end = Math.min(input.length, at + length);
            byte[] bytes = Arrays.copyOfRange(input, Math.min(at, end), end);
            at = end;
            final boolean gzip = (flags >> i & 1) != 0;
            if (gzip) {
                bytes = gzip(bytes);
            }
            // the gzip flag also picks the name, and every other file swaps it: content must decide
            final String name = Mnist.FILES.get(i) + (gzip ^ (i % 2 == 1 && (flags & 0x10) != 0) ? ".gz" : "");
            final Path file = FuzzRule.file("folder/" + name, bytes);
            folder = file.getParent();
            FuzzRule.delete(folder.resolve(name.endsWith(".gz") ? Mnist.FILES.get(i) : Mnist.FILES.get(i) + ".gz"));
        }
        return folder;
    }

    private static byte[] gzip(final byte[] bytes) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
