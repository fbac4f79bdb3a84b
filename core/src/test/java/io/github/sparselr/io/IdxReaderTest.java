package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    /** An IDX file: magic 00 00 08 dims, big-endian sizes, then the bytes. */
    static byte[] idx(final int[] dims, final byte[] data) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(8);
        out.write(dims.length);
        for (final int d : dims) {
            out.write(d >>> 24);
            out.write(d >>> 16);
            out.write(d >>> 8);
            out.write(d);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] gzip(final byte[] bytes) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void readsPlainAndGzippedFiles() throws Exception {
        final byte[] file = idx(new int[] {2, 2, 3}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255});
        Files.write(dir.resolve("plain"), file);
        Files.write(dir.resolve("packed.gz"), gzip(file));
        for (final String name : new String[] {"plain", "packed.gz"}) {
            final IdxReader.IdxArray a = IdxReader.read(dir.resolve(name));
            assertThat(a.dimensions()).containsExactly(2, 2, 3);
            assertThat(a.itemSize()).isEqualTo(6);
            assertThat(a.data()[11]).isEqualTo((byte) 255);
        }
    }

    @Test
    void rejectsAWrongMagicNumber() throws Exception {
        final byte[] file = idx(new int[] {1}, new byte[] {1});
        file[2] = 0x0d; // float data
        Files.write(dir.resolve("f"), file);
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("f"))).isInstanceOf(IdxFormatException.class)
            .hasMessageContaining("magic number is 00 00 0d 01");
    }

    @Test
    void rejectsTruncatedAndOverlongFiles() throws Exception {
        final byte[] file = idx(new int[] {3, 2}, new byte[] {1, 2, 3, 4, 5});
        Files.write(dir.resolve("short"), file);
        Files.write(dir.resolve("short.gz"), gzip(file));
        Files.write(dir.resolve("long"), idx(new int[] {1, 2}, new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("short"))).hasMessageContaining("truncated")
            .hasMessageContaining("5 data bytes");
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("short.gz"))).hasMessageContaining("truncated");
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("long"))).hasMessageContaining("longer than declared");
    }

    @Test
    void neverAllocatesWhatAHeaderMerelyClaims() throws Exception {
        // 10^12 values: refused from the header alone
        Files.write(dir.resolve("huge"), idx(new int[] {1_000_000, 1_000_000}, new byte[10]));
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("huge"))).hasMessageContaining("more than 2^31 values");
        // 2 * 10^9 rows claimed by a tiny compressed file: only what arrives is buffered
        Files.write(dir.resolve("claims.gz"), gzip(idx(new int[] {2_000_000_000}, new byte[10])));
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("claims.gz"))).hasMessageContaining("10 data bytes")
            .hasMessageContaining("truncated");
        Files.write(dir.resolve("empty"), new byte[] {0, 0});
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("empty"))).hasMessageContaining("too short");
    }

    @Test
    void readsAnMnistFolderAsOpenMlLaysItOut() throws Exception {
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(new int[] {2, 1, 2}, new byte[] {0, 1, 2, 3}));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idx(new int[] {2}, new byte[] {5, 0})));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(new int[] {1, 1, 2}, new byte[] {(byte) 200, 4}));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {1}, new byte[] {9}));
        final DenseDataset data = Mnist.readFolder(dir);
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.columnNames()).containsExactly("pixel1", "pixel2");
        assertThat(data.labels()).containsExactly("5", "0", "9");
        assertThat(data.values()).containsExactly(0, 1, 2, 3, 200, 4);
    }

    @Test
    void namesAMissingFileAndAMismatchedPair() throws Exception {
        assertThatThrownBy(() -> Mnist.readFolder(dir)).hasMessageContaining("train-images-idx3-ubyte");
        Files.write(dir.resolve("i"), idx(new int[] {2, 1, 2}, new byte[4]));
        Files.write(dir.resolve("l"), idx(new int[] {3}, new byte[3]));
        assertThatThrownBy(() -> Mnist.readPair(dir.resolve("i"), dir.resolve("l")))
            .hasMessageContaining("2 images").hasMessageContaining("3 labels");
    }
}
