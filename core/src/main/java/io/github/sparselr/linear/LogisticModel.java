package io.github.sparselr.linear;

import io.github.sparselr.data.DenseDataset;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A fitted logistic regression, scikit-learn's {@code LogisticRegression} state: {@code classes_}
 * (sorted), {@code coef_} and {@code intercept_} (one row per class, or a single row for two classes,
 * as scikit-learn 1.2.1 fits them), {@code n_iter_}, whether the stopping rule was met, and the
 * per-epoch history of the max relative weight change. Immutable; accessors return copies.
 */
public final class LogisticModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> classes;
    private final List<String> featureNames;
    private final double[] coef;
    private final double[] intercept;
    private final int nIter;
    private final boolean converged;
    private final double[] history;
    private final SagaParameters parameters;

    /**
     * @param coef row-major, {@link #coefRows()} × features: one row per class, or one row (the
     *            decision for {@code classes.get(1)}) when there are two classes
     */
    public LogisticModel(final List<String> classes, final List<String> featureNames, final double[] coef,
        final double[] intercept, final int nIter, final boolean converged, final double[] history,
        final SagaParameters parameters) {
        this.classes = List.copyOf(classes);
        this.featureNames = List.copyOf(featureNames);
        if (this.classes.size() < 2) {
            throw new IllegalArgumentException("A logistic model needs at least two classes, got " + classes + ".");
        }
        final int rows = this.classes.size() == 2 ? 1 : this.classes.size();
        if (coef.length != rows * this.featureNames.size() || intercept.length != rows) {
            throw new IllegalArgumentException("A model of " + this.classes.size() + " classes and "
                + this.featureNames.size() + " features needs " + rows + " x " + this.featureNames.size()
                + " coefficients and " + rows + " intercepts; got " + coef.length + " and " + intercept.length + ".");
        }
        this.coef = coef.clone();
        this.intercept = intercept.clone();
        this.nIter = nIter;
        this.converged = converged;
        this.history = history.clone();
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public List<String> classes() {
        return classes;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** 1 for a two-class model, else the number of classes. */
    public int coefRows() {
        return intercept.length;
    }

    /** {@code coef_}, row-major {@link #coefRows()} × features. */
    public double[] coef() {
        return coef.clone();
    }

    /** One row of {@code coef_}. */
    public double[] coefRow(final int row) {
        final int d = featureNames.size();
        return Arrays.copyOfRange(coef, row * d, (row + 1) * d);
    }

    /** {@code intercept_}. */
    public double[] intercept() {
        return intercept.clone();
    }

    /** {@code n_iter_}: the epoch at which the fit stopped (max_iter if the rule was never met). */
    public int nIter() {
        return nIter;
    }

    /** Whether the stopping rule was met; false means max_iter was reached first. */
    public boolean converged() {
        return converged;
    }

    /** The max relative weight change after each epoch. */
    public double[] history() {
        return history.clone();
    }

    public SagaParameters parameters() {
        return parameters;
    }

    /** The number of coefficients that are not exactly zero. */
    public int nonZeroCount() {
        int count = 0;
        for (final double w : coef) {
            if (w != 0) {
                count++;
            }
        }
        return count;
    }

    /** The share of coefficients that are exactly zero, in [0, 1]. */
    public double sparsity() {
        return 1.0 - (double) nonZeroCount() / coef.length;
    }

    /**
     * {@code decision_function}: {@code X · coefᵀ + intercept}, rows × {@link #coefRows()}, by EJML's
     * matrix product.
     */
    public double[] decisionFunction(final double[] x, final int rows) {
        final int d = featureNames.size();
        if ((long) rows * d != x.length) {
            throw new IllegalArgumentException("The matrix holds " + x.length + " values, but " + rows
                + " rows of the model's " + d + " features need " + (long) rows * d + ".");
        }
        final int k = coefRows();
        final DMatrixRMaj scores = new DMatrixRMaj(rows, k);
        CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(rows, d, x), DMatrixRMaj.wrap(k, d, coef), scores);
        final double[] out = scores.data;
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < k; c++) {
                out[i * k + c] += intercept[c];
            }
        }
        return out;
    }

    /** Predicted classes and, from the same scores, class probabilities (rows × classes). */
    public record Predictions(String[] classes, double[] probabilities) {
    }

    /** {@code predict_proba}: rows × classes; a row softmax, or (1 − p, p) with p = expit(z) for two classes. */
    public double[] predictProba(final double[] x, final int rows) {
        return probabilities(decisionFunction(x, rows), rows);
    }

    /** {@code predict}: the class of the highest score, the first on ties. */
    public String[] predict(final double[] x, final int rows) {
        return labels(decisionFunction(x, rows), rows);
    }

    /** {@link #predict} and {@link #predictProba} from one matrix product. */
    public Predictions predictWithProbabilities(final double[] x, final int rows) {
        final double[] scores = decisionFunction(x, rows);
        return new Predictions(labels(scores, rows), probabilities(scores, rows));
    }

    private double[] probabilities(final double[] scores, final int rows) {
        final int classCount = classes.size();
        final double[] proba = new double[rows * classCount];
        if (classCount == 2) {
            for (int i = 0; i < rows; i++) {
                final double p = 1.0 / (1.0 + Math.exp(-scores[i]));
                proba[2 * i] = 1 - p;
                proba[2 * i + 1] = p;
            }
            return proba;
        }
        for (int i = 0; i < rows; i++) {
            final int offset = i * classCount;
            double max = scores[offset];
            for (int c = 1; c < classCount; c++) {
                max = Math.max(max, scores[offset + c]);
            }
            double sum = 0;
            for (int c = 0; c < classCount; c++) {
                proba[offset + c] = Math.exp(scores[offset + c] - max);
                sum += proba[offset + c];
            }
            for (int c = 0; c < classCount; c++) {
                proba[offset + c] /= sum;
            }
        }
        return proba;
    }

    private String[] labels(final double[] scores, final int rows) {
        final String[] out = new String[rows];
        final int k = coefRows();
        for (int i = 0; i < rows; i++) {
            if (k == 1) {
                out[i] = classes.get(scores[i] > 0 ? 1 : 0);
                continue;
            }
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (scores[i * k + c] > scores[i * k + best]) {
                    best = c;
                }
            }
            out[i] = classes.get(best);
        }
        return out;
    }

    /** {@code score}: the accuracy on a labelled dataset with the model's features in order. */
    public double score(final DenseDataset data) {
        if (data.labels() == null) {
            throw new IllegalArgumentException("score needs labels; the dataset has none.");
        }
        final String[] predicted = predict(data.values(), data.rows());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i].equals(data.labels()[i])) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof LogisticModel)) {
            return false;
        }
        final LogisticModel o = (LogisticModel) obj;
        return nIter == o.nIter && converged == o.converged && classes.equals(o.classes)
            && featureNames.equals(o.featureNames) && Arrays.equals(coef, o.coef) && Arrays.equals(intercept, o.intercept)
            && Arrays.equals(history, o.history) && parameters.equals(o.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classes, featureNames, Arrays.hashCode(coef), Arrays.hashCode(intercept), nIter);
    }

    @Override
    public String toString() {
        return "LogisticModel[" + classes.size() + " classes, " + featureNames.size() + " features, n_iter=" + nIter
            + (converged ? "" : " (max_iter reached)") + ", sparsity=" + sparsity() + "]";
    }
}
