package io.github.sparselr.linear;

/**
 * The three variants of {@link SagaKernel}'s fused pass: iteration t's SAGA correction and gradient
 * sums, iteration t+1's one-step lazy update, and the prediction of t+1's sample, per weight in the
 * order of the separate passes. They differ only in what the penalty needs: soft thresholding (L1
 * part) and the division by wscale (L2 part; x / 1.0 is x, so it is left out when wscale is 1).
 *
 * <p>Soft thresholding uses {@code Math.max(v, 0.0)}, which equals C's {@code fmax(v, 0)} for every
 * non-NaN v (−0.0 included) and compiles without branches: the signs of sparse weights are too
 * irregular for branch prediction. Weights are [feature][class]; {@code z} receives each class's sum
 * over the features in ascending order. {@code runs} holds [start, end) pairs of the features to
 * visit, ascending ({@link SagaKernel} leaves out features that could change nothing).
 */
final class FusedLoops {

    private FusedLoops() {
    }

    static void prox(final int[] runs, final int kk, final double[] w, final double[] sg, final double[] z, final double[] change,
        final double[] data, final int rowOffset, final int nextOffset, final double st, final double oneMinus,
        final double a, final double p) {
        for (int r = 0; r < runs.length; r += 2) {
            for (int j = runs[r], f = j * kk; j < runs[r + 1]; j++, f += kk) {
                final double xj = data[rowOffset + j];
                final double xn = data[nextOffset + j];
                for (int c = 0; c < kk; c++) {
                    final double correction = xj * change[c];
                    final double sum = sg[f + c] + correction;
                    sg[f + c] = sum;
                    final double v = (w[f + c] - correction * st * oneMinus) - a * sum;
                    final double shrunk = Math.max(v - p, 0.0) - Math.max(-v - p, 0.0);
                    w[f + c] = shrunk;
                    z[c] += shrunk * xn;
                }
            }
        }
    }

    static void proxDivide(final int[] runs, final int kk, final double[] w, final double[] sg, final double[] z, final double[] change,
        final double[] data, final int rowOffset, final int nextOffset, final double st, final double oneMinus,
        final double ws, final double a, final double p) {
        for (int r = 0; r < runs.length; r += 2) {
            for (int j = runs[r], f = j * kk; j < runs[r + 1]; j++, f += kk) {
                final double xj = data[rowOffset + j];
                final double xn = data[nextOffset + j];
                for (int c = 0; c < kk; c++) {
                    final double correction = xj * change[c];
                    final double sum = sg[f + c] + correction;
                    sg[f + c] = sum;
                    final double v = (w[f + c] - correction * st * oneMinus / ws) - a * sum;
                    final double shrunk = Math.max(v - p, 0.0) - Math.max(-v - p, 0.0);
                    w[f + c] = shrunk;
                    z[c] += shrunk * xn;
                }
            }
        }
    }

    static void plain(final int[] runs, final int kk, final double[] w, final double[] sg, final double[] z, final double[] change,
        final double[] data, final int rowOffset, final int nextOffset, final double st, final double oneMinus,
        final double ws, final double a) {
        for (int r = 0; r < runs.length; r += 2) {
            for (int j = runs[r], f = j * kk; j < runs[r + 1]; j++, f += kk) {
                final double xj = data[rowOffset + j];
                final double xn = data[nextOffset + j];
                for (int c = 0; c < kk; c++) {
                    final double correction = xj * change[c];
                    final double sum = sg[f + c] + correction;
                    sg[f + c] = sum;
                    final double v = (w[f + c] - correction * st * oneMinus / ws) - a * sum;
                    w[f + c] = v;
                    z[c] += v * xn;
                }
            }
        }
    }
}
