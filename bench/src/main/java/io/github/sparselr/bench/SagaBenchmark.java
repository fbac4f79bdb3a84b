package io.github.sparselr.bench;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.TrainTestSplit;
import io.github.sparselr.io.Mnist;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.preprocessing.ScalerModel;
import io.github.sparselr.preprocessing.StandardScaler;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times sparselr's SAGA fit on MNIST: the study's problem (5000 training rows) and the full 60000-row
 * training set, L1, C = 50 / n_train, tol 0.1, shuffle seed 0, split seed 0, solver seed 0. Writes each
 * fitted coef_ so that the scikit-learn side of scripts/bench-saga.sh can compare it. Prints the
 * wall time and the fitting thread's CPU time: on a machine shared with other work the CPU time
 * varies far less (a fit runs on one thread).
 *
 * <p>Usage: {@code SagaBenchmark MNIST_FOLDER OUT_FOLDER [REPEATS [TRAIN_ROWS,...]]}
 */
public final class SagaBenchmark {

    private SagaBenchmark() {
    }

    public static void main(final String[] args) throws IOException {
        final Path mnist = Path.of(args[0]);
        final Path out = Path.of(args[1]);
        final int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Files.createDirectories(out);
        final DenseDataset all = Mnist.readFolder(mnist);
        final int[] sizes = args.length > 3 ? java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt)
            .toArray() : new int[] {5000, 60000};
        final boolean lanes = new SagaSolver(SagaParameters.mnistStudy()).usesVectorLanes();
        System.out.println("sparselr fits with " + (lanes ? "SIMD lanes (Vector API)"
            : "scalar loops (start the JVM with --add-modules jdk.incubator.vector for SIMD lanes)"));
        for (final int trainRows : sizes) {
            run(all, trainRows, trainRows == 5000 ? repeats : Math.max(1, repeats / 2), out, "sparselr");
        }
        if (lanes) {
            // the same fit on the scalar loops, for comparison (same bits, see SagaLanesTest)
            System.setProperty("sparselr.saga.vectorLanes", "false");
            run(all, sizes[0], repeats, null, "scalar  ");
            System.clearProperty("sparselr.saga.vectorLanes");
        }
    }

    private static void run(final DenseDataset all, final int trainRows, final int repeats, final Path out,
        final String label) throws IOException {
        final TrainTestSplit split = TrainTestSplit.of(all, 0, 0, trainRows, 10000);
        final ScalerModel scaler = StandardScaler.centeringAndScaling()
            .fit(split.train().values(), split.train().rows(), split.train().columnNames());
        final DenseDataset train = split.train().withValues(scaler.transform(split.train().values(), trainRows));
        final DenseDataset test = split.test().withValues(scaler.transform(split.test().values(), 10000));
        final SagaSolver solver = new SagaSolver(SagaParameters.mnistStudy().withC(50.0 / trainRows));

        solver.fit(train); // warm-up: let the JIT compile the kernel
        final double[] seconds = new double[repeats];
        final double[] cpuSeconds = new double[repeats];
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LogisticModel model = null;
        final long before = resetPeakHeap();
        for (int r = 0; r < repeats; r++) {
            final long start = System.nanoTime();
            final long cpuStart = threads.getCurrentThreadCpuTime();
            model = solver.fit(train);
            cpuSeconds[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        final long fitPeak = peakHeapBytes() - before;
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        final double median = seconds[repeats / 2];
        final double cpuMedian = cpuSeconds[repeats / 2];
        final long dataBytes = 8L * train.values().length;
        System.out.printf(label + "  n_train=%-6d epochs=%d  fit %.3f s (median of %d, min %.3f; CPU %.3f s)  "
            + "%.1f ms/epoch  test accuracy %.4f  sparsity %.2f%%  heap added by a fit at its peak %.1f MB "
            + "(data %.1f MB)%n", trainRows, model.nIter(), median, repeats, seconds[0], cpuMedian,
            1000 * median / model.nIter(), model.score(test), 100 * model.sparsity(), fitPeak / 1e6, dataBytes / 1e6);
        if (out == null) {
            return;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("coef-" + trainRows + ".txt"),
            StandardCharsets.US_ASCII))) {
            w.println(model.nIter() + " " + median + " " + cpuMedian);
            for (final double c : model.coef()) {
                w.println(Double.toHexString(c));
            }
        }
    }

    /** Collects garbage, resets the peak counters, and returns the heap in use now. */
    private static long resetPeakHeap() {
        System.gc();
        long used = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
