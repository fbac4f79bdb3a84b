package io.github.sparselr.linear.path;

/**
 * numpy's {@code mean} and {@code std} (ddof = 0) of a one-dimensional array of doubles, to the bit: both
 * add by numpy's pairwise summation ({@code numpy/core/src/umath/loops_utils.h.src},
 * {@code pairwise_sum_DOUBLE}), which for eight or more values differs from adding left to right.
 */
final class FoldStatistics {

    /** numpy's {@code PW_BLOCKSIZE}: above it the array is halved, below it eight running sums. */
    private static final int BLOCK = 128;

    private FoldStatistics() {
    }

    /** {@code np.mean(values)}. */
    static double mean(final double[] values) {
        return sum(values, 0, values.length) / values.length;
    }

    /** {@code np.std(values)}: the square root of the mean squared deviation from the mean. */
    static double std(final double[] values) {
        final double mean = mean(values);
        final double[] squares = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            final double deviation = values[i] - mean;
            squares[i] = deviation * deviation;
        }
        return Math.sqrt(sum(squares, 0, squares.length) / values.length);
    }

    /** {@code np.add.reduce} of {@code values[from, from + n)} as {@code pairwise_sum_DOUBLE} adds them. */
    static double sum(final double[] values, final int from, final int n) {
        if (n < 8) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        if (n <= BLOCK) {
            final double[] r = new double[8];
            System.arraycopy(values, from, r, 0, 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += values[from + i + j];
                }
            }
            double sum = (r[0] + r[1] + (r[2] + r[3])) + (r[4] + r[5] + (r[6] + r[7]));
            for (; i < n; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        int half = n / 2;
        half -= half % 8;
        return sum(values, from, half) + sum(values, from + half, n - half);
    }
}
