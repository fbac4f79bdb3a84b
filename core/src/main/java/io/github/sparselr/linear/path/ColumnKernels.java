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
        return LANES ? VectorColumnKernels.dot(x, xOffset, r, rOffset, n) : scalarDot(x, xOffset, r, rOffset, n);
    }

    /**
     * {@link #dot} in scalar loops, in the lanes' order: eight partial sums over blocks of 8 (element i
     * of a block into sum i), folded as (s0 + s4, s1 + s5, s2 + s6, s3 + s7) = t, then
     * (t0 + t1) + (t2 + t3), then the tail added in order.
     */
    static double scalarDot(final double[] x, final int xOffset, final double[] r, final int rOffset, final int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            final int a = xOffset + i;
            final int b = rOffset + i;
            s0 += x[a] * r[b];
            s1 += x[a + 1] * r[b + 1];
            s2 += x[a + 2] * r[b + 2];
            s3 += x[a + 3] * r[b + 3];
            s4 += x[a + 4] * r[b + 4];
            s5 += x[a + 5] * r[b + 5];
            s6 += x[a + 6] * r[b + 6];
            s7 += x[a + 7] * r[b + 7];
        }
        double sum = ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
        for (; i < n; i++) {
            sum += x[xOffset + i] * r[rOffset + i];
        }
        return sum;
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
        if (LANES) {
            VectorColumnKernels.addDot4(x, j0, n, i0, r, rOffset, length, out, outOffset);
        } else {
            scalarAddDot4(x, j0, n, i0, r, rOffset, length, out, outOffset);
        }
    }

    /**
     * {@link #addDot4} in scalar loops, in the lanes' order: per column four partial sums over blocks of
     * 4 (element i of a block into sum i), folded as (p0 + p1) + (p2 + p3), then the tail added in order.
     */
    static void scalarAddDot4(final double[] x, final int j0, final int n, final int i0, final double[] r,
        final int rOffset, final int length, final double[] out, final int outOffset) {
        final int o0 = j0 * n + i0;
        final int o1 = o0 + n;
        final int o2 = o1 + n;
        final int o3 = o2 + n;
        double p00 = 0; double p01 = 0; double p02 = 0; double p03 = 0;
        double p10 = 0; double p11 = 0; double p12 = 0; double p13 = 0;
        double p20 = 0; double p21 = 0; double p22 = 0; double p23 = 0;
        double p30 = 0; double p31 = 0; double p32 = 0; double p33 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            final double v0 = r[rOffset + i + 0];
            final double v1 = r[rOffset + i + 1];
            final double v2 = r[rOffset + i + 2];
            final double v3 = r[rOffset + i + 3];
            p00 += x[o0 + i + 0] * v0;
            p01 += x[o0 + i + 1] * v1;
            p02 += x[o0 + i + 2] * v2;
            p03 += x[o0 + i + 3] * v3;
            p10 += x[o1 + i + 0] * v0;
            p11 += x[o1 + i + 1] * v1;
            p12 += x[o1 + i + 2] * v2;
            p13 += x[o1 + i + 3] * v3;
            p20 += x[o2 + i + 0] * v0;
            p21 += x[o2 + i + 1] * v1;
            p22 += x[o2 + i + 2] * v2;
            p23 += x[o2 + i + 3] * v3;
            p30 += x[o3 + i + 0] * v0;
            p31 += x[o3 + i + 1] * v1;
            p32 += x[o3 + i + 2] * v2;
            p33 += x[o3 + i + 3] * v3;
        }
        double s0 = (p00 + p01) + (p02 + p03);
        double s1 = (p10 + p11) + (p12 + p13);
        double s2 = (p20 + p21) + (p22 + p23);
        double s3 = (p30 + p31) + (p32 + p33);
        for (; i < length; i++) {
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

    /** System property: {@code false} turns the lanes off (for comparisons). */
    static final String PROPERTY = "sparselr.cd.vectorLanes";

    /**
     * Whether the two sums run SIMD lanes: the JVM resolves {@code jdk.incubator.vector}, the hardware
     * runs 4-lane double vectors, a start-up check finds the scalar kernels' bits, and the property is
     * not {@code false}. Decided once; either way the results are the same bits.
     */
    static final boolean LANES = !"false".equalsIgnoreCase(System.getProperty(PROPERTY)) && detectLanes();

    private static boolean detectLanes() {
        try {
            if (!VectorColumnKernels.nativeLanes()) {
                return false;
            }
            final int n = 45; // blocks of 8 and of 4 and a tail of each
            final double[] x = new double[4 * n];
            final double[] r = new double[n];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.sin(1.3 * i + 0.2) * 1e3;
            }
            for (int i = 0; i < n; i++) {
                r[i] = Math.cos(0.7 * i) / 3;
            }
            final double[] lanes = new double[4];
            final double[] scalar = new double[4];
            VectorColumnKernels.addDot4(x, 0, n, 1, r, 1, n - 1, lanes, 0);
            scalarAddDot4(x, 0, n, 1, r, 1, n - 1, scalar, 0);
            for (int c = 0; c < 4; c++) {
                if (Double.doubleToRawLongBits(lanes[c]) != Double.doubleToRawLongBits(scalar[c])) {
                    return false;
                }
            }
            return Double.doubleToRawLongBits(VectorColumnKernels.dot(x, 3, r, 0, n))
                == Double.doubleToRawLongBits(scalarDot(x, 3, r, 0, n));
        } catch (final LinkageError e) {
            // NoClassDefFoundError for jdk.incubator.vector: the JVM was started without the module
            return false;
        }
    }
}
