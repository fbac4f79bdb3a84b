package io.github.sparselr.linear.path;

/**
 * The state of a coordinate-descent fit of a logistic model, carried from one value of C to the next:
 * weights, intercepts, the linear predictor and what the probabilities need, over a column-major copy of
 * the data's non-constant-zero columns. Works in "sum" units: the loss is Σ_i loss_i (not the mean), so
 * the L1 and L2 strengths are {@code l1_ratio / C} and {@code (1 − l1_ratio) / C}.
 *
 * <p>With {@code rows == 1} (two classes) the model is scikit-learn's binary one: one decision function,
 * p = expit(η) the probability of the second class. With {@code rows ≥ 3} it is the multinomial one,
 * p_k = exp(η_k) / Σ_l exp(η_l).
 */
final class LogisticCdState {

    /** glmnet's floor of a row's curvature p(1 − p) in the quadratic model (it changes steps, not the optimum). */
    static final double MIN_CURVATURE = 1e-5;

    /** rows per block of the full gradient: four columns and ten classes' residuals of a block fit in L2 */
    private static final int GRADIENT_ROW_BLOCK = 2048;

    final int n;
    /** the number of used (not all-zero) columns */
    final int m;
    /** coefficient rows: 1 for two classes, else the number of classes */
    final int rows;
    /** column-major, m × n */
    final double[] xc;
    /** class-major indicator of each row's class, rows × n (binary: 1 for the second class) */
    final double[] target;
    /** weights over the used columns, class-major rows × m */
    final double[] w;
    final double[] b;
    /** linear predictor, class-major rows × n */
    final double[] eta;
    /** multinomial only: exp(η_ik − shift_i), class-major, and its row sums */
    private final double[] expEta;
    private final double[] shift;
    private final double[] sumExp;

    LogisticCdState(final double[] xc, final int n, final int m, final int rows, final double[] target) {
        this.xc = xc;
        this.n = n;
        this.m = m;
        this.rows = rows;
        this.target = target;
        this.w = new double[rows * m];
        this.b = new double[rows];
        this.eta = new double[rows * n];
        this.expEta = rows > 1 ? new double[rows * n] : null;
        this.shift = rows > 1 ? new double[n] : null;
        this.sumExp = rows > 1 ? new double[n] : null;
    }

    /** Recomputes η from the weights and intercepts, and the probabilities' parts. */
    void recomputeEta() {
        for (int k = 0; k < rows; k++) {
            java.util.Arrays.fill(eta, k * n, (k + 1) * n, b[k]);
            for (int j = 0; j < m; j++) {
                final double wj = w[k * m + j];
                if (wj != 0) {
                    ColumnKernels.axpy(eta, k * n, wj, xc, j * n, n);
                }
            }
        }
        if (rows > 1) {
            for (int i = 0; i < n; i++) {
                rescaleRow(i);
            }
        }
    }

    /** Multinomial: sets row i's shift to its largest η and recomputes its exponentials and their sum. */
    private void rescaleRow(final int i) {
        double max = eta[i];
        for (int k = 1; k < rows; k++) {
            max = Math.max(max, eta[k * n + i]);
        }
        shift[i] = max;
        double sum = 0;
        for (int k = 0; k < rows; k++) {
            final double e = Math.exp(eta[k * n + i] - max);
            expEta[k * n + i] = e;
            sum += e;
        }
        sumExp[i] = sum;
    }

    /** Adds {@code delta[i]} to class k's η and updates the probabilities' parts. */
    void addToEta(final int k, final double[] delta) {
        final int off = k * n;
        for (int i = 0; i < n; i++) {
            eta[off + i] += delta[i];
        }
        if (rows == 1) {
            return;
        }
        for (int i = 0; i < n; i++) {
            expEta[off + i] = Math.exp(eta[off + i] - shift[i]);
        }
        java.util.Arrays.fill(sumExp, 0.0);
        for (int l = 0; l < rows; l++) {
            final int lo = l * n;
            for (int i = 0; i < n; i++) {
                sumExp[i] += expEta[lo + i];
            }
        }
        for (int i = 0; i < n; i++) {
            // keep exp(η − shift) within range: a row whose largest term left [e^-30, e^30] is rescaled
            if (!(sumExp[i] < 1e13 && sumExp[i] > 1e-13)) {
                rescaleRow(i);
            }
        }
    }

    /** p_ik: the probability of class k (binary: of the second class) at row i. */
    double probability(final int k, final int i) {
        if (rows == 1) {
            return 1.0 / (1.0 + Math.exp(-eta[i]));
        }
        return expEta[k * n + i] / sumExp[i];
    }

    /** Writes class k's residual p − t into {@code g} and its curvature max(p(1 − p), floor) into {@code h}. */
    void residualAndCurvature(final int k, final double[] g, final double[] h) {
        final int off = k * n;
        for (int i = 0; i < n; i++) {
            final double p = probability(k, i);
            g[i] = p - target[off + i];
            h[i] = Math.max(p * (1 - p), MIN_CURVATURE);
        }
    }

    /** Writes every class's residual p − t, class-major, into {@code r} (rows × n). */
    void residuals(final double[] r) {
        for (int k = 0; k < rows; k++) {
            final int off = k * n;
            for (int i = 0; i < n; i++) {
                r[off + i] = probability(k, i) - target[off + i];
            }
        }
    }

    /** Σ_i loss_i: the log loss summed over the rows. */
    double lossSum() {
        double sum = 0;
        if (rows == 1) {
            for (int i = 0; i < n; i++) {
                // log(1 + exp(−y η)) with y = ±1, computed without overflow
                final double z = target[i] > 0.5 ? -eta[i] : eta[i];
                sum += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            }
            return sum;
        }
        for (int i = 0; i < n; i++) {
            double own = 0;
            for (int k = 0; k < rows; k++) {
                if (target[k * n + i] != 0) {
                    own = eta[k * n + i];
                }
            }
            sum += Math.log(sumExp[i]) + shift[i] - own;
        }
        return sum;
    }

    /**
     * The gradient of the summed loss with respect to every weight, class-major rows × m, into {@code out};
     * {@code r} receives the residuals (rows × n) on the way.
     */
    void gradient(final double[] r, final double[] out) {
        residuals(r);
        java.util.Arrays.fill(out, 0.0);
        // blocks of rows, and four columns at a time against every class's residuals: the block's columns
        // and residuals stay in cache while the classes pass, so the data is read from memory once
        for (int i0 = 0; i0 < n; i0 += GRADIENT_ROW_BLOCK) {
            final int length = Math.min(GRADIENT_ROW_BLOCK, n - i0);
            int j = 0;
            for (; j + 3 < m; j += 4) {
                for (int k = 0; k < rows; k++) {
                    ColumnKernels.addDot4(xc, j, n, i0, r, k * n + i0, length, out, k * m + j);
                }
            }
            for (; j < m; j++) {
                for (int k = 0; k < rows; k++) {
                    out[k * m + j] += ColumnKernels.dot(xc, j * n + i0, r, k * n + i0, length);
                }
            }
        }
    }

    /** The gradient of the summed loss with respect to class k's intercept, from residuals r. */
    double interceptGradient(final double[] r, final int k) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += r[k * n + i];
        }
        return s;
    }
}
