package io.github.sparselr.knime.node;

import io.github.sparselr.linear.path.PathPoint;
import io.github.sparselr.linear.path.PathProgress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * The one adapter from KNIME's {@link ExecutionMonitor} to the engine's progress and cancellation: a
 * single fit reports its epochs; a path (with its cross-validation folds) reports each finished fit of
 * one C and, within a fit, each of its epochs (outer iterations): which C, which rows, the iteration and
 * the stopping rule's value. A cancel in KNIME reaches the solver at its next poll, within one epoch.
 *
 * <p>The engine may call it from several threads at once (folds run in parallel; {@code
 * CrossValidatedPath} also serializes its calls): every method is synchronized. An epoch is told apart by
 * the thread that reports it, since a thread fits one path (one task) at a time, one C after the other:
 * the thread's last finished point names its rows and the next C. The work per epoch is a map look-up and
 * a sum over the running threads, nothing per sample.
 */
public final class MonitorProgress implements PathProgress {

    private final ExecutionMonitor m_monitor;

    private final double m_tol;

    /** The fits of single values of C that a path run makes in all (path and folds); 0 for a single fit. */
    private final int m_totalFits;

    /** The values of C on the path; 0 for a single fit. */
    private final int m_count;

    /** The cross-validation folds (0 for none). */
    private final int m_folds;

    private int m_finishedFits;

    private double m_done;

    /** The fit each thread is running now, by the thread that reports its epochs. */
    private final Map<Thread, Running> m_running = new HashMap<>();

    /** A thread's running fit: its rows (null until the thread's task finished a point) and its C. */
    private static final class Running {
        private String m_rows;
        private int m_index;
        private double m_fraction;
    }

    private MonitorProgress(final ExecutionMonitor monitor, final double tol, final int count, final int folds) {
        m_monitor = monitor;
        m_tol = tol;
        m_count = count;
        m_folds = folds;
        m_totalFits = count == 0 ? 0 : Math.max(1, count * (folds + 1));
    }

    /** For one fit stopped by {@code tol}: the progress fills with the epochs (see {@link #fractionDone}). */
    public static MonitorProgress forFit(final ExecutionMonitor monitor, final double tol) {
        return new MonitorProgress(monitor, tol, 0, 0);
    }

    /**
     * For a path run of {@code count} values of C on all rows and on each of {@code folds} folds
     * ({@code count · (folds + 1)} single-C fits), each stopped by {@code tol}: the progress is the share
     * of fits finished plus the running fits' shares (see {@link #fractionDone}).
     */
    public static MonitorProgress forPath(final ExecutionMonitor monitor, final double tol, final int count,
        final int folds) {
        return new MonitorProgress(monitor, tol, Math.max(1, count), Math.max(0, folds));
    }

    @Override
    public synchronized void epochFinished(final int epoch, final int maxIter, final double change) {
        final double fraction = fractionDone(epoch, maxIter, change, m_tol);
        if (m_totalFits == 0) {
            m_done = Math.max(m_done, fraction);
            m_monitor.setProgress(m_done, String.format("epoch %d of at most %d, change %.3f", epoch, maxIter, change));
            return;
        }
        final Running running = m_running.computeIfAbsent(Thread.currentThread(), t -> new Running());
        running.m_fraction = fraction;
        double done = m_finishedFits;
        for (final Running r : m_running.values()) {
            done += r.m_fraction;
        }
        m_done = Math.max(m_done, Math.min(1, done / m_totalFits));
        final String rows = m_folds == 0 || running.m_rows == null ? "" : " (" + running.m_rows + ")";
        m_monitor.setProgress(m_done, String.format(Locale.ROOT, "C %d of %d%s, iteration %d of at most %d, change %.2g",
            running.m_index + 1, m_count, rows, epoch, maxIter, change));
    }

    @Override
    public synchronized void pointFinished(final int index, final int count, final PathPoint point) {
        fitFinished("all rows", index, count, point);
    }

    @Override
    public synchronized void foldPointFinished(final int fold, final int folds, final int index, final int count,
        final PathPoint point) {
        fitFinished("fold " + (fold + 1) + " of " + folds, index, count, point);
    }

    private void fitFinished(final String rows, final int index, final int count, final PathPoint point) {
        if (m_totalFits == 0) {
            return;
        }
        m_finishedFits++;
        // the thread's next fit is the next C of the same rows; after the last C it starts another task
        if (index + 1 < count) {
            final Running running = m_running.computeIfAbsent(Thread.currentThread(), t -> new Running());
            running.m_rows = rows;
            running.m_index = index + 1;
            running.m_fraction = 0;
        } else {
            m_running.remove(Thread.currentThread());
        }
        m_done = Math.max(m_done, Math.min(1, (double) m_finishedFits / m_totalFits));
        m_monitor.setProgress(m_done,
            String.format("fit %d of %d: %s, C %d of %d (C = %.4g), n_iter %d", m_finishedFits, m_totalFits, rows,
                index + 1, count, point.c(), point.convergence().nIter()));
    }

    @Override
    public boolean cancelRequested() {
        try {
            m_monitor.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    /**
     * How far a fit has come: the larger of the epochs' share of max_iter and how far the stopping
     * rule's value has fallen from 1 toward tol on a log scale (SAGA's change shrinks about
     * geometrically), so that a fit that stops at tol after a few of max_iter's epochs still shows its
     * way there.
     */
    static double fractionDone(final int epoch, final int maxIter, final double change, final double tol) {
        double fraction = (double) epoch / maxIter;
        if (change == 0) {
            fraction = 1; // nothing moves any more: the stopping rule holds for every tol
        } else if (tol > 0 && tol < 1 && change > 0 && Double.isFinite(change)) {
            fraction = Math.max(fraction, Math.log(Math.min(change, 1)) / Math.log(tol));
        }
        return Math.min(1, Math.max(0, fraction));
    }
}
