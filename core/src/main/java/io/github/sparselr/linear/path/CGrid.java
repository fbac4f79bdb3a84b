package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.TrainingData;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Grids of C for a regularization path ({@code docs/saga.md} §14.3): log-spaced between two values,
 * or automatic, from the smallest C at which some weight is non-zero up to a factor above it; and
 * scikit-learn's {@code l1_min_c} for comparison.
 */
public final class CGrid {

    /**
     * The most values of C a grid may hold. Every value is a whole fit, so 10000 fits are hours of
     * work on data of any size (the node allows 1000); a larger count is a mistake, and an unbounded
     * one would allocate its array before any check (Integer.MAX_VALUE: an OutOfMemoryError).
     */
    public static final int MAX_COUNT = 10_000;

    private CGrid() {
    }

    /**
     * {@code count} values from {@code smallest} to {@code largest}, evenly spaced in log C, as
     * {@code numpy.logspace(log10(smallest), log10(largest), count)} computes them: 10 to the power of
     * {@code log10(smallest) + i·step} with the last exponent {@code log10(largest)}. Java's
     * {@code Math.log10} and {@code Math.pow} may round a last bit differently from glibc's, so a
     * value may differ from numpy's by one unit in the last place (see {@code docs/saga.md} §14.3).
     *
     * @throws IllegalArgumentException unless 1 ≤ count ≤ {@link #MAX_COUNT} and 0 &lt; smallest ≤ largest,
     *             both finite, smallest &lt; largest if count &gt; 1
     */
    public static double[] logSpaced(final int count, final double smallest, final double largest) {
        requireCount(count);
        requirePositiveFinite("The smallest C", smallest);
        requirePositiveFinite("The largest C", largest);
        if (largest < smallest) {
            throw new IllegalArgumentException("The largest C (" + largest + ") is smaller than the smallest ("
                + smallest + "); give the smallest C first.");
        }
        if (count > 1 && largest == smallest) {
            // every path solver refuses a grid that repeats a value (requireValid)
            throw new IllegalArgumentException("The smallest and the largest C are both " + smallest + ", so "
                + count + " values of C would repeat it; give a larger largest C or 1 value of C.");
        }
        // numpy.linspace (numpy/core/function_base.py): start + i * step, the last one set to stop
        final double start = Math.log10(smallest);
        final double stop = Math.log10(largest);
        final double[] out = new double[count];
        final int div = count - 1;
        final double step = div > 0 ? (stop - start) / div : Double.NaN;
        for (int i = 0; i < count; i++) {
            final double exponent = div > 0 && step != 0 ? i * step + start : start;
            out[i] = Math.pow(10.0, exponent);
        }
        if (count > 1) {
            out[count - 1] = Math.pow(10.0, stop);
        }
        return out;
    }

    /**
     * {@code count} log-spaced values of C from {@link #smallestNonZeroC} to {@code factor} times it:
     * the path starts where the first weight leaves zero.
     *
     * @param l1Ratio the weight of the L1 part (1 for penalty l1, l1_ratio for elasticnet), &gt; 0
     * @param factor the largest C over the smallest, &gt; 1 unless count is 1
     * @throws IllegalArgumentException for l1_ratio 0 (pure L2 has no such C: give the smallest C
     *             yourself) and for data on which no C makes a weight non-zero
     */
    public static double[] automatic(final DenseDataset data, final double l1Ratio, final int count,
        final double factor) {
        return automatic(data, l1Ratio, count, factor, true);
    }

    /**
     * {@code count} log-spaced values of C from {@link #smallestNonZeroC(DenseDataset, double, boolean)}
     * to {@code factor} times it, for a model with or without a fitted intercept.
     *
     * @param fitIntercept whether the path's models fit an (unpenalized) intercept
     * @throws IllegalArgumentException as {@link #automatic(DenseDataset, double, int, double)}
     */
    public static double[] automatic(final DenseDataset data, final double l1Ratio, final int count,
        final double factor, final boolean fitIntercept) {
        requireCount(count);
        if (!(factor >= 1 && factor < Double.POSITIVE_INFINITY) || (count > 1 && factor == 1)) {
            throw new IllegalArgumentException("The factor from the smallest to the largest C must be a finite number "
                + "larger than 1, was " + factor + ".");
        }
        final double smallest = smallestNonZeroC(data, l1Ratio, fitIntercept);
        return logSpaced(count, smallest, smallest * factor);
    }

    /**
     * {@link #automatic(DenseDataset, double, int, double)} for a penalty: l1 has l1_ratio 1,
     * elasticnet its own; l2 and none have no smallest C with a non-zero weight.
     */
    public static double[] automatic(final DenseDataset data, final Penalty penalty, final double l1Ratio,
        final int count, final double factor) {
        return automatic(data, penalty, l1Ratio, count, factor, true);
    }

