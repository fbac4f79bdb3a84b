package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import java.util.Arrays;

/**
 * What the coordinate-descent tests need beside {@link Objectives}: the loss gradient of a model written
 * row by row from its predicted probabilities (independent of the solvers' code), and synthetic data.
 */
final class CdTestData {

    private CdTestData() {
    }

    /** λ₁ and λ₂ of the objective per row (mean loss units) for a penalty at C. */
    static double[] strengths(final SagaParameters p, final double c, final int n) {
        switch (p.penalty()) {
            case L1: return new double[] {1.0 / (c * n), 0};
            case L2: return new double[] {0, 1.0 / (c * n)};
            case ELASTICNET: return new double[] {p.l1Ratio() / (c * n), (1 - p.l1Ratio()) / (c * n)};
            default: return new double[] {0, 0};
        }
    }

    /** The gradient of the mean log loss with respect to coef (row-major like coef) and, last, the intercepts. */
    static double[] lossGradient(final DenseDataset data, final LogisticModel model) {
        final int n = data.rows();
        final int d = data.cols();
        final int rows = model.coefRows();
        final int k = model.classes().size();
        final double[] proba = model.predictProba(data.values(), n);
        final double[] g = new double[rows * (d + 1)];
        for (int i = 0; i < n; i++) {
            final int y = model.classes().indexOf(data.labels()[i]);
            for (int r = 0; r < rows; r++) {
                final int cls = rows == 1 ? 1 : r;
                final double residual = (proba[i * k + cls] - (y == cls ? 1 : 0)) / n;
                for (int j = 0; j < d; j++) {
                    g[r * d + j] += residual * data.values()[i * d + j];
                }
                g[rows * d + r] += residual;
            }
        }
        return g;
    }

    /** Three or two classes from a softmax of a sparse linear model of standard normal features, plus a zero column. */
    static DenseDataset synthetic(final int n, final int d, final int classes, final long seed) {
        final java.util.Random random = new java.util.Random(seed);
        final double[] x = new double[n * d];
        final double[][] truth = new double[classes][d];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d; j += 3) {
                truth[c][j] = random.nextGaussian();
            }
        }
        final String[] labels = new String[n];
        final double[] z = new double[classes];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d - 1; j++) { // the last column stays 0
                x[i * d + j] = random.nextGaussian();
            }
            double total = 0;
            for (int c = 0; c < classes; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += truth[c][j] * x[i * d + j];
                }
                z[c] = Math.exp(s);
                total += z[c];
            }
            double u = random.nextDouble() * total;
            int c = 0;
            while (c < classes - 1 && u >= z[c]) {
                u -= z[c];
                c++;
            }
            labels[i] = "class" + c;
        }
        final String[] names = new String[d];
        Arrays.setAll(names, j -> "f" + j);
        return DenseDataset.of(x, n, Arrays.asList(names), labels);
    }

    static SagaParameters parameters(final Penalty penalty, final double l1Ratio, final double tol) {
        return new SagaParameters(penalty, 1.0, l1Ratio, tol, 100_000, true, 0);
    }
}
