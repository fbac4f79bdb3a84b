package io.github.sparselr.linear;

/**
 * What a fit reports while it runs, and how it is stopped. The solver calls {@link #epochFinished}
 * after each epoch and polls {@link #cancelRequested} at least once per epoch and every few thousand
 * samples; a request ends the fit with a {@link java.util.concurrent.CancellationException}.
 */
public interface FitProgress {

    /** Reports nothing and never cancels. */
    FitProgress NONE = (epoch, maxIter, change) -> { };

    /**
     * @param epoch the 1-based epoch just finished
     * @param maxIter the most epochs the fit will run
     * @param maxRelativeChange the stopping rule's value for this epoch (max |ΔW| / max |W|)
     */
    void epochFinished(int epoch, int maxIter, double maxRelativeChange);

    /** Whether the caller wants the fit to stop. */
    default boolean cancelRequested() {
        return false;
    }
}
