package io.github.sparselr.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.testing.HexFixtures;
import io.github.sparselr.testing.MnistSubset;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel leaves out all-zero columns whose weights start at +0.0 (standardized MNIST has many:
 * constant border pixels). That must change no bit: every fixture case is fitted with and without
 * leaving them out, on the lanes and on the scalar loops, and start weights that thresholding would
 * move keep their column in.
 */
class SagaZeroColumnsTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/saga/saga-fixtures.txt");

    private static DenseDataset standardized;

    private static int[] zeroColumns;

    @BeforeAll
    static void standardize() {
        standardized = MnistSubset.standardized();
        final int d = standardized.cols();
        zeroColumns = IntStream.range(0, d).filter(j -> IntStream.range(0, standardized.rows())
            .allMatch(i -> standardized.values()[i * d + j] == 0)).toArray();
    }

    @Test
    void theSubsetHasManyZeroColumns() {
        assertThat(zeroColumns.length).isGreaterThan(100);
    }

    @Test
    void runsLeaveOutZeroColumnsOnlyWhileTheirWeightsStartAtPlusZero() {
        final boolean[] zero = {false, true, true, false, false, true};
        final int d = zero.length;
        assertThat(SagaKernel.featureRuns(zero, new double[2 * d], 2, d)).containsExactly(0, 1, 3, 5);
        final double[] coef = new double[2 * d];
        coef[d + 1] = -0.0; // class 1, feature 1
        coef[5] = 0.5;      // class 0, feature 5
        assertThat(SagaKernel.featureRuns(zero, coef, 2, d)).containsExactly(0, 2, 3, 6);
        assertThat(SagaKernel.featureRuns(new boolean[3], new double[3], 1, 3)).containsExactly(0, 3);
        assertThat(SagaKernel.featureRuns(new boolean[] {true, true}, new double[2], 1, 2)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1", "l2", "elasticnet", "none", "l2_rescale", "elasticnet_rescale", "sample_weight",
        "binary_l1", "binary_l2", "max_iter", "no_intercept", "seed_42"})
    void leavingZeroColumnsOutChangesNoBit(final String name) {
        final HexFixtures.Case c = FIXTURES.get(name);
        final DenseDataset data = c.has("rows") ? standardized.select(c.ints("rows")) : standardized;
        final double[] weights = c.has("sample_weight") ? c.doubles("sample_weight") : null;
        final SagaParameters parameters = SagaSolverFidelityTest.parametersOf(c);
        for (final boolean lanes : new boolean[] {true, false}) {
            assertSameBits(new SagaSolver(parameters, lanes, true).fit(data, weights, null, FitProgress.NONE),
                new SagaSolver(parameters, lanes, false).fit(data, weights, null, FitProgress.NONE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1", "l2", "elasticnet"})
    void startWeightsInZeroColumnsKeepTheirColumnsIn(final String penalty) {
        final SagaParameters parameters = SagaParameters.mnistStudy().withPenalty(Penalty.parse(penalty))
            .withL1Ratio(0.5).withC(50.0 / standardized.rows()).withMaxIter(3);
        final LogisticModel first = new SagaSolver(parameters).fit(standardized);
        final double[] coef = first.coef();
        final int d = standardized.cols();
        coef[zeroColumns[0]] = 0.5;             // class 0: thresholding shrinks it each step
        coef[d + zeroColumns[1]] = -0.0;        // class 1: the sign of a zero may flip
        final LogisticModel start = new LogisticModel(first.classes(), first.featureNames(), coef, first.intercept(),
            first.nIter(), first.converged(), first.history(), parameters);
        for (final boolean lanes : new boolean[] {true, false}) {
            final LogisticModel skipping = new SagaSolver(parameters, lanes, true)
                .fit(standardized, null, start, FitProgress.NONE);
            assertSameBits(skipping, new SagaSolver(parameters, lanes, false)
                .fit(standardized, null, start, FitProgress.NONE));
            if (!penalty.equals("l2")) {
                // visited: thresholded at each of the 3000 steps (~0.009 in all), not only at the
                // three epochs' ends (~1e-5)
                assertThat(skipping.coef()[zeroColumns[0]]).isLessThan(0.5 - 1e-3);
            }
        }
    }

    /** Same n_iter, and coef, intercept and history to the bit. */
    static void assertSameBits(final LogisticModel a, final LogisticModel b) {
        assertThat(a.nIter()).isEqualTo(b.nIter());
        assertThat(bits(a.coef())).isEqualTo(bits(b.coef()));
        assertThat(bits(a.intercept())).isEqualTo(bits(b.intercept()));
        assertThat(bits(a.history())).isEqualTo(bits(b.history()));
    }

    private static long[] bits(final double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
