package io.github.sparselr.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.testing.HexFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrainTestSplitTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/split-fixtures.txt");

    /** 70000 rows whose single value is the original row number. */
    private static final DenseDataset ROW_NUMBERS;

    static {
        final double[] values = new double[70000];
        final String[] labels = new String[70000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
            labels[i] = Integer.toString(i % 10);
        }
        ROW_NUMBERS = DenseDataset.of(values, 70000, List.of("row"), labels);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s0_0_5000_10000", "s0_42_60000_10000", "s3_7_100_50"})
    void picksTheSameRowsAsScikitLearn(final String name) {
        final HexFixtures.Case c = FIXTURES.get(name);
        final TrainTestSplit split = TrainTestSplit.of(ROW_NUMBERS, Long.parseLong(c.header(1)),
            Long.parseLong(c.header(2)), Integer.parseInt(c.header(3)), Integer.parseInt(c.header(4)));
        final double[] train = split.train().values();
        final double[] test = split.test().values();
        assertThat(toInts(Arrays.copyOf(train, 5))).containsExactly(c.ints("train_head"));
        assertThat(toInts(Arrays.copyOfRange(train, train.length - 5, train.length))).containsExactly(c.ints("train_tail"));
        assertThat(toInts(Arrays.copyOf(test, 5))).containsExactly(c.ints("test_head"));
        assertThat(toInts(Arrays.copyOfRange(test, test.length - 5, test.length))).containsExactly(c.ints("test_tail"));
        assertThat(split.train().labels()[0]).isEqualTo(Integer.toString((int) train[0] % 10));
    }

    @Test
    void rejectsSizesThatDoNotFit() {
        assertThatThrownBy(() -> TrainTestSplit.of(ROW_NUMBERS, 0, 0, 60001, 10000))
            .hasMessageContaining("70001 should be smaller than the number of samples 70000");
        assertThatThrownBy(() -> TrainTestSplit.of(ROW_NUMBERS, 0, 0, 0, 70000)).hasMessageContaining("No rows are left");
        assertThatThrownBy(() -> TrainTestSplit.of(ROW_NUMBERS, 0, 0, -1, 10)).hasMessageContaining("negative");
    }

    @Test
    void zeroTrainingRowsMeansAllRowsNotDrawnForTesting() {
        final TrainTestSplit all = TrainTestSplit.of(ROW_NUMBERS, 0, 0, 0, 10000);
        assertThat(all.train().rows()).isEqualTo(60000);
        assertThat(all.trainIndex()[0]).isEqualTo((int) all.train().values()[0]);
        final TrainTestSplit same = TrainTestSplit.of(ROW_NUMBERS, 0, 0, 60000, 10000);
        assertThat(all.trainIndex()).isEqualTo(same.trainIndex());
        assertThat(TrainTestSplit.of(ROW_NUMBERS, 0, 0, 0, 0).train().rows()).isEqualTo(70000);
    }

    @ParameterizedTest
    @CsvSource({"0,0,5000,10000", "0,42,60000,10000", "3,7,100,50", "1,2,0,10000", "5,9,0,0", "11,13,69999,1",
        "2,4,7,0", "8,6,0,69999"})
    void indicesFromTheRowCountPickTheRowsOfTheWholeDatasetSplit(final long shuffleSeed, final long splitSeed,
        final int trainRows, final int testRows) {
        final TrainTestSplit whole = TrainTestSplit.of(ROW_NUMBERS, shuffleSeed, splitSeed, trainRows, testRows);
        final TrainTestSplit.Indices rows = TrainTestSplit.indices(70000, shuffleSeed, splitSeed, trainRows, testRows);
        assertThat(rows.train()).containsExactly(whole.trainIndex());
        assertThat(rows.test()).containsExactly(whole.testIndex());
        assertThat(toInts(whole.train().values())).containsExactly(rows.train());
        assertThat(toInts(whole.test().values())).containsExactly(rows.test());
        assertThat(rows.train()).hasSize(trainRows == 0 ? 70000 - testRows : trainRows);
    }

    @Test
    void indicesFromTheRowCountRejectWhatTheWholeSplitRejects() {
        assertThatThrownBy(() -> TrainTestSplit.indices(70000, 0, 0, 60001, 10000))
            .hasMessageContaining("70001 should be smaller than the number of samples 70000");
        assertThatThrownBy(() -> TrainTestSplit.indices(70000, 0, 0, 0, 70000)).hasMessageContaining("No rows are left");
        assertThatThrownBy(() -> TrainTestSplit.indices(70000, 0, 0, 5, -1)).hasMessageContaining("negative");
    }

    private static int[] toInts(final double[] values) {
        return Arrays.stream(values).mapToInt(v -> (int) v).toArray();
    }
}
