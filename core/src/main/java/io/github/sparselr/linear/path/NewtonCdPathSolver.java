package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.SagaParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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
 * {@code max_iter} bounds the outer (Newton) iterations per point, each one pass over the classes; an
 * outer iteration that moves no weight and no intercept (tol below what rounding can reach) ends the
 * point, converged only if the violation is within tol, unless the check adds coordinates. The result does not depend on the number of threads: a fit runs on the calling thread. The method and the
 * rule in our words: {@code docs/coordinate-descent.md}.
 *
 * <p><b>Progress.</b> {@link PathProgress#epochFinished} after every outer iteration (epoch = the
 * point's 1-based outer iteration, the third argument the largest coordinate step of that iteration in
 * the objective's units, the quantity whose smallness triggers the full optimality check);
 * {@link PathProgress#pointFinished} after every point; {@link PathProgress#cancelRequested} at every
 * class of every outer iteration and every 256 coordinates of a sweep. The models carry
 * {@code base.withC(C)} as parameters, n_iter = the point's outer iterations, converged, and as
 * history the single value of the final optimality violation.
 */
public final class NewtonCdPathSolver implements PathSolver {

    /**
     * An outer iteration whose every weight and intercept changed by at most this, relative to
     * max(1, |value|), made no progress: rounding-level gradients move intercepts by ~7e-14 relative per
     * iteration (measured), and a real step of a fit held to any reachable tol is far larger.
     */
    static final double NO_PROGRESS = 1e-12;


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
        final ClassNewtonStep step = new ClassNewtonStep(state, base.fitIntercept(), progress);
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

    /** Whether any value changed by more than {@link #NO_PROGRESS} relative to max(1, |value|). */
    static boolean movedMeasurably(final double[] before, final double[] after) {
        for (int i = 0; i < before.length; i++) {
            final double scale = Math.max(1.0, Math.max(Math.abs(before[i]), Math.abs(after[i])));
            if (Math.abs(after[i] - before[i]) > NO_PROGRESS * scale) {
                return true;
            }
        }
        return false;
    }

    /**
     * Solves one point: Newton iterations over the coordinates in {@code inSet} until their steps are
     * below tol, then the optimality check over all coordinates; violators join the set and it goes on.
     * Leaves the gradient at the solution in {@code gradient}.
     */
    private Convergence solvePoint(final LogisticCdState state, final ClassNewtonStep step, final boolean[] inSet,
        final double l1, final double l2, final double[] residual, final double[] gradient,
        final PathProgress progress) {
        final int n = state.n;
        final double tolSum = base.tol() * n;
        int iter = 0;
        double violation;
        final double[] wBefore = new double[state.w.length];
        final double[] bBefore = new double[state.b.length];
        while (true) {
            final int[][] lists = lists(inSet, state.rows, state.m);
            boolean stalled = false;
            while (iter < base.maxIter()) {
                iter++;
                System.arraycopy(state.w, 0, wBefore, 0, wBefore.length);
                System.arraycopy(state.b, 0, bBefore, 0, bBefore.length);
                double maxStep = 0;
                for (int k = 0; k < state.rows; k++) {
                    maxStep = Math.max(maxStep, step.run(k, lists[k], l1, l2, innerTolFactor * tolSum));
                }
                progress.epochFinished(iter, base.maxIter(), maxStep / n);
                // an outer iteration that moved no weight and no intercept measurably makes no progress:
                // with tol below what rounding can reach, the intercepts otherwise drift by ~1e-13 per
                // iteration on rounding-level gradients, for ever (a new user's run sat at 0 % for hours)
                stalled = !movedMeasurably(wBefore, state.w) && !movedMeasurably(bBefore, state.b);
                if (stalled || maxStep <= tolSum) {
                    break;
                }
            }
            state.gradient(residual, gradient);
            violation = 0;
            boolean added = false;
            for (int c = 0; c < gradient.length; c++) {
                final double v = violation(gradient[c], state.w[c], l1, l2);
                violation = Math.max(violation, v);
                if (!inSet[c] && v > 0) {
                    inSet[c] = true;
                    added = true;
                }
            }
            if (base.fitIntercept()) {
                for (int k = 0; k < state.rows; k++) {
                    violation = Math.max(violation, Math.abs(state.interceptGradient(residual, k)));
                }
            }
            // nothing moved and no coordinate to add: more iterations would repeat this one, so the point
            // stops here (converged = false unless within tol: tol below what rounding can reach)
            if (violation <= tolSum || iter >= base.maxIter() || (stalled && !added)) {
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
}
