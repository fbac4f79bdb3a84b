package io.github.sparselr.bench;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.TrainTestSplit;
import io.github.sparselr.io.Mnist;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.path.NewtonCdPathSolver;
import io.github.sparselr.linear.path.PathPoint;
import io.github.sparselr.linear.path.PathProgress;
import io.github.sparselr.preprocessing.ScalerModel;
import io.github.sparselr.preprocessing.StandardScaler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * sparselr's side of scripts/bench-path.sh: an L1 regularization path on MNIST against glmnet's.
 *
 * <p>{@code prepare MNIST_FOLDER OUT SIZES} writes, per training size N, the study's rows (shuffle seed 0,
 * split seed 0, 10000 test rows held out) standardized as the study does, as {@code x-N.bin} (row-major
 * float64, little-endian) and {@code y-N.txt}, and the λ grid {@code lambda-N.txt}: 30 values log-spaced
 * from λ_max (the smallest λ at which every weight is zero: max over weights of |∂ mean log loss / ∂w| at
 * the intercept-only model, as glmnet computes it) down to 0.02; C = 1/(λ·N).
 *
 * <p>{@code fit OUT N TOL} fits the path at TOL once, cold, in the process that runs it (the script starts
 * a fresh JVM for every repeat, so the JIT compiles during the timed fit as it does for a user's single
 * fit), timed as the process's CPU time (every thread, JIT compilers and garbage collector included) and
 * as wall time around the fit alone; appends them to {@code sparselr-N-times.txt} and writes the points'
 * objectives.
 *
 * <p>{@code run OUT SIZES TOL [REFERENCE_TOL]} fits a reference path with the coordinate-descent solver at a
 * very small tol; reads the fits' times and objectives and glmnet's coefficients and times (written by
 * glmnet_path_bench.R, also one cold fit per fresh R process); computes every point's objective, the mean
 * log loss plus λ‖W‖₁, by one function for both, glmnet's objective being the same (−loglik/N + λ‖β‖₁,
 * intercepts unpenalized). Prints the smallest and largest relative gap to the reference of each (a
 * negative one would mean the reference is not tight), the median process CPU and wall times, and last
 * {@code path: sparselr A s, glmnet B s: R x} for the first size, in process CPU seconds: on a machine
 * shared with other work the CPU time is what a quiet machine's would be, while the wall time varies with
 * the load.
 */
public final class PathBenchmark {

    static final int GRID_POINTS = 30;
    static final double LAMBDA_MIN = 0.02;
    static final double REFERENCE_TOL = 1e-8;
    static final double TARGET_GAP = 1e-5;

    private PathBenchmark() {
    }

    public static void main(final String[] args) throws IOException {
        final int[] sizes = Arrays.stream(args[args[0].equals("prepare") ? 3 : 2].split(","))
            .mapToInt(Integer::parseInt).toArray();
        if (args[0].equals("prepare")) {
            prepare(Path.of(args[1]), Path.of(args[2]), sizes);
            return;
        }
        if (args[0].equals("fit")) {
            fitOnce(Path.of(args[1]), sizes[0], Double.parseDouble(args[3]));
            return;
        }
        final Path out = Path.of(args[1]);
        final double tol = Double.parseDouble(args[3]);
        final double referenceTol = args.length > 4 ? Double.parseDouble(args[4]) : REFERENCE_TOL;
        String last = null;
        for (final int n : sizes) {
            final String line = run(out, n, tol, referenceTol);
            if (last == null) {
                last = line;
            }
        }
        System.out.println(last);
    }

    private static void prepare(final Path mnist, final Path out, final int[] sizes) throws IOException {
        final DenseDataset all = Mnist.readFolder(mnist);
        for (final int n : sizes) {
            final TrainTestSplit split = TrainTestSplit.of(all, 0, 0, n, 10000);
            final ScalerModel scaler = StandardScaler.centeringAndScaling()
                .fit(split.train().values(), n, split.train().columnNames());
            final DenseDataset train = split.train().withValues(scaler.transform(split.train().values(), n));
            final ByteBuffer bytes = ByteBuffer.allocate(8 * train.values().length).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asDoubleBuffer().put(train.values());
            Files.write(out.resolve("x-" + n + ".bin"), bytes.array());
            Files.write(out.resolve("y-" + n + ".txt"), Arrays.asList(train.labels()), StandardCharsets.US_ASCII);
            final double lambdaMax = Objective.lambdaMax(train);
            final List<String> grid = new ArrayList<>();
            for (int p = 0; p < GRID_POINTS; p++) {
                final double t = (double) p / (GRID_POINTS - 1);
                grid.add(String.format(Locale.ROOT, "%.17g",
                    Math.exp(Math.log(lambdaMax) + t * (Math.log(LAMBDA_MIN) - Math.log(lambdaMax)))));
            }
            Files.write(out.resolve("lambda-" + n + ".txt"), grid, StandardCharsets.US_ASCII);
            System.out.printf(Locale.ROOT, "prepared n_train=%d: lambda from %.5f down to %.3f (%d points)%n", n,
                lambdaMax, LAMBDA_MIN, GRID_POINTS);
        }
    }

