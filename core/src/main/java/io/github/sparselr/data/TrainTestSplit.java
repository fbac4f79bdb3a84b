package io.github.sparselr.data;

import io.github.sparselr.random.RandomState;

/**
 * The MNIST study's shuffle and split, the numpy/scikit-learn way (docs/saga.md §9.2, §9.3): the rows are
 * reordered by {@code RandomState(shuffleSeed).permutation(n)}, then {@code train_test_split} draws one
 * permutation P from {@code RandomState(splitSeed)}: the test rows are P[0, test), the training rows
 * P[test, test + train). Same seeds, same rows as scikit-learn.
 *
 * @param train the training rows
 * @param test the test rows
 * @param trainIndex the original row number of each training row
 * @param testIndex the original row number of each test row
 */
public record TrainTestSplit(DenseDataset train, DenseDataset test, int[] trainIndex, int[] testIndex) {

    /**
     * @param trainRows rows for training, ≥ 1, or 0 for all rows not drawn for testing
     * @param testRows rows for testing, ≥ 0; {@code trainRows + testRows} must not exceed the rows
     */
    public static TrainTestSplit of(final DenseDataset data, final long shuffleSeed, final long splitSeed,
        final int trainRows, final int testRows) {
        final Indices rows = indices(data.rows(), shuffleSeed, splitSeed, trainRows, testRows);
        return new TrainTestSplit(data.select(rows.train()), data.select(rows.test()), rows.train(), rows.test());
    }

    /**
     * The original row numbers {@link #of} picks from {@code n} rows: the split needs only the row count
     * (no stratification), so a reader can convert just these rows (e.g. {@code Mnist#readRows}).
     *
     * @param trainRows rows for training, ≥ 1, or 0 for all rows not drawn for testing
     * @param testRows rows for testing, ≥ 0; {@code trainRows + testRows} must not exceed {@code n}
     */
    public static Indices indices(final int n, final long shuffleSeed, final long splitSeed, final int trainRows,
        final int testRows) {
        if (trainRows < 0 || testRows < 0) {
            throw new IllegalArgumentException("Row counts cannot be negative, got " + trainRows + " training and "
                + testRows + " test rows.");
        }
        final int train = trainRows == 0 ? n - testRows : trainRows;
        if (train < 1) {
            throw new IllegalArgumentException("No rows are left for training: the data has " + n + " rows and "
                + testRows + " are drawn for testing.");
        }
        if ((long) train + testRows > n) {
            throw new IllegalArgumentException("The sum of train_size and test_size = " + ((long) train + testRows)
                + " should be smaller than the number of samples " + n + "; reduce them or use more data.");
        }
        final int[] shuffle = new RandomState(shuffleSeed).permutation(n);
        final int[] split = new RandomState(splitSeed).permutation(n);
        final int[] testIndex = new int[testRows];
        final int[] trainIndex = new int[train];
        for (int i = 0; i < testRows; i++) {
            testIndex[i] = shuffle[split[i]];
        }
        for (int i = 0; i < train; i++) {
            trainIndex[i] = shuffle[split[testRows + i]];
        }
        return new Indices(trainIndex, testIndex);
    }

    /**
     * The original row numbers of a split, in the split's order.
     *
     * @param train the training rows' numbers
     * @param test the test rows' numbers
     */
    public record Indices(int[] train, int[] test) {
    }
}
