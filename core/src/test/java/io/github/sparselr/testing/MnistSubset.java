package io.github.sparselr.testing;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.preprocessing.StandardScaler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The first 1000 MNIST training images committed beside the SAGA fixtures (see make_saga_fixtures.py). */
public final class MnistSubset {

    public static final int ROWS = 1000;
    public static final int PIXELS = 784;

    private MnistSubset() {
    }

    /** Raw pixels 0…255 as doubles, named pixel1…pixel784 as OpenML names them, labels "0"…"9". */
    public static DenseDataset raw() {
        try (InputStream pixels = new GZIPInputStream(resource("mnist-train-1000.u8.gz"));
                InputStream labelBytes = resource("mnist-train-1000.labels")) {
            final byte[] p = pixels.readAllBytes();
            final byte[] l = labelBytes.readAllBytes();
            final double[] values = new double[ROWS * PIXELS];
            for (int i = 0; i < values.length; i++) {
                values[i] = p[i] & 0xff;
            }
            final String[] labels = new String[ROWS];
            for (int i = 0; i < ROWS; i++) {
                labels[i] = Integer.toString(l[i] & 0xff);
            }
            return DenseDataset.of(values, ROWS, pixelNames(), labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #raw()} standardized by the Standard Scaler fitted on it, as the SAGA fixtures are. */
    public static DenseDataset standardized() {
        final DenseDataset raw = raw();
        return raw.withValues(StandardScaler.centeringAndScaling().fit(raw.values(), raw.rows(), raw.columnNames())
            .transform(raw.values(), raw.rows()));
    }

    public static List<String> pixelNames() {
        final List<String> names = new ArrayList<>(PIXELS);
        for (int j = 1; j <= PIXELS; j++) {
            names.add("pixel" + j);
        }
        return names;
    }

    private static InputStream resource(final String name) {
        final InputStream in = MnistSubset.class.getResourceAsStream("/fixtures/saga/" + name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test class path");
        }
        return in;
    }
}
