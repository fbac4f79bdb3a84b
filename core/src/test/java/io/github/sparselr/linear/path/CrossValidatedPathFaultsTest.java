package io.github.sparselr.linear.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scheduling, progress, cancellation, failures and bad input of a cross-validated path, with a fake solver. */
@Timeout(60)
class CrossValidatedPathFaultsTest {

    private static final double[] CS = {0.01, 0.1, 1.0};

    /** 60 rows of 2 columns: 30 of "a", 20 of "b", 10 of "c", interleaved. */
    private static DenseDataset threeClasses() {
        final String[] labels = new String[60];
        final double[] values = new double[120];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 6 < 3 ? "a" : i % 6 < 5 ? "b" : "c";
            values[2 * i] = i;
            values[2 * i + 1] = -i;
        }
        return DenseDataset.of(values, 60, List.of("x1", "x2"), labels, "class");
    }

    private static DenseDataset withLabels(final String... labels) {
        return DenseDataset.of(new double[labels.length], labels.length, List.of("x"), labels);
    }

    @Test
    void withoutFoldsFitsOnlyAllRowsOnTheCallingThreadAndSelectsTheLargestC() {
        final FakePathSolver solver = new FakePathSolver(1);
        final List<Integer> points = new ArrayList<>();
        final AtomicInteger foldPoints = new AtomicInteger();
        final PathResult result = CrossValidatedPath.run(threeClasses(), CS, solver, 0, 0, SelectionRule.BEST, 4,
            new PathProgress() {
                @Override
                public void epochFinished(final int epoch, final int maxIter, final double change) {
                }

                @Override
                public void pointFinished(final int index, final int count, final PathPoint point) {
                    points.add(index);
                }

                @Override
                public void foldPointFinished(final int fold, final int folds, final int index, final int count,
                    final PathPoint point) {
                    foldPoints.incrementAndGet();
                }
            });
        assertThat(result.cvScores()).isEmpty();
        assertThat(result.selectedIndex()).isEqualTo(CS.length - 1);
        assertThat(result.points()).extracting(PathPoint::c).containsExactly(0.01, 0.1, 1.0);
        assertThat(solver.fitsStarted).hasValue(1);
        assertThat(solver.threads).containsExactly(Thread.currentThread());
        assertThat(points).containsExactly(0, 1, 2);
        assertThat(foldPoints).hasValue(0);
    }

    @Test
    void scoresTheAllZeroModelAsTheShareOfTheFirstClassWithTheLogOfTheClassCount() {
        // each held-out fold of 12 rows holds 6 of "a", 4 of "b", 2 of "c": accuracy 1/2 on every fold
        final PathResult result = CrossValidatedPath.run(threeClasses(), CS, new FakePathSolver(1), 5, 0,
            SelectionRule.ONE_STANDARD_ERROR, 2, PathProgress.NONE);
        assertThat(result.cvScores()).hasSize(3).allSatisfy(s -> {
            assertThat(s.accuracyMean()).isEqualTo(0.5);
            assertThat(s.accuracySd()).isZero();
            assertThat(s.logLossMean()).isCloseTo(Math.log(3), org.assertj.core.api.Assertions.within(1e-15));
        });
        assertThat(result.selectedIndex()).isZero();
    }

    @Test
    void reportsEveryPointOfEveryFoldOnceAndOneCallAtATime() {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();
        final List<String> reported = Collections.synchronizedList(new ArrayList<>());
        final PathProgress progress = new PathProgress() {
            private void enter() {
                if (inside.incrementAndGet() > 1) {
                    overlapped.set(true);
                }
                // stay a while, so that a call from another thread would come in meanwhile
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                inside.decrementAndGet();
            }

            @Override
            public void epochFinished(final int epoch, final int maxIter, final double change) {
                enter();
            }

            @Override
            public boolean cancelRequested() {
                enter();
                return false;
            }

            @Override
            public void pointFinished(final int index, final int count, final PathPoint point) {
                enter();
                reported.add("all " + index + "/" + count);
            }

            @Override
            public void foldPointFinished(final int fold, final int folds, final int index, final int count,
                final PathPoint point) {
                enter();
                reported.add("fold " + fold + "/" + folds + " " + index + "/" + count);
            }
        };
        final FakePathSolver solver = new FakePathSolver(20);
        CrossValidatedPath.run(threeClasses(), CS, solver, 4, 0, SelectionRule.BEST, 3, progress);

        assertThat(overlapped).isFalse();
        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < CS.length; i++) {
            expected.add("all " + i + "/3");
            for (int f = 0; f < 4; f++) {
                expected.add("fold " + f + "/4 " + i + "/3");
            }
        }
        assertThat(reported).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(solver.threads).hasSize(3).doesNotContain(Thread.currentThread());
        assertThat(solver.anyThreadAlive()).isFalse();
    }

    @Test
    void aCancelRequestStopsEveryTaskPromptlyAndLeavesNoThreadRunning() {
        final AtomicBoolean cancel = new AtomicBoolean();
        final PathProgress progress = new PathProgress() {
            @Override
            public void epochFinished(final int epoch, final int maxIter, final double change) {
            }

            @Override
            public boolean cancelRequested() {
                return cancel.get();
            }

            @Override
            public void foldPointFinished(final int fold, final int folds, final int index, final int count,
                final PathPoint point) {
                cancel.set(true);
            }
        };
        // 3 points of 1000 epochs of 1 ms: a run of 6 paths on 2 threads takes over 9 s; cancelled it ends at once
        final FakePathSolver solver = new FakePathSolver(1000);
        final long start = System.nanoTime();
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, solver, 5, 0, SelectionRule.BEST, 2,
            progress)).isInstanceOf(CancellationException.class);
        final long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(solver.anyThreadAlive()).isFalse();
        assertThat(solver.fitsStarted.get()).as("tasks still queued never start").isEqualTo(2);
        assertThat(solver.fitsCancelled.get()).isEqualTo(2);
        assertThat(millis).as("ms until the cancelled run returned").isLessThan(1500);
    }

    @Test
    void aFailingTaskCancelsTheOthersAndItsExceptionReachesTheCaller() {
        final AtomicBoolean failed = new AtomicBoolean();
        final FakePathSolver solver = new FakePathSolver(1000) {
            @Override
            void beforePoint(final DenseDataset data, final int index) {
                // one fold's path fails at its second point; every other path would run for seconds
                if (data.rows() < 60 && index == 1 && failed.compareAndSet(false, true)) {
                    throw new IllegalArgumentException("Column 'x2' of the fold holds a value the solver refuses.");
                }
            }
        };
        final long start = System.nanoTime();
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, solver, 3, 0, SelectionRule.BEST, 4,
            PathProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Column 'x2' of the fold holds a value the solver refuses.");
        final long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(solver.anyThreadAlive()).isFalse();
        assertThat(solver.fitsStarted.get()).isEqualTo(4);
        assertThat(solver.fitsCancelled.get()).as("the other tasks were cancelled").isEqualTo(3);
        assertThat(millis).isLessThan(1500);
    }

    @Test
    void anInterruptOfTheCallingThreadCancelsTheRunAndKeepsTheInterrupt() throws Exception {
        final FakePathSolver solver = new FakePathSolver(1000);
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final AtomicBoolean stillInterrupted = new AtomicBoolean();
        final Thread caller = new Thread(() -> {
            try {
                CrossValidatedPath.run(threeClasses(), CS, solver, 3, 0, SelectionRule.BEST, 2, PathProgress.NONE);
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        while (solver.fitsStarted.get() < 2) {
            Thread.sleep(5);
        }
        caller.interrupt();
        caller.join(5000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class)
            .hasMessage("The cross-validated path was interrupted.");
        assertThat(stillInterrupted).isTrue();
        assertThat(solver.anyThreadAlive()).isFalse();
        assertThat(solver.fitsCancelled.get()).isEqualTo(2);
    }

    @Test
    void aCancelFromTheCallerBeforeAnyFitStartsNone() {
        final FakePathSolver solver = new FakePathSolver(1);
        final PathProgress cancelled = new PathProgress() {
            @Override
            public void epochFinished(final int epoch, final int maxIter, final double change) {
            }

            @Override
            public boolean cancelRequested() {
                return true;
            }
        };
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, solver, 3, 0, SelectionRule.BEST, 2,
            cancelled)).isInstanceOf(CancellationException.class);
        assertThat(solver.fitsStarted).hasValue(0);
    }

    @Test
    void rejectsOneFoldOrANegativeCountNamingZeroForNoCrossValidation() {
        final FakePathSolver solver = new FakePathSolver(1);
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, solver, 1, 0, SelectionRule.BEST, 1,
            PathProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("k-fold cross-validation requires at least one train/test split by setting n_splits=2 or "
                + "more, got n_splits=1; use 0 folds for no cross-validation.");
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, solver, -5, 0, SelectionRule.BEST, 1,
            PathProgress.NONE)).hasMessageContaining("got n_splits=-5");
        assertThat(solver.fitsStarted).hasValue(0);
    }

    @Test
    void rejectsFewerThanOneThread() {
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, new FakePathSolver(1), 5, 0,
            SelectionRule.BEST, 0, PathProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("threads must be at least 1, was 0.");
    }

    @Test
    void rejectsASeedNumpyCannotTakeEvenWithoutFolds() {
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, new FakePathSolver(1), 0, -1,
            SelectionRule.BEST, 1, PathProgress.NONE)).hasMessage("random_state must be in [0, 2^32 - 1], was -1.");
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, new FakePathSolver(1), 5, 1L << 32,
            SelectionRule.BEST, 1, PathProgress.NONE)).hasMessageContaining("was 4294967296");
    }

    @Test
    void rejectsAGridOfCThatIsEmptyNotPositiveNotFiniteOrNotIncreasingBeforeAnyFit() {
        final FakePathSolver solver = new FakePathSolver(1);
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), new double[0], solver, 5, 0,
            SelectionRule.BEST, 1, PathProgress.NONE))
            .hasMessage("The grid of C is empty; give at least one value of C.");
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), new double[] {0.1, 0, 1}, solver, 5, 0,
            SelectionRule.BEST, 1, PathProgress.NONE))
            .hasMessage("C[1] is 0.0; every C must be a finite number larger than 0.");
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), new double[] {-1}, solver, 5, 0,
            SelectionRule.BEST, 1, PathProgress.NONE)).hasMessageStartingWith("C[0] is -1.0;");
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), new double[] {0.1, Double.NaN}, solver, 5, 0,
            SelectionRule.BEST, 1, PathProgress.NONE)).hasMessageStartingWith("C[1] is NaN;");
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), new double[] {Double.POSITIVE_INFINITY},
            solver, 5, 0, SelectionRule.BEST, 1, PathProgress.NONE)).hasMessageStartingWith("C[0] is Infinity;");
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), new double[] {0.1, 1, 1}, solver, 5, 0,
            SelectionRule.BEST, 1, PathProgress.NONE))
            .hasMessageStartingWith("C[2] = 1.0 is not larger than C[1] = 1.0; give the values of C in strictly "
                + "increasing order");
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), new double[] {1, 0.1}, solver, 5, 0,
            SelectionRule.BEST, 1, PathProgress.NONE)).hasMessageStartingWith("C[1] = 0.1 is not larger");
        assertThat(solver.fitsStarted).hasValue(0);
    }

    @Test
    void rejectsAMissingSelectionRule() {
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, new FakePathSolver(1), 5, 0, null, 1,
            PathProgress.NONE))
            .hasMessage("The selection rule is missing; choose BEST or ONE_STANDARD_ERROR.");
    }

    @Test
    void rejectsDataWithoutLabelsARowWithoutALabelOrASingleClass() {
        final FakePathSolver solver = new FakePathSolver(1);
        final DenseDataset unlabelled = DenseDataset.of(new double[4], 4, List.of("x"), null);
        assertThatThrownBy(() -> CrossValidatedPath.run(unlabelled, CS, solver, 0, 0, SelectionRule.BEST, 1,
            PathProgress.NONE))
            .hasMessage("The data has no labels; a logistic regression path needs one class label per row.");
        assertThatThrownBy(() -> CrossValidatedPath.run(withLabels("a", "b", null, "a"), CS, solver, 0, 0,
            SelectionRule.BEST, 1, PathProgress.NONE))
            .hasMessage("Row 2 has no class label; remove or fill the rows without a label.");
        assertThatThrownBy(() -> CrossValidatedPath.run(withLabels("7", "7", "7", "7"), CS, solver, 2, 0,
            SelectionRule.BEST, 1, PathProgress.NONE))
            .hasMessage("A logistic regression path needs rows of at least 2 classes, but the data holds only the "
                + "class '7'.");
        assertThat(solver.fitsStarted).hasValue(0);
    }

    @Test
    void refusesAClassWithFewerRowsThanFoldsBeforeAnyFit() {
        final FakePathSolver solver = new FakePathSolver(1);
        // "c" has 10 rows
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, solver, 12, 0, SelectionRule.BEST, 2,
            PathProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("The class 'c' has only 10 rows, fewer than the 12 folds (n_splits)")
            .hasMessageContaining("Use at most 10 folds");
        assertThatThrownBy(() -> CrossValidatedPath.run(withLabels("a", "b", "a", "b"), CS, solver, 5, 0,
            SelectionRule.BEST, 2, PathProgress.NONE))
            .hasMessage("Cannot have number of splits n_splits=5 greater than the number of samples: n_samples=4.");
        assertThat(solver.fitsStarted).hasValue(0);
    }

    @Test
    void refusesAPathFromTheSolverThatDoesNotMatchTheGrid() {
        final PathSolver tooShort = (data, cs, progress) -> new FakePathSolver(1).fit(data, new double[] {cs[0]},
            progress);
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, tooShort, 3, 0, SelectionRule.BEST, 2,
            PathProgress.NONE)).isInstanceOf(IllegalStateException.class)
            .hasMessageEndingWith("returned 1 points for 3 values of C.");
        final PathSolver otherCs = (data, cs, progress) -> new FakePathSolver(1).fit(data, new double[] {1, 2, 3},
            progress);
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, otherCs, 0, 0, SelectionRule.BEST, 2,
            PathProgress.NONE)).isInstanceOf(IllegalStateException.class)
            .hasMessageEndingWith("returned point 0 at C=1.0 where C=0.01 was asked for.");
    }

    @Test
    void refusesAPathFromTheSolverWhoseModelsLackAClass() {
        final DenseDataset twoClasses = DenseDataset.of(new double[4], 2, List.of("x1", "x2"), new String[] {"a", "b"});
        final PathSolver lacksC = (data, cs, progress) -> new FakePathSolver(1).fit(twoClasses, cs, progress);
        assertThatThrownBy(() -> CrossValidatedPath.run(threeClasses(), CS, lacksC, 3, 0, SelectionRule.BEST, 2,
            PathProgress.NONE)).isInstanceOf(IllegalStateException.class)
            .hasMessageEndingWith("returned a model of the classes [a, b] at C=0.01, not of all classes [a, b, c].");
    }
}
