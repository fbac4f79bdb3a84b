package io.github.sparselr.linear.path;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/** One class's Newton step: its quadratic model minimized by coordinate descent over a list. */
final class ClassNewtonStep {

    /** How many coordinate-descent sweeps one class's quadratic model gets at most. */
    private static final int MAX_SWEEPS = 1000;
    /** How many coordinates a sweep updates between two polls of the cancel request. */
    private static final int CANCEL_POLL_COORDINATES = 256;
    /**
     * The fraction of a class step's first-sweep largest step to which its quadratic model is solved
     * (never below half of tol): on MNIST's 5000 rows, 0.1 fitted the path to tol 1e-8 three times faster
     * than solving every model to half of tol, and at tol 5e-4 as fast.
     */
    private static final double FORCING = 0.1;
    /** Armijo's sufficient-decrease fraction and the most halvings of a step (newGLMNET's σ = 0.01). */
    private static final double ARMIJO_SIGMA = 0.01;
    private static final int MAX_HALVINGS = 30;

    private final LogisticCdState state;
    private final boolean fitIntercept;
    private final PathProgress progress;
    private final double[] g;
    private final double[] h;
    private final double[] r;
    private final double[] deltaEta;
    private double[] curvature = new double[0];
    private double[] start = new double[0];
    private int sinceLastPoll;

    ClassNewtonStep(final LogisticCdState state, final boolean fitIntercept, final PathProgress progress) {
        this.state = state;
        this.fitIntercept = fitIntercept;
        this.progress = progress;
        this.g = new double[state.n];
        this.h = new double[state.n];
        this.r = new double[state.n];
        this.deltaEta = new double[state.n];
    }

    /** @return the largest step a·|Δw| (and |intercept gradient|) of this step's sweeps, in sum units */
    double run(final int k, final int[] list, final double l1, final double l2, final double innerTol) {
        pollCancel();
        final int n = state.n;
        final int m = state.m;
        state.residualAndCurvature(k, g, h);
        System.arraycopy(g, 0, r, 0, n);
        double hSum = 0;
        for (int i = 0; i < n; i++) {
            hSum += h[i];
        }
        if (curvature.length < list.length) {
            curvature = new double[list.length];
            start = new double[list.length];
        }
        for (int q = 0; q < list.length; q++) {
            // computed when first needed: most coordinates of the set stay at zero and never need it
            curvature[q] = Double.NaN;
            start[q] = state.w[k * m + list[q]];
        }
        final double[] interceptShift = {0};
        double largest = sweep(k, list, false, l1, l2, hSum, interceptShift);
        // an inexact Newton step: the quadratic model is solved only to a fraction of the first sweep's
        // largest step, as far as it is worth solving a model that the next iteration replaces
        final double stopAt = Math.max(innerTol, FORCING * largest);
        for (int s = 1; s < MAX_SWEEPS && largest > stopAt;) {
            double active;
            do {
                active = sweep(k, list, true, l1, l2, hSum, interceptShift);
                s++;
            } while (active > stopAt && s < MAX_SWEEPS);
            final double all = sweep(k, list, false, l1, l2, hSum, interceptShift);
            s++;
            if (all <= stopAt) {
                break;
            }
        }
        Arrays.fill(deltaEta, interceptShift[0]);
        double penaltyChange = 0;
        for (int q = 0; q < list.length; q++) {
            final double w = state.w[k * m + list[q]];
            final double delta = w - start[q];
            if (delta != 0) {
                ColumnKernels.axpy(deltaEta, 0, delta, state.xc, list[q] * n, n);
                penaltyChange += penalty(w, l1, l2) - penalty(start[q], l1, l2);
            }
        }
        final double t = stepLength(k, list, l1, l2, penaltyChange, interceptShift[0]);
        state.commitStep(k, deltaEta, t);
        return largest;
    }

    private static double penalty(final double w, final double l1, final double l2) {
        return l1 * Math.abs(w) + 0.5 * l2 * w * w;
    }

