package io.github.sparselr.linear;

/**
 * {@code row_norms(X, squared=True).max()} in numpy's einsum summation order (docs/saga.md §3.1): two
 * lanes, blocks of eight taken 3, 2, 1, 0, then pairs, without fused multiply-add. Other orders round
 * differently, and the step size would not match scikit-learn's to the bit.
 */
final class RowNorms {

    private RowNorms() {
    }

    static double maxSquaredRowNorm(final double[] x, final int rows, final int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            max = Math.max(max, squaredNorm(x, r * cols, cols));
        }
        return max;
    }

    static double squaredNorm(final double[] x, final int offset, final int d) {
        double lane0 = 0.0;
        double lane1 = 0.0;
        int i = 0;
        while (d - i >= 8) {
            for (int block = 3; block >= 0; block--) {
                final double a = x[offset + i + 2 * block];
                final double b = x[offset + i + 2 * block + 1];
                lane0 = a * a + lane0;
                lane1 = b * b + lane1;
            }
            i += 8;
        }
        while (i < d) {
            final double a = x[offset + i];
            final double b = i + 1 < d ? x[offset + i + 1] : 0.0;
            lane0 = a * a + lane0;
            lane1 = b * b + lane1;
            i += 2;
        }
        return 0.0 + (lane0 + lane1);
    }
}
