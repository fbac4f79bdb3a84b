package io.github.sparselr.linear;

/**
 * Whether this JVM may run SIMD lanes across classes ({@link VectorFusedLoops}); {@link FusedPass}
 * decides per fit whether they run. The lanes need the JDK's Vector API, which the JVM only resolves
 * when started with {@code --add-modules jdk.incubator.vector} (in KNIME: that line after
 * {@code -vmargs} in knime.ini), and hardware with at least 256-bit vectors. Without either, the
 * scalar loops run. At start-up a self-test runs every lanes pass and its scalar counterpart on a
 * small problem and keeps the lanes only if they give the same bits.
 */
final class SagaLanes {

    /** System property: {@code false} turns the lanes off (for comparisons). */
    static final String PROPERTY = "sparselr.saga.vectorLanes";

    private static final boolean AVAILABLE = detect();

    private SagaLanes() {
    }

    /** @return true if the Vector API is resolved and the hardware runs its lanes natively */
    static boolean available() {
        return AVAILABLE;
    }

    /** @return true if fits use the lanes unless told otherwise: available and not switched off */
    static boolean enabled() {
        return AVAILABLE && !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
    }

    private static boolean detect() {
        try {
            return VectorFusedLoops.nativeLanes() && agreesWithScalarLoops();
        } catch (final LinkageError e) {
            // NoClassDefFoundError for jdk.incubator.vector: the JVM was started without the module;
            // NoSuchMethodError: a JDK whose incubating API differs from the one compiled against
            return false;
        }
    }

    /**
     * Runs every lanes pass of {@link FusedPass} and its scalar counterpart on a small problem and
     * requires the same bits. This links every Vector API method the lanes use, here rather than in
     * the middle of a fit, and checks this JVM and hardware. 13 classes take both loops of the lanes
     * (3 + 1 vectors).
     */
    private static boolean agreesWithScalarLoops() {
        final int d = 5;
        final int k = 13;
        final int[] runs = {0, 2, 3, d}; // feature 2 left out
        final double[] data = new double[2 * d];
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.sin(1.7 * i + 0.3) * 3;
        }
        final double st = 0.37;
        final double oneMinus = 0.75;
        final double a = 0.21;
        final double p = 0.05;
        for (final boolean prox : new boolean[] {true, false}) {
            for (final boolean divide : new boolean[] {true, false}) {
                final FusedPass scalar = FusedPass.choose(false, k, prox, divide);
                final FusedPass lanes = FusedPass.choose(true, k, prox, divide);
                final int stride = lanes.stride(k);
                // without an L2 part wscale is 1.0 at every pass
                final double ws = divide ? 0.625 : 1.0;
                final double[] change = new double[stride];
                for (int c = 0; c < k; c++) {
                    change[c] = Math.cos(0.9 * c) * 0.5;
                }
                final double[] w = new double[d * k];
                final double[] sg = new double[d * k];
                final double[] z = new double[k];
                final double[] wLanes = new double[d * stride];
                final double[] sgLanes = new double[d * stride];
                final double[] zLanes = new double[stride];
                for (int j = 0; j < d; j++) {
                    for (int c = 0; c < k; c++) {
                        w[j * k + c] = Math.sin(j + 0.1 * c);
                        sg[j * k + c] = Math.cos(j - 0.2 * c);
                        wLanes[j * stride + c] = w[j * k + c];
                        sgLanes[j * stride + c] = sg[j * k + c];
                    }
                }
                scalar.run(runs, k, w, sg, z, change, data, 0, d, st, oneMinus, ws, a, p);
                lanes.run(runs, stride, wLanes, sgLanes, zLanes, change, data, 0, d, st, oneMinus, ws, a, p);
                for (int c = 0; c < k; c++) {
                    if (!sameBits(z[c], zLanes[c])) {
                        return false;
                    }
                    for (int j = 0; j < d; j++) {
                        if (!sameBits(w[j * k + c], wLanes[j * stride + c])
                            || !sameBits(sg[j * k + c], sgLanes[j * stride + c])) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static boolean sameBits(final double a, final double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }
}
