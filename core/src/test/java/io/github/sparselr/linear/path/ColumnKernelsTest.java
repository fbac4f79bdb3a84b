package io.github.sparselr.linear.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnKernelsTest {

    @Test
    void theLanesGiveTheScalarKernelsBitsForEveryLengthAndOffset() {
        assumeTrue(VectorColumnKernels.nativeLanes(), "this CPU has no native 256-bit lanes");
        assertThat(ColumnKernels.LANES).as("the tests run with --add-modules jdk.incubator.vector").isTrue();
        final Random random = new Random(12);
        for (int n = 0; n <= 40; n++) {
            final double[] x = new double[4 * n + 3];
            final double[] r = new double[n + 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian() * Math.exp(random.nextGaussian() * 5);
            }
            for (int i = 0; i < r.length; i++) {
                r[i] = random.nextGaussian();
            }
            for (int offset = 0; offset <= 2; offset++) {
                assertThat(VectorColumnKernels.dot(x, offset + 1, r, offset, n))
                    .isEqualTo(ColumnKernels.scalarDot(x, offset + 1, r, offset, n));
                for (int i0 = 0; i0 <= Math.min(2, n); i0++) {
                    final double[] lanes = {1, 2, 3, 4, 5};
                    final double[] scalar = lanes.clone();
                    VectorColumnKernels.addDot4(x, 0, n, i0, r, offset, n - i0, lanes, 1);
                    ColumnKernels.scalarAddDot4(x, 0, n, i0, r, offset, n - i0, scalar, 1);
                    assertThat(lanes).containsExactly(scalar);
                }
            }
        }
    }

    @Test
    void theScalarKernelsComputeDotProducts() {
        final double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        final double[] r = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        assertThat(ColumnKernels.scalarDot(x, 0, r, 0, 20)).isEqualTo(210);
        assertThat(ColumnKernels.scalarDot(x, 2, r, 0, 9)).isEqualTo(3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11);
        final double[] out = new double[4];
        // four columns of 5 rows: rows 1..4 of each
        ColumnKernels.scalarAddDot4(x, 0, 5, 1, r, 0, 4, out, 0);
        assertThat(out).containsExactly(2 + 3 + 4 + 5, 7 + 8 + 9 + 10, 12 + 13 + 14 + 15, 17 + 18 + 19 + 20);
    }
}
