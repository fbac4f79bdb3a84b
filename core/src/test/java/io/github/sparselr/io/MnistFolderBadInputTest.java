package io.github.sparselr.io;

import static io.github.sparselr.io.IdxReaderTest.gzip;
import static io.github.sparselr.io.IdxReaderTest.idx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sparselr.data.DenseDataset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IDX files and MNIST folders that were judged by their names or whose headers were trusted before
 * their length (docs/reliability.md, "Local files"). The layout is what the OpenML Reader asks for at
 * configure, the read what it does at execute: both must agree.
 */
class MnistFolderBadInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private void writeFolder(final byte[] trainImages) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), trainImages);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[] {2}, new byte[] {5, 0}));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(new int[] {1, 1, 2}, new byte[] {(byte) 200, 4}));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {1}, new byte[] {9}));
    }

    private static byte[] header(final int... sizes) {
        final ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length);
        b.put(new byte[] {0, 0, 8, (byte) sizes.length});
        for (final int s : sizes) {
            b.putInt(s);
        }
        return b.array();
    }

    @Test
    void readsGzipBytesUnderAPlainNameAtConfigureAsAtExecute() throws IOException {
        // configure once said "... is not an IDX image file (magic 00 00 08 03)": it decided gzip by the name
        writeFolder(gzip(idx(new int[] {2, 1, 2}, new byte[] {0, 1, 2, 3})));
        final DatasetLayout layout = LocalDatasets.layout(dir, null, true);
        assertThat(layout.features()).containsExactly("pixel1", "pixel2");
        assertThat(layout.classes()).containsExactly("0", "5", "9");
        final DenseDataset data = LocalDatasets.read(dir, null, true, () -> false);
        assertThat(data.values()).containsExactly(0, 1, 2, 3, 200, 4);
    }

    @Test
    void readsPlainBytesUnderAGzName() throws IOException {
        // once a bare "Not in GZIP format" that named no file
        writeFolder(idx(new int[] {2, 1, 2}, new byte[] {0, 1, 2, 3}));
        Files.move(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-images-idx3-ubyte.gz"));
        assertThat(LocalDatasets.layout(dir, null, true).classes()).containsExactly("0", "5", "9");
        assertThat(LocalDatasets.read(dir, null, true, () -> false).labels()).containsExactly("5", "0", "9");
    }

    @Test
    void namesTheFileOfDamagedGzipData() throws IOException {
        final byte[] packed = gzip(idx(new int[] {2}, new byte[] {5, 0}));
        writeFolder(idx(new int[] {2, 1, 2}, new byte[] {0, 1, 2, 3}));
        Files.delete(dir.resolve("train-labels-idx1-ubyte"));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), java.util.Arrays.copyOf(packed, packed.length - 6));
        assertThatThrownBy(() -> LocalDatasets.layout(dir, null, true)).isInstanceOf(IdxFormatException.class)
            .hasMessageContaining("train-labels-idx1-ubyte.gz").hasMessageContaining("damaged or cut short");
        assertThatThrownBy(() -> LocalDatasets.read(dir, null, true, () -> false))
            .isInstanceOf(IdxFormatException.class).hasMessageContaining("train-labels-idx1-ubyte.gz");
    }

    @Test
    void checksAHeaderClaimingFortyThousandSquaredPixelsAgainstTheBytes() throws IOException {
        // a 16-byte file claiming 40000 x 40000 pixels: configure ran out of memory building 1.6e9 column names
        writeFolder(header(1, 40_000, 40_000));
        assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> LocalDatasets.layout(dir, null, true)))
            .isInstanceOf(IdxFormatException.class).hasMessageContaining("train-images-idx3-ubyte")
            .hasMessageContaining("0 data bytes").hasMessageContaining("truncated");
        Files.write(dir.resolve("train-images-idx3-ubyte"), gzip(header(1, 40_000, 40_000)));
        assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> LocalDatasets.layout(dir, null, true)))
            .isInstanceOf(IdxFormatException.class).hasMessageContaining("truncated");
    }

    @Test
    void rejectsSizesWhoseProductOverflowsAnInt() throws IOException {
        // 65536 x 65536 gave ArithmeticException "integer overflow"
        writeFolder(header(1, 65_536, 65_536));
        assertThatThrownBy(() -> LocalDatasets.layout(dir, null, true)).isInstanceOf(IdxFormatException.class)
            .hasMessageContaining("more than 2^31 values");
    }

    @Test
    void rejectsANegativeImageSizeInTheIdxHeader() throws IOException {
        // a negative size gave IllegalArgumentException "Illegal Capacity"
        writeFolder(header(1, -28, 28));
        assertThatThrownBy(() -> LocalDatasets.layout(dir, null, true)).isInstanceOf(IdxFormatException.class)
            .hasMessageContaining("declares dimension 1 as 4294967268");
    }

    @Test
    void rejectsALabelFileWithMoreThanOneDimension() throws IOException {
        writeFolder(idx(new int[] {2, 1, 2}, new byte[] {0, 1, 2, 3}));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[] {2, 1}, new byte[] {5, 0}));
        assertThatThrownBy(() -> LocalDatasets.layout(dir, null, true)).isInstanceOf(IdxFormatException.class)
            .hasMessageContaining("label files have 1 dimension");
    }

    @Test
    void findsTheFolderOfARelativeIdxFileName() throws IOException {
        // "train-images-idx3-ubyte" has no parent as a relative path: once a NullPointerException
        final Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("train-images-idx3-ubyte"));
        writeFolder(idx(new int[] {2, 1, 2}, new byte[] {0, 1, 2, 3}));
        assertThat(LocalDatasets.read(relative, null, true, () -> false).rows()).isEqualTo(3);
    }
}
