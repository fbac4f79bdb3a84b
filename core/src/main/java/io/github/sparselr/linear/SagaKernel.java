package io.github.sparselr.linear;

import io.github.sparselr.random.SagSampler;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * scikit-learn's {@code sag64} for dense data (docs/saga.md §4–§8), operation for operation in C's
 * evaluation order, so that results are bit-identical where Java's exp/log round as glibc's do.
 *
 * <p>Dense rows touch every feature, so every lazy ("just-in-time") update covers all weights and
 * all features share one "last updated" index: the cumulative-sum differences become two scalars
 * per iteration, and the catch-up of iteration t is fused with the prediction of its sample.
 * Weights are laid out [feature][class], so the per-class accumulations run side by side while each
 * keeps scikit-learn's feature order. The fused pass runs the loop the solver chose for the fit
 * ({@link FusedPass}); with SIMD lanes a feature's classes are padded to a whole number of vectors
 * ({@link #stride}), and the padding stays zero throughout.
 */
final class SagaKernel {

    private static final int SAMPLES_BETWEEN_CANCEL_CHECKS = 2048;

    // problem
    private final double[] x;
    private final int n;
    private final int d;
    private final int k;
    /** the distance between two features' weights: k, or k padded to whole vectors */
    private final int stride;
    /** the loop of the fused pass, chosen once per fit by the solver */
    private final FusedPass pass;
    /** [start, end) pairs of the features the per-sample passes visit (see {@link #featureRuns}) */
    private final int[] runs;
    private final double[] target;
    private final double[] sampleWeight;
    private final boolean multinomial;

    // constants
    private final double step;
    private final double betaScaled;
    private final double wscaleUpdate;
    private final boolean prox;
    private final boolean fitIntercept;
    private final double tol;
    private final int maxIter;

    // state (docs/saga.md §4)
    private final double[] weights;
    final double[] intercept;
    private final double[] sumGradient;
    private final double[] interceptSumGradient;
    private final double[] gradientMemory;
    private final boolean[] seen;
    private int numSeen;
    private final double[] cumulativeSums;
    private final double[] cumulativeSumsProx;
    private int lastUpdate;
    private double wscale = 1.0;
    private double pendingStep;
    private double pendingProx;
    private final double[] previousWeights;

    // scratch
    private final double[] prediction;
    private final double[] gradient;
    private final double[] gradientChange;

    private final SagSampler sampler;
    private final FitProgress progress;

    int nIter;
    boolean converged;
    final double[] history;

    SagaKernel(final double[] x, final int n, final int d, final int k, final double[] target,
        final double[] sampleWeight, final double step, final double alphaScaled, final double betaScaled,
        final SagaParameters parameters, final double[] initialCoef, final double[] initialIntercept,
        final boolean[] zeroColumns, final SagSampler sampler, final FitProgress progress, final FusedPass pass) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.k = k;
        this.pass = pass;
        this.stride = pass.stride(k);
        this.target = target;
        this.sampleWeight = sampleWeight;
        this.multinomial = k > 1;
        this.step = step;
        this.betaScaled = betaScaled;
        this.wscaleUpdate = 1.0 - step * alphaScaled;
        this.prox = betaScaled > 0;
        this.fitIntercept = parameters.fitIntercept();
        this.tol = parameters.tol();
        this.maxIter = parameters.maxIter();
        this.weights = new double[d * stride];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                weights[j * stride + c] = initialCoef[c * d + j];
            }
        }
        this.runs = featureRuns(zeroColumns, initialCoef, k, d);
        this.intercept = initialIntercept.clone();
        this.sumGradient = new double[d * stride];
        this.interceptSumGradient = new double[k];
        this.gradientMemory = new double[n * k];
        this.seen = new boolean[n];
        this.cumulativeSums = new double[n];
        this.cumulativeSumsProx = prox ? new double[n] : null;
        this.previousWeights = new double[d * stride];
        this.prediction = new double[stride];
        this.gradient = new double[k];
        this.gradientChange = new double[stride];
        this.sampler = sampler;
        this.progress = progress;
        this.history = new double[maxIter];
    }

    /**
     * The features the per-sample passes must visit, as ascending [start, end) pairs. A feature whose
     * column holds only zeros and whose weights start at +0.0 is left out: its corrections are ±0, so
     * its gradient sums stay +0.0, its weights stay +0.0 (soft thresholding included), and it adds
     * only ±0 to predictions that start at +0.0 and so can never be −0.0. Visiting it would change
     * no bit. A start weight of −0.0 or any other value keeps the feature in (thresholding moves it).
     */
    static int[] featureRuns(final boolean[] zeroColumns, final double[] initialCoef, final int k, final int d) {
        final int[] runs = new int[d + 1];
        int count = 0;
        boolean open = false;
        for (int j = 0; j < d; j++) {
            boolean skip = zeroColumns[j];
            for (int c = 0; c < k && skip; c++) {
                skip = Double.doubleToRawLongBits(initialCoef[c * d + j]) == 0L;
            }
            if (!skip && !open) {
                runs[count++] = j;
                open = true;
            } else if (skip && open) {
                runs[count++] = j;
                open = false;
            }
        }
        if (open) {
            runs[count++] = d;
        }
        return Arrays.copyOf(runs, count);
    }

    /** @return the weights as scikit-learn's coef_: [class][feature] */
    double[] coefficients() {
        final double[] coef = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                coef[c * d + j] = weights[j * stride + c];
            }
        }
        return coef;
    }

    /** Runs the epochs; afterwards {@link #coefficients()}, {@link #intercept}, {@link #nIter} hold the result. */
    void run() {
        int epoch = 0;
        for (; epoch < maxIter; epoch++) {
            // the prediction of the next sample is fused into each update where nothing intervenes
            boolean predicted = false;
            int sample = -1;
            for (int t = 0; t < n; t++) {
                if (t % SAMPLES_BETWEEN_CANCEL_CHECKS == 0 && progress.cancelRequested()) {
                    throw new CancellationException("The SAGA fit was cancelled in epoch " + (epoch + 1) + ".");
                }
                if (!predicted) {
                    sample = sampler.nextIndex();
                    markSeen(sample);
                    catchUpAndPredict(t, sample);
                }
                computeGradient(sample);
                wscale *= wscaleUpdate;
                final int memory = sample * k;
                for (int c = 0; c < k; c++) {
                    gradientChange[c] = gradient[c] - gradientMemory[memory + c];
                }
                final double oneMinus = 1 - 1.0 / numSeen;
                if (fitIntercept && !updateIntercept()) {
                    throw overflow(epoch);
                }
                System.arraycopy(gradient, 0, gradientMemory, memory, k);
                final double increment = step / (wscale * numSeen);
                cumulativeSums[t] = t == 0 ? increment : cumulativeSums[t - 1] + increment;
                if (prox) {
                    final double proxIncrement = step * betaScaled / wscale;
                    cumulativeSumsProx[t] = t == 0 ? proxIncrement : cumulativeSumsProx[t - 1] + proxIncrement;
                }
                if (t < n - 1 && !(wscale < 1e-9)) {
                    // docs/saga.md §6 for the next iteration: one pending step since lastUpdate == t
                    final int next = sampler.nextIndex();
                    markSeen(next);
                    updateCatchUpAndPredict(sample, next, oneMinus, t + 1);
                    sample = next;
                    predicted = true;
                } else {
                    updateWeights(sample, oneMinus);
                    predicted = false;
                    if (wscale < 1e-9) {
                        // numerical safeguard, mid-epoch (docs/saga.md §5, step 10)
                        if (!lazyUpdate(t + 1, true)) {
                            throw overflow(epoch);
                        }
                        wscale = 1.0;
                    }
                }
            }
            // full catch-up every epoch, then the stopping rule (docs/saga.md §6, §8)
            if (!lazyUpdate(n, true)) {
                throw overflow(epoch);
            }
            wscale = 1.0;
            double maxWeight = 0.0;
            double maxChange = 0.0;
            for (int idx = 0; idx < weights.length; idx++) {
                maxWeight = fmax(maxWeight, Math.abs(weights[idx]));
                maxChange = fmax(maxChange, Math.abs(weights[idx] - previousWeights[idx]));
                previousWeights[idx] = weights[idx];
            }
            history[epoch] = maxWeight == 0 ? 0.0 : maxChange / maxWeight;
            progress.epochFinished(epoch + 1, maxIter, history[epoch]);
            if ((maxWeight != 0 && maxChange / maxWeight <= tol) || (maxWeight == 0 && maxChange == 0)) {
                converged = true;
                break;
            }
            if (progress.cancelRequested()) {
                throw new CancellationException("The SAGA fit was cancelled after epoch " + (epoch + 1) + ".");
            }
        }
        nIter = converged ? epoch + 1 : maxIter;
    }

    private void markSeen(final int sample) {
        if (!seen[sample]) {
            seen[sample] = true;
            numSeen++;
        }
    }

    /**
     * Iteration t's SAGA correction and gradient sums for {@code sample}, then iteration t+1's lazy
     * update (one pending step) and the prediction of {@code next}, in one pass over the weights. Per
     * weight the operations and their order are those of the two separate passes.
     */
    private void updateCatchUpAndPredict(final int sample, final int next, final double oneMinus, final int upTo) {
        pendingSteps(upTo);
        final double a = pendingStep;
        final double p = pendingProx;
        final double[] w = weights;
        final double[] sg = sumGradient;
        final double[] z = prediction;
        final double[] change = gradientChange;
        final double[] data = x;
        final double st = step;
        final double ws = wscale;
        Arrays.fill(z, 0.0);
        final int rowOffset = sample * d;
        final int nextOffset = next * d;
        pass.run(runs, stride, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, ws, a, p);
        lastUpdate = upTo;
        for (int c = 0; c < k; c++) {
            z[c] = ws * z[c] + intercept[c];
        }
    }

    /**
     * The lazy update at the start of iteration t (T = t, no reset) followed by the prediction
     * {@code z_c = wscale · Σ_j W[j][c]·x_j + b_c} of the drawn sample. {@link #run()} fuses every
     * other iteration's update and prediction into the pass before it; only two iterations come
     * here: the first of an epoch (t == 0, nothing pending, as scikit-learn's {@code sag64} skips
     * the update when t is 0) and the one after a mid-epoch rescale (lastUpdate == t, a zero step,
     * which can still turn a weight of −0.0 into +0.0 as scikit-learn's does).
     */
    private void catchUpAndPredict(final int t, final int sample) {
        final double[] w = weights;
        final double[] z = prediction;
        Arrays.fill(z, 0.0);
        final int rowOffset = sample * d;
        if (t > 0) {
            lazyUpdate(t, false);
        }
        for (int j = 0; j < d; j++) {
            final double xj = x[rowOffset + j];
            final int f = j * stride;
            for (int c = 0; c < k; c++) {
                z[c] += w[f + c] * xj;
            }
        }
        for (int c = 0; c < k; c++) {
            z[c] = wscale * z[c] + intercept[c];
        }
    }

    /** The per-sample gradient of the loss (docs/saga.md §7; scikit-learn 1.2.1's formulas). */
    private void computeGradient(final int sample) {
        final double s = sampleWeight == null ? 1.0 : sampleWeight[sample];
        final double y = target[sample];
        if (multinomial) {
            double vmax = prediction[0];
            for (int c = 1; c < k; c++) {
                if (vmax < prediction[c]) {
                    vmax = prediction[c];
                }
            }
            double sum = 0.0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(prediction[c] - vmax);
            }
            final double logSumExp = Math.log(sum) + vmax;
            for (int c = 0; c < k; c++) {
                double g = Math.exp(prediction[c] - logSumExp);
                if (c == y) {
                    g -= 1.0;
                }
                gradient[c] = g * s;
            }
        } else {
            // the binary log loss of scikit-learn's _sgd_fast.Log, with y in {-1, +1}
            final double z = prediction[0] * y;
            final double dloss;
            if (z > 18.0) {
                dloss = Math.exp(-z) * -y;
            } else if (z < -18.0) {
                dloss = -y;
            } else {
                dloss = -y / (Math.exp(z) + 1.0);
            }
            gradient[0] = dloss * s;
        }
    }

    /** The SAGA correction step and the gradient sums, for every feature of the sample. */
    private void updateWeights(final int sample, final double oneMinus) {
        final double[] w = weights;
        final double[] sg = sumGradient;
        final double[] change = gradientChange;
        final double ws = wscale;
        final double st = step;
        final int rowOffset = sample * d;
        for (int j = 0; j < d; j++) {
            final double xj = x[rowOffset + j];
            final int f = j * stride;
            for (int c = 0; c < k; c++) {
                final double correction = xj * change[c];
                w[f + c] -= correction * st * oneMinus / ws;
                sg[f + c] += correction;
            }
        }
    }

    /** @return false if an intercept became NaN or infinite */
    private boolean updateIntercept() {
        final double oneMinus = 1. - 1. / numSeen;
        for (int c = 0; c < k; c++) {
            double correction = gradientChange[c];
            interceptSumGradient[c] += correction;
            correction *= step * oneMinus;
            intercept[c] -= step * interceptSumGradient[c] / numSeen * 1.0 + correction;
            if (!Double.isFinite(intercept[c])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Cython's {@code lagged_update} over all features (dense rows touch all), in its general form:
     * used for the resets and whenever more than one step is pending.
     *
     * @return false if a weight became NaN or infinite during a reset
     */
    private boolean lazyUpdate(final int upTo, final boolean reset) {
        pendingSteps(upTo);
        final double a = pendingStep;
        final double p = pendingProx;
        final double[] w = weights;
        final double[] sg = sumGradient;
        for (int idx = 0; idx < w.length; idx++) {
            if (!prox) {
                w[idx] -= a * sg[idx];
            } else if (Math.abs(sg[idx] * a) < p) {
                w[idx] -= a * sg[idx];
                w[idx] = softThreshold(w[idx], p);
            } else {
                for (int lagged = upTo - 1; lagged >= lastUpdate; lagged--) {
                    final double gradStep;
                    final double proxStep;
                    if (lagged > 0) {
                        gradStep = cumulativeSums[lagged] - cumulativeSums[lagged - 1];
                        proxStep = cumulativeSumsProx[lagged] - cumulativeSumsProx[lagged - 1];
                    } else {
                        gradStep = cumulativeSums[lagged];
                        proxStep = cumulativeSumsProx[lagged];
                    }
                    w[idx] -= sg[idx] * gradStep;
                    w[idx] = softThreshold(w[idx], proxStep);
                }
            }
            if (reset) {
                w[idx] *= wscale;
                if (!Double.isFinite(w[idx])) {
                    return false;
                }
            }
        }
        lastUpdate = reset ? upTo % n : upTo;
        if (reset) {
            cumulativeSums[upTo - 1] = 0.0;
            if (prox) {
                cumulativeSumsProx[upTo - 1] = 0.0;
            }
        }
        return true;
    }

    /**
     * The pending lazy step up to iteration {@code upTo}: the cumulative-sum differences since the
     * last update (docs/saga.md §6), kept as differences because applying the increments directly
     * rounds differently. Sets {@link #pendingStep} and {@link #pendingProx}.
     */
    private void pendingSteps(final int upTo) {
        double a = cumulativeSums[upTo - 1];
        double p = prox ? cumulativeSumsProx[upTo - 1] : 0.0;
        if (lastUpdate != 0) {
            a -= cumulativeSums[lastUpdate - 1];
            if (prox) {
                p -= cumulativeSumsProx[lastUpdate - 1];
            }
        }
        pendingStep = a;
        pendingProx = p;
    }

    private static double softThreshold(final double v, final double shrinkage) {
        return fmax(v - shrinkage, 0) - fmax(-v - shrinkage, 0);
    }

    /** C's {@code fmax} helper of _sag_fast (not Math.max: NaN and −0.0 are treated differently). */
    private static double fmax(final double a, final double b) {
        return a > b ? a : b;
    }

    private ArithmeticException overflow(final int epoch) {
        return new ArithmeticException("Floating-point under-/overflow occurred at epoch #" + (epoch + 1)
            + ". Scaling the input data with the Standard Scaler (or a min-max scaler) might help.");
    }
}
