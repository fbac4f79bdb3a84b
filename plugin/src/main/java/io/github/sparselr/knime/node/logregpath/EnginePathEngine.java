package io.github.sparselr.knime.node.logregpath;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.path.CGrid;
import io.github.sparselr.linear.path.CrossValidatedPath;
import io.github.sparselr.linear.path.NewtonCdPathSolver;
import io.github.sparselr.linear.path.PathProgress;
import io.github.sparselr.linear.path.PathResult;
import io.github.sparselr.linear.path.PathSolver;
import io.github.sparselr.linear.path.SagaPathSolver;
import io.github.sparselr.linear.path.SelectionRule;

/**
 * The node's engine: sparselr's grid of C ({@link CGrid}), its path solvers ({@link SagaPathSolver},
 * {@link NewtonCdPathSolver}) and {@link CrossValidatedPath}.
 */
final class EnginePathEngine implements PathEngine {

    @Override
    public double[] grid(final DenseDataset data, final SagaParameters base, final boolean automatic, final int count,
        final double factor, final double min, final double max) {
        return automatic ? CGrid.automatic(data, base.penalty(), base.l1Ratio(), count, factor, base.fitIntercept())
            : CGrid.logSpaced(count, min, count == 1 ? min : max); // one C is C_min, as the description says
    }

    @Override
    public PathResult run(final DenseDataset data, final double[] cs, final String solver, final SagaParameters base,
        final int folds, final long seed, final SelectionRule rule, final int threads, final PathProgress progress) {
        final PathSolver path = LogRegPathSettings.SOLVER_SAGA.equals(solver) ? new SagaPathSolver(base)
            : new NewtonCdPathSolver(base);
        return CrossValidatedPath.run(data, cs, path, folds, seed, rule, threads, progress);
    }
}
