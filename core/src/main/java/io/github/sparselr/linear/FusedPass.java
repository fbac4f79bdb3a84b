package io.github.sparselr.linear;

/**
 * The loop that runs a fit's fused per-sample pass (iteration t's correction and gradient sums,
 * iteration t+1's lazy update and prediction), chosen once per fit by {@link #choose}: the table in
 * {@code package-info.java} says which loop runs when. Every choice gives the same bits.
 */
enum FusedPass {

    /** Scalar, no L1 part: correction divided by wscale (which stays 1.0 without an L2 part). */
    SCALAR_PLAIN(false) {
        @Override
        void run(final int[] runs, final int stride, final double[] w, final double[] sg, final double[] z,
            final double[] change, final double[] data, final int rowOffset, final int nextOffset, final double st,
            final double oneMinus, final double ws, final double a, final double p) {
            FusedLoops.plain(runs, stride, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, ws, a);
        }
    },

    /** Scalar, L1 part, no L2 part: soft thresholding, no division (wscale stays 1.0). */
    SCALAR_PROX(false) {
        @Override
        void run(final int[] runs, final int stride, final double[] w, final double[] sg, final double[] z,
            final double[] change, final double[] data, final int rowOffset, final int nextOffset, final double st,
            final double oneMinus, final double ws, final double a, final double p) {
            FusedLoops.prox(runs, stride, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, a, p);
        }
    },

    /** Scalar, L1 and L2 parts: soft thresholding and the division by wscale. */
    SCALAR_PROX_DIVIDE(false) {
        @Override
        void run(final int[] runs, final int stride, final double[] w, final double[] sg, final double[] z,
            final double[] change, final double[] data, final int rowOffset, final int nextOffset, final double st,
            final double oneMinus, final double ws, final double a, final double p) {
            FusedLoops.proxDivide(runs, stride, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, ws, a, p);
        }
    },

    /** 256-bit lanes across classes, no L1 part, no L2 part (wscale stays 1.0). */
    LANES(true) {
        @Override
        void run(final int[] runs, final int stride, final double[] w, final double[] sg, final double[] z,
            final double[] change, final double[] data, final int rowOffset, final int nextOffset, final double st,
            final double oneMinus, final double ws, final double a, final double p) {
            VectorFusedLoops.pass(runs, stride, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, ws, a, p,
                false, false);
        }
    },

    /** 256-bit lanes across classes, L2 part, no L1 part. */
    LANES_DIVIDE(true) {
        @Override
        void run(final int[] runs, final int stride, final double[] w, final double[] sg, final double[] z,
            final double[] change, final double[] data, final int rowOffset, final int nextOffset, final double st,
            final double oneMinus, final double ws, final double a, final double p) {
            VectorFusedLoops.pass(runs, stride, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, ws, a, p,
                false, true);
        }
    },

    /** 256-bit lanes across classes, L1 part, no L2 part. */
    LANES_PROX(true) {
        @Override
        void run(final int[] runs, final int stride, final double[] w, final double[] sg, final double[] z,
            final double[] change, final double[] data, final int rowOffset, final int nextOffset, final double st,
            final double oneMinus, final double ws, final double a, final double p) {
            VectorFusedLoops.pass(runs, stride, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, ws, a, p,
                true, false);
        }
    },

    /** 256-bit lanes across classes, L1 and L2 parts. */
    LANES_PROX_DIVIDE(true) {
        @Override
        void run(final int[] runs, final int stride, final double[] w, final double[] sg, final double[] z,
            final double[] change, final double[] data, final int rowOffset, final int nextOffset, final double st,
            final double oneMinus, final double ws, final double a, final double p) {
            VectorFusedLoops.pass(runs, stride, w, sg, z, change, data, rowOffset, nextOffset, st, oneMinus, ws, a, p,
                true, true);
        }
    };

    private final boolean lanes;

    FusedPass(final boolean lanes) {
        this.lanes = lanes;
    }

    /**
     * The one rule for the lanes: they run across classes, so a multinomial fit (three or more
     * classes, one coefficient row each) uses them wherever they are available; the binary model's
     * single row would fill a quarter of each vector, so it runs scalar loops.
     *
     * @param lanesAvailable whether this JVM and hardware run the lanes ({@link SagaLanes}) and the
     *            caller allows them
     * @param coefRows the coefficient rows of the fit: 1 for two classes, else the number of classes
     */
    static boolean usesLanes(final boolean lanesAvailable, final int coefRows) {
        return lanesAvailable && coefRows > 1;
    }

    /**
     * Chooses the pass of a fit. Neither input changes within a fit: the L1 part is there or not,
     * and wscale is 1.0 at every pass exactly when its per-sample factor {@code 1 − step·alpha_s}
     * is 1.0 (dividing by a wscale that happens to be 1.0 gives the same bits as not dividing).
     *
     * @param lanesAvailable as in {@link #usesLanes}
     * @param coefRows as in {@link #usesLanes}
     * @param prox whether the penalty has an L1 part (soft thresholding)
     * @param divide whether wscale can differ from 1.0 (an L2 part whose shrink factor is not 1.0)
     */
    static FusedPass choose(final boolean lanesAvailable, final int coefRows, final boolean prox,
        final boolean divide) {
        if (usesLanes(lanesAvailable, coefRows)) {
            return prox ? (divide ? LANES_PROX_DIVIDE : LANES_PROX) : (divide ? LANES_DIVIDE : LANES);
        }
        return prox ? (divide ? SCALAR_PROX_DIVIDE : SCALAR_PROX) : SCALAR_PLAIN;
    }

    /** @return whether this pass runs SIMD lanes */
    boolean lanes() {
        return lanes;
    }

    /**
     * @param k the coefficient rows (classes) of the fit
     * @return the distance between two features' weights: k for scalar loops, k rounded up to whole
     *         vectors for the lanes (the padding stays zero)
     */
    int stride(final int k) {
        return lanes ? (k + VectorFusedLoops.LANES - 1) / VectorFusedLoops.LANES * VectorFusedLoops.LANES : k;
    }

    /**
     * Runs the pass on weights laid out [feature][{@link #stride}]; adds each class's prediction to
     * {@code z}, which holds zeros on entry.
     */
    abstract void run(int[] runs, int stride, double[] w, double[] sg, double[] z, double[] change, double[] data,
        int rowOffset, int nextOffset, double st, double oneMinus, double ws, double a, double p);
}
