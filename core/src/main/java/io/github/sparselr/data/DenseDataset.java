package io.github.sparselr.data;

import java.util.List;
import java.util.Objects;

/**
 * The engine's one data layout: a dense row-major matrix ({@code values[row * cols + col]}), its column
 * names, and optionally one label per row with the name of the target they come from. Readers produce
 * it (the target's name travels with it to the table: nothing downstream guesses it); the scaler and
 * the solver consume it. The arrays are not copied: treat a dataset as read-only once built.
 */
public final class DenseDataset {

    private final double[] values;
    private final int rows;
    private final List<String> columnNames;
    private final String[] labels;
    private final String targetName;

    private DenseDataset(final double[] values, final int rows, final List<String> columnNames,
        final String[] labels, final String targetName) {
        this.values = values;
        this.rows = rows;
        this.columnNames = columnNames;
        this.labels = labels;
        this.targetName = targetName;
    }

    /**
     * A dataset whose target has no name (an unlabelled matrix, or labels made up in a test).
     *
     * @param values row-major, {@code rows * columnNames.size()} of them
     * @param labels one per row, or null for an unlabelled matrix
     */
    public static DenseDataset of(final double[] values, final int rows, final List<String> columnNames,
        final String[] labels) {
        return of(values, rows, columnNames, labels, null);
    }

    /**
     * @param values row-major, {@code rows * columnNames.size()} of them
     * @param labels one per row, or null for an unlabelled matrix
     * @param targetName the name of the column the labels come from (e.g. mnist_784's "class"), or null
     */
    public static DenseDataset of(final double[] values, final int rows, final List<String> columnNames,
        final String[] labels, final String targetName) {
        Objects.requireNonNull(values, "values");
        final List<String> names = List.copyOf(columnNames);
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0, was " + rows + ".");
        }
        if ((long) rows * names.size() != values.length) {
            throw new IllegalArgumentException("The matrix holds " + values.length + " values, but " + rows
                + " rows of " + names.size() + " columns need " + (long) rows * names.size() + ".");
        }
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException(
                "There are " + labels.length + " labels for " + rows + " rows; give exactly one label per row.");
        }
        return new DenseDataset(values, rows, names, labels, targetName);
    }

    public double[] values() {
        return values;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return columnNames.size();
    }

    public List<String> columnNames() {
        return columnNames;
    }

    /** The labels, or null when the dataset has none. */
    public String[] labels() {
        return labels;
    }

    /** The name of the column the labels come from, as the reader found it; null if it has none. */
    public String targetName() {
        return targetName;
    }

    /** A new dataset of the given rows, in the given order (numpy's fancy indexing {@code X[idx]}). */
    public DenseDataset select(final int[] rowIndices) {
        final int cols = cols();
        final double[] out = new double[rowIndices.length * cols];
        final String[] outLabels = labels == null ? null : new String[rowIndices.length];
        for (int r = 0; r < rowIndices.length; r++) {
            final int source = rowIndices[r];
            if (source < 0 || source >= rows) {
                throw new IndexOutOfBoundsException("Row " + source + " is outside 0.." + (rows - 1) + ".");
            }
            System.arraycopy(values, source * cols, out, r * cols, cols);
            if (outLabels != null) {
                outLabels[r] = labels[source];
            }
        }
        return new DenseDataset(out, rowIndices.length, columnNames, outLabels, targetName);
    }

    /** The same labels and names with other values (e.g. standardized ones). */
    public DenseDataset withValues(final double[] newValues) {
        return of(newValues, rows, columnNames, labels, targetName);
    }

    /**
     * The same rows without the named feature columns (names it does not have are passed over), e.g.
     * the attributes OpenML marks as row identifiers or to be ignored.
     */
    public DenseDataset withoutColumns(final java.util.Collection<String> names) {
        final int cols = cols();
        final List<String> kept = new java.util.ArrayList<>(cols);
        final int[] keep = new int[cols];
        int k = 0;
        for (int c = 0; c < cols; c++) {
            if (!names.contains(columnNames.get(c))) {
                kept.add(columnNames.get(c));
                keep[k++] = c;
            }
        }
        if (k == cols) {
            return this;
        }
        final double[] out = new double[rows * k];
        for (int r = 0; r < rows; r++) {
            final int from = r * cols;
            final int to = r * k;
            for (int j = 0; j < k; j++) {
                out[to + j] = values[from + keep[j]];
            }
        }
        return new DenseDataset(out, rows, List.copyOf(kept), labels, targetName);
    }
}
