package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.TrainingData;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A path problem checked and laid out for the coordinate-descent solver: the sorted classes (as
 * scikit-learn's {@code classes_}), the data's non-zero columns copied column-major, and each row's class
 * as an indicator per coefficient row.
 */
final class Problem {

    final List<String> classes;
    final List<String> featureNames;
    final int n;
    final int d;
    /** the data's column index of each used column */
    final int[] usedColumns;
    final double[] xc;
    final double[] target;
    final int rows;
    private final int[] classCounts;

    private Problem(final List<String> classes, final List<String> featureNames, final int n, final int d,
        final int[] usedColumns, final double[] xc, final double[] target, final int rows, final int[] classCounts) {
        this.classes = classes;
        this.featureNames = featureNames;
        this.n = n;
        this.d = d;
        this.usedColumns = usedColumns;
        this.xc = xc;
        this.target = target;
        this.rows = rows;
        this.classCounts = classCounts;
    }

    /**
     * @throws IllegalArgumentException naming the problem: no labels, no rows, one class, a non-finite
     *             value, or values of C that are missing, not positive and finite, or not increasing
     */
    static Problem of(final DenseDataset data, final double[] cs) {
        if (data == null) {
            throw new IllegalArgumentException("The path solver needs data; got null.");
        }
        CGrid.requireValid(cs); // one set of messages for every path solver
        final String[] labels = TrainingData.requireLabelledRows(data);
        final int n = data.rows();
        final int d = data.cols();
        TrainingData.requireEveryRowLabelled(labels);
        final List<String> classes = TrainingData.requireTwoOrMoreClasses(labels);
        final double[] v = data.values();
        final boolean[] zero = TrainingData.requireFiniteAndFindZeroColumns(data);
        int m = 0;
        final int[] usedColumns = new int[d];
        for (int j = 0; j < d; j++) {
            if (!zero[j]) {
                usedColumns[m++] = j;
            }
        }
        final double[] xc = new double[Math.multiplyExact(m, n)];
        for (int row = 0; row < n; row++) {
            final int offset = row * d;
            for (int q = 0; q < m; q++) {
                xc[q * n + row] = v[offset + usedColumns[q]];
            }
        }
        final int rows = classes.size() == 2 ? 1 : classes.size();
        final double[] target = new double[rows * n];
        final int[] counts = new int[classes.size()];
        for (int i = 0; i < n; i++) {
            final int c = Collections.binarySearch(classes, labels[i]);
            counts[c]++;
            if (rows == 1) {
                target[i] = c;
            } else {
                target[c * n + i] = 1;
            }
        }
        return new Problem(classes, data.columnNames(), n, d, Arrays.copyOf(usedColumns, m), xc, target, rows, counts);
    }

    LogisticCdState newState() {
        return new LogisticCdState(xc, n, usedColumns.length, rows, target);
    }

    /** The intercepts that are optimal with all weights zero: the log class frequencies (binary: log-odds). */
    void setInterceptOnlyOptimum(final LogisticCdState state) {
        if (rows == 1) {
            state.b[0] = Math.log((double) classCounts[1] / classCounts[0]);
            return;
        }
        for (int k = 0; k < rows; k++) {
            // every class has rows: the classes are the labels' distinct values
            state.b[k] = Math.log((double) classCounts[k] / n);
        }
    }

    /** The fitted model of the state, its weights spread over all columns and its intercepts summing to 0. */
    LogisticModel model(final LogisticCdState state, final Convergence convergence, final SagaParameters parameters) {
        final int m = usedColumns.length;
        final double[] coef = new double[rows * d];
        for (int k = 0; k < rows; k++) {
            for (int q = 0; q < m; q++) {
                coef[k * d + usedColumns[q]] = state.w[k * m + q];
            }
        }
        final double[] intercept = state.b.clone();
        if (rows > 1) {
            // the multinomial model is the same for any common shift of the intercepts; SAGA's sum to 0
            double mean = 0;
            for (final double b : intercept) {
                mean += b;
            }
            mean /= rows;
            for (int k = 0; k < rows; k++) {
                intercept[k] -= mean;
            }
        }
        return new LogisticModel(classes, featureNames, coef, intercept, convergence.nIter(), convergence.converged(),
            new double[] {convergence.optimalityViolation()}, parameters);
    }
}
