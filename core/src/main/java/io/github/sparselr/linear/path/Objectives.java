package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The penalized objective of a logistic regression and how far a fit is from its optimum
 * ({@code docs/saga.md} §14), so a user can tell whether a model's zeros belong to the problem or to
 * early stopping.
 *
 * <p>scikit-learn 1.2.1 minimizes {@code C·Σ loss + ‖W‖₁} (l1), {@code ½‖W‖²} (l2),
 * {@code l1_ratio·‖W‖₁ + (1 − l1_ratio)·½‖W‖²} (elasticnet) or nothing (none) on top of the loss. The
 * objective here is that divided by {@code C·n}: the mean log loss plus penalty / (C·n), the scale of
 * {@code sklearn.metrics.log_loss}. Two classes are scikit-learn's single-row model, y in {−1, +1}
 * (+1 for the second class); three or more are the multinomial model.
 *
 * <p>The optimality violation is the largest violation of that objective's optimality (KKT)
 * conditions: with g the gradient of the mean loss plus the smooth (L2) part and λ = l1_ratio / (C·n),
 * a weight w ≠ 0 violates them by |g + λ·sign w|, a weight at 0 by max(0, |g| − λ), and an intercept
 * (never penalized) by |g|. It is 0 exactly at the optimum.
 */
public final class Objectives {

    private Objectives() {
    }

    /**
     * The objective and optimality violation of a fitted model on data, with the model's n_iter and
     * convergence flag. Penalty, C, l1_ratio and fit_intercept come from {@code model.parameters()}.
     *
     * @param data labelled, finite data with the model's features in order and labels among its classes
     * @throws IllegalArgumentException if the data does not fit the model, naming what differs
     */
    public static Convergence convergence(final LogisticModel model, final DenseDataset data) {
        if (data.cols() != model.featureNames().size()) {
            throw new IllegalArgumentException("The model has " + model.featureNames().size()
                + " features but the data has " + data.cols() + " columns; give the data the model was fitted on.");
        }
        if (!data.columnNames().equals(model.featureNames())) {
            for (int j = 0; j < data.cols(); j++) {
                if (!data.columnNames().get(j).equals(model.featureNames().get(j))) {
                    throw new IllegalArgumentException("Column " + j + " of the data is '" + data.columnNames().get(j)
                        + "' but the model's feature " + j + " is '" + model.featureNames().get(j)
                        + "'; give the data the model was fitted on, with its columns in the same order.");
                }
            }
        }
        final int[] classIndex = classIndices(data, model.classes());
        final SagaParameters p = model.parameters();
        final double[] values = objectiveAndViolation(data.values(), data.rows(), data.cols(), classIndex,
            model.classes().size(), model.coef(), model.intercept(), p.penalty(), p.c(), p.l1Ratio(), p.fitIntercept());
        return new Convergence(values[0], values[1], model.nIter(), model.converged());
    }

