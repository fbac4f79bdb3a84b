package io.github.sparselr.random;

/**
 * numpy's legacy {@code RandomState}: the MT19937 generator seeded by {@code init_genrand}, with the
 * legacy {@code permutation}, {@code shuffle} and masked-rejection {@code randint} draws
 * (docs/saga.md §9.1–§9.4). The same seed gives numpy's numbers, so shuffles, splits, folds and
 * solver seeds match scikit-learn's.
 * Not thread-safe; each draw advances the state.
 */
public final class RandomState {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int position;

    /**
     * Seeds like {@code np.random.RandomState(seed)}.
     *
     * @param seed 0 ≤ seed < 2³²
     */
    public RandomState(final long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("random_state must be in [0, 2^32 - 1], was " + seed + ".");
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            // mt[i] = 1812433253 * (mt[i-1] ^ (mt[i-1] >>> 30)) + i, mod 2^32: int arithmetic wraps the same
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        position = N;
    }

    /** The next 32-bit output, as an unsigned value in a long. */
    public long nextUint32() {
        if (position >= N) {
            twist();
        }
        int y = mt[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            final int y = (mt[i] & UPPER_MASK) | (mt[(i + 1) % N] & LOWER_MASK);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        position = 0;
    }

    /** A uniform integer in [0, max] by numpy's legacy masked rejection ({@code random_interval}). */
    long randomInterval(final long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        if (max > 0xffffffffL) {
            throw new UnsupportedOperationException("Intervals beyond 2^32 are not needed here.");
        }
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }

    /**
     * {@code RandomState.permutation(n)}: {@code arange(n)} put through {@link #shuffle}, as numpy's
     * legacy {@code permutation} of an integer does.
     */
    public int[] permutation(final int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation size must be at least 0, was " + n + ".");
        }
        final int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        shuffle(values);
        return values;
    }

    /**
     * {@code RandomState.shuffle(x)} of a one-dimensional array, in place: numpy's legacy Fisher–Yates
     * from the top ({@code _shuffle_raw}), swapping {@code x[i]} with {@code x[random_interval(i)]} for
     * i = n−1 down to 1. An array of fewer than two values draws nothing.
     */
    public void shuffle(final int[] values) {
        for (int i = values.length - 1; i >= 1; i--) {
            final int j = (int) randomInterval(i);
            final int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** {@code RandomState.randint(low, high)}: a uniform integer in [low, high), high − low ≤ 2³². */
    public long randint(final long low, final long high) {
        if (high <= low) {
            throw new IllegalArgumentException("randint needs low < high, got [" + low + ", " + high + ").");
        }
        return low + randomInterval(high - low - 1);
    }
}
