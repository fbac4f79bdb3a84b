package io.github.sparselr.knime.node.logregpath;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.linear.path.Convergence;
import io.github.sparselr.linear.path.CvScores;
import io.github.sparselr.linear.path.PathPoint;
import io.github.sparselr.linear.path.PathProgress;
import io.github.sparselr.linear.path.PathResult;
import io.github.sparselr.linear.path.SelectionRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only engine for the node's tests: SAGA refitted along the grid with warm starts, made-up
 * "CV" scores (the training accuracy, sd 0.01, log loss 1 − accuracy) and the best score chosen. It
 * pins what the node does with a path result, not the engine's numbers.
 */
class WarmStartedSagaEngine implements PathEngine {

    final List<String> calls = new ArrayList<>();

    @Override
    public double[] grid(final DenseDataset data, final SagaParameters base, final boolean automatic, final int count,
        final double factor, final double min, final double max) {
        calls.add("grid automatic=" + automatic + " count=" + count);
        final double lo = automatic ? 0.01 : min;
        final double hi = automatic ? 0.01 * factor : max;
        final double[] cs = new double[count];
        for (int i = 0; i < count; i++) {
            cs[i] = count == 1 ? lo : Math.pow(10, Math.log10(lo) + i * (Math.log10(hi) - Math.log10(lo)) / (count - 1));
        }
        return cs;
    }

    @Override
    public PathResult run(final DenseDataset data, final double[] cs, final String solver, final SagaParameters base,
        final int folds, final long seed, final SelectionRule rule, final int threads, final PathProgress progress) {
        calls.add("run solver=" + solver + " folds=" + folds + " seed=" + seed + " rule=" + rule + " threads=" + threads);
        final List<PathPoint> points = new ArrayList<>();
        final List<CvScores> scores = new ArrayList<>();
        LogisticModel previous = null;
        int best = 0;
        for (int fold = 0; fold <= folds; fold++) {
            for (int i = 0; i < cs.length; i++) {
                final long start = System.nanoTime();
                final LogisticModel model = new SagaSolver(base.withC(cs[i])).fit(data, null, previous, progress);
                previous = model;
                final PathPoint point = new PathPoint(cs[i], model,
                    new Convergence(1.0 / (i + 1), 1e-3, model.nIter(), model.converged()), System.nanoTime() - start);
                if (fold == 0) {
                    progress.pointFinished(i, cs.length, point);
                } else {
                    progress.foldPointFinished(fold - 1, folds, i, cs.length, point);
                }
                if (fold == 0) {
                    points.add(point);
                    final double accuracy = model.score(data);
                    scores.add(new CvScores(accuracy, 0.01, 1 - accuracy, 0.02));
                    if (accuracy > scores.get(best).accuracyMean()) {
                        best = i;
                    }
                }
            }
            previous = null;
        }
        return new PathResult(points, folds == 0 ? List.of() : scores, best);
    }
}
