package io.github.sparselr.preprocessing;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A fitted {@link StandardScaler}: per-column mean, variance and scale with scikit-learn's names
 * ({@code mean_}, {@code var_}, {@code scale_}, {@code n_samples_seen_}). Immutable; accessors return
 * copies.
 */
public final class ScalerModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> columnNames;
    private final double[] mean;
    private final double[] variance;
    private final double[] scale;
    private final long samplesSeen;
    private final boolean withMean;
    private final boolean withStd;

    /**
     * Creates a model from its statistics, as {@link StandardScaler#fit} does or as a saved model is
     * read back.
     *
     * @param columnNames the columns, in the order of the arrays
     * @param mean the column means; null only when both {@code withMean} and {@code withStd} are off
     * @param variance the population variances; null exactly when {@code withStd} is off
     * @param scale the divisors; null exactly when {@code withStd} is off
     * @param samplesSeen the number of rows fitted
     * @param withMean whether {@link #transform} subtracts the mean
     * @param withStd whether {@link #transform} divides by the scale
     */
    public ScalerModel(final List<String> columnNames, final double[] mean, final double[] variance,
        final double[] scale, final long samplesSeen, final boolean withMean, final boolean withStd) {
        this.columnNames = List.copyOf(columnNames);
        final int cols = this.columnNames.size();
        if ((withMean || withStd) && (mean == null || mean.length != cols)) {
            throw new IllegalArgumentException("A scaler model needs one mean per column (" + cols + ").");
        }
        if (withStd && (variance == null || variance.length != cols || scale == null || scale.length != cols)) {
            throw new IllegalArgumentException(
                "A scaler model that scales needs one variance and one scale per column (" + cols + ").");
        }
        if (!withStd && (variance != null || scale != null)) {
            throw new IllegalArgumentException("A scaler model without with_std has no variance or scale.");
        }
        if (samplesSeen < 1) {
            throw new IllegalArgumentException("samplesSeen must be at least 1, was " + samplesSeen + ".");
        }
        this.mean = mean == null ? null : mean.clone();
        this.variance = variance == null ? null : variance.clone();
        this.scale = scale == null ? null : scale.clone();
        this.samplesSeen = samplesSeen;
        this.withMean = withMean;
        this.withStd = withStd;
    }

    /**
     * Standardizes a dense row-major matrix whose columns are this model's columns, in order.
     *
     * @return a new array; the input is not changed
     */
    public double[] transform(final double[] values, final int rows) {
        final double[] out = values.clone();
        transformInPlace(out, rows);
        return out;
    }

    /**
     * Standardizes in place: {@code x - mean}, then {@code / scale}, two roundings as scikit-learn
     * (docs/saga.md §10; a true division, not a multiplication by the reciprocal).
     */
    public void transformInPlace(final double[] values, final int rows) {
        final int cols = columnNames.size();
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("The matrix holds " + values.length + " values, but " + rows
                + " rows of the model's " + cols + " columns need " + (long) rows * cols + ".");
        }
        for (int i = 0; i < rows; i++) {
            final int offset = i * cols;
            if (withMean) {
                for (int j = 0; j < cols; j++) {
                    values[offset + j] -= mean[j];
                }
            }
            if (withStd) {
                for (int j = 0; j < cols; j++) {
                    values[offset + j] /= scale[j];
                }
            }
        }
    }

    public List<String> columnNames() {
        return columnNames;
    }

    /** scikit-learn {@code mean_}; null when both options are off. */
    public double[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** scikit-learn {@code var_}; null without {@code with_std}. */
    public double[] variance() {
        return variance == null ? null : variance.clone();
    }

    /** scikit-learn {@code scale_}; null without {@code with_std}. */
    public double[] scale() {
        return scale == null ? null : scale.clone();
    }

    /** scikit-learn {@code n_samples_seen_}. */
    public long samplesSeen() {
        return samplesSeen;
    }

    public boolean withMean() {
        return withMean;
    }

    public boolean withStd() {
        return withStd;
    }

    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof ScalerModel)) {
            return false;
        }
        final ScalerModel other = (ScalerModel) obj;
        return samplesSeen == other.samplesSeen && withMean == other.withMean && withStd == other.withStd
            && columnNames.equals(other.columnNames) && Arrays.equals(mean, other.mean)
            && Arrays.equals(variance, other.variance) && Arrays.equals(scale, other.scale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columnNames, Arrays.hashCode(mean), Arrays.hashCode(variance), Arrays.hashCode(scale),
            samplesSeen, withMean, withStd);
    }

    @Override
    public String toString() {
        return "ScalerModel[" + columnNames.size() + " columns, " + samplesSeen + " samples, with_mean=" + withMean
            + ", with_std=" + withStd + "]";
    }
}
