package io.github.sparselr.linear.path;

import static io.github.sparselr.testing.Distances.maxAbs;
import static io.github.sparselr.testing.Distances.maxAbsDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.testing.HexFixtures;
import io.github.sparselr.testing.MnistSubset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SAGA path against scikit-learn 1.2.1's {@code LogisticRegression(warm_start=True)} refitted with
 * {@code set_params(C=c)} along the same grid (make_path_fixtures.py): the same n_iter at every C and
 * the coefficients within 1e-12 of max |coef|.
 */
class SagaPathSolverTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/path/path-fixtures.txt");

    private static DenseDataset data;

    @BeforeAll
    static void load() {
        data = ObjectivesTest.everyFourthPixel(MnistSubset.standardized());
    }

    /** Header: name, penalty, l1_ratio, tol, max_iter, fit_intercept, random_state. */
    private static SagaParameters parametersOf(final HexFixtures.Case c) {
        return new SagaParameters(Penalty.parse(c.header(1)), 1.0, Double.parseDouble(c.header(2)),
            Double.parseDouble(c.header(3)), Integer.parseInt(c.header(4)), c.header(5).equals("1"),
            Long.parseLong(c.header(6)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1", "elasticnet", "binary_l1", "binary_elasticnet"})
    void eachPointIsScikitLearnsWarmStartedRefitAtThatC(final String name) {
        final HexFixtures.Case c = FIXTURES.get(name);
        final DenseDataset on = c.has("rows") ? data.select(c.ints("rows")) : data;
        final double[] cs = c.doubles("cs");
        final List<Integer> finished = new ArrayList<>();
        final List<PathPoint> points = new SagaPathSolver(parametersOf(c)).fit(on, cs, new PathProgress() {
            @Override
            public void epochFinished(final int epoch, final int maxIter, final double change) {
            }

            @Override
            public void pointFinished(final int index, final int count, final PathPoint point) {
                assertThat(count).isEqualTo(cs.length);
                finished.add(index);
            }
        });

        assertThat(finished).containsExactly(java.util.stream.IntStream.range(0, cs.length).boxed()
            .toArray(Integer[]::new));
        assertThat(points).hasSize(cs.length);
        final int[] nIter = c.ints("n_iter");
        for (int i = 0; i < cs.length; i++) {
            final PathPoint point = points.get(i);
            final LogisticModel model = point.model();
            assertThat(point.c()).isEqualTo(cs[i]);
            assertThat(model.parameters().c()).isEqualTo(cs[i]);
            assertThat(model.classes()).containsExactly(c.words("classes"));
            assertThat(model.nIter()).as("n_iter at C[%d]", i).isEqualTo(nIter[i]);
            final double[] coef = c.doubles("coef_" + i);
            final double scale = Math.max(maxAbs(coef), Double.MIN_NORMAL);
            assertThat(maxAbsDifference(model.coef(), coef)).as("coef at C[%d]", i).isLessThanOrEqualTo(1e-12 * scale);
            assertThat(maxAbsDifference(model.intercept(), c.doubles("intercept_" + i))).as("intercept at C[%d]", i)
                .isLessThanOrEqualTo(1e-12 * Math.max(scale, maxAbs(c.doubles("intercept_" + i))));
            assertThat(point.convergence()).isEqualTo(Objectives.convergence(model, on));
            assertThat(point.convergence().nIter()).isEqualTo(nIter[i]);
            assertThat(point.fitNanos()).isPositive();
            System.out.printf("path %-18s C %.5g  n_iter %3d  sparsity %.3f  objective %.6f  violation %.2e%n", name,
                cs[i], model.nIter(), model.sparsity(), point.convergence().objective(),
                point.convergence().optimalityViolation());
        }
    }

    @Test
    void aPointOfOneCIsTheSingleFit() {
        final DenseDataset blobs = ObjectivesTest.gaussianBlobs(30, 4, 3, 5);
        final SagaParameters p = new SagaParameters(Penalty.L1, 0.3, 0, 1e-4, 300, true, 4);
        final List<PathPoint> path = new SagaPathSolver(p).fit(blobs, new double[] {0.3}, PathProgress.NONE);
        assertThat(path.get(0).model()).isEqualTo(new SagaSolver(p).fit(blobs));
    }

    @Test
    void aCancelDuringAFitPassesThroughAndNoLaterPointIsFitted() {
        final DenseDataset blobs = ObjectivesTest.gaussianBlobs(30, 4, 3, 5);
        final SagaParameters p = new SagaParameters(Penalty.L1, 1, 0, 0, 50, true, 0);
        final List<Integer> finished = new ArrayList<>();
        final PathProgress cancelInTheSecondFit = new PathProgress() {
            private int epochs;

            @Override
            public void epochFinished(final int epoch, final int maxIter, final double change) {
                epochs++;
            }

            @Override
            public boolean cancelRequested() {
                return epochs > 60;
            }

            @Override
            public void pointFinished(final int index, final int count, final PathPoint point) {
                finished.add(index);
            }
        };
        assertThatThrownBy(() -> new SagaPathSolver(p).fit(blobs, new double[] {0.1, 1, 10}, cancelInTheSecondFit))
            .isInstanceOf(CancellationException.class);
        assertThat(finished).containsExactly(0);
    }

    @Test
    void rejectsAnEmptyGridAndNamesTheFirstBadValue() {
        final SagaPathSolver solver = new SagaPathSolver(SagaParameters.mnistStudy());
        final DenseDataset blobs = ObjectivesTest.gaussianBlobs(9, 2, 3, 1);
        assertThatThrownBy(() -> solver.fit(blobs, new double[0], PathProgress.NONE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("The grid of C is empty; give at least one value of C.");
        assertThatThrownBy(() -> solver.fit(blobs, new double[] {0.1, 0.2, 0.2}, PathProgress.NONE))
            .hasMessage("C[2] = 0.2 is not larger than C[1] = 0.2; give the values of C in strictly increasing order "
                + "(from the most to the least regularized), each once.");
        assertThatThrownBy(() -> solver.fit(blobs, new double[] {1, 0.5}, PathProgress.NONE))
            .hasMessageStartingWith("C[1] = 0.5 is not larger than C[0] = 1.0;");
        for (final double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0, -1}) {
            assertThatThrownBy(() -> solver.fit(blobs, new double[] {0.01, bad}, PathProgress.NONE))
                .hasMessage("C[1] is " + bad + "; every C must be a finite number larger than 0.");
        }
    }

    @Test
    void refusesPenaltyNoneWhoseCHasNoEffect() {
        assertThatThrownBy(() -> new SagaPathSolver(SagaParameters.mnistStudy().withPenalty(Penalty.NONE)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("With penalty none C has no effect, so there is no path over C; choose penalty l1, "
                + "elasticnet or l2.");
    }
}
