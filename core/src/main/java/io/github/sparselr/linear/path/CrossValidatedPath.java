package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.StratifiedKFold;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.TrainingData;
import io.github.sparselr.metrics.ClassificationMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * A regularization path with C chosen by k-fold cross-validation: the rows are split as scikit-learn's
 * {@code StratifiedKFold(folds, shuffle=True, random_state=seed)} splits them; on each fold the path is
 * fitted on the training part and each point's model scored on the held-out part by accuracy and mean
 * log loss (scikit-learn's {@code accuracy_score} and {@code log_loss} over all classes); per C the
 * folds' mean and standard deviation become {@link CvScores}; a {@link SelectionRule} picks the C; and
 * the path is fitted once more on all rows, whose points are the result's.
 *
 * <p>The k fold paths and the path on all rows run as k + 1 tasks on their own pool of threads. Each
 * task fits from the same inputs whatever thread runs it, and the scores are combined in fold order,
 * so the result is the same to the bit for any number of threads.
 */
public final class CrossValidatedPath {

    private CrossValidatedPath() {
    }

    /** The threads a path uses by default: one per core the JVM may use. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Fits the path on all rows and, with folds, on each fold's training part, and chooses a C.
     *
     * <p>{@code folds = 0} means no cross-validation: only the path on all rows is fitted (on the
     * calling thread), {@link PathResult#cvScores()} is empty and the selected point is the last, the
     * largest C (the least regularized model). The seed and the rule are checked but not used then.
     *
     * <p>Progress: {@code progress} receives each fit's epochs from every task, the points of the path on
     * all rows through {@link PathProgress#pointFinished} and the fold paths' points through
     * {@link PathProgress#foldPointFinished}; the calls come from the pool's threads, one at a time. Its
     * {@link PathProgress#cancelRequested} is polled by every running fit; once it answers true, or once
     * any task fails, every task stops at its next poll, the pool is shut down, and this method returns
     * only after all its threads have ended.
     *
     * @param data labelled, finite rows with at least two classes
     * @param cs the values of C, finite, positive and strictly increasing
     * @param solver fits one path; it is called from several threads at once (see {@link PathSolver})
     * @param folds the number of folds k, at least 2 and at most the rows of the smallest class, or 0
     *            for no cross-validation
     * @param seed the folds' {@code random_state}, in [0, 2³²)
     * @param rule how C is chosen from the cross-validated scores
     * @param threads the most threads to run at once, at least 1 (see {@link #defaultThreads()})
     * @param progress receives progress and may cancel
     * @throws IllegalArgumentException on bad input, naming what is wrong, or as thrown by a task
     * @throws java.util.concurrent.CancellationException if {@code progress} asked to stop
     * @throws IllegalStateException if the solver returns a path that does not match {@code cs} or whose
     *     models lack a class of the data
     */
    public static PathResult run(final DenseDataset data, final double[] cs, final PathSolver solver, final int folds,
        final long seed, final SelectionRule rule, final int threads, final PathProgress progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(progress, "progress");
        checkParameters(cs, folds, seed, rule, threads);
        final List<String> classes = classesOf(data);

        final SharedProgress shared = new SharedProgress(progress);
        if (folds == 0) {
            final List<PathPoint> points = fitAllRows(data, cs, solver, classes, shared);
            return new PathResult(points, List.of(), points.size() - 1);
        }

        final List<StratifiedKFold.Fold> split = StratifiedKFold.shuffled(folds, seed).split(data.labels());
        final List<Callable<TaskResult>> tasks = new ArrayList<>(folds + 1);
        // the path on all rows is the longest task: first, so that it does not start last
        tasks.add(() -> new TaskResult(fitAllRows(data, cs, solver, classes, shared), null, null));
        for (int f = 0; f < folds; f++) {
            final int fold = f;
            tasks.add(() -> scoreFold(data, split.get(fold), fold, folds, cs, solver, classes, shared));
        }
        final List<TaskResult> results = FoldTasks.runAll(tasks, threads, shared);

        final List<CvScores> scores = new ArrayList<>(cs.length);
        final double[] accuracy = new double[folds];
        final double[] logLoss = new double[folds];
        for (int i = 0; i < cs.length; i++) {
            for (int f = 0; f < folds; f++) {
                accuracy[f] = results.get(f + 1).accuracy()[i];
                logLoss[f] = results.get(f + 1).logLoss()[i];
            }
            scores.add(new CvScores(FoldStatistics.mean(accuracy), FoldStatistics.std(accuracy),
                FoldStatistics.mean(logLoss), FoldStatistics.std(logLoss)));
        }
        return new PathResult(results.get(0).points(), scores, select(scores, folds, rule));
    }

    /** What one task makes: the path on all rows, or one fold's held-out scores per C. */
    private record TaskResult(List<PathPoint> points, double[] accuracy, double[] logLoss) {
    }

    /**
     * The index of the C a rule chooses from cross-validated scores in increasing order of C.
     * {@link SelectionRule#BEST}: the highest mean accuracy, the first (smallest C) on ties.
     * {@link SelectionRule#ONE_STANDARD_ERROR}: the first (smallest C) whose mean accuracy is at least the
     * best mean minus the best point's standard error, {@code sd / √(k − 1)} from the ddof-0 sd
     * ({@code cv.glmnet}'s {@code cvsd}).
     *
     * @param scores one entry per C, in increasing order of C, with finite means and sds
     * @param folds the number of folds k the scores come from, at least 2
     * @param rule the rule
     * @throws IllegalArgumentException on no scores, fewer than 2 folds or a score that is not finite
     */
    public static int select(final List<CvScores> scores, final int folds, final SelectionRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("There are no cross-validated scores to choose a C from.");
        }
        if (folds < 2) {
            throw new IllegalArgumentException("Scores come from at least 2 folds; got folds=" + folds + ".");
        }
        int best = 0;
        for (int i = 0; i < scores.size(); i++) {
            final CvScores s = scores.get(i);
            if (!Double.isFinite(s.accuracyMean()) || !Double.isFinite(s.accuracySd())) {
                throw new IllegalArgumentException("The cross-validated accuracy of point " + i + " is not a finite "
                    + "number (mean " + s.accuracyMean() + ", sd " + s.accuracySd() + ").");
            }
            if (s.accuracyMean() > scores.get(best).accuracyMean()) {
                best = i;
            }
        }
        if (rule == SelectionRule.BEST) {
            return best;
        }
        final double standardError = scores.get(best).accuracySd() / Math.sqrt(folds - 1);
        final double threshold = scores.get(best).accuracyMean() - standardError;
        for (int i = 0; i < best; i++) {
            if (scores.get(i).accuracyMean() >= threshold) {
                return i;
            }
        }
        return best;
    }

    private static List<PathPoint> fitAllRows(final DenseDataset data, final double[] cs, final PathSolver solver,
        final List<String> classes, final SharedProgress shared) {
        final List<PathPoint> points = solver.fit(data, cs.clone(), shared.forAllRows());
        checkPath(points, cs, solver, classes);
        return List.copyOf(points);
    }

    /** Fits the path on the fold's training rows and scores each point on its held-out rows. */
    private static TaskResult scoreFold(final DenseDataset data, final StratifiedKFold.Fold fold, final int f,
        final int folds, final double[] cs, final PathSolver solver, final List<String> classes,
        final SharedProgress shared) {
        final List<PathPoint> points = solver.fit(data.select(fold.train()), cs.clone(), shared.forFold(f, folds));
        checkPath(points, cs, solver, classes);
        final DenseDataset test = data.select(fold.test());
        final String[] actual = test.labels();
        final double[] accuracy = new double[cs.length];
        final double[] logLoss = new double[cs.length];
        for (int i = 0; i < cs.length; i++) {
            shared.throwIfStopped();
            final LogisticModel model = points.get(i).model();
            final LogisticModel.Predictions predictions = model.predictWithProbabilities(test.values(), test.rows());
            int correct = 0;
            for (int r = 0; r < actual.length; r++) {
                correct += predictions.classes()[r].equals(actual[r]) ? 1 : 0;
            }
            // accuracy_score: the mean of y_true == y_pred; log_loss(labels=classes_) of predict_proba
            accuracy[i] = (double) correct / actual.length;
            logLoss[i] = ClassificationMetrics.logLoss(actual, predictions.probabilities(), classes);
        }
        return new TaskResult(null, accuracy, logLoss);
    }

    /** A solver's path must be the one asked for: one point per C, each a model of all classes. */
    private static void checkPath(final List<PathPoint> points, final double[] cs, final PathSolver solver,
        final List<String> classes) {
        final String name = solver.getClass().getSimpleName();
        if (points == null || points.size() != cs.length) {
            throw new IllegalStateException("The path solver " + name + " returned "
                + (points == null ? "no points" : points.size() + " points") + " for " + cs.length + " values of C.");
        }
        for (int i = 0; i < cs.length; i++) {
            final PathPoint point = points.get(i);
            if (point.c() != cs[i]) {
                throw new IllegalStateException("The path solver " + name + " returned point " + i + " at C="
                    + point.c() + " where C=" + cs[i] + " was asked for.");
            }
            if (!point.model().classes().equals(classes)) {
                throw new IllegalStateException("The path solver " + name + " returned a model of the classes "
                    + point.model().classes() + " at C=" + cs[i] + ", not of all classes " + classes + ".");
            }
        }
    }

    private static void checkParameters(final double[] cs, final int folds, final long seed, final SelectionRule rule,
        final int threads) {
        CGrid.requireValid(cs);
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("k-fold cross-validation requires at least one train/test split by "
                + "setting n_splits=2 or more, got n_splits=" + folds + "; use 0 folds for no cross-validation.");
        }
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("random_state must be in [0, 2^32 - 1], was " + seed + ".");
        }
        if (rule == null) {
            throw new IllegalArgumentException("The selection rule is missing; choose BEST or ONE_STANDARD_ERROR.");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads + ".");
        }
    }

    private static List<String> classesOf(final DenseDataset data) {
        final String[] labels = data.labels();
        if (labels == null) {
            throw new IllegalArgumentException("The data has no labels; a logistic regression path needs one class "
                + "label per row.");
        }
        TrainingData.requireEveryRowLabelled(labels);
        final List<String> classes = List.copyOf(new TreeSet<>(Arrays.asList(labels)));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("A logistic regression path needs rows of at least 2 classes, but the "
                + "data holds " + (classes.isEmpty() ? "no rows" : "only the class '" + classes.get(0) + "'") + ".");
        }
        return classes;
    }
}
