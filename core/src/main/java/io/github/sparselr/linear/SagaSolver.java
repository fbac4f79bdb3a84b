package io.github.sparselr.linear;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.random.RandomState;
import io.github.sparselr.random.SagSampler;
import java.util.Arrays;
import java.util.List;

/**
 * Multinomial logistic regression fitted by SAGA, as scikit-learn 1.2.1's
 * {@code LogisticRegression(solver="saga")} fits it (docs/saga.md §2–§8): same penalties and parameters,
 * same step size, same random samples, same stopping rule, and so the same coefficients.
 *
 * <p>Two classes follow scikit-learn 1.2.1's default ({@code multi_class="auto"}), which newer
 * releases keep: one binary logistic model with the log loss and y in {−1, +1}; its single
 * coefficient row scores {@code classes[1]}. Three or more classes fit one joint multinomial model.
 */
public final class SagaSolver {

    private final SagaParameters parameters;
    private final boolean vectorLanes;
    private final boolean skipZeroColumns;

    public SagaSolver(final SagaParameters parameters) {
        this(parameters, SagaLanes.enabled(), true);
    }

    /**
     * For tests, which compare the ways to the same bits.
     *
     * @param vectorLanes whether to use SIMD lanes if the JVM has them
     * @param skipZeroColumns whether the kernel leaves out all-zero columns where that changes nothing
     */
    SagaSolver(final SagaParameters parameters, final boolean vectorLanes, final boolean skipZeroColumns) {
        this.parameters = parameters;
        this.vectorLanes = vectorLanes && SagaLanes.available();
        this.skipZeroColumns = skipZeroColumns;
    }

    /**
     * @return true if multinomial fits (three or more classes) run SIMD lanes across classes (the
     *         JDK's Vector API: start the JVM with {@code --add-modules jdk.incubator.vector}); binary
     *         fits always run scalar loops. The results are the same bits either way.
     */
    public boolean usesVectorLanes() {
        return vectorLanes;
    }

    /**
     * @param classes the number of classes of a fit
     * @return true if a fit of that many classes runs SIMD lanes: lanes run across classes, and the
     *         binary model's one class would fill a quarter of each vector
     */
    public boolean usesVectorLanesFor(final int classes) {
        return FusedPass.usesLanes(vectorLanes, classes == 2 ? 1 : classes);
    }

    public SagaParameters parameters() {
        return parameters;
    }

    /** Fits on labelled data with unit sample weights, from zero weights. */
    public LogisticModel fit(final DenseDataset data) {
        return fit(data, null, null, FitProgress.NONE);
    }

    /**
     * Fits a model.
     *
     * @param data labelled, finite data with at least two classes
     * @param sampleWeights one finite, non-negative weight per row, or null for all ones
     * @param warmStart a model of the same classes and features to start from, or null to start at zero
     *            (scikit-learn's {@code warm_start}: only coef and intercept carry over)
     * @param progress receives epochs and may cancel
     * @throws IllegalArgumentException on bad input, naming what is wrong
     * @throws ArithmeticException if the weights overflow, as scikit-learn's ValueError
     * @throws java.util.concurrent.CancellationException if {@code progress} asked to stop
     */
    public LogisticModel fit(final DenseDataset data, final double[] sampleWeights, final LogisticModel warmStart,
        final FitProgress progress) {
        final String[] labels = TrainingData.requireLabelledRows(data);
        final int n = data.rows();
        final int d = data.cols();
        final boolean[] zeroColumns = TrainingData.requireFiniteAndFindZeroColumns(data);
        if (!skipZeroColumns) {
            Arrays.fill(zeroColumns, false);
        }
        final List<String> classes = TrainingData.requireTwoOrMoreClasses(labels);
        if (sampleWeights != null) {
            checkSampleWeights(sampleWeights, n);
        }
        final int k = classes.size() == 2 ? 1 : classes.size();
        final double[] target = encodeTarget(labels, classes);

        final double[] initialCoef = new double[k * d];
        final double[] initialIntercept = new double[k];
        if (warmStart != null) {
            checkWarmStart(warmStart, classes, data);
            System.arraycopy(warmStart.coef(), 0, initialCoef, 0, k * d);
            if (parameters.fitIntercept()) {
                System.arraycopy(warmStart.intercept(), 0, initialIntercept, 0, k);
            }
        }

        // docs/saga.md §2 and §3: strengths divided by the row count, then the step size
        final double alphaScaled = parameters.alpha() / n;
        final double betaScaled = parameters.beta() / n;
        final double maxSquaredSum = RowNorms.maxSquaredRowNorm(data.values(), n, d);
        final double lipschitz = 0.25 * (maxSquaredSum + (parameters.fitIntercept() ? 1 : 0)) + alphaScaled;
        final double mun = Math.min(2L * n * alphaScaled, lipschitz);
        final double step = 1.0 / (2 * lipschitz + mun);

        // the loop of the per-sample pass, once for the whole fit: neither the L1 part nor whether
        // wscale's factor 1 - step * alpha_s differs from 1.0 changes within it
        final FusedPass pass = FusedPass.choose(vectorLanes, k, betaScaled > 0, 1.0 - step * alphaScaled != 1.0);
        final SagSampler sampler = SagSampler.seededFrom(new RandomState(parameters.randomState()), n);
        final SagaKernel kernel = new SagaKernel(data.values(), n, d, k, target, sampleWeights, step, alphaScaled,
            betaScaled, parameters, initialCoef, initialIntercept, zeroColumns, sampler, progress, pass);
        kernel.run();
        return new LogisticModel(classes, data.columnNames(), kernel.coefficients(), kernel.intercept, kernel.nIter,
            kernel.converged, Arrays.copyOf(kernel.history, kernel.nIter), parameters);
    }

    /** Class index as a double for the multinomial loss; −1/+1 (+1 for classes[1]) for the binary one. */
    private static double[] encodeTarget(final String[] labels, final List<String> classes) {
        final double[] target = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            final int index = java.util.Collections.binarySearch(classes, labels[i]);
            target[i] = classes.size() == 2 ? (index == 1 ? 1.0 : -1.0) : index;
        }
        return target;
    }

    private static void checkSampleWeights(final double[] weights, final int n) {
        if (weights.length != n) {
            throw new IllegalArgumentException("sample_weight has " + weights.length + " entries for " + n
                + " rows; give exactly one weight per row.");
        }
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("sample_weight must be finite and at least 0, but row " + i
                    + " has " + weights[i] + ".");
            }
        }
    }

    private static void checkWarmStart(final LogisticModel model, final List<String> classes, final DenseDataset data) {
        if (!model.classes().equals(classes)) {
            throw new IllegalArgumentException("The warm-start model has classes " + model.classes()
                + " but the data has " + classes + "; warm start needs the same classes.");
        }
        if (model.featureNames().size() != data.cols()) {
            throw new IllegalArgumentException("The warm-start model has " + model.featureNames().size()
                + " features but the data has " + data.cols() + "; warm start needs the same features.");
        }
    }
}
