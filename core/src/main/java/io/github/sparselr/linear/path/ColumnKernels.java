package io.github.sparselr.linear.path;

/**
 * The coordinate-descent solver's hot loops over one column of a column-major matrix: plain loops over
 * flat arrays, unrolled into four independent sums so that the additions pipeline (the JIT does not
 * reorder a floating-point sum by itself).
 */
final class ColumnKernels {

    private ColumnKernels() {
    }

    /** Σ_i x[xOffset + i] · r[rOffset + i] over i in [0, n). */
    static double dot(final double[] x, final int xOffset, final double[] r, final int rOffset, final int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xOffset + i] * r[rOffset + i];
            s1 += x[xOffset + i + 1] * r[rOffset + i + 1];
            s2 += x[xOffset + i + 2] * r[rOffset + i + 2];
            s3 += x[xOffset + i + 3] * r[rOffset + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xOffset + i] * r[rOffset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_i h[i] · x[xOffset + i]² over i in [0, n): a coordinate's curvature under the weights h. */
    static double weightedSquares(final double[] x, final int xOffset, final double[] h, final int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            final double x0 = x[xOffset + i];
            final double x1 = x[xOffset + i + 1];
            final double x2 = x[xOffset + i + 2];
            final double x3 = x[xOffset + i + 3];
            s0 += h[i] * x0 * x0;
            s1 += h[i + 1] * x1 * x1;
            s2 += h[i + 2] * x2 * x2;
            s3 += h[i + 3] * x3 * x3;
        }
        for (; i < n; i++) {
            final double x0 = x[xOffset + i];
            s0 += h[i] * x0 * x0;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** r[i] += delta · h[i] · x[xOffset + i]: the quadratic model's gradient after one coordinate moved. */
    static void addWeighted(final double[] r, final double delta, final double[] h, final double[] x,
        final int xOffset, final int n) {
        for (int i = 0; i < n; i++) {
            r[i] += delta * h[i] * x[xOffset + i];
        }
    }

    /** y[yOffset + i] += a · x[xOffset + i]. */
    static void axpy(final double[] y, final int yOffset, final double a, final double[] x, final int xOffset,
        final int n) {
        for (int i = 0; i < n; i++) {
            y[yOffset + i] += a * x[xOffset + i];
        }
    }

    /**
     * Adds to out[outOffset…outOffset+3] the dot products of rows [i0, i0 + length) of columns j0…j0+3 of
     * {@code x} (column-major, n rows) with r[rOffset…rOffset + length): one pass over r for four columns.
     */
    static void addDot4(final double[] x, final int j0, final int n, final int i0, final double[] r,
        final int rOffset, final int length, final double[] out, final int outOffset) {
        final int o0 = j0 * n + i0;
        final int o1 = o0 + n;
        final int o2 = o1 + n;
        final int o3 = o2 + n;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < length; i++) {
            final double v = r[rOffset + i];
            s0 += x[o0 + i] * v;
            s1 += x[o1 + i] * v;
            s2 += x[o2 + i] * v;
            s3 += x[o3 + i] * v;
        }
        out[outOffset] += s0;
        out[outOffset + 1] += s1;
        out[outOffset + 2] += s2;
        out[outOffset + 3] += s3;
    }
}
