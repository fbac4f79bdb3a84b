package io.github.sparselr.linear;

import java.io.Serializable;

/**
 * The hyper-parameters of a SAGA fit, with scikit-learn's names and defaults
 * ({@code LogisticRegression(solver="saga")}): penalty, C, l1_ratio, tol, max_iter, fit_intercept and
 * random_state. Validated once, on construction, with messages that name the parameter.
 *
 * @param penalty the regularization
 * @param c the inverse regularization strength C, &gt; 0 (ignored for {@link Penalty#NONE})
 * @param l1Ratio the elastic-net mixing in [0, 1] (used only by {@link Penalty#ELASTICNET})
 * @param tol the stopping tolerance on the max relative weight change per epoch, ≥ 0
 * @param maxIter the maximum number of epochs, ≥ 1
 * @param fitIntercept whether to fit an (unpenalized) intercept per class
 * @param randomState the seed of numpy's RandomState from which the sampler seed is drawn, in [0, 2³²)
 */
public record SagaParameters(Penalty penalty, double c, double l1Ratio, double tol, int maxIter,
    boolean fitIntercept, long randomState) implements Serializable {

    /** The MNIST study's setting: L1, C = 50/5000, tol 0.1, max_iter 100, intercept, seed 0. */
    public static SagaParameters mnistStudy() {
        return new SagaParameters(Penalty.L1, 50.0 / 5000, 0.0, 0.1, 100, true, 0);
    }

    public SagaParameters {
        if (penalty == null) {
            throw new IllegalArgumentException("penalty must be one of l1, l2, elasticnet, none; was null.");
        }
        if (penalty != Penalty.NONE && !(c > 0)) {
            throw new IllegalArgumentException("C must be a positive number (C > 0), was " + c + ".");
        }
        if (!(l1Ratio >= 0 && l1Ratio <= 1)) {
            throw new IllegalArgumentException("l1_ratio must be in [0, 1], was " + l1Ratio + ".");
        }
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be at least 0, was " + tol + ".");
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("max_iter must be at least 1, was " + maxIter + ".");
        }
        if (randomState < 0 || randomState > 0xffffffffL) {
            throw new IllegalArgumentException("random_state must be in [0, 2^32 - 1], was " + randomState + ".");
        }
    }

    public SagaParameters withPenalty(final Penalty p) {
        return new SagaParameters(p, c, l1Ratio, tol, maxIter, fitIntercept, randomState);
    }

    public SagaParameters withC(final double value) {
        return new SagaParameters(penalty, value, l1Ratio, tol, maxIter, fitIntercept, randomState);
    }

    public SagaParameters withL1Ratio(final double value) {
        return new SagaParameters(penalty, c, value, tol, maxIter, fitIntercept, randomState);
    }

    public SagaParameters withTol(final double value) {
        return new SagaParameters(penalty, c, l1Ratio, value, maxIter, fitIntercept, randomState);
    }

    public SagaParameters withMaxIter(final int value) {
        return new SagaParameters(penalty, c, l1Ratio, tol, value, fitIntercept, randomState);
    }

    public SagaParameters withFitIntercept(final boolean value) {
        return new SagaParameters(penalty, c, l1Ratio, tol, maxIter, value, randomState);
    }

    public SagaParameters withRandomState(final long value) {
        return new SagaParameters(penalty, c, l1Ratio, tol, maxIter, fitIntercept, value);
    }

    /** The L2 strength before division by n (docs/saga.md §2, Python float order). */
    double alpha() {
        switch (penalty) {
            case L2: return 1.0 / c;
            case ELASTICNET: return (1.0 / c) * (1 - l1Ratio);
            default: return 0.0;
        }
    }

    /** The L1 strength before division by n (docs/saga.md §2). */
    double beta() {
        switch (penalty) {
            case L1: return 1.0 / c;
            case ELASTICNET: return (1.0 / c) * l1Ratio;
            default: return 0.0;
        }
    }
}
