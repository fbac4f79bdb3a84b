package io.github.sparselr.linear;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FusedLoops} with SIMD lanes across classes, through the JDK's Vector API
 * ({@code jdk.incubator.vector}, present only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; {@link FusedPass} decides whether this class is used).
 *
 * <p>Each lane holds one class and does, per weight, exactly the scalar operations in the scalar
 * order; the prediction of every class is still summed over the features in ascending order, one
 * lane each. So the bits are those of the scalar loops. Weights are [feature][stride] with the
 * stride a multiple of {@link #LANES}; the padding lanes hold zeros, get a zero gradient change and
 * stay zero. {@code runs} holds [start, end) pairs of the features to visit, as in
 * {@link FusedLoops}. Three blocks of lanes share one pass over the features so that three
 * independent sums hide the latency of the additions; further blocks take one pass each.
 *
 * <p>Soft thresholding subtracts the clamped weight, {@code v − clamp(v, −p, p)}, the clamp made of
 * two compares and blends (the Vector API's MIN/MAX carry Java's NaN and −0.0 rules and cost more).
 * It gives the bits of {@code max(v − p, 0) − max(−v − p, 0)} for every non-NaN v: {@code v − p}
 * above p; below −p, {@code v − (−p) = v + p}, which is {@code 0 − (−v − p)} because rounding to
 * nearest is symmetric; in between, {@code v − v = +0.0}. It took 12% less time per fit than
 * selecting among {@code v − p}, {@code v + p} and 0.
 */
final class VectorFusedLoops {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;

    /** Classes per vector. */
    static final int LANES = SPECIES.length();

    private VectorFusedLoops() {
    }

    /** @return true if the hardware runs {@link #LANES}-lane double vectors natively, not emulated */
    static boolean nativeLanes() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= SPECIES.vectorBitSize();
    }

    /**
     * The fused pass, for every penalty: {@code threshold} for an L1 part (soft thresholding by
     * {@code p}), {@code divide} for an L2 part (the correction divided by {@code ws}). Adds each
     * class's prediction to {@code z}, which holds zeros on entry.
     */
    static void pass(final int[] runs, final int stride, final double[] w, final double[] sg, final double[] z,
        final double[] change, final double[] data, final int rowOffset, final int nextOffset, final double st,
        final double oneMinus, final double ws, final double a, final double p, final boolean threshold,
        final boolean divide) {
        final int blocks = stride / LANES;
        int block = 0;
        for (; block + 3 <= blocks; block += 3) {
            threeBlocks(runs, stride, block * LANES, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, ws, a,
                p, threshold, divide);
        }
        for (; block < blocks; block++) {
            oneBlock(runs, stride, block * LANES, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, ws, a, p,
                threshold, divide);
        }
    }

    // threeBlocks and oneBlock broadcast the scalars themselves, before their loops: passing the
    // scalars on to update() and broadcasting there made the pass three to four times slower (JDK 17).
    // The sums go through z between runs: vectors carried across both loops were boxed (JDK 17),
    // which made the pass twice as slow and allocated a gigabyte per fit.
    private static void threeBlocks(final int[] runs, final int stride, final int first, final double[] w,
        final double[] sg, final double[] z, final double[] change, final double[] data, final int rowOffset,
        final int nextOffset, final double st, final double oneMinus, final double ws, final double a,
        final double p, final boolean threshold, final boolean divide) {
        final DoubleVector stepV = DoubleVector.broadcast(SPECIES, st);
        final DoubleVector oneMinusV = DoubleVector.broadcast(SPECIES, oneMinus);
        final DoubleVector wscaleV = DoubleVector.broadcast(SPECIES, ws);
        final DoubleVector pendingV = DoubleVector.broadcast(SPECIES, a);
        final DoubleVector proxV = DoubleVector.broadcast(SPECIES, p);
        final DoubleVector minusProxV = DoubleVector.broadcast(SPECIES, -p);
        final DoubleVector change0 = DoubleVector.fromArray(SPECIES, change, first);
        final DoubleVector change1 = DoubleVector.fromArray(SPECIES, change, first + LANES);
        final DoubleVector change2 = DoubleVector.fromArray(SPECIES, change, first + 2 * LANES);
        for (int r = 0; r < runs.length; r += 2) {
            DoubleVector sum0 = DoubleVector.fromArray(SPECIES, z, first);
            DoubleVector sum1 = DoubleVector.fromArray(SPECIES, z, first + LANES);
            DoubleVector sum2 = DoubleVector.fromArray(SPECIES, z, first + 2 * LANES);
            for (int j = runs[r], i = first + j * stride; j < runs[r + 1]; j++, i += stride) {
                final DoubleVector xj = DoubleVector.broadcast(SPECIES, data[rowOffset + j]);
                final DoubleVector xn = DoubleVector.broadcast(SPECIES, data[nextOffset + j]);
                sum0 = sum0.add(update(w, sg, i, change0, xj, stepV, oneMinusV, wscaleV, pendingV, proxV, minusProxV,
                    threshold, divide).mul(xn));
                sum1 = sum1.add(update(w, sg, i + LANES, change1, xj, stepV, oneMinusV, wscaleV, pendingV, proxV,
                    minusProxV, threshold, divide).mul(xn));
                sum2 = sum2.add(update(w, sg, i + 2 * LANES, change2, xj, stepV, oneMinusV, wscaleV, pendingV, proxV,
                    minusProxV, threshold, divide).mul(xn));
            }
            sum0.intoArray(z, first);
            sum1.intoArray(z, first + LANES);
            sum2.intoArray(z, first + 2 * LANES);
        }
    }

    private static void oneBlock(final int[] runs, final int stride, final int first, final double[] w,
        final double[] sg, final double[] z, final double[] change, final double[] data, final int rowOffset,
        final int nextOffset, final double st, final double oneMinus, final double ws, final double a,
        final double p, final boolean threshold, final boolean divide) {
        final DoubleVector stepV = DoubleVector.broadcast(SPECIES, st);
        final DoubleVector oneMinusV = DoubleVector.broadcast(SPECIES, oneMinus);
        final DoubleVector wscaleV = DoubleVector.broadcast(SPECIES, ws);
        final DoubleVector pendingV = DoubleVector.broadcast(SPECIES, a);
        final DoubleVector proxV = DoubleVector.broadcast(SPECIES, p);
        final DoubleVector minusProxV = DoubleVector.broadcast(SPECIES, -p);
        final DoubleVector change0 = DoubleVector.fromArray(SPECIES, change, first);
        for (int r = 0; r < runs.length; r += 2) {
            DoubleVector sum0 = DoubleVector.fromArray(SPECIES, z, first);
            for (int j = runs[r], i = first + j * stride; j < runs[r + 1]; j++, i += stride) {
                final DoubleVector xj = DoubleVector.broadcast(SPECIES, data[rowOffset + j]);
                final DoubleVector xn = DoubleVector.broadcast(SPECIES, data[nextOffset + j]);
                sum0 = sum0.add(update(w, sg, i, change0, xj, stepV, oneMinusV, wscaleV, pendingV, proxV, minusProxV,
                    threshold, divide).mul(xn));
            }
            sum0.intoArray(z, first);
        }
    }

    /** One vector of weights: gradient sums, correction, lazy step, threshold; returns the new weights. */
    private static DoubleVector update(final double[] w, final double[] sg, final int i, final DoubleVector change,
        final DoubleVector xj, final DoubleVector step, final DoubleVector oneMinus, final DoubleVector wscale,
        final DoubleVector pending, final DoubleVector prox, final DoubleVector minusProx, final boolean threshold,
        final boolean divide) {
        final DoubleVector correction = xj.mul(change);
        final DoubleVector sum = DoubleVector.fromArray(SPECIES, sg, i).add(correction);
        sum.intoArray(sg, i);
        DoubleVector scaled = correction.mul(step).mul(oneMinus);
        if (divide) {
            scaled = scaled.div(wscale);
        }
        DoubleVector v = DoubleVector.fromArray(SPECIES, w, i).sub(scaled).sub(pending.mul(sum));
        if (threshold) {
            v = v.sub(v.blend(prox, v.compare(VectorOperators.GT, prox))
                .blend(minusProx, v.compare(VectorOperators.LT, minusProx)));
        }
        v.intoArray(w, i);
        return v;
    }
}