    /**
     * Each row's class as its index among {@code classes} (sorted, as {@link LogisticModel#classes()}).
     *
     * @throws IllegalArgumentException if the data has no labels, a label is not among the classes, or
     *             a value is not finite
     */
    public static int[] classIndices(final DenseDataset data, final List<String> classes) {
        final String[] labels = data.labels();
        if (labels == null) {
            throw new IllegalArgumentException(
                "The data has no labels; the objective needs one class label per row.");
        }
        if (data.rows() == 0) {
            throw new IllegalArgumentException("The data has no rows; the objective is a mean over rows.");
        }
        final int[] index = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            index[i] = Collections.binarySearch(classes, labels[i]);
            if (index[i] < 0 || !classes.get(index[i]).equals(labels[i])) {
                throw new IllegalArgumentException("Row " + i + " has the class '" + labels[i]
                    + "', which is not among the model's classes " + classes
                    + "; give data of the classes the model was fitted on.");
            }
        }
        final double[] v = data.values();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("Column '" + data.columnNames().get(i % data.cols())
                    + "' holds " + (Double.isNaN(v[i]) ? "a missing value (NaN)" : "an infinite value") + " in row "
                    + i / data.cols() + "; remove or impute such values first.");
            }
        }
        return index;
    }

    /**
     * The objective of raw coefficients, for a solver that has no model yet.
     *
     * @see #objectiveAndViolation
     */
    public static double objective(final double[] x, final int rows, final int cols, final int[] classIndex,
        final int classCount, final double[] coef, final double[] intercept, final Penalty penalty, final double c,
        final double l1Ratio) {
        checkShapes(x, rows, cols, classIndex, classCount, coef, intercept);
        checkPenalty(penalty, c, l1Ratio);
        final int k = coefRows(classCount);
        final double[] scores = scores(x, rows, cols, k, coef, intercept);
        return meanLoss(scores, rows, k, classIndex, null) + penaltyOver(coef, penalty, c, l1Ratio, rows);
    }

    /**
     * The objective and the optimality violation of raw coefficients, from one product X·Wᵀ and one
     * product (P − Y)ᵀ·X.
     *
     * @param x row-major, rows × cols
     * @param classIndex each row's class, in [0, classCount)
     * @param classCount the number of classes, ≥ 2; 2 means scikit-learn's single-row binary model
     * @param coef row-major, (1 if classCount is 2, else classCount) × cols; row 0 of a binary model
     *            scores class 1
     * @param intercept one per coefficient row
     * @param penalty the penalty; for {@link Penalty#NONE} C and l1_ratio are ignored
     * @param c the inverse regularization strength, &gt; 0 unless the penalty is none
     * @param l1Ratio the elastic-net mixing in [0, 1] (only for {@link Penalty#ELASTICNET})
     * @param fitIntercept whether the intercepts are free (fitted); if not, they do not count in the
     *            violation
     * @return {objective, optimality violation}
     */
    public static double[] objectiveAndViolation(final double[] x, final int rows, final int cols,
        final int[] classIndex, final int classCount, final double[] coef, final double[] intercept,
        final Penalty penalty, final double c, final double l1Ratio, final boolean fitIntercept) {
        checkShapes(x, rows, cols, classIndex, classCount, coef, intercept);
        checkPenalty(penalty, c, l1Ratio);
        final int k = coefRows(classCount);
        final double[] scores = scores(x, rows, cols, k, coef, intercept);
        // meanLoss turns the scores into the residuals P − Y (binary: the derivative of the loss by z)
        final double loss = meanLoss(scores, rows, k, classIndex, scores);
        final DMatrixRMaj gradient = new DMatrixRMaj(k, cols);
        CommonOps_DDRM.multTransA(DMatrixRMaj.wrap(rows, k, scores), DMatrixRMaj.wrap(rows, cols, x), gradient);
        final double lambda = l1Part(penalty, l1Ratio) / (penaltyC(penalty, c) * rows);
        final double mu = l2Part(penalty, l1Ratio) / (penaltyC(penalty, c) * rows);
        double violation = 0;
        final double[] g = gradient.data;
        for (int i = 0; i < g.length; i++) {
            final double w = coef[i];
            final double smooth = g[i] / rows + mu * w;
            final double v = w != 0 ? Math.abs(smooth + lambda * Math.signum(w)) : Math.max(0, Math.abs(smooth) - lambda);
            violation = Math.max(violation, v);
        }
        if (fitIntercept) {
            for (int c2 = 0; c2 < k; c2++) {
                double sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum += scores[i * k + c2];
                }
                violation = Math.max(violation, Math.abs(sum / rows));
            }
        }
        return new double[] {loss + penaltyOver(coef, penalty, c, l1Ratio, rows), violation};
    }

    /** 1 for two classes (scikit-learn's single-row binary model), else the number of classes. */
    static int coefRows(final int classCount) {
        return classCount == 2 ? 1 : classCount;
    }

    /** X·Wᵀ + b, rows × k. */
    private static double[] scores(final double[] x, final int rows, final int cols, final int k, final double[] coef,
        final double[] intercept) {
        final DMatrixRMaj out = new DMatrixRMaj(rows, k);
        CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(rows, cols, x), DMatrixRMaj.wrap(k, cols, coef), out);
        final double[] s = out.data;
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < k; c++) {
                s[i * k + c] += intercept[c];
            }
        }
        return s;
    }

    /**
     * The mean log loss of the scores; if {@code residuals} is not null, writes into it (it may be the
     * scores themselves) the derivative of each row's loss by its scores: P − Y (multinomial), or
     * −y·σ(−y·z) with y in {−1, +1} (binary).
     */
    private static double meanLoss(final double[] scores, final int rows, final int k, final int[] classIndex,
        final double[] residuals) {
        double sum = 0;
        if (k == 1) {
            for (int i = 0; i < rows; i++) {
                final double y = classIndex[i] == 1 ? 1.0 : -1.0;
                final double yz = y * scores[i];
                // log(1 + exp(−yz)) without overflow
                sum += yz > 0 ? Math.log1p(Math.exp(-yz)) : -yz + Math.log1p(Math.exp(yz));
                if (residuals != null) {
                    // −y·σ(−yz)
                    final double sigma = yz > 0 ? Math.exp(-yz) / (1 + Math.exp(-yz)) : 1 / (1 + Math.exp(yz));
                    residuals[i] = -y * sigma;
                }
            }
            return sum / rows;
        }
        for (int i = 0; i < rows; i++) {
            final int offset = i * k;
            double max = scores[offset];
            for (int c = 1; c < k; c++) {
                max = Math.max(max, scores[offset + c]);
            }
            double expSum = 0;
            for (int c = 0; c < k; c++) {
                expSum += Math.exp(scores[offset + c] - max);
            }
            final double logSumExp = max + Math.log(expSum);
            sum += logSumExp - scores[offset + classIndex[i]];
            if (residuals != null) {
                for (int c = 0; c < k; c++) {
                    residuals[offset + c] = Math.exp(scores[offset + c] - logSumExp);
                }
                residuals[offset + classIndex[i]] -= 1;
            }
        }
        return sum / rows;
    }

    /** The penalty divided by C·n. */
    private static double penaltyOver(final double[] coef, final Penalty penalty, final double c, final double l1Ratio,
        final int rows) {
        if (penalty == Penalty.NONE) {
            return 0;
        }
        double l1 = 0;
        double l2 = 0;
        for (final double w : coef) {
            l1 += Math.abs(w);
            l2 += w * w;
        }
        return (l1Part(penalty, l1Ratio) * l1 + l2Part(penalty, l1Ratio) * 0.5 * l2) / (c * rows);
    }

    /** The weight of ‖W‖₁ in scikit-learn's penalty: 1 (l1), l1_ratio (elasticnet), 0 (l2, none). */
    static double l1Part(final Penalty penalty, final double l1Ratio) {
        switch (penalty) {
            case L1: return 1;
            case ELASTICNET: return l1Ratio;
            default: return 0;
        }
    }

    /** The weight of ½‖W‖² in scikit-learn's penalty: 1 (l2), 1 − l1_ratio (elasticnet), 0 (l1, none). */
    static double l2Part(final Penalty penalty, final double l1Ratio) {
        switch (penalty) {
            case L2: return 1;
            case ELASTICNET: return 1 - l1Ratio;
            default: return 0;
        }
    }

    /** C, or 1 for no penalty (whose parts are 0, so that C is never divided by). */
    private static double penaltyC(final Penalty penalty, final double c) {
        return penalty == Penalty.NONE ? 1 : c;
    }

    private static void checkPenalty(final Penalty penalty, final double c, final double l1Ratio) {
        if (penalty == null) {
            throw new IllegalArgumentException("penalty must be one of l1, l2, elasticnet, none; was null.");
        }
        if (penalty != Penalty.NONE && !(c > 0 && c < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("C must be a finite positive number, was " + c + ".");
        }
        if (!(l1Ratio >= 0 && l1Ratio <= 1)) {
            throw new IllegalArgumentException("l1_ratio must be in [0, 1], was " + l1Ratio + ".");
        }
    }

    private static void checkShapes(final double[] x, final int rows, final int cols, final int[] classIndex,
        final int classCount, final double[] coef, final double[] intercept) {
        if (rows < 1 || cols < 0 || (long) rows * cols != x.length) {
            throw new IllegalArgumentException("The matrix holds " + x.length + " values, which are not " + rows
                + " rows (at least 1) of " + cols + " columns.");
        }
        if (classCount < 2) {
            throw new IllegalArgumentException("A logistic model needs at least two classes, got " + classCount + ".");
        }
        final int k = coefRows(classCount);
        if (coef.length != (long) k * cols || intercept.length != k) {
            throw new IllegalArgumentException("A model of " + classCount + " classes and " + cols + " features needs "
                + k + " x " + cols + " coefficients and " + k + " intercepts; got " + coef.length + " and "
                + intercept.length + ".");
        }
        if (classIndex.length != rows) {
            throw new IllegalArgumentException("There are " + classIndex.length + " class indices for " + rows
                + " rows; give exactly one per row.");
        }
        for (int i = 0; i < rows; i++) {
            if (classIndex[i] < 0 || classIndex[i] >= classCount) {
                throw new IllegalArgumentException("Row " + i + " has class index " + classIndex[i] + ", outside 0.."
                    + (classCount - 1) + ".");
            }
        }
    }
}
