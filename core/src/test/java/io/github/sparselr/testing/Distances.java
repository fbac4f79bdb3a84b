package io.github.sparselr.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** The distances the fidelity tests compare coefficients by. */
public final class Distances {

    private Distances() {
    }

    /** max |a[i]|, 0 for an empty array. */
    public static double maxAbs(final double[] a) {
        double m = 0;
        for (final double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** max |a[i] − b[i]|; the arrays must have the same length. */
    public static double maxAbsDifference(final double[] a, final double[] b) {
        assertThat(a).hasSameSizeAs(b);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
