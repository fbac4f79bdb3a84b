package io.github.sparselr.image;

/**
 * matplotlib's {@code RdBu} colormap: the 11 ColorBrewer RdBu colours, linearly interpolated into a
 * 256-entry table exactly as {@code LinearSegmentedColormap.from_list(..., N=256)} builds it, and
 * looked up as matplotlib does ({@code index = int(value * 256)}, 1.0 → 255; bytes by truncating
 * {@code 255 * channel}). Red is negative, white zero, blue positive.
 */
public final class DivergingColormap {

    /** ColorBrewer RdBu, 11 classes, as matplotlib's {@code _RdBu_data} lists them (0…255 / 255). */
    private static final int[][] RD_BU_11 = {
        {103, 0, 31}, {178, 24, 43}, {214, 96, 77}, {244, 165, 130}, {253, 219, 199}, {247, 247, 247},
        {209, 229, 240}, {146, 197, 222}, {67, 147, 195}, {33, 102, 172}, {5, 48, 97}};

    private static final int N = 256;

    private final int[] argb = new int[N];

    private DivergingColormap(final int[][] colours) {
        final double[][] channels = new double[3][colours.length];
        for (int i = 0; i < colours.length; i++) {
            for (int c = 0; c < 3; c++) {
                channels[c][i] = colours[i][c] / 255.0;
            }
        }
        final int[][] bytes = new int[3][];
        for (int c = 0; c < 3; c++) {
            bytes[c] = toBytes(lookupTable(channels[c]));
        }
        for (int i = 0; i < N; i++) {
            argb[i] = 0xff000000 | bytes[0][i] << 16 | bytes[1][i] << 8 | bytes[2][i];
        }
    }

    /** matplotlib's RdBu. */
    public static DivergingColormap rdBu() {
        return new DivergingColormap(RD_BU_11);
    }

    /**
     * matplotlib's {@code _create_lookup_table} for one channel whose anchors are evenly spaced in
     * [0, 1] with equal left and right values (gamma 1).
     */
    private static double[] lookupTable(final double[] y) {
        final int anchors = y.length;
        final double[] x = new double[anchors];
        for (int i = 0; i < anchors; i++) {
            // np.linspace(0, 1, anchors) * (N - 1)
            x[i] = linspace(0, 1, anchors, i) * (N - 1);
        }
        final double[] lut = new double[N];
        lut[0] = y[0];
        lut[N - 1] = y[anchors - 1];
        for (int i = 1; i < N - 1; i++) {
            final double xi = linspace(0, 1, N, i) * (N - 1);
            // searchsorted(x, xi), side left: the first anchor >= xi
            int ind = 0;
            while (x[ind] < xi) {
                ind++;
            }
            final double distance = (xi - x[ind - 1]) / (x[ind] - x[ind - 1]);
            lut[i] = distance * (y[ind] - y[ind - 1]) + y[ind - 1];
        }
        for (int i = 0; i < N; i++) {
            lut[i] = Math.min(Math.max(lut[i], 0.0), 1.0);
        }
        return lut;
    }

    /** numpy's linspace: start + i * step, the last value exactly stop. */
    private static double linspace(final double start, final double stop, final int num, final int i) {
        if (i == num - 1) {
            return stop;
        }
        final double step = (stop - start) / (num - 1);
        return start + i * step;
    }

    private static int[] toBytes(final double[] lut) {
        final int[] out = new int[lut.length];
        for (int i = 0; i < lut.length; i++) {
            out[i] = (int) (lut[i] * 255);
        }
        return out;
    }

    /** The table entry for a value normalized to [0, 1] (values outside are clipped). */
    public int argb(final double normalized) {
        double v = normalized * N;
        if (v >= N) {
            v = N - 1;
        }
        if (!(v >= 0)) {
            v = 0;
        }
        return argb[(int) v];
    }

    /** The colour of {@code value} on the symmetric scale [−vmax, vmax] (matplotlib's Normalize). */
    public int argb(final double value, final double vmax) {
        if (vmax == 0) {
            return argb(0.5);
        }
        final double vmin = -vmax;
        return argb((value - vmin) / (vmax - vmin));
    }

    /** The 256 table entries, ARGB. */
    public int[] table() {
        return argb.clone();
    }
}
