package io.github.sparselr.linear;

/**
 * Whether {@link SagaKernel} runs its fused pass with SIMD lanes across classes
 * ({@link VectorFusedLoops}) or with scalar loops ({@link FusedLoops}). Both give the same bits; the
 * lanes need the JDK's Vector API, which the JVM only resolves when started with
 * {@code --add-modules jdk.incubator.vector} (in KNIME: that line after {@code -vmargs} in
 * knime.ini), and hardware with 256-bit vectors. Without either, the scalar loops run.
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

    /** Classes per vector; only valid if {@link #available()}. */
    static int lanes() {
        return VectorFusedLoops.LANES;
    }

    private static boolean detect() {
        try {
            return VectorFusedLoops.nativeLanes();
        } catch (final LinkageError e) {
            // NoClassDefFoundError for jdk.incubator.vector: the JVM was started without the module
            return false;
        }
    }
}
