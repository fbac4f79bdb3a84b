package io.github.sparselr.linear.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The C grids against numpy's logspace and scikit-learn 1.2.1's l1_min_c (make_path_fixtures.py). */
class CGridTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/path/grid-fixtures.txt");

    private static DenseDataset data;

    @BeforeAll
    static void load() {
        data = ObjectivesTest.everyFourthPixel(MnistSubset.standardized());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void logSpacedIsNumpysLogspaceWithinAFewUnitsInTheLastPlace(final int index) {
        final HexFixtures.Case c = FIXTURES.get("logspace_" + index);
        final double[] expected = c.doubles("values");
        final int count = Integer.parseInt(c.header(1));
        final double smallest = Double.parseDouble(c.header(2));
        final double largest = Double.parseDouble(c.header(3));
        if (count > 1 && smallest == largest) {
            // numpy repeats the value; a grid of C is only for a path, which refuses repeats, so it is refused
            assertThatThrownBy(() -> CGrid.logSpaced(count, smallest, largest))
                .hasMessageContaining("would repeat it");
            return;
        }
        final double[] actual = CGrid.logSpaced(count, smallest, largest);
        assertThat(actual).hasSameSizeAs(expected);
        int identical = 0;
        long worst = 0;
        for (int i = 0; i < expected.length; i++) {
            // both positive: the distance in units in the last place is the distance of their bits
            final long ulps = Math.abs(Double.doubleToLongBits(actual[i]) - Double.doubleToLongBits(expected[i]));
            assertThat(ulps).as("units in the last place between value %d and numpy's", i).isLessThanOrEqualTo(4);
            worst = Math.max(worst, ulps);
            if (ulps == 0) {
                identical++;
            }
        }
        System.out.printf("logspace_%d: %d of %d values bit-identical to numpy's, at most %d ulp apart%n", index,
            identical, expected.length, worst);
    }

    @Test
    void l1MinCIsScikitLearnsForMultinomialAndBinaryData() {
        for (final String name : List.of("multinomial", "binary")) {
            final HexFixtures.Case c = FIXTURES.get("l1_min_c_" + name);
            final DenseDataset on = c.has("rows") ? data.select(c.ints("rows")) : data;
            final double with = c.doubles("with_intercept")[0];
            final double without = c.doubles("without_intercept")[0];
            assertThat(CGrid.l1MinC(on)).as(name).isCloseTo(with, within(1e-14 * with));
            assertThat(CGrid.l1MinC(on, false, 1.0)).as(name).isCloseTo(without, within(1e-14 * without));
        }
    }

    @Test
    void smallestNonZeroCIsNumpysAndDiffersFromL1MinCForMultinomialData() {
        for (final String name : List.of("multinomial", "binary")) {
            final HexFixtures.Case c = FIXTURES.get("l1_min_c_" + name);
            final DenseDataset on = c.has("rows") ? data.select(c.ints("rows")) : data;
            for (final double l1Ratio : new double[] {1.0, 0.5}) {
                final double expected = c.doubles("c_min_" + l1Ratio)[0];
                assertThat(CGrid.smallestNonZeroC(on, l1Ratio)).as(name).isCloseTo(expected, within(1e-13 * expected));
            }
        }
        // the one-vs-rest bound is far below the multinomial model's: a path from it starts with zeros
        assertThat(CGrid.smallestNonZeroC(data, 1.0) / CGrid.l1MinC(data)).isGreaterThan(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aTightFitJustBelowTheSmallestCHasOnlyZerosAndAboveItSomeWeights(final int classes) {
        final DenseDataset blobs = ObjectivesTest.gaussianBlobs(60, 5, classes, 17);
        for (final double l1Ratio : new double[] {1.0, 0.4}) {
            final double cMin = CGrid.smallestNonZeroC(blobs, l1Ratio);
            final SagaParameters tight = new SagaParameters(l1Ratio == 1 ? Penalty.L1 : Penalty.ELASTICNET, cMin,
                l1Ratio, 1e-12, 200_000, true, 0);
            final LogisticModel below = new SagaSolver(tight.withC(0.99 * cMin)).fit(blobs);
            final LogisticModel above = new SagaSolver(tight.withC(1.5 * cMin)).fit(blobs);
            assertThat(below.converged()).isTrue();
            assertThat(above.converged()).isTrue();
            assertThat(below.nonZeroCount()).as("non-zero weights at 0.99 C_min, l1_ratio %s", l1Ratio).isZero();
            assertThat(above.nonZeroCount()).as("non-zero weights at 1.5 C_min, l1_ratio %s", l1Ratio).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void withoutAnInterceptATightFitJustBelowItsSmallestCHasOnlyZerosAndAboveItSomeWeights(final int classes) {
        final DenseDataset skewed = unbalancedShiftedBlobs(90, 5, classes, 23);
        for (final double l1Ratio : new double[] {1.0, 0.4}) {
            final double cMin = CGrid.smallestNonZeroC(skewed, l1Ratio, false);
            // uncentered features and unbalanced classes: the threshold without an intercept is another one
            assertThat(Math.abs(cMin / CGrid.smallestNonZeroC(skewed, l1Ratio, true) - 1)).isGreaterThan(0.1);
            final SagaParameters tight = new SagaParameters(l1Ratio == 1 ? Penalty.L1 : Penalty.ELASTICNET, cMin,
                l1Ratio, 1e-12, 200_000, false, 0);
            final LogisticModel below = new SagaSolver(tight.withC(0.99 * cMin)).fit(skewed);
            final LogisticModel above = new SagaSolver(tight.withC(1.05 * cMin)).fit(skewed);
            assertThat(below.converged()).isTrue();
            assertThat(above.converged()).isTrue();
            assertThat(below.nonZeroCount()).as("non-zero weights at 0.99 C_min, l1_ratio %s", l1Ratio).isZero();
            assertThat(above.nonZeroCount()).as("non-zero weights at 1.05 C_min, l1_ratio %s", l1Ratio).isPositive();
            assertThat(CGrid.automatic(skewed, l1Ratio, 4, 10, false)[0]).isCloseTo(cMin, within(1e-14 * cMin));
        }
    }

    /** Blobs with every feature shifted by +1 and the first class holding 3 rows of every 5. */
    private static DenseDataset unbalancedShiftedBlobs(final int rows, final int cols, final int classes,
        final long seed) {
        final Random random = new Random(seed);
        final double[] x = new double[rows * cols];
        final String[] y = new String[rows];
        final List<String> names = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            names.add("x" + j);
        }
        for (int i = 0; i < rows; i++) {
            final int label = i % 5 < 3 ? 0 : 1 + i % 5 % (classes - 1);
            y[i] = "c" + label;
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] = 1 + random.nextGaussian() + (j % classes == label ? 1.5 : 0);
            }
        }
        return DenseDataset.of(x, rows, names, y);
    }

    @Test
    void automaticRunsFromTheSmallestCToFactorTimesIt() {
        final double cMin = CGrid.smallestNonZeroC(data, 0.5);
        final double[] grid = CGrid.automatic(data, 0.5, 20, 100);
        assertThat(grid).containsExactly(CGrid.logSpaced(20, cMin, 100 * cMin));
        assertThat(grid[0]).isCloseTo(cMin, within(1e-14 * cMin));
        assertThat(CGrid.automatic(data, Penalty.L1, 0.3, 5, 10)).containsExactly(CGrid.automatic(data, 1.0, 5, 10));
        assertThat(CGrid.automatic(data, Penalty.ELASTICNET, 0.3, 5, 10))
            .containsExactly(CGrid.automatic(data, 0.3, 5, 10));
    }

    @Test
    void pureL2AndNoPenaltyHaveNoAutomaticGridAndSayWhatToGive() {
        assertThatThrownBy(() -> CGrid.automatic(data, 0.0, 20, 100)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("With l1_ratio 0 (pure L2) every C gives non-zero weights, so there is no automatic smallest "
                + "C; give the smallest and the largest C yourself.");
        assertThatThrownBy(() -> CGrid.automatic(data, Penalty.L2, 0.5, 20, 100))
            .hasMessageContaining("give the smallest and the largest C yourself");
        assertThatThrownBy(() -> CGrid.automatic(data, Penalty.NONE, 0.5, 20, 100))
            .hasMessage("With penalty none C has no effect, so there is no path over C; choose penalty l1, "
                + "elasticnet or l2.");
    }

    @Test
    void dataOnWhichNoWeightEverLeavesZeroIsAnError() {
        final DenseDataset constant = DenseDataset.of(new double[] {1, 1, 1, 1}, 4, List.of("x"),
            new String[] {"a", "b", "a", "b"});
        assertThatThrownBy(() -> CGrid.smallestNonZeroC(constant, 1.0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("No value of C makes a weight non-zero on this data");
        final DenseDataset zeros = DenseDataset.of(new double[4], 4, List.of("x"), new String[] {"a", "b", "a", "c"});
        assertThatThrownBy(() -> CGrid.l1MinC(zeros, false, 1.0))
            .hasMessage("Ill-posed l1_min_c calculation: l1 will always select zero coefficients for this data.");
    }

    @Test
    void rejectsBadGridSettingsNamingThem() {
        assertThatThrownBy(() -> CGrid.logSpaced(0, 1, 2))
            .hasMessage("The number of values of C must be in [1, 10000], was 0.");
        // before: an OutOfMemoryError ("Requested array size exceeds VM limit")
        assertThatThrownBy(() -> CGrid.logSpaced(Integer.MAX_VALUE, 1, 2))
            .hasMessage("The number of values of C must be in [1, 10000], was 2147483647.");
        assertThatThrownBy(() -> CGrid.automatic(data, 1.0, 10_001, 10))
            .hasMessage("The number of values of C must be in [1, 10000], was 10001.");
        assertThat(CGrid.logSpaced(10_000, 1, 2)).hasSize(10_000);
        // before: [1.0, 1.0], a grid every path solver refuses
        assertThatThrownBy(() -> CGrid.logSpaced(2, 1, 1)).hasMessage("The smallest and the largest C are both 1.0, "
            + "so 2 values of C would repeat it; give a larger largest C or 1 value of C.");
        assertThat(CGrid.logSpaced(1, 1, 1)).containsExactly(1.0);
        assertThatThrownBy(() -> CGrid.logSpaced(5, 0, 2))
            .hasMessage("The smallest C must be a finite number larger than 0, was 0.0.");
        assertThatThrownBy(() -> CGrid.logSpaced(5, 1, Double.NaN))
            .hasMessage("The largest C must be a finite number larger than 0, was NaN.");
        assertThatThrownBy(() -> CGrid.logSpaced(5, 2, 1))
            .hasMessage("The largest C (1.0) is smaller than the smallest (2.0); give the smallest C first.");
        assertThatThrownBy(() -> CGrid.automatic(data, 1.0, 5, 1))
            .hasMessage("The factor from the smallest to the largest C must be a finite number larger than 1, was 1.0.");
        assertThatThrownBy(() -> CGrid.automatic(data, 1.0, 5, Double.POSITIVE_INFINITY))
            .hasMessageStartingWith("The factor from the smallest to the largest C must be a finite number");
        final DenseDataset oneClass = DenseDataset.of(new double[] {1, 2}, 2, List.of("x"), new String[] {"a", "a"});
        assertThatThrownBy(() -> CGrid.smallestNonZeroC(oneClass, 1.0))
            .hasMessage("The data holds only one class, 'a'; a logistic regression needs at least two.");
    }
}
