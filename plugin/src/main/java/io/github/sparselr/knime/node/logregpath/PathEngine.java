package io.github.sparselr.knime.node.logregpath;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.path.PathProgress;
import io.github.sparselr.linear.path.PathResult;
import io.github.sparselr.linear.path.SelectionRule;

/**
 * The engine calls the path node makes, in one place: the grid of C, the path solver and the
 * cross-validated run. The node uses {@link EnginePathEngine}; its tests may pass another.
 */
interface PathEngine {

    /**
     * The values of C, increasing: from the smallest C with a non-zero weight up to {@code factor}
     * times it when {@code automatic}, else from {@code min} to {@code max}; log-spaced.
     */
    double[] grid(DenseDataset data, SagaParameters base, boolean automatic, int count, double factor, double min,
        double max);

    /**
     * Fits the path on all rows (and, for {@code folds} ≥ 2, on each fold's training rows, scoring
     * the held-out rows) and chooses a C by {@code rule}.
     *
     * @throws IllegalArgumentException on input the engine refuses, naming what is wrong
     * @throws java.util.concurrent.CancellationException if {@code progress} asked to stop
     */
    PathResult run(DenseDataset data, double[] cs, String solver, SagaParameters base, int folds, long seed,
        SelectionRule rule, int threads, PathProgress progress);
}