    /**
     * {@link #automatic(DenseDataset, Penalty, double, int, double)} for a model with or without a
     * fitted intercept ({@code fit_intercept}).
     */
    public static double[] automatic(final DenseDataset data, final Penalty penalty, final double l1Ratio,
        final int count, final double factor, final boolean fitIntercept) {
        switch (penalty) {
            case L1: return automatic(data, 1.0, count, factor, fitIntercept);
            case ELASTICNET: return automatic(data, l1Ratio, count, factor, fitIntercept);
            case L2: throw new IllegalArgumentException("With penalty l2 every C gives non-zero weights, so there is "
                + "no automatic smallest C; give the smallest and the largest C yourself.");
            default: throw new IllegalArgumentException("With penalty none C has no effect, so there is no path over "
                + "C; choose penalty l1, elasticnet or l2.");
        }
    }

    /**
     * The smallest C at which some weight of the fitted model is non-zero, for a model with a fitted,
     * unpenalized intercept. At W = 0 the optimal intercepts give each row the class frequencies p as
     * probabilities; W = 0 is optimal iff C·max|Xᵀ(P − Y)| ≤ l1_ratio (Y one-hot, P each row p). So this
     * is l1_ratio / max|Xᵀ(P − Y)|: at or below it every weight is zero, above it some are not.
     * Two classes are scikit-learn's single-row model: P − Y is the one column p₁ − [y = second class].
     *
     * @param l1Ratio the weight of the L1 part (1 for penalty l1), in (0, 1]
     * @throws IllegalArgumentException for l1_ratio 0, on unlabelled, one-class or non-finite data, and
     *             if Xᵀ(P − Y) = 0 (every C gives zero weights)
     */
    public static double smallestNonZeroC(final DenseDataset data, final double l1Ratio) {
        return smallestNonZeroC(data, l1Ratio, true);
    }

