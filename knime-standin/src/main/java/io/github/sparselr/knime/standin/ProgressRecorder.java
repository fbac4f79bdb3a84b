package io.github.sparselr.knime.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a headless run sees of a node's progress: every reported fraction and message, in order, and
 * the cancel request that the node's {@code checkCanceled()} calls observe.
 */
public final class ProgressRecorder {

    /** One progress report: overall fraction done (NaN if only a message) and the message (may be null). */
    public record Report(double fraction, String message) {
    }

    private final List<Report> m_reports = new ArrayList<>();

    private volatile boolean m_cancelRequested;

    private volatile Consumer<Report> m_listener = r -> { };

    public synchronized void report(final double fraction, final String message) {
        final Report r = new Report(fraction, message);
        m_reports.add(r);
        m_listener.accept(r);
    }

    public synchronized List<Report> reports() {
        return List.copyOf(m_reports);
    }

    /** Called with each new report, on the reporting thread. */
    public void onReport(final Consumer<Report> listener) {
        m_listener = listener;
    }

    public void requestCancel() {
        m_cancelRequested = true;
    }

    public boolean isCancelRequested() {
        return m_cancelRequested;
    }
}
