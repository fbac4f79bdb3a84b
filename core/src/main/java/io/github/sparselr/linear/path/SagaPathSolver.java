package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.linear.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * A regularization path by SAGA, as scikit-learn 1.2.1 gives it to a user who refits one
 * {@code LogisticRegression(solver="saga", warm_start=True, ...)} with {@code set_params(C=c)} for each
 * C of the grid in turn: each point is a {@link SagaSolver} fit started from the previous point's
 * coefficients and intercepts, with the same random_state, and so has scikit-learn's coefficients
 * and n_iter (docs/saga.md §14.2).
 */
public final class SagaPathSolver implements PathSolver {

    private final SagaParameters base;

    /**
     * @param base penalty, l1_ratio, tol, max_iter, fit_intercept and random_state of every fit (its C
     *            is replaced by each value of the grid); the penalty must not be none
     */
    public SagaPathSolver(final SagaParameters base) {
        if (base.penalty() == Penalty.NONE) {
            throw new IllegalArgumentException("With penalty none C has no effect, so there is no path over C; "
                + "choose penalty l1, elasticnet or l2.");
        }
        this.base = base;
    }

    /** The parameters every fit shares, but C. */
    public SagaParameters parameters() {
        return base;
    }

    @Override
    public List<PathPoint> fit(final DenseDataset data, final double[] cs, final PathProgress progress) {
        CGrid.requireValid(cs);
        if (data != null && data.labels() != null) {
            TrainingData.requireEveryRowLabelled(data.labels()); // the single learner's own checks cover the rest
        }
        final List<PathPoint> points = new ArrayList<>(cs.length);
        LogisticModel previous = null;
        for (int i = 0; i < cs.length; i++) {
            if (progress.cancelRequested()) {
                throw new CancellationException("The path was cancelled before C[" + i + "] = " + cs[i] + ".");
            }
            final SagaSolver solver = new SagaSolver(base.withC(cs[i]));
            final long start = System.nanoTime();
            final LogisticModel model = solver.fit(data, null, previous, progress);
            final long nanos = System.nanoTime() - start;
            final PathPoint point = new PathPoint(cs[i], model, Objectives.convergence(model, data), nanos);
            points.add(point);
            progress.pointFinished(i, cs.length, point);
            previous = model;
        }
        return List.copyOf(points);
    }
}