    /**
     * Armijo's backtracking along the step (Tseng and Yun's rule, as newGLMNET uses it): the largest t
     * in 1, ½, ¼, … whose objective change is at most σ·t·Δ, with Δ = gᵀ·Δη + P(w + Δw) − P(w) the
     * change the model predicts (≤ 0). Without it a Newton step on a class whose probabilities are
     * far from the optimum's can overshoot, and a cold fit at a small penalty diverged. Scales the
     * class's weights, intercept and Δη to the accepted t (0 if none of 30 halvings is accepted).
     */
    private double stepLength(final int k, final int[] list, final double l1, final double l2,
        final double penaltyChange, final double interceptStep) {
        final int n = state.n;
        final int m = state.m;
        state.beginStep(k);
        final double predicted = ColumnKernels.dot(g, 0, deltaEta, 0, n) + penaltyChange;
        double t = 1;
        for (int halvings = 0; ; halvings++) {
            final double change = state.lossChange(k, deltaEta, t) + penaltyAt(k, list, l1, l2, t) ;
            if (!(predicted < 0) || change <= ARMIJO_SIGMA * t * predicted) {
                break;
            }
            if (halvings == MAX_HALVINGS) {
                t = 0;
                state.lossChange(k, deltaEta, 0);
                break;
            }
            t *= 0.5;
        }
        if (t != 1) {
            for (int q = 0; q < list.length; q++) {
                final int c = k * m + list[q];
                state.w[c] = start[q] + t * (state.w[c] - start[q]);
            }
            state.b[k] -= (1 - t) * interceptStep;
        }
        return t;
    }

    /** P(start + t·Δw) − P(start) over the class's coordinates in the list. */
    private double penaltyAt(final int k, final int[] list, final double l1, final double l2, final double t) {
        double change = 0;
        for (int q = 0; q < list.length; q++) {
            final double delta = state.w[k * state.m + list[q]] - start[q];
            if (delta != 0) {
                change += penalty(start[q] + t * delta, l1, l2) - penalty(start[q], l1, l2);
            }
        }
        return change;
    }

    private double sweep(final int k, final int[] list, final boolean activeOnly, final double l1, final double l2,
        final double hSum, final double[] interceptShift) {
        final int n = state.n;
        final int base = k * state.m;
        double largest = 0;
        if (fitIntercept) {
            double gSum = 0;
            for (int i = 0; i < n; i++) {
                gSum += r[i];
            }
            final double delta = -gSum / hSum;
            state.b[k] += delta;
            interceptShift[0] += delta;
            for (int i = 0; i < n; i++) {
                r[i] += delta * h[i];
            }
            largest = Math.abs(gSum);
        }
        for (int q = 0; q < list.length; q++) {
            final int j = list[q];
            final double old = state.w[base + j];
            if (activeOnly && old == 0) {
                continue;
            }
            final double grad = ColumnKernels.dot(state.xc, j * n, r, 0, n);
            if (old == 0 && Math.abs(grad) <= l1) {
                // the minimizer over this coordinate is 0 whatever its curvature
                if (++sinceLastPoll >= CANCEL_POLL_COORDINATES) {
                    pollCancel();
                }
                continue;
            }
            if (Double.isNaN(curvature[q])) {
                curvature[q] = ColumnKernels.weightedSquares(state.xc, j * n, h, n);
            }
            final double a = curvature[q];
            final double z = a * old - grad;
            final double updated = z > l1 ? (z - l1) / (a + l2) : z < -l1 ? (z + l1) / (a + l2) : 0.0;
            if (updated != old) {
                final double delta = updated - old;
                state.w[base + j] = updated;
                ColumnKernels.addWeighted(r, delta, h, state.xc, j * n, n);
                largest = Math.max(largest, (a + l2) * Math.abs(delta));
            }
            if (++sinceLastPoll >= CANCEL_POLL_COORDINATES) {
                pollCancel();
            }
        }
        return largest;
    }

    private void pollCancel() {
        sinceLastPoll = 0;
        if (progress.cancelRequested()) {
            throw new CancellationException("The fit was cancelled.");
        }
    }
}
