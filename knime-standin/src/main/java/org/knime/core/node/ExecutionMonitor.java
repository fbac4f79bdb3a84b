package org.knime.core.node;

import io.github.sparselr.knime.standin.ProgressRecorder;

/**
 * Stand-in for KNIME 5.1's {@code ExecutionMonitor}: reports progress into a share
 * {@code [offset, offset + width]} of the overall progress, and throws once cancellation is requested.
 */
public class ExecutionMonitor {

    private ProgressRecorder m_recorder;

    private double m_offset;

    private double m_width;

    private boolean m_silent;

    private double m_fraction;

    public ExecutionMonitor() {
        this(new ProgressRecorder(), 0.0, 1.0, false);
    }

    private ExecutionMonitor(final ProgressRecorder recorder, final double offset, final double width,
        final boolean silent) {
        attach(recorder, offset, width, silent);
    }

    /** Points this monitor at a share of a recorder; also how the stand-in wires an ExecutionContext. */
    private void attach(final ProgressRecorder recorder, final double offset, final double width,
        final boolean silent) {
        m_recorder = recorder;
        m_offset = offset;
        m_width = width;
        m_silent = silent;
    }

    public void checkCanceled() throws CanceledExecutionException {
        if (m_recorder.isCancelRequested()) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    public void setProgress(final double progress) {
        setProgress(progress, (String) null);
    }

    public void setProgress(final double progress, final String message) {
        if (progress < 0 || progress > 1 || Double.isNaN(progress)) {
            throw new IllegalArgumentException("Progress must be in [0, 1]: " + progress);
        }
        m_fraction = progress;
        if (!m_silent) {
            m_recorder.report(m_offset + m_width * progress, message);
        }
    }

    public void setMessage(final String message) {
        if (!m_silent) {
            m_recorder.report(Double.NaN, message);
        }
    }

    public void setProgress(final String message) {
        setMessage(message);
    }

    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(m_recorder, m_offset + m_width * m_fraction, m_width * checkShare(maxProg), m_silent);
    }

    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(m_recorder, m_offset + m_width * m_fraction, m_width * checkShare(maxProg), true);
    }

    private static double checkShare(final double maxProg) {
        if (maxProg < 0 || maxProg > 1) {
            throw new IllegalArgumentException("Sub-progress share must be in [0, 1]: " + maxProg);
        }
        return maxProg;
    }
}
