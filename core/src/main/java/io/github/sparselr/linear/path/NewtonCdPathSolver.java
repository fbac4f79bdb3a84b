package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * A regularization path of logistic models by glmnet's method (Friedman, Hastie and Tibshirani 2010,
 * "Regularization Paths for Generalized Linear Models via Coordinate Descent"; glmnet's Fortran
 * {@code lognet}): per class in turn a quadratic (Newton) model of the log loss with curvature p(1 − p),
 * minimized with its L1/L2 penalty by cyclic coordinate descent over an active set; warm starts along
 * the path; the sequential strong rule (Tibshirani et al. 2012, "Strong rules for discarding predictors
 * in lasso-type problems") screens the coordinates of each point, and a check of every coordinate's
 * optimality condition after convergence brings back any it screened wrongly.
 *
 * <p>It minimizes exactly scikit-learn 1.2.1's {@code LogisticRegression} objective divided by C·n:
 * the mean log loss plus {@code (l1_ratio·‖W‖₁ + (1 − l1_ratio)·½‖W‖²) / (C·n)} (l1: l1_ratio = 1;
 * l2: 0; none: no penalty), intercepts unpenalized. Two classes give scikit-learn's binary model (one
 * coefficient row scoring the second class), three or more the multinomial one. It does not reproduce
 * SAGA's iterates, only the optimum they approach.
 *
 * <p><b>Stopping rule.</b> A point is converged when the largest violation of the optimality (KKT)
 * conditions over all weights and intercepts is at most {@code tol}, in the objective's units per
 * weight: for a weight w with loss gradient g (of the mean log loss), |g + λ₂w + λ₁ sign w| if w ≠ 0,
 * max(|g| − λ₁, 0) if w = 0, and |g| for an intercept (λ₁ = l1_ratio/(C·n), λ₂ = (1 − l1_ratio)/(C·n)).
 * {@code max_iter} bounds the outer (Newton) iterations per point, each one pass over the classes. The
 * result does not depend on the number of threads: a fit runs on the calling thread. The method and the
 * rule in our words: {@code docs/coordinate-descent.md}.
 */
public final class NewtonCdPathSolver implements PathSolver {

    /** How many coordinate-descent sweeps one class's quadratic model gets at most. */
    private static final int MAX_SWEEPS = 1000;
    /** How many coordinates a sweep updates between two polls of the cancel request. */
    private static final int CANCEL_POLL_COORDINATES = 256;

    private final SagaParameters base;
    private final double innerTolFactor;

    /**
     * @param base penalty (any), l1_ratio, tol (the largest optimality violation allowed, see the class
     *            comment; &gt; 0), max_iter (outer iterations per point) and fit_intercept; its C and
     *            random_state are not used (C comes per point, and nothing here is random)
     */
    public NewtonCdPathSolver(final SagaParameters base) {
        this(base, 0.5);
    }

    NewtonCdPathSolver(final SagaParameters base, final double innerTolFactor) {
        if (base == null) {
            throw new IllegalArgumentException("The coordinate-descent solver needs its parameters; got null.");
        }
        if (!(base.tol() > 0)) {
            throw new IllegalArgumentException("tol must be greater than 0 for the coordinate-descent solver "
                + "(it is the largest optimality violation accepted), was " + base.tol() + ".");
        }
        this.base = base;
        this.innerTolFactor = innerTolFactor;
    }

    public SagaParameters parameters() {
        return base;
    }

    @Override
    public List<PathPoint> fit(final DenseDataset data, final double[] cs, final PathProgress progress) {
        final Problem problem = Problem.of(data, cs);
        final LogisticCdState state = problem.newState();
        final int rows = state.rows;
        final int m = state.m;
        final int n = state.n;
        if (base.fitIntercept()) {
            problem.setInterceptOnlyOptimum(state);
        }
        state.recomputeEta();
        final double[] residual = new double[rows * n];
        final double[] gradient = new double[rows * m];
        state.gradient(residual, gradient);
        double previousL1 = 0;
        for (final double g : gradient) {
            previousL1 = Math.max(previousL1, Math.abs(g));
        }
        final ClassStep step = new ClassStep(state, base.fitIntercept(), progress);
        final List<PathPoint> points = new ArrayList<>(cs.length);
        for (int p = 0; p < cs.length; p++) {
            final long start = System.nanoTime();
            final double l1 = l1Strength(cs[p]);
            final double l2 = l2Strength(cs[p]);
            final boolean[] inSet = new boolean[rows * m];
            for (int c = 0; c < rows * m; c++) {
                inSet[c] = state.w[c] != 0 || l1 == 0 || Math.abs(gradient[c]) >= 2 * l1 - previousL1;
            }
            final Convergence convergence = solvePoint(state, step, inSet, l1, l2, residual, gradient, progress);
            previousL1 = l1;
            final PathPoint point = new PathPoint(cs[p], problem.model(state, convergence, base.withC(cs[p])),
                convergence, System.nanoTime() - start);
            points.add(point);
            progress.pointFinished(p, cs.length, point);
        }
        return Collections.unmodifiableList(points);
    }

