package io.github.sparselr.bench;

import io.github.sparselr.data.DenseDataset;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The multinomial L1 objective that glmnet and sparselr both minimize, computed the same way for both in
 * scripts/bench-path.sh: the mean log loss −(1/N) Σ log p(yᵢ | xᵢ) plus λ‖W‖₁ (intercepts unpenalized),
 * with the softmax taken stably. Independent of the solvers' own code.
 */
final class Objective {

    private Objective() {
    }

    /**
     * @param coef classes × features, row-major
     * @param intercept one per class
     */
    static double of(final DenseDataset data, final double[] coef, final double[] intercept, final double lambda) {
        final List<String> classes = List.copyOf(new TreeSet<>(Arrays.asList(data.labels())));
        final int k = classes.size();
        final int d = data.cols();
        final int n = data.rows();
        // only the weights that are not zero enter the scores
        final int[][] nonZero = new int[k][];
        for (int c = 0; c < k; c++) {
            final int row = c * d;
            nonZero[c] = java.util.stream.IntStream.range(0, d).filter(j -> coef[row + j] != 0).toArray();
        }
        final double[] x = data.values();
        final double[] z = new double[k];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = intercept[c];
                for (final int j : nonZero[c]) {
                    s += coef[c * d + j] * x[i * d + j];
                }
                z[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z[c] - max);
            }
            loss += Math.log(sum) + max - z[java.util.Collections.binarySearch(classes, data.labels()[i])];
        }
        double abs = 0;
        for (final double w : coef) {
            abs += Math.abs(w);
        }
        return loss / n + lambda * abs;
    }

    /**
     * The smallest λ at which all weights are zero: the largest |∂/∂w_jk| of the mean log loss at the
     * intercept-only model, whose probabilities are the class frequencies (glmnet's λ_max).
     */
    static double lambdaMax(final DenseDataset data) {
        final List<String> classes = List.copyOf(new TreeSet<>(Arrays.asList(data.labels())));
        final int k = classes.size();
        final int d = data.cols();
        final int n = data.rows();
        final int[] y = new int[n];
        final double[] frequency = new double[k];
        for (int i = 0; i < n; i++) {
            y[i] = java.util.Collections.binarySearch(classes, data.labels()[i]);
            frequency[y[i]] += 1.0 / n;
        }
        final double[] gradient = new double[k * d];
        final double[] x = data.values();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                final double r = frequency[c] - (y[i] == c ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    gradient[c * d + j] += r * x[i * d + j];
                }
            }
        }
        double max = 0;
        for (final double g : gradient) {
            max = Math.max(max, Math.abs(g) / n);
        }
        return max;
    }
}
