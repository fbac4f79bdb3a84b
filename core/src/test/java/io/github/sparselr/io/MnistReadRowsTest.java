package io.github.sparselr.io;

import static io.github.sparselr.io.IdxReaderTest.gzip;
import static io.github.sparselr.io.IdxReaderTest.idx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.TrainTestSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading only the rows a split draws from an IDX folder gives the rows of the whole folder's read, in
 * the split's order (the OpenML Reader's local IDX path converts only those rows).
 */
class MnistReadRowsTest {

    private static final int TRAIN = 50;
    private static final int TEST = 20;

    @TempDir
    Path dir;

    /** Random pixels in 3 × 4 images; labels 0…9 and a few above 9. */
    private void writeFolder(final boolean compressed) throws IOException {
        final Random random = new Random(7);
        write("train-images-idx3-ubyte", idx(new int[] {TRAIN, 3, 4}, bytes(random, TRAIN * 12, 256)), compressed);
        write("train-labels-idx1-ubyte", idx(new int[] {TRAIN}, bytes(random, TRAIN, 12)), compressed);
        write("t10k-images-idx3-ubyte", idx(new int[] {TEST, 3, 4}, bytes(random, TEST * 12, 256)), compressed);
        write("t10k-labels-idx1-ubyte", idx(new int[] {TEST}, bytes(random, TEST, 12)), compressed);
    }

    private void write(final String name, final byte[] data, final boolean compressed) throws IOException {
        Files.write(dir.resolve(name), compressed ? gzip(data) : data);
    }

    private static byte[] bytes(final Random random, final int count, final int bound) {
        final byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) random.nextInt(bound);
        }
        return b;
    }

    @ParameterizedTest
    @CsvSource({"false,0,0,30,10", "true,3,7,0,15", "false,5,1,0,0", "true,2,2,69,1", "false,9,4,20,0"})
    void convertsOnlyTheChosenRowsAsTheWholeFolderGivesThem(final boolean compressed, final long shuffleSeed,
        final long splitSeed, final int trainRows, final int testRows) throws IOException {
        writeFolder(compressed);
        final DenseDataset whole = Mnist.readFolder(dir);
        final TrainTestSplit expected = TrainTestSplit.of(whole, shuffleSeed, splitSeed, trainRows, testRows);
        final TrainTestSplit.Indices rows = TrainTestSplit.indices(TRAIN + TEST, shuffleSeed, splitSeed, trainRows,
            testRows);
        final DenseDataset[] chosen = Mnist.readRows(dir, rows.train(), rows.test());
        assertSame(chosen[0], expected.train());
        assertSame(chosen[1], expected.test());
    }

    private static void assertSame(final DenseDataset actual, final DenseDataset expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        assertThat(actual.values()).containsExactly(expected.values());
        assertThat(actual.labels()).containsExactly(expected.labels());
        assertThat(actual.targetName()).isEqualTo(expected.targetName());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, TRAIN + TEST})
    void namesARowNumberOutsideTheFolder(final int row) throws IOException {
        writeFolder(false);
        assertThatThrownBy(() -> Mnist.readRows(dir, new int[] {0, row}))
            .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("Row " + row + " is outside 0..69");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void refusesImagesAndLabelsThatDoNotPairAsTheWholeReadDoes(final boolean testFiles) throws IOException {
        writeFolder(false);
        write(testFiles ? "t10k-labels-idx1-ubyte" : "train-labels-idx1-ubyte", idx(new int[] {3}, new byte[3]), false);
        final String message = catchMessage(() -> Mnist.readFolder(dir));
        assertThat(message).contains("labels; they must be a matching pair");
        assertThatThrownBy(() -> Mnist.readRows(dir, new int[] {0})).isInstanceOf(IdxFormatException.class)
            .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void refusesTestImagesOfAnotherSizeAsTheWholeReadDoes(final boolean compressed) throws IOException {
        writeFolder(compressed);
        write("t10k-images-idx3-ubyte", idx(new int[] {TEST, 2, 4}, new byte[TEST * 8]), compressed);
        final String message = catchMessage(() -> Mnist.readFolder(dir));
        assertThat(message).contains("both files must come from the same data set");
        assertThatThrownBy(() -> Mnist.readRows(dir, new int[] {0}, new int[] {60})).hasMessage(message);
    }

    private interface Read {
        void run() throws IOException;
    }

    private static String catchMessage(final Read read) {
        try {
            read.run();
        } catch (IOException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the read to fail");
    }
}
