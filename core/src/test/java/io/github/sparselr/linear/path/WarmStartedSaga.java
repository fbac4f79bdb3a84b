package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import java.util.ArrayList;
import java.util.List;

/**
 * For the tests: a path as scikit-learn's {@code LogisticRegression(solver="saga", warm_start=True)}
 * refitted along the grid makes it, by {@link SagaSolver} with the previous point's model as warm start.
 * Its convergence reports n_iter and stopping only (objective and violation are NaN).
 */
final class WarmStartedSaga implements PathSolver {

    private final SagaParameters parameters;

    WarmStartedSaga(final SagaParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<PathPoint> fit(final DenseDataset data, final double[] cs, final PathProgress progress) {
        final List<PathPoint> points = new ArrayList<>(cs.length);
        LogisticModel model = null;
        for (int i = 0; i < cs.length; i++) {
            final long start = System.nanoTime();
            model = new SagaSolver(parameters.withC(cs[i])).fit(data, null, model, progress);
            final PathPoint point = new PathPoint(cs[i], model,
                new Convergence(Double.NaN, Double.NaN, model.nIter(), model.converged()), System.nanoTime() - start);
            points.add(point);
            progress.pointFinished(i, cs.length, point);
        }
        return points;
    }
}
