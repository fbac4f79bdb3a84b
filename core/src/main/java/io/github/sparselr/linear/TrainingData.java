package io.github.sparselr.linear;

import io.github.sparselr.data.DenseDataset;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The checks every solver makes of its training data, with one set of messages: labels and rows
 * present, at least two classes, every value finite. Shared by {@link SagaSolver} and the path solvers.
 */
public final class TrainingData {

    private TrainingData() {
    }

    /**
     * @return the data's labels, one per row
     * @throws IllegalArgumentException if the data has no labels or no rows
     */
    public static String[] requireLabelledRows(final DenseDataset data) {
        final String[] labels = data.labels();
        if (labels == null) {
            throw new IllegalArgumentException("The data has no labels; the solver needs one class label per row.");
        }
        if (data.rows() == 0) {
            throw new IllegalArgumentException("The data has no rows; fitting needs at least one row per class.");
        }
        return labels;
    }

    /**
     * Requires a class label in every row.
     *
     * @throws IllegalArgumentException naming the first row without a label
     */
    public static void requireEveryRowLabelled(final String[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new IllegalArgumentException("Row " + i + " has no class label; remove or fill the rows "
                    + "without a label.");
            }
        }
    }

    /**
     * @param labels one non-null label per row
     * @return the sorted distinct classes, as scikit-learn's {@code classes_}
     * @throws IllegalArgumentException if there is only one class
     */
    public static List<String> requireTwoOrMoreClasses(final String[] labels) {
        final List<String> classes = List.copyOf(new TreeSet<>(Arrays.asList(labels)));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("The solver needs samples of at least 2 classes in the data, but the "
                + "data contains only one class: '" + classes.get(0) + "'.");
        }
        return classes;
    }

    /**
     * Requires every value to be finite, and finds the columns that hold only zeros (in one pass: the
     * solvers leave such columns out, as standardized constant columns are).
     *
     * @return one flag per column, true where the column holds only zeros
     * @throws IllegalArgumentException naming the column and row of the first NaN or infinite value
     */
    public static boolean[] requireFiniteAndFindZeroColumns(final DenseDataset data) {
        final double[] v = data.values();
        final int d = data.cols();
        final boolean[] zero = new boolean[d];
        Arrays.fill(zero, true);
        for (int row = 0, i = 0; row < data.rows(); row++) {
            for (int j = 0; j < d; j++, i++) {
                if (v[i] != 0) {
                    zero[j] = false;
                    if (!Double.isFinite(v[i])) {
                        throw new IllegalArgumentException("Column '" + data.columnNames().get(j) + "' holds "
                            + (Double.isNaN(v[i]) ? "a missing value (NaN)" : "an infinite value") + " in row " + row
                            + "; remove or impute such values before fitting.");
                    }
                }
            }
        }
        return zero;
    }
}
