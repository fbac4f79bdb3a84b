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
}
