package io.github.sparselr.bench;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.io.ArffReader;
import io.github.sparselr.io.Mnist;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes MNIST as an ARFF file in mnist_784's layout (785 attributes, 70000 rows) and times
 * {@link ArffReader} on it. Usage: {@code ArffBenchmark MNIST_FOLDER ARFF_FILE [REPEATS]}.
 */
public final class ArffBenchmark {

    private ArffBenchmark() {
    }

    public static void main(final String[] args) throws IOException {
        final Path arff = Path.of(args[1]);
        final int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.exists(arff)) {
            write(Mnist.readFolder(Path.of(args[0])), arff);
        }
        final double[] seconds = new double[repeats + 1];
        DenseDataset data = null;
        for (int r = 0; r <= repeats; r++) { // the first run warms the JIT and the page cache
            final long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(arff)) {
                // as OpenMlClient.load does: OpenML's NumberOfInstances sizes the matrix up front
                data = ArffReader.read(in, "class", Integer.getInteger("rows", 70000), () -> false);
            }
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        final double[] timed = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(timed);
        System.out.printf("sparselr  ArffReader: %d x %d in %.3f s (median of %d, first run %.3f s), file %.0f MB, "
            + "row count hint %d%n", data.rows(), data.cols() + 1, timed[timed.length / 2], repeats, seconds[0],
            Files.size(arff) / 1e6, Integer.getInteger("rows", 70000));
    }

    private static void write(final DenseDataset data, final Path file) throws IOException {
        final Path part = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 20)) {
            final StringBuilder header = new StringBuilder("@relation mnist_784\n\n");
            for (final String name : data.columnNames()) {
                header.append("@attribute ").append(name).append(" numeric\n");
            }
            header.append("@attribute class {0,1,2,3,4,5,6,7,8,9}\n\n@data\n");
            out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            final double[] v = data.values();
            final int cols = data.cols();
            final StringBuilder line = new StringBuilder(4 * cols);
            for (int i = 0; i < data.rows(); i++) {
                line.setLength(0);
                for (int j = 0; j < cols; j++) {
                    line.append((int) v[i * cols + j]).append(',');
                }
                line.append(data.labels()[i]).append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