    /**
     * One cold fit of the path in this (fresh) process, as a KNIME user runs it once: no warm-up, timed as
     * the process's CPU time (every thread: the fit's, the JIT compilers', the garbage collector's) and
     * wall time around the fit alone; appends {@code cpu wall} to {@code sparselr-N-times.txt} and writes
     * the points' objectives to {@code sparselr-N-objectives.txt}.
     */
    private static void fitOnce(final Path out, final int n, final double tol) throws IOException {
        final DenseDataset train = read(out, n);
        final double[] lambdas = lambdas(out, n);
        final double[] cs = cs(lambdas, n);
        final NewtonCdPathSolver solver = new NewtonCdPathSolver(new SagaParameters(Penalty.L1, 1.0, 0.0, tol, 1000,
            true, 0));
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        final long start = System.nanoTime();
        final long cpuStart = os.getProcessCpuTime();
        final List<PathPoint> path = solver.fit(train, cs, PathProgress.NONE);
        final double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        final double wall = (System.nanoTime() - start) / 1e9;
        int outer = 0;
        for (final PathPoint point : path) {
            outer += point.convergence().nIter();
        }
        Files.writeString(out.resolve("sparselr-" + n + "-times.txt"), String.format(Locale.ROOT, "%.6f %.6f %d %d%n",
            cpu, wall, outer, path.get(path.size() - 1).model().nonZeroCount()), StandardCharsets.US_ASCII,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        final List<String> objectives = new ArrayList<>();
        for (final double objective : objectives(train, lambdas, path)) {
            objectives.add(String.format(Locale.ROOT, "%.17g", objective));
        }
        Files.write(out.resolve("sparselr-" + n + "-objectives.txt"), objectives, StandardCharsets.US_ASCII);
        System.out.printf(Locale.ROOT, "sparselr  n_train=%-6d tol %.0e: cold path of %d C in a fresh process: %.3f s "
            + "process CPU, %.3f s wall; %d outer iterations%n", n, tol, cs.length, cpu, wall, outer);
    }

    private static double[] lambdas(final Path out, final int n) throws IOException {
        return Files.readAllLines(out.resolve("lambda-" + n + ".txt")).stream().mapToDouble(Double::parseDouble)
            .toArray();
    }

    private static double[] cs(final double[] lambdas, final int n) {
        final double[] cs = new double[lambdas.length];
        for (int p = 0; p < cs.length; p++) {
            cs[p] = 1.0 / (lambdas[p] * n); // λ decreasing, so C increasing
        }
        return cs;
    }

    /** {median CPU seconds, median wall seconds, runs} of a times file: one line {@code cpu wall …} per run. */
    private static double[] medians(final Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file);
        final double[] cpu = new double[lines.size()];
        final double[] wall = new double[lines.size()];
        for (int r = 0; r < lines.size(); r++) {
            final String[] parts = lines.get(r).trim().split(" ");
            cpu[r] = Double.parseDouble(parts[0]);
            wall[r] = Double.parseDouble(parts[1]);
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new double[] {cpu[cpu.length / 2], wall[wall.length / 2], cpu.length};
    }

    private static String run(final Path out, final int n, final double tol, final double referenceTol)
        throws IOException {
        final DenseDataset train = read(out, n);
        final double[] lambdas = lambdas(out, n);
        final double[] cs = cs(lambdas, n);
        final SagaParameters base = new SagaParameters(Penalty.L1, 1.0, 0.0, tol, 1000, true, 0);
        final long refStart = System.nanoTime();
        final double[] reference = objectives(train, lambdas,
            new NewtonCdPathSolver(base.withTol(referenceTol)).fit(train, cs, PathProgress.NONE));
        System.out.printf(Locale.ROOT, "reference n_train=%-6d tol %.0e: %.3f s%n", n, referenceTol,
            (System.nanoTime() - refStart) / 1e9);
        final double[] ourTimes = medians(out.resolve("sparselr-" + n + "-times.txt"));
        final double oursCpu = ourTimes[0];
        final double ours = ourTimes[1];
        final double[] oursGap = gaps(Files.readAllLines(out.resolve("sparselr-" + n + "-objectives.txt")).stream()
            .mapToDouble(Double::parseDouble).toArray(), reference);
        System.out.printf(Locale.ROOT, "sparselr  n_train=%-6d tol %.0e: path of %d C, cold in a fresh process, median "
            + "of %d: %.3f s process CPU, %.3f s wall; relative objective gap max %.1e (min %.1e)%n", n, tol,
            cs.length, (int) ourTimes[2], oursCpu, ours, oursGap[1], oursGap[0]);
        final Path glmnetTime = out.resolve("glmnet-" + n + ".txt");
        if (!Files.exists(glmnetTime)) {
            return String.format(Locale.ROOT, "path: sparselr %.2f s, glmnet not run (no R with glmnet)", oursCpu);
        }
        final double[] times = medians(glmnetTime);
        final double theirsCpu = times[0];
        final double theirs = times[1];
        final double[] theirGap = gaps(glmnetObjectives(out, train, lambdas), reference);
        System.out.printf(Locale.ROOT, "glmnet    n_train=%-6d path, cold in a fresh R process, median of %d: %.3f s "
            + "process CPU, %.3f s wall; relative objective gap max %.1e (min %.1e)%n", n, (int) times[2], theirsCpu,
            theirs, theirGap[1], theirGap[0]);
        System.out.printf(Locale.ROOT, "n_train=%d: process CPU time sparselr %.3f s, glmnet %.3f s: %.2f x (wall %.3f s, "
            + "%.3f s: %.2f x); both within a relative gap of %.0e: %s%n", n, oursCpu, theirsCpu, theirsCpu / oursCpu,
            ours, theirs, theirs / ours, TARGET_GAP, oursGap[1] <= TARGET_GAP && theirGap[1] <= TARGET_GAP
                ? "yes" : "NO (tune SPARSELR_TOL / GLMNET_THRESH)");
        return String.format(Locale.ROOT, "path: sparselr %.2f s, glmnet %.2f s: %.2f x", oursCpu, theirsCpu,
            theirsCpu / oursCpu);
    }

    private static DenseDataset read(final Path out, final int n) throws IOException {
        final double[] values = new double[n * 784];
        ByteBuffer.wrap(Files.readAllBytes(out.resolve("x-" + n + ".bin"))).order(ByteOrder.LITTLE_ENDIAN)
            .asDoubleBuffer().get(values);
        final String[] labels = Files.readAllLines(out.resolve("y-" + n + ".txt")).toArray(new String[0]);
        final List<String> names = new ArrayList<>();
        for (int j = 0; j < 784; j++) {
            names.add("pixel" + (j + 1));
        }
        return DenseDataset.of(values, n, names, labels);
    }

    /** The objective at each λ of a path fitted over the matching C. */
    private static double[] objectives(final DenseDataset train, final double[] lambdas, final List<PathPoint> path) {
        final double[] out = new double[lambdas.length];
        for (int p = 0; p < lambdas.length; p++) {
            final LogisticModel model = path.get(p).model();
            out[p] = Objective.of(train, model.coef(), model.intercept(), lambdas[p]);
        }
        return out;
    }

    private static double[] glmnetObjectives(final Path out, final DenseDataset train, final double[] lambdas)
        throws IOException {
        final int k = 10;
        final int d = train.cols();
        final double[] all = new double[lambdas.length * k * (d + 1)];
        ByteBuffer.wrap(Files.readAllBytes(out.resolve("glmnet-" + train.rows() + ".bin")))
            .order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(all);
        final double[] objectives = new double[lambdas.length];
        for (int p = 0; p < lambdas.length; p++) {
            final double[] coef = new double[k * d];
            final double[] intercept = new double[k];
            for (int c = 0; c < k; c++) {
                final int offset = (p * k + c) * (d + 1);
                intercept[c] = all[offset];
                System.arraycopy(all, offset + 1, coef, c * d, d);
            }
            objectives[p] = Objective.of(train, coef, intercept, lambdas[p]);
        }
        return objectives;
    }

    /** {smallest, largest} relative gap (objective − reference) / reference over the points. */
    private static double[] gaps(final double[] objectives, final double[] reference) {
        final double[] minMax = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        final StringBuilder all = new StringBuilder("  gaps:");
        for (int p = 0; p < objectives.length; p++) {
            final double gap = (objectives[p] - reference[p]) / Math.abs(reference[p]);
            minMax[0] = Math.min(minMax[0], gap);
            minMax[1] = Math.max(minMax[1], gap);
            all.append(String.format(Locale.ROOT, " %.1e", gap));
        }
        if (Boolean.getBoolean("bench.verbose")) {
            System.out.println(all);
        }
        return minMax;
    }
}
