package io.github.sparselr.knime.node.logregpath;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.path.PathProgress;
import io.github.sparselr.linear.path.PathResult;
import io.github.sparselr.linear.path.SelectionRule;

/** The node's engine: sparselr's grid, path solvers and cross-validated path (core, io.github.sparselr.linear.path). */
final class EnginePathEngine implements PathEngine {

    @Override
    public double[] grid(final DenseDataset data, final SagaParameters base, final boolean automatic, final int count,
        final double factor, final double min, final double max) {
        throw new UnsupportedOperationException("The grid of C (CGrid) is not in this build yet.");
    }

    @Override
    public PathResult run(final DenseDataset data, final double[] cs, final String solver, final SagaParameters base,
        final int folds, final long seed, final SelectionRule rule, final int threads, final PathProgress progress) {
        throw new UnsupportedOperationException("The path solvers and CrossValidatedPath are not in this build yet.");
    }
}
