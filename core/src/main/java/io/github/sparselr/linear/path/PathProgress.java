package io.github.sparselr.linear.path;

import io.github.sparselr.linear.FitProgress;

/**
 * What a path fit reports while it runs, and how it is stopped: each fit's epochs and cancellation
 * as {@link FitProgress}, plus one call per finished point of the path.
 */
public interface PathProgress extends FitProgress {

    /** Reports nothing and never cancels. */
    PathProgress NONE = (epoch, maxIter, change) -> { };

    /**
     * @param index the 0-based index of the finished point on the path
     * @param count the number of points on the path
     * @param point the finished point
     */
    default void pointFinished(final int index, final int count, final PathPoint point) {
    }

    /**
     * Cross-validation only: one point of the path on a fold's training part has been fitted. The path
     * on all rows reports its points through {@link #pointFinished} as a plain path fit does, so a
     * cross-validated path of {@code count} points and k folds makes {@code count} calls of that and
     * {@code k · count} of this.
     *
     * @param fold the 0-based fold whose rows were held out
     * @param folds the number of folds (k)
     * @param index the 0-based index of the finished point on the path
     * @param count the number of points on the path
     * @param point the finished point
     */
    default void foldPointFinished(final int fold, final int folds, final int index, final int count,
        final PathPoint point) {
    }
}
