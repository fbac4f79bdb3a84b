package io.github.sparselr.linear.path;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColumnKernels}' two sums with SIMD lanes, through the JDK's Vector API ({@code jdk.incubator.vector},
 * present only when the JVM runs with {@code --add-modules jdk.incubator.vector}; {@link ColumnKernels}
 * decides once whether this class is used). Each lane does the scalar kernels' operations in their order:
 * a multiplication, then an addition (no fused multiply-add), into the same partial sums, combined the
 * same way; so the bits are those of the scalar kernels.
 */
final class VectorColumnKernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;

    private VectorColumnKernels() {
    }

    /** @return true if the hardware runs 4-lane double vectors natively, not emulated */
    static boolean nativeLanes() {
        return SPECIES.length() == 4 && DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= SPECIES.vectorBitSize();
    }

    /** {@link ColumnKernels#dot}: two 4-lane sums over blocks of 8, then the scalar tail. */
    static double dot(final double[] x, final int xOffset, final double[] r, final int rOffset, final int n) {
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i + 7 < n; i += 8) {
            a0 = a0.add(DoubleVector.fromArray(SPECIES, x, xOffset + i).mul(DoubleVector.fromArray(SPECIES, r, rOffset + i)));
            a1 = a1.add(DoubleVector.fromArray(SPECIES, x, xOffset + i + 4)
                .mul(DoubleVector.fromArray(SPECIES, r, rOffset + i + 4)));
        }
        final DoubleVector t = a0.add(a1);
        double sum = (t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3));
        for (; i < n; i++) {
            sum += x[xOffset + i] * r[rOffset + i];
        }
        return sum;
    }

    /** {@link ColumnKernels#addDot4}: one 4-lane sum per column over blocks of 4, then the scalar tail. */
    static void addDot4(final double[] x, final int j0, final int n, final int i0, final double[] r,
        final int rOffset, final int length, final double[] out, final int outOffset) {
        final int o0 = j0 * n + i0;
        final int o1 = o0 + n;
        final int o2 = o1 + n;
        final int o3 = o2 + n;
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = DoubleVector.zero(SPECIES);
        DoubleVector a2 = DoubleVector.zero(SPECIES);
        DoubleVector a3 = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i + 3 < length; i += 4) {
            final DoubleVector v = DoubleVector.fromArray(SPECIES, r, rOffset + i);
            a0 = a0.add(DoubleVector.fromArray(SPECIES, x, o0 + i).mul(v));
            a1 = a1.add(DoubleVector.fromArray(SPECIES, x, o1 + i).mul(v));
            a2 = a2.add(DoubleVector.fromArray(SPECIES, x, o2 + i).mul(v));
            a3 = a3.add(DoubleVector.fromArray(SPECIES, x, o3 + i).mul(v));
        }
        double s0 = (a0.lane(0) + a0.lane(1)) + (a0.lane(2) + a0.lane(3));
        double s1 = (a1.lane(0) + a1.lane(1)) + (a1.lane(2) + a1.lane(3));
        double s2 = (a2.lane(0) + a2.lane(1)) + (a2.lane(2) + a2.lane(3));
        double s3 = (a3.lane(0) + a3.lane(1)) + (a3.lane(2) + a3.lane(3));
        for (; i < length; i++) {
            final double v = r[rOffset + i];
            s0 += x[o0 + i] * v;
            s1 += x[o1 + i] * v;
            s2 += x[o2 + i] * v;
            s3 += x[o3 + i] * v;
        }
        out[outOffset] += s0;
        out[outOffset + 1] += s1;
        out[outOffset + 2] += s2;
        out[outOffset + 3] += s3;
    }
}
