package io.github.sparselr.preprocessing;

import java.util.List;
import java.util.Objects;

/**
 * Standardizes features by removing the mean and scaling to unit variance, with the semantics of
 * scikit-learn's {@code StandardScaler} (1.2.1): population variance by the corrected two-pass
 * formula, scale 1 for near-constant columns. Fitting returns an immutable {@link ScalerModel}.
 */
public final class StandardScaler {

    private final boolean withMean;
    private final boolean withStd;

    /**
     * @param withMean subtract the column mean (scikit-learn {@code with_mean})
     * @param withStd divide by the column standard deviation (scikit-learn {@code with_std})
     */
    public StandardScaler(final boolean withMean, final boolean withStd) {
        this.withMean = withMean;
        this.withStd = withStd;
    }

    /** A scaler that centers and scales, scikit-learn's default. */
    public static StandardScaler centeringAndScaling() {
        return new StandardScaler(true, true);
    }

    /**
     * Computes the column statistics of a dense row-major matrix.
     *
     * @param values row-major values, {@code rows * columnNames.size()} of them, all finite
     * @param rows the number of rows, at least 1
     * @param columnNames one name per column; the model applies to tables by these names
     * @return the fitted model
     * @throws IllegalArgumentException on an empty matrix, a shape mismatch or a non-finite value
     */
    public ScalerModel fit(final double[] values, final int rows, final List<String> columnNames) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(columnNames, "columnNames");
        final int cols = columnNames.size();
        if (rows < 1) {
            throw new IllegalArgumentException("The scaler needs at least one row to fit; the input has none.");
        }
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("The matrix holds " + values.length + " values, but " + rows
                + " rows of " + cols + " columns need " + (long) rows * cols + ".");
        }
        requireFinite(values, rows, columnNames);

        // docs/saga.md §10: every column sum is a plain sequential row-by-row accumulation, as numpy's
        // axis-0 reduction of a C-order array does it; the first row initialises the accumulator.
        final double[] sum = new double[cols];
        System.arraycopy(values, 0, sum, 0, cols);
        for (int i = 1; i < rows; i++) {
            final int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                sum[j] += values[offset + j];
            }
        }
        final double n = rows;
        final double[] mean = new double[cols];
        for (int j = 0; j < cols; j++) {
            // updated_mean = (last_sum + new_sum) / count with last_sum = 0.0 on the first fit
            mean[j] = (0.0 + sum[j]) / n;
        }
        if (!withStd) {
            // scikit-learn keeps mean_ unless both options are off
            return new ScalerModel(columnNames, withMean ? mean : null, null, null, rows, withMean, false);
        }

        // Corrected two-pass variance: T = S/n, D = x - T, var = (sum(D^2) - sum(D)^2/n) / n.
        final double[] t = new double[cols];
        for (int j = 0; j < cols; j++) {
            t[j] = sum[j] / n;
        }
        final double[] correction = new double[cols];
        final double[] squares = new double[cols];
        for (int j = 0; j < cols; j++) {
            final double d = values[j] - t[j];
            correction[j] = d;
            squares[j] = d * d;
        }
        for (int i = 1; i < rows; i++) {
            final int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                final double d = values[offset + j] - t[j];
                correction[j] += d;
                squares[j] += d * d;
            }
        }
        final double[] variance = new double[cols];
        final double[] scale = new double[cols];
        final double eps = Math.ulp(1.0);
        for (int j = 0; j < cols; j++) {
            final double unnormalized = squares[j] - correction[j] * correction[j] / n;
            variance[j] = unnormalized / n;
            // _is_constant_feature: var <= n*eps*var + (n*mean*eps)^2 gets scale 1
            final double bound = n * eps * variance[j] + square(n * mean[j] * eps);
            scale[j] = variance[j] <= bound ? 1.0 : Math.sqrt(variance[j]);
        }
        return new ScalerModel(columnNames, mean, variance, scale, rows, withMean, true);
    }

    private static double square(final double x) {
        return x * x;
    }

    private static void requireFinite(final double[] values, final int rows, final List<String> columnNames) {
        final int cols = columnNames.size();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                final double v = values[i * cols + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Column '" + columnNames.get(j) + "' holds "
                        + (Double.isNaN(v) ? "a missing value (NaN)" : "an infinite value") + " in row " + i
                        + "; remove or impute such values before standardizing.");
                }
            }
        }
    }

    public boolean withMean() {
        return withMean;
    }

    public boolean withStd() {
        return withStd;
    }
}
