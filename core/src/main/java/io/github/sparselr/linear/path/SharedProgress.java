package io.github.sparselr.linear.path;

import java.util.concurrent.CancellationException;

/**
 * The caller's {@link PathProgress} shared by the tasks of a cross-validated path: calls reach it one at
 * a time, and one stop flag, set when the caller cancels or a task fails, makes every task's next poll
 * of {@link PathProgress#cancelRequested} answer true.
 */
final class SharedProgress {

    private final PathProgress caller;
    private final Object lock = new Object();
    private volatile boolean stopped;

    SharedProgress(final PathProgress caller) {
        this.caller = caller;
    }

    /** Makes every task stop at its next poll. */
    void stop() {
        stopped = true;
    }

    /** Whether the caller asked to stop or a task failed; a caller's request is remembered. */
    boolean cancelRequested() {
        if (stopped) {
            return true;
        }
        final boolean cancel;
        synchronized (lock) {
            cancel = caller.cancelRequested();
        }
        if (cancel) {
            stopped = true;
        }
        return cancel;
    }

    /** For a task's own loops between fits, as the solvers do within them. */
    void throwIfStopped() {
        if (cancelRequested()) {
            throw new CancellationException("The cross-validated path was cancelled.");
        }
    }

    /** The view of the path on all rows: its points are reported as a plain path fit's. */
    PathProgress forAllRows() {
        return new Forwarding() {
            @Override
            public void pointFinished(final int index, final int count, final PathPoint point) {
                synchronized (lock) {
                    caller.pointFinished(index, count, point);
                }
            }
        };
    }

    /** The view of one fold's path: its points are reported with the fold. */
    PathProgress forFold(final int fold, final int folds) {
        return new Forwarding() {
            @Override
            public void pointFinished(final int index, final int count, final PathPoint point) {
                synchronized (lock) {
                    caller.foldPointFinished(fold, folds, index, count, point);
                }
            }
        };
    }

    private abstract class Forwarding implements PathProgress {

        @Override
        public void epochFinished(final int epoch, final int maxIter, final double maxRelativeChange) {
            synchronized (lock) {
                caller.epochFinished(epoch, maxIter, maxRelativeChange);
            }
        }

        @Override
        public boolean cancelRequested() {
            return SharedProgress.this.cancelRequested();
        }
    }
}
