package io.github.sparselr.random;

/**
 * The sample sequence of scikit-learn's SAG/SAGA datasets ({@code ArrayDataset64.random}): a 32-bit
 * xorshift ({@code our_rand_r}) drawing row indices with replacement (docs/saga.md §9.4).
 */
public final class SagSampler {

    /** scikit-learn draws the sampler seed as {@code rng.randint(1, np.iinfo(np.int32).max)}. */
    public static final long SEED_HIGH_EXCLUSIVE = Integer.MAX_VALUE;

    private int state;

    private final int rows;

    /**
     * @param seed the seed scikit-learn passes to the dataset
     * @param rows the number of rows to draw from, at least 1
     */
    public SagSampler(final long seed, final int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("The sampler needs at least one row, got " + rows + ".");
        }
        // ArrayDataset stores max(seed, 1) as uint32
        this.state = (int) Math.max(seed, 1);
        this.rows = rows;
    }

    /** Draws the seed from a {@link RandomState}, as {@code make_dataset} does. */
    public static SagSampler seededFrom(final RandomState random, final int rows) {
        return new SagSampler(random.randint(1, SEED_HIGH_EXCLUSIVE), rows);
    }

    /** The next row index in [0, rows). */
    public int nextIndex() {
        int s = state;
        if (s == 0) {
            s = 1;
        }
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        state = s;
        // r = state mod 2^31, then r mod n in unsigned arithmetic
        return (s & 0x7fffffff) % rows;
    }
}
