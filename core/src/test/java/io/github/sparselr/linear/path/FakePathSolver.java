package io.github.sparselr.linear.path;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * For the tests of scheduling, progress, cancellation and failure: each point "fits" for a number of
 * epochs of about a millisecond each (polling for cancellation before every epoch, as the solvers do)
 * and returns the all-zero model of the data's classes, which predicts the first class with equal
 * probabilities. It records the threads it ran on, the fits started, and the fits that ended by
 * cancellation.
 */
class FakePathSolver implements PathSolver {

    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger fitsStarted = new AtomicInteger();
    final AtomicInteger fitsCancelled = new AtomicInteger();
    private final int epochsPerPoint;

    FakePathSolver(final int epochsPerPoint) {
        this.epochsPerPoint = epochsPerPoint;
    }

    /** Called before each point's epochs, e.g. to fail; the default does nothing. */
    void beforePoint(final DenseDataset data, final int index) {
    }

    @Override
    public List<PathPoint> fit(final DenseDataset data, final double[] cs, final PathProgress progress) {
        threads.add(Thread.currentThread());
        fitsStarted.incrementAndGet();
        final List<String> classes = List.copyOf(new TreeSet<>(Arrays.asList(data.labels())));
        final int rows = classes.size() == 2 ? 1 : classes.size();
        final List<PathPoint> points = new ArrayList<>(cs.length);
        for (int i = 0; i < cs.length; i++) {
            beforePoint(data, i);
            for (int epoch = 1; epoch <= epochsPerPoint; epoch++) {
                if (progress.cancelRequested()) {
                    fitsCancelled.incrementAndGet();
                    throw new CancellationException("The fit was cancelled.");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                progress.epochFinished(epoch, epochsPerPoint, 1.0 / epoch);
            }
            final LogisticModel model = new LogisticModel(classes, data.columnNames(), new double[rows * data.cols()],
                new double[rows], epochsPerPoint, true, new double[0], SagaParameters.mnistStudy().withC(cs[i]));
            final PathPoint point = new PathPoint(cs[i], model, new Convergence(0, 0, epochsPerPoint, true), 0);
            points.add(point);
            progress.pointFinished(i, cs.length, point);
        }
        return points;
    }

    /** Whether any thread this solver ran on is still alive. */
    boolean anyThreadAlive() {
        return threads.stream().anyMatch(Thread::isAlive);
    }
}