    /** l1_ratio/C: the L1 strength in sum units (the mean-loss objective's λ₁ times n). */
    private double l1Strength(final double c) {
        switch (base.penalty()) {
            case L1: return 1.0 / c;
            case ELASTICNET: return base.l1Ratio() / c;
            default: return 0.0;
        }
    }

    /** (1 − l1_ratio)/C: the L2 strength in sum units. */
    private double l2Strength(final double c) {
        switch (base.penalty()) {
            case L2: return 1.0 / c;
            case ELASTICNET: return (1 - base.l1Ratio()) / c;
            default: return 0.0;
        }
    }

    /**
     * Solves one point: Newton iterations over the coordinates in {@code inSet} until their steps are
     * below tol, then the optimality check over all coordinates; violators join the set and it goes on.
     * Leaves the gradient at the solution in {@code gradient}.
     */
    private Convergence solvePoint(final LogisticCdState state, final ClassStep step, final boolean[] inSet,
        final double l1, final double l2, final double[] residual, final double[] gradient,
        final PathProgress progress) {
        final int n = state.n;
        final double tolSum = base.tol() * n;
        int iter = 0;
        double violation;
        while (true) {
            final int[][] lists = lists(inSet, state.rows, state.m);
            while (iter < base.maxIter()) {
                iter++;
                double maxStep = 0;
                for (int k = 0; k < state.rows; k++) {
                    maxStep = Math.max(maxStep, step.run(k, lists[k], l1, l2, innerTolFactor * tolSum));
                }
                progress.epochFinished(iter, base.maxIter(), maxStep / n);
                if (maxStep <= tolSum) {
                    break;
                }
            }
            state.gradient(residual, gradient);
            violation = 0;
            for (int c = 0; c < gradient.length; c++) {
                final double v = violation(gradient[c], state.w[c], l1, l2);
                violation = Math.max(violation, v);
                if (!inSet[c] && v > 0) {
                    inSet[c] = true;
                }
            }
            if (base.fitIntercept()) {
                for (int k = 0; k < state.rows; k++) {
                    violation = Math.max(violation, Math.abs(state.interceptGradient(residual, k)));
                }
            }
            if (violation <= tolSum || iter >= base.maxIter()) {
                break;
            }
        }
        final double objective = objective(state, l1, l2);
        return new Convergence(objective, violation / n, iter, violation <= tolSum);
    }

    /** The KKT violation of one weight in sum units. */
    static double violation(final double g, final double w, final double l1, final double l2) {
        if (w != 0) {
            return Math.abs(g + l2 * w + (w > 0 ? l1 : -l1));
        }
        return Math.max(Math.abs(g) - l1, 0);
    }

    private static double objective(final LogisticCdState state, final double l1, final double l2) {
        double abs = 0;
        double squares = 0;
        for (final double w : state.w) {
            abs += Math.abs(w);
            squares += w * w;
        }
        return (state.lossSum() + l1 * abs + 0.5 * l2 * squares) / state.n;
    }

    /** Per class, the coordinates (used-column indices) in the set, ascending. */
    private static int[][] lists(final boolean[] inSet, final int rows, final int m) {
        final int[][] out = new int[rows][];
        for (int k = 0; k < rows; k++) {
            int count = 0;
            for (int j = 0; j < m; j++) {
                if (inSet[k * m + j]) {
                    count++;
                }
            }
            out[k] = new int[count];
            count = 0;
            for (int j = 0; j < m; j++) {
                if (inSet[k * m + j]) {
                    out[k][count++] = j;
                }
            }
        }
        return out;
    }

    /** One class's Newton step: its quadratic model minimized by coordinate descent over a list. */
    private static final class ClassStep {
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

        ClassStep(final LogisticCdState state, final boolean fitIntercept, final PathProgress progress) {
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
            for (int s = 1; s < MAX_SWEEPS;) {
                double active;
                do {
                    active = sweep(k, list, true, l1, l2, hSum, interceptShift);
                    s++;
                } while (active > innerTol && s < MAX_SWEEPS);
                final double all = sweep(k, list, false, l1, l2, hSum, interceptShift);
                s++;
                largest = Math.max(largest, all);
                if (all <= innerTol) {
                    break;
                }
            }
            Arrays.fill(deltaEta, interceptShift[0]);
            for (int q = 0; q < list.length; q++) {
                final double delta = state.w[k * m + list[q]] - start[q];
                if (delta != 0) {
                    ColumnKernels.axpy(deltaEta, 0, delta, state.xc, list[q] * n, n);
                }
            }
            state.addToEta(k, deltaEta);
            return largest;
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
}
