package io.github.sparselr.linear.path;

import static io.github.sparselr.linear.path.CdTestData.parameters;
import static io.github.sparselr.linear.path.CdTestData.synthetic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.Penalty;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class NewtonCdPathSolverInputTest {

    private static final NewtonCdPathSolver SOLVER = new NewtonCdPathSolver(parameters(Penalty.L1, 1, 1e-6));
    private static final DenseDataset DATA = synthetic(60, 4, 3, 1);

    @Test
    void refusesAPathWithoutValuesOfC() {
        assertThatThrownBy(() -> SOLVER.fit(DATA, new double[0], PathProgress.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("The grid of C is empty");
        assertThatThrownBy(() -> SOLVER.fit(DATA, null, PathProgress.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("The grid of C is empty");
    }

    @Test
    void refusesANonPositiveOrNonFiniteCNamingItsPosition() {
        for (final double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> SOLVER.fit(DATA, new double[] {0.1, bad}, PathProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C[1] is " + bad).hasMessageContaining("finite number larger than 0");
        }
    }

    @Test
    void refusesASubnormalCWhoseInverseOverflowsNamingItsPositionAndValue() {
        // before: accepted, and the point's objective was Infinity · 0 = NaN
        for (final double bad : new double[] {Double.MIN_VALUE, 1e-320}) {
            assertThatThrownBy(() -> SOLVER.fit(DATA, new double[] {bad, 0.1}, PathProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C[0] is " + bad).hasMessageContaining("1/C overflows")
                .hasMessageContaining("at least 1e-300");
            assertThatThrownBy(() -> new SagaPathSolver(parameters(Penalty.L1, 1, 1e-6)).fit(DATA,
                new double[] {bad}, PathProgress.NONE)).hasMessageContaining("C[0] is " + bad);
        }
        assertThat(SOLVER.fit(DATA, new double[] {Double.MIN_NORMAL}, PathProgress.NONE).get(0).convergence()
            .objective()).isFinite();
    }

    @Test
    void aRowWithoutALabelIsNamedByThePathSolversAndTheGrid() {
        final String[] labels = DATA.labels().clone();
        labels[7] = null;
        final DenseDataset unlabelled = DenseDataset.of(DATA.values(), DATA.rows(), DATA.columnNames(), labels);
        final String message = "Row 7 has no class label; remove or fill the rows without a label.";
        assertThatThrownBy(() -> SOLVER.fit(unlabelled, new double[] {1}, PathProgress.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> new SagaPathSolver(parameters(Penalty.L1, 1, 1e-6)).fit(unlabelled,
            new double[] {1}, PathProgress.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> CGrid.smallestNonZeroC(unlabelled, 1.0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> CGrid.l1MinC(unlabelled))
            .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void stopsAFitWhoseOuterIterationMovesNothingInsteadOfRunningToMaxIter() {
        // tol far below rounding: the optimum is reached at once, and every further outer iteration moves
        // nothing; before, all 1000 ran (and with max_iter Integer.MAX_VALUE the fit never returned)
        final DenseDataset tiny = DenseDataset.of(new double[] {1, 2, 3, 4, 5, 6}, 3, List.of("f0", "f1"),
            new String[] {"a", "b", "a"});
        final NewtonCdPathSolver solver = new NewtonCdPathSolver(parameters(Penalty.L1, 1, 1e-300).withMaxIter(1000));
        final Convergence convergence = solver.fit(tiny, new double[] {1}, PathProgress.NONE).get(0).convergence();
        assertThat(convergence.nIter()).isLessThan(50);
        assertThat(convergence.converged()).isFalse();
        assertThat(convergence.optimalityViolation()).isLessThan(1e-12);
    }

    @Test
    void stopsAFitWhoseInterceptsOnlyWobbleInTheirLastBitsInsteadOfRunningToMaxIter() {
        // all weights zero (C far below the smallest non-zero C) and tol below rounding: the intercepts then
        // move by an ulp or so per outer iteration, forever; an exact-equality stall check never fired and a
        // new user's run with max_iter 2^31 - 1 sat at 0 % for hours (here 100000: all of them ran)
        final NewtonCdPathSolver solver = new NewtonCdPathSolver(
            parameters(Penalty.L1, 1, 1e-300).withMaxIter(100_000));
        final double cBelowFirstWeight = CGrid.smallestNonZeroC(DATA, 1.0) / 100;
        final PathPoint point = solver.fit(DATA, new double[] {cBelowFirstWeight}, PathProgress.NONE).get(0);
        assertThat(point.convergence().nIter()).isLessThan(1000);
        assertThat(point.convergence().converged()).isFalse();
        assertThat(point.model().nonZeroCount()).isZero();
        assertThat(point.convergence().optimalityViolation()).isLessThan(1e-12);
    }

    @Test
    void refusesValuesOfCThatDoNotIncreaseStrictly() {
        assertThatThrownBy(() -> SOLVER.fit(DATA, new double[] {0.1, 1, 1}, PathProgress.NONE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("C[2] = 1.0 is not larger than C[1] = 1.0")
            .hasMessageContaining("strictly increasing order");
        assertThatThrownBy(() -> SOLVER.fit(DATA, new double[] {1, 0.1}, PathProgress.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C[1] = 0.1 is not larger than C[0] = 1.0");
    }

    @Test
    void refusesANonFiniteValueNamingItsColumnAndRow() {
        final double[] x = DATA.values().clone();
        x[5 * 4 + 2] = Double.NaN;
        assertThatThrownBy(() -> SOLVER.fit(DATA.withValues(x), new double[] {1}, PathProgress.NONE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Column 'f2' holds a missing value (NaN) in row 5").hasMessageContaining("impute");
        x[5 * 4 + 2] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> SOLVER.fit(DATA.withValues(x), new double[] {1}, PathProgress.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an infinite value in row 5");
    }

    @Test
    void refusesDataOfOneClassOrWithoutLabelsOrRows() {
        final String[] one = new String[60];
        java.util.Arrays.fill(one, "a");
        assertThatThrownBy(() -> SOLVER.fit(DenseDataset.of(DATA.values(), 60, DATA.columnNames(), one),
            new double[] {1}, PathProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least 2 classes").hasMessageContaining("only one class: 'a'");
        assertThatThrownBy(() -> SOLVER.fit(DenseDataset.of(DATA.values(), 60, DATA.columnNames(), null),
            new double[] {1}, PathProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no labels");
        assertThatThrownBy(() -> SOLVER.fit(DenseDataset.of(new double[0], 0, DATA.columnNames(), new String[0]),
            new double[] {1}, PathProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no rows");
    }

    @Test
    void refusesAToleranceOfZeroWhichItCouldNeverMeet() {
        assertThatThrownBy(() -> new NewtonCdPathSolver(parameters(Penalty.L1, 1, 0)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tol must be greater than 0");
    }

    @Test
    void stopsWithinASweepWhenCancelled() {
        final DenseDataset data = synthetic(400, 30, 3, 2);
        final int[] polls = {0};
        final PathProgress cancelSoon = new PathProgress() {
            @Override
            public void epochFinished(final int epoch, final int maxIter, final double change) {
                throw new AssertionError("no outer iteration may finish after the cancel request");
            }

            @Override
            public boolean cancelRequested() {
                return ++polls[0] > 1;
            }
        };
        assertThatThrownBy(() -> new NewtonCdPathSolver(parameters(Penalty.L1, 1, 1e-9)).fit(data,
            new double[] {10}, cancelSoon)).isInstanceOf(CancellationException.class);
        assertThat(polls[0]).isEqualTo(2);
    }

    @Test
    void anAllZeroColumnKeepsZeroWeightsAndTheModelHasEveryColumn() {
        final List<PathPoint> path = SOLVER.fit(DATA, new double[] {0.1, 10}, PathProgress.NONE);
        // synthetic data leaves its last column 0
        for (final PathPoint point : path) {
            assertThat(point.model().featureNames()).isEqualTo(DATA.columnNames());
            for (int row = 0; row < point.model().coefRows(); row++) {
                assertThat(point.model().coefRow(row)[3]).isZero();
            }
        }
    }
}