    /**
     * The smallest C at which some weight is non-zero, for a model with ({@code fitIntercept}) or
     * without a fitted intercept. Without one the model at W = 0 has b = 0 too: every row's
     * probabilities are 1/K for K ≥ 3 classes and σ(0) = ½ for two, so P is uniform instead of the class
     * frequencies and C_min = l1_ratio / max|Xᵀ(P − Y)| with that P ({@code docs/saga.md} §14.3). It equals
     * the threshold with an intercept when the classes are balanced and the features centered.
     *
     * @param fitIntercept whether the model fits an (unpenalized) intercept
     * @throws IllegalArgumentException as {@link #smallestNonZeroC(DenseDataset, double)}
     */
    public static double smallestNonZeroC(final DenseDataset data, final double l1Ratio,
        final boolean fitIntercept) {
        if (l1Ratio == 0) {
            throw new IllegalArgumentException("With l1_ratio 0 (pure L2) every C gives non-zero weights, so there is "
                + "no automatic smallest C; give the smallest and the largest C yourself.");
        }
        if (!(l1Ratio > 0 && l1Ratio <= 1)) {
            throw new IllegalArgumentException("l1_ratio must be in [0, 1], was " + l1Ratio + ".");
        }
        final List<String> classes = classesOf(data);
        final int[] y = Objectives.classIndices(data, classes);
        final int n = data.rows();
        final int d = data.cols();
        final int k = Objectives.coefRows(classes.size());
        final double[] frequency = new double[classes.size()];
        for (final int c : y) {
            frequency[c]++;
        }
        for (int c = 0; c < frequency.length; c++) {
            // without an intercept the model at W = 0, b = 0 gives every class 1/K (binary: σ(0) = ½)
            frequency[c] = fitIntercept ? frequency[c] / n : 1.0 / frequency.length;
        }
        // Xᵀ(P − Y), k × d; binary: the single row of the second class
        final double[] gradient = new double[k * d];
        final double[] x = data.values();
        final double[] residual = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                final int cls = k == 1 ? 1 : c;
                residual[c] = frequency[cls] - (y[i] == cls ? 1 : 0);
            }
            final int row = i * d;
            for (int c = 0; c < k; c++) {
                final double r = residual[c];
                final int offset = c * d;
                for (int j = 0; j < d; j++) {
                    gradient[offset + j] += r * x[row + j];
                }
            }
        }
        final double max = maxAbs(gradient);
        if (max == 0) {
            throw new IllegalArgumentException("No value of C makes a weight non-zero on this data: every feature is "
                + "uncorrelated with the classes at zero weights (e.g. all features constant). Give the smallest C "
                + "yourself.");
        }
        return l1Ratio / max;
    }

    /**
     * scikit-learn 1.2.1's {@code sklearn.svm.l1_min_c(X, y, loss="log")} (fit_intercept=True,
     * intercept_scaling=1): 2 / max|Y·X| with Y the classes one-vs-rest in {−1, +1} (one row for two
     * classes), the intercept a penalized feature of value 1. For two classes that is the bound for a
     * binary model whose intercept is penalized too; for three or more it is the one-vs-rest bound and
     * not the multinomial model's (see {@link #smallestNonZeroC} and {@code docs/saga.md} §14.3).
     * Equal to scikit-learn's up to the summation order of its matrix product.
     */
    public static double l1MinC(final DenseDataset data) {
        return l1MinC(data, true, 1.0);
    }

    /**
     * {@code l1_min_c(X, y, loss="log", fit_intercept=fitIntercept, intercept_scaling=interceptScaling)}.
     *
     * @throws IllegalArgumentException on unlabelled, one-class or non-finite data, and when
     *             scikit-learn raises "Ill-posed l1_min_c calculation" (the bound is 0)
     */
    public static double l1MinC(final DenseDataset data, final boolean fitIntercept, final double interceptScaling) {
        if (!Double.isFinite(interceptScaling)) {
            throw new IllegalArgumentException("intercept_scaling must be a finite number, was " + interceptScaling
                + ".");
        }
        final List<String> classes = classesOf(data);
        final int[] y = Objectives.classIndices(data, classes);
        final int n = data.rows();
        final int d = data.cols();
        final int k = Objectives.coefRows(classes.size());
        final double[] product = new double[k * d];
        final double[] bias = new double[k];
        final double[] x = data.values();
        for (int i = 0; i < n; i++) {
            final int row = i * d;
            for (int c = 0; c < k; c++) {
                // LabelBinarizer(neg_label=-1): +1 for the row's class, −1 for the others
                final double sign = y[i] == (k == 1 ? 1 : c) ? 1 : -1;
                final int offset = c * d;
                for (int j = 0; j < d; j++) {
                    product[offset + j] += sign * x[row + j];
                }
                bias[c] += sign * interceptScaling;
            }
        }
        double den = maxAbs(product);
        if (fitIntercept) {
            den = Math.max(den, maxAbs(bias));
        }
        if (den == 0) {
            throw new IllegalArgumentException("Ill-posed l1_min_c calculation: l1 will always select zero "
                + "coefficients for this data.");
        }
        return 2.0 / den;
    }

    /**
     * Requires a grid a path can be fitted along: at least one value, each finite and at least
     * {@link Double#MIN_NORMAL} (below it 1/C overflows), strictly increasing.
     *
     * @throws IllegalArgumentException naming the first bad index and value and what to give instead
     */
    public static void requireValid(final double[] cs) {
        if (cs == null || cs.length == 0) {
            throw new IllegalArgumentException("The grid of C is empty; give at least one value of C.");
        }
        for (int i = 0; i < cs.length; i++) {
            if (!(cs[i] > 0 && cs[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("C[" + i + "] is " + cs[i] + "; every C must be a finite number "
                    + "larger than 0.");
            }
            if (cs[i] < Double.MIN_NORMAL) {
                // a subnormal C: the penalty's strength 1/C overflows to infinity and the objective is NaN
                throw new IllegalArgumentException("C[" + i + "] is " + cs[i] + ", below the smallest normal double "
                    + Double.MIN_NORMAL + ", where 1/C overflows; give values of C of at least 1e-300 (every weight "
                    + "is zero long before that).");
            }
            if (i > 0 && !(cs[i] > cs[i - 1])) {
                throw new IllegalArgumentException("C[" + i + "] = " + cs[i] + " is not larger than C[" + (i - 1)
                    + "] = " + cs[i - 1] + "; give the values of C in strictly increasing order (from the most to "
                    + "the least regularized), each once.");
            }
        }
    }

    private static List<String> classesOf(final DenseDataset data) {
        if (data.labels() == null) {
            throw new IllegalArgumentException("The data has no labels; the smallest C needs one class label per "
                + "row.");
        }
        TrainingData.requireEveryRowLabelled(data.labels());
        final List<String> classes = List.copyOf(new TreeSet<>(Arrays.asList(data.labels())));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("The data holds only one class" + (classes.isEmpty() ? ""
                : ", '" + classes.get(0) + "'") + "; a logistic regression needs at least two.");
        }
        return classes;
    }

    private static void requireCount(final int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("The number of values of C must be in [1, " + MAX_COUNT + "], was "
                + count + ".");
        }
    }

    private static double maxAbs(final double[] values) {
        double max = 0;
        for (final double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static void requirePositiveFinite(final String what, final double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(what + " must be a finite number larger than 0, was " + value + ".");
        }
    }
}
