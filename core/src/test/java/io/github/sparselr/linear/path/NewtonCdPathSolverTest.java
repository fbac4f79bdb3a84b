package io.github.sparselr.linear.path;

import static io.github.sparselr.linear.path.CdTestData.parameters;
import static io.github.sparselr.linear.path.CdTestData.synthetic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NewtonCdPathSolverTest {

    /**
     * SAGA (scikit-learn 1.2.1's algorithm) solved to tol 1e-8 and the coordinate-descent solver reach the
     * same objective within 1e-8 relative, with the same zero pattern wherever the optimality conditions
     * leave no doubt: a weight that is zero with its loss gradient clearly inside [−λ₁, λ₁] is zero in
     * both, and a weight clearly away from zero is non-zero in both.
     */
    /** The objective at C of a model whose parameters may carry another C. */
    private static double objective(final DenseDataset data, final LogisticModel model, final double c) {
        return Objectives.convergence(at(model, c), data).objective();
    }

    private static double violation(final DenseDataset data, final LogisticModel model, final double c) {
        return Objectives.convergence(at(model, c), data).optimalityViolation();
    }

    private static LogisticModel at(final LogisticModel m, final double c) {
        return new LogisticModel(m.classes(), m.featureNames(), m.coef(), m.intercept(), m.nIter(), m.converged(),
            m.history(), m.parameters().withC(c));
    }

    @ParameterizedTest(name = "{0} classes, {1}, l1_ratio {2}, C {3}")
    @CsvSource({"3, l1, 1, 0.05", "3, elasticnet, 0.5, 0.1", "2, l1, 1, 0.05", "2, elasticnet, 0.3, 0.2",
        "4, l2, 0, 0.1"})
    void reachesTheObjectiveOfSagaSolvedToTol1e8(final int classes, final String penalty, final double l1Ratio,
        final double c) {
        final DenseDataset data = synthetic(300, 12, classes, 42);
        final SagaParameters p = parameters(Penalty.parse(penalty), l1Ratio, 1e-8).withC(c);
        final LogisticModel saga = new SagaSolver(p).fit(data);
        assertThat(saga.converged()).isTrue();
        final PathPoint point = new NewtonCdPathSolver(p.withTol(1e-11)).fit(data, new double[] {c},
            PathProgress.NONE).get(0);
        final LogisticModel cd = point.model();

        final double sagaObjective = objective(data, saga, c);
        final double cdObjective = objective(data, cd, c);
        assertThat(Math.abs(cdObjective - sagaObjective) / sagaObjective).isLessThanOrEqualTo(1e-8);
        assertThat(point.convergence().objective()).isCloseTo(cdObjective, within(1e-12 * cdObjective));
        assertThat(point.convergence().converged()).isTrue();
        assertThat(violation(data, cd, c)).isLessThanOrEqualTo(1e-11 * 1.01);

        final double[] gradient = CdTestData.lossGradient(data, cd);
        final double l1 = CdTestData.strengths(p, c, data.rows())[0];
        final double[] w = cd.coef();
        final double[] v = saga.coef();
        int clearZeros = 0;
        for (int q = 0; q < w.length; q++) {
            if (w[q] == 0 && Math.abs(gradient[q]) < 0.99 * l1) {
                assertThat(v[q]).as("weight %d, zero with a clear margin", q).isZero();
                clearZeros++;
            }
            if (Math.abs(w[q]) > 1e-4) {
                assertThat(v[q]).as("weight %d, clearly non-zero", q).isNotZero();
            }
            assertThat(w[q]).isCloseTo(v[q], within(1e-4));
        }
        if (l1 > 0) {
            assertThat(clearZeros).as("the test needs zero weights to compare").isPositive();
        }
        assertThat(cd.coefRows()).isEqualTo(saga.coefRows());
        assertThat(cd.classes()).isEqualTo(saga.classes());
    }

    @ParameterizedTest(name = "{0} classes, {1}")
    @CsvSource({"3, l1, 1", "2, l1, 1", "3, elasticnet, 0.5"})
    void aWarmStartedPathEqualsColdFitsAtEachC(final int classes, final String penalty, final double l1Ratio) {
        final DenseDataset data = synthetic(300, 12, classes, 7);
        final SagaParameters p = parameters(Penalty.parse(penalty), l1Ratio, 1e-10);
        final double[] cs = {0.005, 0.01, 0.03, 0.1, 1};
        final NewtonCdPathSolver solver = new NewtonCdPathSolver(p);
        final List<PathPoint> path = solver.fit(data, cs, PathProgress.NONE);
        assertThat(path).hasSize(cs.length);
        for (int i = 0; i < cs.length; i++) {
            final PathPoint cold = solver.fit(data, new double[] {cs[i]}, PathProgress.NONE).get(0);
            final double warm = objective(data, path.get(i).model(), cs[i]);
            assertThat(path.get(i).c()).isEqualTo(cs[i]);
            assertThat(path.get(i).model().parameters().c()).isEqualTo(cs[i]);
            assertThat(Math.abs(warm - objective(data, cold.model(), cs[i])) / warm).isLessThanOrEqualTo(1e-12);
            assertThat(violation(data, path.get(i).model(), cs[i])).isLessThanOrEqualTo(1e-10 * 1.01);
            assertThat(path.get(i).convergence().optimalityViolation()).isLessThanOrEqualTo(1e-10);
        }
        // the smallest C is below l1_min_c here: every weight is zero, as the strong rule predicts
        assertThat(path.get(0).model().nonZeroCount()).isZero();
        assertThat(path.get(cs.length - 1).model().nonZeroCount()).isGreaterThan(path.get(1).model().nonZeroCount());
    }

    @Test
    void stopsAtTheStatedOptimalityViolationAndReportsIt() {
        final DenseDataset data = synthetic(300, 12, 3, 3);
        final double[] cs = {0.01, 0.1, 1};
        for (final double tol : new double[] {1e-3, 1e-6}) {
            final List<PathPoint> path = new NewtonCdPathSolver(parameters(Penalty.L1, 1, tol)).fit(data, cs,
                PathProgress.NONE);
            for (final PathPoint point : path) {
                assertThat(point.convergence().converged()).isTrue();
                final double independent = violation(data, point.model(), point.c());
                assertThat(independent).isLessThanOrEqualTo(tol);
                assertThat(point.convergence().optimalityViolation()).isCloseTo(independent, within(1e-12));
                assertThat(point.convergence().nIter()).isPositive();
                assertThat(point.model().nIter()).isEqualTo(point.convergence().nIter());
            }
        }
    }

    @Test
    void reportsEveryPointAndEveryOuterIterationInOrder() {
        final DenseDataset data = synthetic(200, 8, 3, 5);
        final List<Integer> finished = new ArrayList<>();
        final int[] iterations = {0};
        final PathProgress progress = new PathProgress() {
            @Override
            public void epochFinished(final int epoch, final int maxIter, final double change) {
                iterations[0]++;
            }

            @Override
            public void pointFinished(final int index, final int count, final PathPoint point) {
                assertThat(count).isEqualTo(3);
                finished.add(index);
            }
        };
        final List<PathPoint> path = new NewtonCdPathSolver(parameters(Penalty.L1, 1, 1e-6)).fit(data,
            new double[] {0.01, 0.1, 1}, progress);
        assertThat(finished).containsExactly(0, 1, 2);
        assertThat(iterations[0]).isEqualTo(path.stream().mapToInt(pt -> pt.convergence().nIter()).sum());
    }

    @Test
    void maxIterBoundsTheOuterIterationsAndSaysTheFitDidNotConverge() {
        final DenseDataset data = synthetic(300, 12, 3, 11);
        final PathPoint point = new NewtonCdPathSolver(parameters(Penalty.L1, 1, 1e-12).withMaxIter(1)).fit(data,
            new double[] {1}, PathProgress.NONE).get(0);
        assertThat(point.convergence().nIter()).isEqualTo(1);
        assertThat(point.convergence().converged()).isFalse();
        assertThat(point.model().converged()).isFalse();
    }
}
