package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import java.util.List;

/**
 * Fits one model per value of C, in increasing order of C (from the most to the least regularized),
 * each fit warm-started from the previous one. Implementations: SAGA refitted as scikit-learn 1.2.1's
 * {@code LogisticRegression(warm_start=True)} would be, and faster solvers checked against it.
 *
 * <p>Implementations keep no state between calls of {@link #fit}, so that one instance may fit several
 * paths at once from different threads, as {@link CrossValidatedPath} does with its folds.
 */
public interface PathSolver {

    /**
     * @param data labelled, finite data with at least two classes
     * @param cs the values of C, finite, positive and strictly increasing
     * @param progress receives each fit's epochs and each finished point, and may cancel
     * @return one point per value of {@code cs}, in the same order
     * @throws IllegalArgumentException on bad input, naming what is wrong
     * @throws java.util.concurrent.CancellationException if {@code progress} asked to stop
     */
    List<PathPoint> fit(DenseDataset data, double[] cs, PathProgress progress);
}
