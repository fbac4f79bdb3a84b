package io.github.sparselr.knime.node;

import io.github.sparselr.linear.path.PathPoint;
import io.github.sparselr.linear.path.PathProgress;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * The one adapter from KNIME's {@link ExecutionMonitor} to the engine's progress and cancellation: a
 * single fit reports its epochs, a path (with its cross-validation folds) reports each finished fit of
 * one C. A cancel in KNIME reaches the solver at its next poll, within one epoch. The engine may call
 * it from several threads at once (folds run in parallel).
 */
public final class MonitorProgress implements PathProgress {

    private final ExecutionMonitor m_monitor;

    private final double m_tol;

    /** The fits of single values of C that a path run makes in all (path and folds); 0 for a single fit. */
    private final int m_totalFits;

    private int m_finishedFits;

    private double m_done;

    private MonitorProgress(final ExecutionMonitor monitor, final double tol, final int totalFits) {
        m_monitor = monitor;
        m_tol = tol;
        m_totalFits = totalFits;
    }

    /** For one fit stopped by {@code tol}: the progress fills with the epochs (see {@link #fractionDone}). */
    public static MonitorProgress forFit(final ExecutionMonitor monitor, final double tol) {
        return new MonitorProgress(monitor, tol, 0);
    }

    /**
     * For a path run of {@code totalFits} single-C fits (the grid's size times the folds plus one):
     * the progress is the share of fits finished.
     */
    public static MonitorProgress forPath(final ExecutionMonitor monitor, final int totalFits) {
        return new MonitorProgress(monitor, 0, Math.max(1, totalFits));
    }

    @Override
    public synchronized void epochFinished(final int epoch, final int maxIter, final double change) {
        if (m_totalFits == 0) {
            m_done = Math.max(m_done, fractionDone(epoch, maxIter, change, m_tol));
            m_monitor.setProgress(m_done, String.format("epoch %d of at most %d, change %.3f", epoch, maxIter, change));
        }
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
        m_monitor.setProgress(Math.min(1, (double) m_finishedFits / m_totalFits),
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
